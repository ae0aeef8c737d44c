// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "relay/TrimmedClientIds.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <algorithm>
#include <deque>
#include <optional>
#include <utility>

namespace advocate {

class HistoryBudget;

// One open conversation between a survivor and a staff member, in memory only (RL7): the message log for gap
// fetch, the client ids already accepted (idempotent resend, WS19), acknowledgements and the survivor's
// silence for the inactivity notices. Message bodies are carried, never read.
//
// Memory is bounded: the log keeps at most maxRetainedMessages and retainedBytesLimit() bytes of text, oldest
// first out. The client ids of trimmed messages are kept only as 64-bit keyed digests, the latest
// TrimmedClientIds::capacity per side in a block of fixed size, so a late resend of a trimmed message is still
// answered as a duplicate and not delivered twice. With a HistoryBudget, what it holds in all (messages and the
// digests' blocks, heldBytes()) also stays within its share of the relay's total, oldest messages first out.
class Conversation
{
public:
    using SessionId = quint64;
    static constexpr int maxRetainedMessages = 5000;
    static constexpr qint64 defaultRetainedBytes = 1024 * 1024;

    Conversation(const QString &id, SessionId survivor, const QString &staffUser, const QString &language,
                 const std::optional<QString> &alias, qint64 nowMs);
    ~Conversation();
    Q_DISABLE_COPY_MOVE(Conversation)

