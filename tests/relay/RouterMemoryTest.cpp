// SPDX-License-Identifier: GPL-3.0-only
// The relay's memory has a bound (issue 16 item 5): the history all open conversations keep together stays within
// max_total_retained_kib through a burst at saturation, while every message is still delivered.
#include "RouterFixture.h"

#include <vector>

namespace advocate::test {

TEST_F(RouterTest, ABurstInSixteenConversationsKeepsTheirHistoryWithinTheTotal)
{
    config.advocateCap = 4;
    config.frameBurst = 10000; // not about the rate limit
    config.maxTotalRetainedBytes = 256 * 1024;
    makeRouter();
    std::vector<ConnectionId> survivors;
    std::vector<ConnectionId> staffMembers;
    for (const QString &user :
         {QStringLiteral("ana"), QStringLiteral("ben"), QStringLiteral("sue"), QStringLiteral("sam")}) {
        staffMembers.push_back(staff(user));
        for (int i = 0; i < 4; ++i) {
            survivors.push_back(survivor());
            deliver(staffMembers.back(), frame::TakeNext{});
        }
    }
    ASSERT_EQ(router->openConversationCount(), 16);
    const QString body(1000, u'x');
    qint64 most = 0;
    for (int round = 0; round < 100; ++round) {
        for (const ConnectionId s : survivors) {
            deliver(s, frame::Send{conversationOf(s), QStringLiteral("s%1").arg(round), body});
            most = std::max(most, router->history().heldBytes());
        }
    }
    // 1,600 messages of 1,000 characters: 3.6 MB held without the total, less than a message over it with.
    const qint64 oneMessage = 2 * (1000 + 4) + 64 + 192;
    EXPECT_LE(most, config.maxTotalRetainedBytes + oneMessage);
    EXPECT_EQ(router->history().conversations(), 16);
    qsizetype delivered = 0;
    for (const ConnectionId a : staffMembers)
        delivered += all<frame::Message>(a).size();
    EXPECT_EQ(delivered, 1600);
    // A staff member who fetches is told how far back the relay still holds.
    deliver(staffMembers.front(), frame::Fetch{conversationOf(survivors.front()), 0});
    EXPECT_GT(last<frame::Fetched>(staffMembers.front())->oldestSeq, 1);

    // Ending a conversation gives its share back.
    deliver(survivors.front(), frame::End{conversationOf(survivors.front()), false});
    EXPECT_EQ(router->history().conversations(), 15);
}

} // namespace advocate::test
