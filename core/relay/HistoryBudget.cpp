// SPDX-License-Identifier: GPL-3.0-only
#include "relay/HistoryBudget.h"

#include "relay/Conversation.h"

#include <algorithm>

namespace advocate {

HistoryBudget::HistoryBudget(qint64 totalBytes) : m_totalBytes(std::max<qint64>(totalBytes, 1)) {}

HistoryBudget::~HistoryBudget()
{
    // Conversations that outlive their budget stop using it.
    for (Conversation *conversation : m_members)
        conversation->m_budget = nullptr;
}

void HistoryBudget::join(Conversation *conversation)
{
    m_members.push_back(conversation);
    m_heldBytes += conversation->heldBytes();
}

void HistoryBudget::leave(Conversation *conversation)
{
    const auto found = std::find(m_members.begin(), m_members.end(), conversation);
    if (found == m_members.end())
        return;
    // Order does not matter: the last member takes the leaver's place.
    *found = m_members.back();
    m_members.pop_back();
    m_heldBytes -= conversation->heldBytes();
}

void HistoryBudget::changed(qint64 delta)
{
    m_heldBytes += delta;
    if (m_heldBytes <= m_totalBytes || m_rebalancing)
        return;
    // Over the total: the conversations that opened since the last pass made every share smaller.
    m_rebalancing = true;
    for (Conversation *conversation : m_members)
        conversation->trim();
    m_rebalancing = false;
}

} // namespace advocate
