// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace advocate {

class Shift;

// The workstation's side of handing chats on (WS12, docs/protocol.md section 15) and of the shift log (WS13,
// section 16): offers this advocate made and how they stand, offers made to this advocate, who is on shift to
// offer to, and the shift-log entries for this shift. Owned by the Shift and emptied when the shift ends, notes and
// all. What the chats themselves show of a handoff (a notice, the note, the earlier advocate's messages) is the
// Chat's; this class routes the relay's handoff frames to it.
class Handoffs : public QObject
{
    Q_OBJECT
public:
    // An offer of someone else's chat to this advocate, with the note (an opaque body; HandoffNote reads it).
    struct IncomingOffer
    {
        QString offer;
        QString conversation;
        QString from;
        QString language;
        QString alias;
        QString note;
        bool toSupervisors = false;
        qint64 expiresAtMs = 0; // on the shift's monotonic clock
    };
    // This advocate's standing offer of one of their chats.
    struct Outgoing
    {
        QString offer;
        qint64 expiresAtMs = 0;
    };
    struct LogEntry
    {
        QString entry;
        QString author;
        QString body;
        QDateTime at;
    };

    explicit Handoffs(Shift &shift);

    // Offers `chat` to a colleague (`user`), the supervisors or the queue, with the note body. The chat stays this
    // advocate's until the offer is accepted (or, for the queue, until the relay confirms).
    void offer(const QString &chat, frame::TransferTarget to, const QString &user, const QString &note);
    void withdraw(const QString &chat);
    std::optional<Outgoing> outgoing(const QString &chat) const;
    bool hasOutgoing() const { return !m_outgoing.isEmpty(); }

    const QList<IncomingOffer> &incoming() const { return m_incoming; }
    void accept(const QString &offer);
    void decline(const QString &offer);

    // Asks the relay who is on shift; rosterChanged() follows.
    void refreshRoster();
    const QList<frame::RosterEntry> &roster() const { return m_roster; }

    // The shift log: posting is the sign-off of the outgoing advocate; entries for this shift until acknowledged.
    void postShiftLog(const QString &body);
    bool shiftLogPosted() const { return m_shiftLogPosted; }
    const QList<LogEntry> &shiftLog() const { return m_shiftLog; }
    void acknowledge(const QString &entry);

    // The shift ended: every offer, note, roster and entry goes.
    void clear();

Q_SIGNALS:
    void incomingChanged();
    void outgoingChanged(const QString &chat);
    // An offer this advocate made closed without a handoff (declined, expired, withdrawn, unavailable): a plain
    // sentence for the window, with no survivor content.
    void offerOutcome(const QString &chat, const QString &sentence);
    // The relay refused an offer (not on shift, at the cap, …): a plain sentence.
    void offerRefused(const QString &sentence);
    void rosterChanged();
    void shiftLogChanged();

private:
    void onStatus(const frame::TransferStatus &status);
    void onRefused(ErrorCode code, const QString &inReplyTo);

    Shift &m_shift;
    QHash<QString, Outgoing> m_outgoing; // by chat
    QList<IncomingOffer> m_incoming;
    QList<frame::RosterEntry> m_roster;
    QList<LogEntry> m_shiftLog;
    bool m_shiftLogPosted = false;
};

} // namespace advocate
