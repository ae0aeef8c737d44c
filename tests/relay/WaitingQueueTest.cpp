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

// A full waiting room (issue 16): every survivor's place, arrival time and estimate stay right at the size where
// looking them up is costly, and through a take and a removal in the middle.
TEST(WaitingQueue, ThreeThousandSurvivorsInTwoLanguagesKeepTheirPlacesAndEstimates)
{
    constexpr quint64 survivors = 3000;
    WaitingQueue queue(static_cast<int>(survivors / 2));
    const QString english = QStringLiteral("en");
    const QString spanish = QStringLiteral("es");
    // Odd sessions speak English, even ones Spanish; session s arrives at s - 1 ms.
    for (quint64 s = 1; s <= survivors; ++s)
        ASSERT_TRUE(queue.enqueue(s, s % 2 ? english : spanish, static_cast<qint64>(s - 1)));
    EXPECT_FALSE(queue.enqueue(survivors + 1, english, 0));
    EXPECT_EQ(queue.size(), static_cast<int>(survivors));
    for (quint64 s = 1; s <= survivors; ++s) {
        const int place = static_cast<int>(s % 2 ? (s + 1) / 2 : s / 2);
        ASSERT_EQ(queue.position(s), place) << s;
        ASSERT_EQ(queue.enqueuedAtMs(s), static_cast<qint64>(s - 1)) << s;
        ASSERT_EQ(queue.estimatedWaitSeconds(s), place * 120) << s;
    }

    // Two English assignments 30 s apart set the English pace; Spanish keeps the default.
    EXPECT_EQ(queue.takeNext({english}, 0), 1u);
    EXPECT_EQ(queue.takeNext({english}, 30'000), 3u);
    // A Spanish survivor in the middle leaves.
    ASSERT_TRUE(queue.remove(1500));
    EXPECT_EQ(queue.size(), static_cast<int>(survivors) - 3);
    EXPECT_EQ(queue.waitingPerLanguage().value(english), 1498);
    EXPECT_EQ(queue.waitingPerLanguage().value(spanish), 1499);
    for (quint64 s : {1ull, 3ull, 1500ull}) {
        EXPECT_EQ(queue.position(s), 0) << s;
        EXPECT_EQ(queue.enqueuedAtMs(s), 0) << s;
        EXPECT_EQ(queue.estimatedWaitSeconds(s), 0) << s;
    }
    for (quint64 s = 5; s <= survivors; s += 2) {
        const int place = static_cast<int>((s + 1) / 2 - 2);
        ASSERT_EQ(queue.position(s), place) << s;
        ASSERT_EQ(queue.estimatedWaitSeconds(s), place * 30) << s;
    }
    for (quint64 s = 2; s <= survivors; s += 2) {
        if (s == 1500)
            continue;
        const int place = static_cast<int>(s < 1500 ? s / 2 : s / 2 - 1);
        ASSERT_EQ(queue.position(s), place) << s;
        ASSERT_EQ(queue.enqueuedAtMs(s), static_cast<qint64>(s - 1)) << s;
        ASSERT_EQ(queue.estimatedWaitSeconds(s), place * 120) << s;
    }
}

// The walk the router's refresh makes (issue 16): every survivor once, with the same place position() gives, in
// one pass over the room.
TEST(WaitingQueue, AWalkOverTheRoomGivesEverySurvivorTheirPlace)
{
    WaitingQueue queue(100);
    const QString english = QStringLiteral("en");
    const QString spanish = QStringLiteral("es");
    for (quint64 s = 1; s <= 9; ++s)
        queue.enqueue(s, s % 3 ? english : spanish, static_cast<qint64>(s) * 10);
    queue.remove(4);
    queue.enqueueFront(20, spanish, 1000);
    int visited = 0;
    queue.forEachWaiting([&](const WaitingQueue::Waiting &waiting) {
        ++visited;
        EXPECT_EQ(waiting.position, queue.position(waiting.session)) << waiting.session;
        EXPECT_EQ(waiting.enqueuedAtMs, queue.enqueuedAtMs(waiting.session)) << waiting.session;
        EXPECT_EQ(waiting.language, queue.languageOf(waiting.session)) << waiting.session;
        EXPECT_EQ(queue.estimatedWaitSeconds(waiting.language, waiting.position),
                  queue.estimatedWaitSeconds(waiting.session));
    });
    EXPECT_EQ(visited, queue.size());
    EXPECT_EQ(queue.position(20), 1);
    EXPECT_EQ(queue.languageOf(4), QString());
}