    const QString &id() const { return m_id; }
    SessionId survivor() const { return m_survivor; }
    const QString &staffUser() const { return m_staffUser; }
    const QString &language() const { return m_language; }
    const std::optional<QString> &alias() const { return m_alias; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 startedAtMs() const { return m_startedAtMs; }

    // Handoff (docs/protocol.md section 15): the staff member answering from now on; empty while the conversation
    // waits at the front of the queue. `waiting` says how it got there, for the next staff member, with the note.
    struct Handoff
    {
        HandoffReason reason = HandoffReason::Queue;
        QString from;
        std::optional<QString> note;
    };
    void handTo(const QString &staffUser)
    {
        m_staffUser = staffUser;
        m_present.remove(staffUser);
    }
    void waitInQueue(const Handoff &handoff)
    {
        m_staffUser.clear();
        m_takenFrom.clear();
        m_waiting = handoff;
    }
    bool isWaiting() const { return m_staffUser.isEmpty() && !m_reclaim; }

    // Re-created after a relay restart and waiting for its other side (docs/protocol.md section 8): which sides have
    // claimed it, the greatest lastSeq they claimed, and until when the staff side may still claim it.
    struct Reclaim
    {
        bool survivor = false;
        bool staff = false;
        qint64 lastSeq = 0;
        qint64 untilMs = 0;
    };
    bool isReclaiming() const { return m_reclaim.has_value(); }
    Reclaim *reclaim() { return m_reclaim ? &*m_reclaim : nullptr; }
    void startReclaim(const Reclaim &reclaim) { m_reclaim = reclaim; }
    // Seqs go on after the greatest seq either side had; nothing is renumbered.
    void finishReclaim()
    {
        if (m_reclaim)
            m_lastSeq = std::max(m_lastSeq, m_reclaim->lastSeq);
        m_reclaim.reset();
    }

    // Staff present without answering (docs/protocol.md section 17), by user name.
    const QMap<QString, Participation> &present() const { return m_present; }
    std::optional<Participation> participationOf(const QString &user) const
    {
        if (!user.isEmpty() && user == m_staffUser)
            return Participation::Answering;
        if (const auto found = m_present.constFind(user); found != m_present.constEnd())
            return *found;
        return std::nullopt;
    }
    void setPresent(const QString &user, Participation participation) { m_present.insert(user, participation); }
    bool removePresent(const QString &user) { return m_present.remove(user) > 0; }
    // Everyone on the staff side: the one answering first, then those present.
    QStringList staffUsers() const
    {
        QStringList users;
        if (!m_staffUser.isEmpty())
            users.append(m_staffUser);
        users += m_present.keys();
        return users;
    }
    // The advocate a supervisor took the conversation from, for hand_back; empty when it was not taken over.
    const QString &takenFrom() const { return m_takenFrom; }
    void setTakenFrom(const QString &user) { m_takenFrom = user; }
    bool handRaised() const { return m_handRaised; }
    void setHandRaised(bool raised) { m_handRaised = raised; }
    const std::optional<Handoff> &waitingHandoff() const { return m_waiting; }
    // How the conversation came to wait, once: the note is dropped as it is handed on.
    std::optional<Handoff> takeWaitingHandoff() { return std::exchange(m_waiting, std::nullopt); }

    struct Acceptance
    {
        frame::Message message;
        bool duplicate = false;
    };
    // Gives the message the next seq, or, for a client id this side already used, the seq it got then. `by` is the
    // staff member who wrote it (section 17), `supervisor` whether a supervisor did (joined, or after a take-over).
    Acceptance accept(Side from, const QString &clientId, const QString &body, qint64 wallMs, qint64 nowMs,
                      const QString &by = QString(), bool supervisor = false);
    QList<frame::Message> messagesAfter(qint64 seq) const;
    struct Page
    {
        QList<frame::Message> messages;
        bool more = false; // later messages exist beyond this page
    };
    // At most `maxMessages` messages and about `maxBytes` of text after `seq` (always at least one if any).
    Page pageAfter(qint64 seq, int maxMessages, qint64 maxBytes) const;
    // The oldest seq still held (lastSeq() + 1 when none is); older messages were trimmed.
    qint64 oldestSeq() const { return m_log.empty() ? m_lastSeq + 1 : m_log.front().seq; }
    void setRetainedBytesLimit(qint64 bytes) { m_retainedBytesLimit = std::max<qint64>(bytes, 1); }
    qint64 retainedBytesLimit() const { return m_retainedBytesLimit; }
    qint64 retainedBytes() const { return m_logBytes; }
    // Shares `budget` with the other conversations from now on, until it ends; the budget must outlive it.
    void useBudget(HistoryBudget *budget);
    // An estimate of the memory its log and its digests of trimmed client ids take.
    qint64 heldBytes() const { return m_heldBytes; }
    int retainedMessages() const { return static_cast<int>(m_log.size()); }
    int rememberedClientIds() const;

    // Records that `by` holds everything up to `seq`; false when that adds nothing.
    bool acknowledge(Side by, qint64 seq);
    qint64 acknowledged(Side by) const { return by == Side::Survivor ? m_survivorAcked : m_advocateAcked; }

    // The inactivity stage (1 after T1 of survivor silence, 2 after T2 more) that is due and not yet announced.
    std::optional<int> inactivityDue(qint64 nowMs, qint64 t1Ms, qint64 t2Ms);
    int inactivityStage() const { return m_inactivityStage; }
    qint64 survivorSilentMs(qint64 nowMs) const { return nowMs - m_lastSurvivorActivityMs; }

private:
    friend class HistoryBudget;
    // Brings the log (and, over its share of a budget, the digests) within bounds and tells the budget.
    void trim();
    void shed();
    void report(qint64 heldBefore);
    quint64 digestOf(const QString &clientId) const;

    QString m_id;
    SessionId m_survivor;
    QString m_staffUser;
    QString m_language;
    std::optional<QString> m_alias;
    std::optional<Handoff> m_waiting;
    std::optional<Reclaim> m_reclaim;
    QMap<QString, Participation> m_present;
    QString m_takenFrom;
    bool m_handRaised = false;
    qint64 m_startedAtMs;
    qint64 m_lastSeq = 0;
    std::deque<frame::Message> m_log;
    QHash<QString, qint64> m_survivorClientIds;
    QHash<QString, qint64> m_advocateClientIds;
    TrimmedClientIds m_trimmedSurvivorIds;
    TrimmedClientIds m_trimmedAdvocateIds;
    QByteArray m_digestKey;
    qint64 m_retainedBytesLimit = defaultRetainedBytes;
    qint64 m_logBytes = 0;
    HistoryBudget *m_budget = nullptr;
    qint64 m_heldBytes = 0;
    qint64 m_survivorAcked = 0;
    qint64 m_advocateAcked = 0;
    qint64 m_lastSurvivorActivityMs;
    int m_inactivityStage = 0;
};

} // namespace advocate
