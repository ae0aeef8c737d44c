// SPDX-License-Identifier: GPL-3.0-only
#include "relay/WaitingQueue.h"

#include <gtest/gtest.h>

using advocate::WaitingQueue;

TEST(WaitingQueue, PositionsFollowArrivalWithinALanguage)
{
    WaitingQueue queue(10);
    queue.enqueue(1, QStringLiteral("en"), 0);
    queue.enqueue(2, QStringLiteral("es"), 1);
    queue.enqueue(3, QStringLiteral("en"), 2);
    EXPECT_EQ(queue.position(1), 1);
    EXPECT_EQ(queue.position(2), 1);
    EXPECT_EQ(queue.position(3), 2);
    queue.remove(1);
    EXPECT_EQ(queue.position(3), 1);
    EXPECT_EQ(queue.position(1), 0);
}

TEST(WaitingQueue, TakeNextPicksTheLongestWaitingAmongTheGivenLanguages)
{
    WaitingQueue queue(10);
    queue.enqueue(1, QStringLiteral("es"), 0);
    queue.enqueue(2, QStringLiteral("en"), 5);
    EXPECT_EQ(queue.takeNext({QStringLiteral("en")}, 10), 2u);
    EXPECT_EQ(queue.takeNext({}, 10), 1u);
    EXPECT_FALSE(queue.takeNext({}, 10).has_value());
}

TEST(WaitingQueue, RefusesBeyondItsLimitPerLanguage)
{
    WaitingQueue queue(1);
    EXPECT_TRUE(queue.enqueue(1, QStringLiteral("en"), 0));
    EXPECT_FALSE(queue.enqueue(2, QStringLiteral("en"), 0));
    EXPECT_TRUE(queue.enqueue(3, QStringLiteral("es"), 0));
}

TEST(WaitingQueue, EstimateUsesTheRecentPaceOfAssignments)
{
    WaitingQueue queue(10);
    for (quint64 i = 1; i <= 5; ++i)
        queue.enqueue(i, QStringLiteral("en"), 0);
    EXPECT_EQ(queue.estimatedWaitSeconds(5), 5 * 120);
    queue.takeNext({}, 0);
    queue.takeNext({}, 60'000);
    EXPECT_EQ(queue.estimatedWaitSeconds(5), 3 * 60);
}
