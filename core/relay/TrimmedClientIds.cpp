// SPDX-License-Identifier: GPL-3.0-only
#include "relay/TrimmedClientIds.h"

#include <algorithm>

namespace advocate {

void TrimmedClientIds::remember(quint64 digest, qint64 seq)
{
    if (!m_entries)
        m_entries = std::make_unique<Entry[]>(capacity);
    m_entries[m_next] = Entry{digest, seq};
    m_next = (m_next + 1) % capacity;
    m_size = std::min(m_size + 1, capacity);
}

std::optional<qint64> TrimmedClientIds::seqOf(quint64 digest) const
{
    // Newest first: a resend is most likely of a message trimmed last.
    for (int i = 1; i <= m_size; ++i) {
        const Entry &entry = m_entries[(m_next - i + capacity) % capacity];
        if (entry.digest == digest)
            return entry.seq;
    }
    return std::nullopt;
}

} // namespace advocate
