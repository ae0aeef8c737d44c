// SPDX-License-Identifier: GPL-3.0-only
#include "Handoffs.h"

#include "Chat.h"
#include "Shift.h"
#include "cache/ShiftCache.h"
#include "client/ClientSession.h"
#include "common/Clock.h"
#include "common/UtcTime.h"

#include <algorithm>

namespace advocate {

Handoffs::Handoffs(Shift &shift) : QObject(&shift), m_shift(shift)
{
    ClientSession &session = m_shift.session();
    connect(&session, &ClientSession::transferStatus, this, &Handoffs::onStatus);
    connect(&session, &ClientSession::transferOffered, this, [this](const frame::TransferOffer &offer) {
        m_incoming.append({offer.offer, offer.conversation, offer.from, offer.language, offer.alias.value_or(QString()),
                           offer.note.value_or(QString()), offer.toSupervisors,
                           m_shift.clock().monotonicMs() + qint64(offer.expiresInSeconds) * 1000});
        Q_EMIT incomingChanged();
    });
    connect(&session, &ClientSession::transferOfferClosed, this,
            [this](const QString &offer, frame::OfferClosedReason) {
                const auto gone = m_incoming.removeIf([&](const IncomingOffer &o) { return o.offer == offer; });
                if (gone > 0)
                    Q_EMIT incomingChanged();
            });
    connect(&session, &ClientSession::conversationHandedOver, this,
            [this](const QString &conversation, HandoffReason reason, const QString &from, const QString &note) {
                // The offer this advocate accepted is done with.
                m_incoming.removeIf([&](const IncomingOffer &o) { return o.conversation == conversation; });
                Q_EMIT incomingChanged();
                if (Chat *chat = m_shift.chat(conversation))
                    chat->setHandedOver(reason, from, note);
            });
    connect(&session, &ClientSession::rosterReceived, this, [this](const QList<frame::RosterEntry> &staff) {
        m_roster = staff;
        std::sort(m_roster.begin(), m_roster.end(),
                  [](const frame::RosterEntry &a, const frame::RosterEntry &b) { return a.user < b.user; });
        Q_EMIT rosterChanged();
    });
    connect(&session, &ClientSession::shiftLogReceived, this, [this](const frame::ShiftLogEntry &entry) {
        if (std::any_of(m_shiftLog.cbegin(), m_shiftLog.cend(),
                        [&](const LogEntry &held) { return held.entry == entry.entry; }))
            return;
        const QDateTime at = utcFromMSecsSinceEpoch(entry.at);
        m_shiftLog.append({entry.entry, entry.author, entry.body, at});
        // On this workstation it lives in the shift cache, wiped with it.
        NoteRecord record;
        record.kind = NoteKind::ShiftLog;
        record.text = tr("Shift log from %1: %2").arg(entry.author, entry.body);
        record.createdAt = at;
        record.updatedAt = m_shift.clock().now();
        m_shift.cache().addNote(std::move(record), [](const WriteResult &) {});
        Q_EMIT shiftLogChanged();
    });
    connect(&session, &ClientSession::shiftLogPosted, this, [this](const QString &) {
        m_shiftLogPosted = true;
        Q_EMIT shiftLogChanged();
    });
    connect(&session, &ClientSession::requestRefused, this, &Handoffs::onRefused);
}

void Handoffs::offer(const QString &chat, frame::TransferTarget to, const QString &user, const QString &note)
{
    m_shift.session().offerTransfer(chat, to, user, note);
}

void Handoffs::withdraw(const QString &chat)
{
    m_shift.session().withdrawTransfer(chat);
}

std::optional<Handoffs::Outgoing> Handoffs::outgoing(const QString &chat) const
{
    const auto found = m_outgoing.constFind(chat);
    return found == m_outgoing.constEnd() ? std::nullopt : std::optional<Outgoing>(*found);
}

void Handoffs::accept(const QString &offer)
{
    m_shift.session().acceptTransfer(offer);
}

void Handoffs::decline(const QString &offer)
{
    m_shift.session().declineTransfer(offer);
    if (m_incoming.removeIf([&](const IncomingOffer &o) { return o.offer == offer; }) > 0)
        Q_EMIT incomingChanged();
}

void Handoffs::refreshRoster()
{
    m_shift.session().requestRoster();
}

void Handoffs::postShiftLog(const QString &body)
{
    m_shift.session().postShiftLog(body);
}

void Handoffs::acknowledge(const QString &entry)
{
    m_shift.session().acknowledgeShiftLog(entry);
    if (m_shiftLog.removeIf([&](const LogEntry &held) { return held.entry == entry; }) > 0)
        Q_EMIT shiftLogChanged();
}

void Handoffs::clear()
{
    m_outgoing.clear();
    m_incoming.clear();
    m_roster.clear();
    m_shiftLog.clear();
    m_shiftLogPosted = false;
    Q_EMIT incomingChanged();
    Q_EMIT rosterChanged();
    Q_EMIT shiftLogChanged();
}

void Handoffs::onStatus(const frame::TransferStatus &status)
{
    Chat *chat = m_shift.chat(status.conversation);
    const QString by = status.by.value_or(QString());
    QString sentence;
    switch (status.state) {
    case frame::TransferState::Pending:
        m_outgoing.insert(status.conversation, {status.offer, m_shift.clock().monotonicMs() +
                                                                  qint64(status.expiresInSeconds.value_or(0)) * 1000});
        Q_EMIT outgoingChanged(status.conversation);
        return;
    case frame::TransferState::Accepted:
    case frame::TransferState::Queued:
        m_outgoing.remove(status.conversation);
        if (chat)
            chat->setHandedOff(status.state == frame::TransferState::Accepted ? by : QString());
        Q_EMIT outgoingChanged(status.conversation);
        return;
    case frame::TransferState::Declined:
        sentence = tr("%1 declined the handoff. The chat is still yours.").arg(by);
        break;
    case frame::TransferState::Expired:
        sentence = tr("Nobody accepted the handoff in time. The chat is still yours.");
        break;
    case frame::TransferState::Withdrawn:
        sentence = tr("You withdrew the handoff. The chat is still yours.");
        break;
    case frame::TransferState::Unavailable:
        sentence = tr("The colleague you offered the chat to went off shift. The chat is still yours.");
        break;
    }
    m_outgoing.remove(status.conversation);
    if (chat)
        chat->addNotice(sentence);
    Q_EMIT outgoingChanged(status.conversation);
    Q_EMIT offerOutcome(status.conversation, sentence);
}

void Handoffs::onRefused(ErrorCode code, const QString &inReplyTo)
{
    const QString type = inReplyTo;
    if (type != QLatin1String("transfer") && type != QLatin1String("transfer_accept") &&
        type != QLatin1String("transfer_withdraw") && type != QLatin1String("transfer_decline"))
        return;
    QString sentence;
    switch (code) {
    case ErrorCode::NotOnShift:
        sentence = tr("That colleague is not on shift now. Pick someone else, the supervisors or the queue.");
        break;
    case ErrorCode::CapReached:
        sentence = type == QLatin1String("transfer_accept")
                       ? tr("You already have as many chats as you may. End or hand on one first.")
                       : tr("That colleague already has as many chats as they may.");
        break;
    case ErrorCode::OfferGone:
        sentence = tr("That offer no longer stands: it was withdrawn, taken or it expired.");
        break;
    case ErrorCode::BadState:
        sentence = tr("An offer for this chat is already waiting for an answer.");
        break;
    default:
        sentence = tr("The relay refused the handoff.");
        break;
    }
    Q_EMIT offerRefused(sentence);
}

} // namespace advocate
