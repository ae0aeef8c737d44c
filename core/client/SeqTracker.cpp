// SPDX-License-Identifier: GPL-3.0-only
#include "SeqTracker.h"

#include <algorithm>

namespace advocate {

SeqTracker::Arrival SeqTracker::arrival(qint64 seq) const
{
    if (seq <= m_contiguous || m_ownAhead.contains(seq) || m_heldBack.contains(seq))
        return Arrival::Held;
    return seq == m_contiguous + 1 ? Arrival::Next : Arrival::AboveGap;
}

void SeqTracker::holdUpTo(qint64 seq)
{
    m_contiguous = std::max(m_contiguous, seq);
}

void SeqTracker::reclaim(qint64 lastSeq)
{
    m_heldBack.clear();
    m_ownAhead.clear();
    m_fetching = false;
    m_contiguous = std::max(m_contiguous, lastSeq);
}

void SeqTracker::mark(qint64 seq)
{
    if (seq <= m_contiguous)
        return;
    m_ownAhead.insert(seq);
    while (m_ownAhead.remove(m_contiguous + 1))
        ++m_contiguous;
}

bool SeqTracker::take(qint64 seq)
{
    if (seq != m_contiguous + 1)
        return false;
    m_contiguous = seq;
    m_ackDue = true;
    return true;
}

void SeqTracker::holdBack(const frame::Message &message)
{
    if (m_heldBack.size() < maxHeldBack)
        m_heldBack.insert(message.seq, message);
}

std::optional<frame::Message> SeqTracker::nextHeldBack()
{
    while (m_ownAhead.remove(m_contiguous + 1))
        ++m_contiguous;
    const auto next = m_heldBack.find(m_contiguous + 1);
    if (next == m_heldBack.end())
        return std::nullopt;
    frame::Message message = *next;
    m_heldBack.erase(next);
    return message;
}

std::optional<SeqTracker::Trimmed> SeqTracker::skipTrimmed(qint64 oldestSeq)
{
    if (oldestSeq <= m_contiguous + 1)
        return std::nullopt;
    Trimmed trimmed;
    trimmed.firstSeq = m_contiguous + 1;
    trimmed.lastSeq = oldestSeq - 1;
    for (auto it = m_heldBack.begin(); it != m_heldBack.end() && it.key() <= trimmed.lastSeq;) {
        trimmed.heldBack.append(*it);
        it = m_heldBack.erase(it);
    }
    const qint64 last = trimmed.lastSeq;
    const qint64 ownInRange = m_ownAhead.removeIf([last](qint64 seq) { return seq <= last; });
    m_contiguous = last;
    trimmed.missing = trimmed.lastSeq - trimmed.firstSeq + 1 - ownInRange - trimmed.heldBack.size();
    if (!trimmed.heldBack.isEmpty())
        m_ackDue = true;
    return trimmed;
}

std::optional<qint64> SeqTracker::beginFetch()
{
    if (m_fetching)
        return std::nullopt;
    m_fetching = true;
    m_fetchAfter = m_contiguous;
    return m_contiguous;
}

qint64 SeqTracker::endFetch()
{
    const qint64 after = m_fetching ? m_fetchAfter : m_contiguous;
    m_fetching = false;
    return after;
}

std::optional<qint64> SeqTracker::takeAck()
{
    if (!m_ackDue || m_fetching)
        return std::nullopt;
    m_ackDue = false;
    return m_contiguous;
}

} // namespace advocate
