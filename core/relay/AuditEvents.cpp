// SPDX-License-Identifier: GPL-3.0-only
#include "relay/AuditEvents.h"

#include "relay/RouterSink.h"

namespace advocate {

void AuditEvents::serviceNoticeChanged(const std::optional<ServiceNotice> &notice)
{
    m_sink.audit(notice ? QStringLiteral("service_notice_set kind=%1").arg(ServiceNotice::kindName(notice->kind))
                        : QStringLiteral("service_notice_cleared"));
}

void AuditEvents::serviceNoticeSetBy(const QString &user, const std::optional<ServiceNotice> &notice)
{
    m_sink.audit((notice ? QStringLiteral("service_notice_set kind=%1").arg(ServiceNotice::kindName(notice->kind))
                         : QStringLiteral("service_notice_cleared")) +
                 QStringLiteral(" user=%1").arg(user));
}

void AuditEvents::supervision(const char *event, const QString &user, const QString &conversation,
                              const QString &details)
{
    QString line = QStringLiteral("%1 user=%2").arg(QLatin1String(event), user);
    if (!conversation.isEmpty())
        line += QStringLiteral(" conversation=%1").arg(conversation);
    if (!details.isEmpty())
        line += QLatin1Char(' ') + details;
    m_sink.audit(line);
}

void AuditEvents::sourceSessionCap()
{
    m_sink.refused(Refusal::TooManySessions, QString());
}

void AuditEvents::startRefused(bool open, const QString &language)
{
    // `language` is one of the config's languages: the router refuses any other before it gets here.
    m_sink.refused(open ? Refusal::QueueFull : Refusal::ChatClosed, language);
}

void AuditEvents::signInFailed(bool lockedOut)
{
    m_sink.refused(lockedOut ? Refusal::SignInLockedOut : Refusal::SignInFailed, QString());
}

void AuditEvents::rateLimited()
{
    m_sink.refused(Refusal::RateLimited, QString());
}

void AuditEvents::tooManyErrors()
{
    m_sink.refused(Refusal::TooManyErrors, QString());
}

void AuditEvents::practiceMismatch()
{
    m_sink.refused(Refusal::PracticeMismatch, QString());
}

void AuditEvents::staffReclaimed(const QString &user, Role role)
{
    m_sink.audit(QStringLiteral("reclaimed_after_restart user=%1 role=%2").arg(user, roleName(role)));
}

void AuditEvents::signedIn(const QString &user, Role role)
{
    m_sink.audit(QStringLiteral("signed_in user=%1 role=%2").arg(user, roleName(role)));
}

void AuditEvents::staffSessionDropped(const QString &user)
{
    m_sink.audit(QStringLiteral("staff_session_dropped user=%1").arg(user));
}

void AuditEvents::transferOffered(const QString &user, frame::TransferTarget target, const QString &to)
{
    QString line = QStringLiteral("transfer_offered user=%1 to=%2").arg(user, frame::transferTargetName(target));
    if (!to.isEmpty())
        line += QStringLiteral(" receiver=%1").arg(to);
    m_sink.audit(line);
}

void AuditEvents::transferClosed(const QString &user, frame::TransferState outcome, const QString &by)
{
    QString line = QStringLiteral("transfer_closed user=%1 outcome=%2").arg(user, frame::transferStateName(outcome));
    if (!by.isEmpty())
        line += QStringLiteral(" by=%1").arg(by);
    m_sink.audit(line);
}

void AuditEvents::conversationRequeued(const QString &from, HandoffReason reason)
{
    m_sink.audit(QStringLiteral("conversation_requeued user=%1 reason=%2").arg(from, handoffReasonName(reason)));
}

void AuditEvents::shiftLogPosted(const QString &user)
{
    m_sink.audit(QStringLiteral("shift_log_posted user=%1").arg(user));
}

void AuditEvents::shiftLogDropped(int entries, bool expired)
{
    m_sink.audit(QStringLiteral("shift_log_dropped entries=%1 reason=%2")
                     .arg(entries)
                     .arg(expired ? QStringLiteral("expired") : QStringLiteral("read")));
}

void AuditEvents::shiftEndOverride(const QString &user, const frame::ShiftEndOverride &shiftEnd, qsizetype relayOpen)
{
    m_sink.audit(QStringLiteral("shift_end_override user=%1 category=%2 reason_chars=%3 open=%4 relay_open=%5")
                     .arg(user, frame::overrideCategoryName(shiftEnd.category))
                     .arg(shiftEnd.reasonChars)
                     .arg(shiftEnd.open)
                     .arg(relayOpen));
}

} // namespace advocate
