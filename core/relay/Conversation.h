// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace advocate {

// One open conversation between a survivor and a staff member, in memory only (RL7): the message log for gap
// fetch, the client ids already accepted (idempotent resend, WS19), acknowledgements and the survivor's
// silence for the inactivity notices. Message bodies are carried, never read.
class Conversation
{
public:
    using SessionId = quint64;
    static constexpr int maxRetainedMessages = 5000;

    Conversation(const QString &id, SessionId survivor, const QString &staffUser, const QString &language,
                 const std::optional<QString> &alias, qint64 nowMs);

    const QString &id() const { return m_id; }
    SessionId survivor() const { return m_survivor; }
    const QString &staffUser() const { return m_staffUser; }
    const QString &language() const { return m_language; }
    const std::optional<QString> &alias() const { return m_alias; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 startedAtMs() const { return m_startedAtMs; }

    struct Acceptance
    {
        frame::Message message;
        bool duplicate = false;
    };
    // Gives the message the next seq, or, for a client id this side already used, the seq it got then.
    Acceptance accept(Side from, const QString &clientId, const QString &body, qint64 wallMs, qint64 nowMs);
    QList<frame::Message> messagesAfter(qint64 seq) const;

    // Records that `by` holds everything up to `seq`; false when that adds nothing.
    bool acknowledge(Side by, qint64 seq);
    qint64 acknowledged(Side by) const { return by == Side::Survivor ? m_survivorAcked : m_advocateAcked; }

    // The inactivity stage (1 after T1 of survivor silence, 2 after T2 more) that is due and not yet announced.
    std::optional<int> inactivityDue(qint64 nowMs, qint64 t1Ms, qint64 t2Ms);
    int inactivityStage() const { return m_inactivityStage; }
    qint64 survivorSilentMs(qint64 nowMs) const { return nowMs - m_lastSurvivorActivityMs; }

private:
    QString m_id;
    SessionId m_survivor;
    QString m_staffUser;
    QString m_language;
    std::optional<QString> m_alias;
    qint64 m_startedAtMs;
    qint64 m_lastSeq = 0;
    std::deque<frame::Message> m_log;
    QHash<QString, qint64> m_survivorClientIds;
    QHash<QString, qint64> m_advocateClientIds;
    qint64 m_survivorAcked = 0;
    qint64 m_advocateAcked = 0;
    qint64 m_lastSurvivorActivityMs;
    int m_inactivityStage = 0;
};

} // namespace advocate
