// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QtGlobal>

#include <memory>
#include <optional>

namespace advocate {

// One side's client ids of a conversation's trimmed messages, as 64-bit keyed digests with the seq each got, so a
// late resend of a trimmed message is answered as a duplicate (WS19). Only the latest `capacity` are kept, oldest
// first out, in one block of a fixed size taken at the first trim and kept until the conversation ends: every
// conversation's block is the same size and never grows, so long-running relays do not fragment their heap as
// conversations go from holding messages to holding digests (the soak of issue 15). A resend that reaches the relay
// after `capacity` later messages of its side were trimmed is no longer recognised; a client's unaccepted backlog is
// far smaller (the workstation paces 20 at once, then 5 a second).
class TrimmedClientIds
{
public:
    static constexpr int capacity = 256;

    void remember(quint64 digest, qint64 seq);
    std::optional<qint64> seqOf(quint64 digest) const;
    bool isEmpty() const { return m_size == 0; }
    int size() const { return m_size; }
    // What the block takes once taken (the digests and their seqs), for the history budget.
    static constexpr qint64 blockBytes = capacity * 16;
    qint64 heldBytes() const { return m_entries ? blockBytes : 0; }

private:
    struct Entry
    {
        quint64 digest = 0;
        qint64 seq = 0;
    };
    static_assert(sizeof(Entry) * capacity == blockBytes);
    std::unique_ptr<Entry[]> m_entries;
    int m_next = 0; // where the next digest goes: the oldest once the block is full
    int m_size = 0;
};

} // namespace advocate
