// SPDX-License-Identifier: GPL-3.0-only
// Chat's staff side (docs/protocol.md section 17), beside Chat.cpp's conversation with the survivor: who else on the
// staff side is in the chat and how this workstation stands in it, which of them types, whispers between staff (shown
// in the transcript marked as staff-only, never sent to the survivor), and the raised hand.
#include "client/Chat.h"

#include "client/ClientSession.h"
#include "client/Shift.h"

namespace advocate {

namespace {

QString presenceText(const QString &user, Participation participation)
{
    switch (participation) {
    case Participation::Answering:
        return Chat::tr("%1 answers this chat now.").arg(user);
    case Participation::Joined:
        return Chat::tr("%1 (supervisor) joined this chat; the survivor was told.").arg(user);
    case Participation::Observing:
        return Chat::tr("%1 reads along and cannot write to the survivor.").arg(user);
    case Participation::Monitoring:
        return Chat::tr("%1 (supervisor) reads along silently.").arg(user);
    }
    return QString();
}

QString ownText(Participation participation)
{
    switch (participation) {
    case Participation::Answering:
        return Chat::tr("You answer this chat now.");
    case Participation::Joined:
        return Chat::tr("You joined this chat; the survivor was told a supervisor joined. You can write.");
    case Participation::Observing:
        return Chat::tr("A supervisor took this chat over. You read along and cannot write to the survivor.");
    case Participation::Monitoring:
        return Chat::tr("You read along silently. The survivor is not told; you cannot write to them.");
    }
    return QString();
}

} // namespace

void Chat::setStaffPresent(const QList<frame::Presence> &staff, const QString &me)
{
    const QList<frame::Presence> before = m_staffPresent;
    m_staffPresent = staff;
    std::optional<Participation> mine;
    for (const frame::Presence &presence : staff) {
        if (presence.user == me)
            mine = presence.participation;
    }
    if (!mine) {
        // The chat left this workstation: released after a take-over, a hand-back, or we left it.
        QString answering;
        for (const frame::Presence &presence : staff) {
            if (presence.participation == Participation::Answering)
                answering = presence.user;
        }
        if (isOpen())
            setHandedOff(answering, tr("You are no longer in this chat; %1 answers the survivor now.").arg(answering));
        return;
    }
    if (*mine != m_participation) {
        m_participation = *mine;
        addNotice(ownText(*mine));
        if (!canWrite())
            stopTyping();
    }
    for (const frame::Presence &presence : staff) {
        if (presence.user == me)
            continue;
        if (presence.participation != Participation::Answering && presence.participation != Participation::Observing)
            m_handRaised = false; // a supervisor came
        const bool known = std::any_of(before.cbegin(), before.cend(), [&](const frame::Presence &old) {
            return old.user == presence.user && old.participation == presence.participation;
        });
        if (!known)
            addNotice(presenceText(presence.user, presence.participation));
    }
    for (const frame::Presence &old : before) {
        const bool still =
            std::any_of(staff.cbegin(), staff.cend(), [&](const frame::Presence &now) { return now.user == old.user; });
        if (!still && old.user != me) {
            addNotice(tr("%1 left this chat.").arg(old.user));
            m_colleaguesTyping.removeAll(old.user);
        }
    }
    Q_EMIT changed();
}

void Chat::setColleagueTyping(const QString &user, bool active)
{
    if (!isOpen() || active == m_colleaguesTyping.contains(user))
        return;
    if (active)
        m_colleaguesTyping.append(user);
    else
        m_colleaguesTyping.removeAll(user);
    Q_EMIT changed();
}

void Chat::whisper(const QString &body)
{
    if (!isOpen() || body.trimmed().isEmpty())
        return;
    m_shift.session().supervise(frame::Whisper{m_id, body.trimmed()});
}

void Chat::receiveWhisper(const QString &from, const QString &body, const QDateTime &at)
{
    Entry entry;
    entry.direction = MessageDirection::System;
    entry.author = tr("Whisper from %1 — staff only, the survivor does not see it").arg(from);
    entry.text = body;
    entry.at = at;
    append(entry);
    m_handRaised = false;
    Q_EMIT changed();
}

void Chat::raiseHand(bool raised)
{
    if (!isOpen() || m_participation != Participation::Answering || m_handRaised == raised)
        return;
    m_handRaised = raised;
    m_shift.session().supervise(frame::RaiseHand{m_id, raised});
    addNotice(raised ? tr("You asked a supervisor for help with this chat.") : tr("You lowered your hand."));
    Q_EMIT changed();
}

} // namespace advocate
