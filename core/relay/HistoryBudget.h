// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QtGlobal>

#include <vector>

namespace advocate {

class Conversation;

// What the open conversations may hold in memory together (docs/protocol.md section 13, issue 16): their message
// logs and the digests of trimmed client ids, as an estimate of the bytes they take. Each conversation is also
// bounded on its own (Conversation: 5,000 messages, max_retained_kib of text), but a thousand conversations at
// their own bounds would take gigabytes. With a budget, a conversation keeps at most its share of the total (the
// total divided by the conversations open), oldest first out; when they pass the total together, which happens
// only after more conversations opened, every one is brought down to its share. Conversations join when the router
// gives them the budget and leave when they end.
class HistoryBudget
{
public:
    explicit HistoryBudget(qint64 totalBytes);
    ~HistoryBudget();
    Q_DISABLE_COPY_MOVE(HistoryBudget)

    qint64 totalBytes() const { return m_totalBytes; }
    // The estimate of what all open conversations hold now.
    qint64 heldBytes() const { return m_heldBytes; }
    int conversations() const { return static_cast<int>(m_members.size()); }
    // The most one conversation may hold now.
    qint64 share() const { return m_totalBytes / std::max<qint64>(1, qint64(m_members.size())); }

private:
    friend class Conversation;
    void join(Conversation *conversation);
    void leave(Conversation *conversation);
    // A member's estimate changed by `delta`; past the total, every member is trimmed to its share.
    void changed(qint64 delta);

    qint64 m_totalBytes;
    qint64 m_heldBytes = 0;
    std::vector<Conversation *> m_members;
    bool m_rebalancing = false;
};

} // namespace advocate
