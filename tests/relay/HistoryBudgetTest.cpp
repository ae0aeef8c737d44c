// SPDX-License-Identifier: GPL-3.0-only
// The relay's total history (issue 16 item 5): conversations sharing a HistoryBudget hold no more than its total
// together, however many messages come, while each still keeps its newest messages and answers a resend of a
// recently trimmed message as a duplicate.
#include "relay/HistoryBudget.h"

#include "relay/Conversation.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace advocate;

namespace {

std::unique_ptr<Conversation> open(int i, HistoryBudget *budget)
{
    auto conversation = std::make_unique<Conversation>(QStringLiteral("c%1").arg(i), quint64(i), QStringLiteral("ana"),
                                                       QStringLiteral("en"), std::nullopt, 0);
    if (budget)
        conversation->useBudget(budget);
    return conversation;
}

using Conversations = std::vector<std::unique_ptr<Conversation>>;

void openMore(Conversations &conversations, int count, HistoryBudget *budget)
{
    for (int i = 0; i < count; ++i)
        conversations.push_back(open(static_cast<int>(conversations.size()), budget));
}

qint64 heldByAll(const Conversations &conversations)
{
    qint64 held = 0;
    for (const auto &conversation : conversations)
        held += conversation->heldBytes();
    return held;
}

// A burst at saturation: every conversation writes `rounds` messages of `chars` characters, round after round.
void burst(Conversations &conversations, int rounds, int chars, const std::function<void()> &afterEach = {})
{
    const QString body(chars, u'x');
    for (int round = 0; round < rounds; ++round) {
        for (const auto &conversation : conversations) {
            conversation->accept(round % 2 ? Side::Advocate : Side::Survivor, QStringLiteral("m%1").arg(round), body, 0,
                                 0);
            if (afterEach)
                afterEach();
        }
    }
}

constexpr qint64 total = 1024 * 1024;
constexpr qint64 oneMessage = 2 * 1000 + 200 + 2 * 8 + 192; // the largest single message of these bursts, held

// The most the budget held at any moment of a burst of 1,000-character messages.
qint64 mostHeldDuring(const HistoryBudget &budget, Conversations &conversations, int rounds)
{
    qint64 most = 0;
    burst(conversations, rounds, 1000, [&] { most = std::max(most, budget.heldBytes()); });
    return most;
}

} // namespace

TEST(HistoryBudget, WithoutABudgetFiftyConversationsHoldManyTimesTheTotal)
{
    Conversations conversations;
    openMore(conversations, 50, nullptr);
    burst(conversations, 200, 1000);
    EXPECT_GT(heldByAll(conversations), 10 * total); // what the budget is for
}

TEST(HistoryBudget, FiftyConversationsInABurstStayWithinTheTotal)
{
    HistoryBudget budget(total);
    Conversations conversations;
    openMore(conversations, 50, &budget);
    EXPECT_LE(mostHeldDuring(budget, conversations, 200), total + oneMessage);
    EXPECT_EQ(budget.heldBytes(), heldByAll(conversations));
    for (const auto &conversation : conversations) {
        EXPECT_LE(conversation->heldBytes(), budget.share() + oneMessage);
        EXPECT_GT(conversation->retainedMessages(), 1); // each still keeps its latest messages
        EXPECT_EQ(conversation->lastSeq(), 200);
    }
}

TEST(HistoryBudget, ConversationsThatOpenLaterBringEveryoneDownToTheirShare)
{
    HistoryBudget budget(total);
    Conversations conversations;
    openMore(conversations, 2, &budget);
    burst(conversations, 400, 1000);
    EXPECT_GT(conversations.front()->heldBytes(), total / 3); // two conversations, half each
    openMore(conversations, 18, &budget);
    EXPECT_LE(mostHeldDuring(budget, conversations, 40), total + oneMessage);
    for (const auto &conversation : conversations)
        EXPECT_LE(conversation->heldBytes(), budget.share() + oneMessage);
}

TEST(HistoryBudget, AnEndedConversationGivesItsShareBack)
{
    HistoryBudget budget(total);
    Conversations conversations;
    openMore(conversations, 4, &budget);
    burst(conversations, 20, 1000);
    const qint64 held = budget.heldBytes();
    const qint64 leaving = conversations.back()->heldBytes();
    conversations.pop_back();
    EXPECT_EQ(budget.conversations(), 3);
    EXPECT_EQ(budget.heldBytes(), held - leaving);
    EXPECT_EQ(budget.share(), total / 3);
}

TEST(HistoryBudget, ARecentlyTrimmedMessageResentIsStillADuplicate)
{
    HistoryBudget budget(64 * 1024);
    auto conversation = open(1, &budget);
    const QString body(1000, u'x');
    for (int i = 0; i < 300; ++i)
        conversation->accept(Side::Survivor, QStringLiteral("s%1").arg(i), body, 0, 0);
    ASSERT_GT(conversation->oldestSeq(), 250); // most were trimmed
    EXPECT_LE(conversation->heldBytes(), 64 * 1024 + oneMessage);
    // The digests of the latest trimmed ones are kept: a resend is answered with its seq and not delivered again.
    const Conversation::Acceptance resent = conversation->accept(Side::Survivor, QStringLiteral("s200"), body, 0, 0);
    EXPECT_TRUE(resent.duplicate);
    EXPECT_EQ(resent.message.seq, 201);
    EXPECT_EQ(conversation->lastSeq(), 300);
}
