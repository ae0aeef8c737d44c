// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Conversation.h"

#include "relay/HistoryBudget.h"

#include <sodium.h>

#include <limits>

namespace advocate {

namespace {

qint64 sizeOf(const frame::Message &message)
{
    // The text the entry holds, roughly: UTF-16 text plus a fixed overhead for the rest.
    return qint64(message.body.size() + message.clientId.size()) * 2 + 64;
}

// What the entry takes in memory, for the budget: the text, the message's place in the log and its client id's in
// the table of ids. Within 4 % of what glibc reported allocated (mallinfo2) for 100 conversations of 1,000 messages
// of 20 to 1,000 characters each.
qint64 memoryOf(const frame::Message &message)
{
    return sizeOf(message) + 192;
}

} // namespace

Conversation::Conversation(const QString &id, SessionId survivor, const QString &staffUser, const QString &language,
                           const std::optional<QString> &alias, qint64 nowMs)
    : m_id(id), m_survivor(survivor), m_staffUser(staffUser), m_language(language), m_alias(alias),
      m_startedAtMs(nowMs), m_lastSurvivorActivityMs(nowMs)
{
    // A per-conversation key, so the digests say nothing outside this conversation's memory.
    m_digestKey.resize(crypto_shorthash_KEYBYTES);
    randombytes_buf(m_digestKey.data(), static_cast<size_t>(m_digestKey.size()));
}

Conversation::~Conversation()
{
    if (m_budget)
        m_budget->leave(this);
}

void Conversation::useBudget(HistoryBudget *budget)
{
    if (m_budget)
        m_budget->leave(this);
    m_budget = budget;
    if (m_budget) {
        m_budget->join(this);
        trim();
    }
}

quint64 Conversation::digestOf(const QString &clientId) const
{
    const QByteArray utf8 = clientId.toUtf8();
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, reinterpret_cast<const unsigned char *>(utf8.constData()),
                     static_cast<unsigned long long>(utf8.size()),
                     reinterpret_cast<const unsigned char *>(m_digestKey.constData()));
    quint64 digest = 0;
    for (const unsigned char byte : out)
        digest = (digest << 8) | byte;
    return digest;
}

int Conversation::rememberedClientIds() const
{
    return static_cast<int>(m_survivorClientIds.size() + m_advocateClientIds.size()) + m_trimmedSurvivorIds.size() +
           m_trimmedAdvocateIds.size();
}

void Conversation::trim()
{
    const qint64 before = m_heldBytes;
    shed();
    report(before);
}

void Conversation::shed()
{
    const qint64 share = m_budget ? m_budget->share() : std::numeric_limits<qint64>::max();
    // Always keep the newest message, however large: it is the one just accepted.
    while (m_log.size() > 1 && (static_cast<int>(m_log.size()) > maxRetainedMessages ||
                                m_logBytes > m_retainedBytesLimit || m_heldBytes > share)) {
        const frame::Message &oldest = m_log.front();
        const bool survivor = oldest.from == Side::Survivor;
        QHash<QString, qint64> &ids = survivor ? m_survivorClientIds : m_advocateClientIds;
        TrimmedClientIds &trimmed = survivor ? m_trimmedSurvivorIds : m_trimmedAdvocateIds;
        ids.remove(oldest.clientId);
        const qint64 blockBefore = trimmed.heldBytes();
        trimmed.remember(digestOf(oldest.clientId), oldest.seq);
        m_heldBytes += trimmed.heldBytes() - blockBefore;
        m_logBytes -= sizeOf(oldest);
        m_heldBytes -= memoryOf(oldest);
        m_log.pop_front();
    }
}

void Conversation::report(qint64 heldBefore)
{
    if (m_budget && m_heldBytes != heldBefore)
        m_budget->changed(m_heldBytes - heldBefore);
}

Conversation::Acceptance Conversation::accept(Side from, const QString &clientId, const QString &body, qint64 wallMs,
                                              qint64 nowMs, const QString &by, bool supervisor)
{
    QHash<QString, qint64> &seen = from == Side::Survivor ? m_survivorClientIds : m_advocateClientIds;
    if (const auto found = seen.constFind(clientId); found != seen.constEnd()) {
        frame::Message original{m_id, *found, from, clientId, QString(), 0, std::nullopt, false};
        for (const frame::Message &message : m_log) {
            if (message.seq == *found)
                original = message;
        }
        return {original, true};
    }
    const TrimmedClientIds &trimmed = from == Side::Survivor ? m_trimmedSurvivorIds : m_trimmedAdvocateIds;
    if (!trimmed.isEmpty()) {
        if (const std::optional<qint64> seq = trimmed.seqOf(digestOf(clientId)))
            return {frame::Message{m_id, *seq, from, clientId, QString(), 0, std::nullopt, false}, true};
    }
    frame::Message message{m_id, ++m_lastSeq, from, clientId, body, wallMs, std::nullopt, supervisor};
    if (!by.isEmpty())
        message.by = by;
    seen.insert(clientId, message.seq);
    const qint64 heldBefore = m_heldBytes;
    m_log.push_back(message);
    m_logBytes += sizeOf(message);
    m_heldBytes += memoryOf(message);
    shed();
    report(heldBefore);
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

Conversation::Page Conversation::pageAfter(qint64 seq, int maxMessages, qint64 maxBytes) const
{
    Page page;
    qint64 bytes = 0;
    for (const frame::Message &message : m_log) {
        if (message.seq <= seq)
            continue;
        if (!page.messages.isEmpty() && (page.messages.size() >= maxMessages || bytes + sizeOf(message) > maxBytes)) {
            page.more = true;
            break;
        }
        bytes += sizeOf(message);
        page.messages.append(message);
    }
    return page;
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
