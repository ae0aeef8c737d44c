// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Conversation.h"

namespace advocate {

Conversation::Conversation(const QString &id, SessionId survivor, const QString &staffUser, const QString &language,
                           const std::optional<QString> &alias, qint64 nowMs)
    : m_id(id), m_survivor(survivor), m_staffUser(staffUser), m_language(language), m_alias(alias),
      m_startedAtMs(nowMs), m_lastSurvivorActivityMs(nowMs)
{
}

Conversation::Acceptance Conversation::accept(Side from, const QString &clientId, const QString &body, qint64 wallMs,
                                              qint64 nowMs)
{
    QHash<QString, qint64> &seen = from == Side::Survivor ? m_survivorClientIds : m_advocateClientIds;
    if (const auto found = seen.constFind(clientId); found != seen.constEnd()) {
        frame::Message original{m_id, *found, from, clientId, QString(), 0};
        for (const frame::Message &message : m_log) {
            if (message.seq == *found)
                original = message;
        }
        return {original, true};
    }
    const frame::Message message{m_id, ++m_lastSeq, from, clientId, body, wallMs};
    seen.insert(clientId, message.seq);
    m_log.push_back(message);
    if (static_cast<int>(m_log.size()) > maxRetainedMessages)
        m_log.pop_front();
    if (from == Side::Survivor) {
        m_lastSurvivorActivityMs = nowMs;
        m_inactivityStage = 0;
    }
    return {message, false};
}

QList<frame::Message> Conversation::messagesAfter(qint64 seq) const
{
    QList<frame::Message> later;
    for (const frame::Message &message : m_log) {
        if (message.seq > seq)
            later.append(message);
    }
    return later;
}

bool Conversation::acknowledge(Side by, qint64 seq)
{
    qint64 &acked = by == Side::Survivor ? m_survivorAcked : m_advocateAcked;
    const qint64 capped = std::min(seq, m_lastSeq);
    if (capped <= acked)
        return false;
    acked = capped;
    return true;
}

std::optional<int> Conversation::inactivityDue(qint64 nowMs, qint64 t1Ms, qint64 t2Ms)
{
    const qint64 silent = survivorSilentMs(nowMs);
    if (m_inactivityStage == 0 && silent >= t1Ms) {
        m_inactivityStage = 1;
        return 1;
    }
    if (m_inactivityStage == 1 && silent >= t1Ms + t2Ms) {
        m_inactivityStage = 2;
        return 2;
    }
    return std::nullopt;
}

} // namespace advocate
