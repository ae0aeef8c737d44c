// SPDX-License-Identifier: GPL-3.0-only
// The waiting room at scale (issue 16): what keeping many waiting survivors and the staff informed costs the router,
// counted in frames on a manual clock, and the per-source cap counted as sessions come and go.
#include "RouterFixture.h"

#include <vector>

using namespace std::chrono_literals;

namespace advocate::test {

namespace {

class RouterWaitingRoomTest : public RouterTest
{
protected:
    // `count` survivors waiting in one queue, which holds up to `limit`.
    std::vector<ConnectionId> waitingRoom(int count, int limit)
    {
        config.queueLimit = limit;
        makeRouter();
        std::vector<ConnectionId> waiting;
        for (int i = 0; i < count; ++i)
            waiting.push_back(survivor());
        return waiting;
    }

    qsizetype queuedFramesTo(const std::vector<ConnectionId> &survivors) const
    {
        qsizetype frames = 0;
        for (const ConnectionId id : survivors)
            frames += all<frame::Queued>(id).size();
        return frames;
    }
};

} // namespace

// Item 4 of the issue: a change of the queue tells the first Router::queueFrontPlaces of it at once and everyone else
// with the next refresh (queueRefreshSeconds, 30 s), so N waiting survivors cost O(N) frames a refresh. Before, each
// change told everyone behind it: 100 departures from the front of a queue of 1,000 sent about 95,000 frames.
TEST_F(RouterWaitingRoomTest, AThousandWaitingSurvivorsCostAFrameEachARefreshNotOneEachAChange)
{
    const std::vector<ConnectionId> waiting = waitingRoom(1000, 2000);
    const qsizetype before = queuedFramesTo(waiting);
    EXPECT_EQ(before, 1000); // each heard their place once, when they started

    // For 30 s the one at the front leaves every 300 ms (100 changes); the router ticks every second.
    int left = 0;
    for (int ms = 100; ms <= 30000; ms += 100) {
        clock.advance(100ms);
        if (ms % 300 == 0)
            deliver(waiting[left++], frame::QuickExit{});
        if (ms % 1000 == 0)
            router->tick();
    }
    ASSERT_EQ(left, 100);
    ASSERT_EQ(router->waitingCount(), 900);
    const qsizetype sent = queuedFramesTo(waiting) - before;
    EXPECT_LE(sent, 1000 + 100 * Router::queueFrontPlaces);
    // And everyone still waiting knows their place as it is now: the refresh at 30 s told them.
    for (int i = 100; i < 1000; ++i) {
        const auto queued = last<frame::Queued>(waiting[i]);
        ASSERT_TRUE(queued);
        ASSERT_EQ(queued->position, i - 99) << i;
    }
}

// The front of the queue hears of every change at once; further back, a change waits for the refresh.
TEST_F(RouterWaitingRoomTest, TheFrontOfTheQueueHearsOfAChangeAtOnce)
{
    const std::vector<ConnectionId> waiting = waitingRoom(30, 100);
    deliver(waiting[0], frame::QuickExit{});
    for (int i = 1; i <= Router::queueFrontPlaces; ++i)
        EXPECT_EQ(last<frame::Queued>(waiting[i])->position, i) << i;
    EXPECT_EQ(last<frame::Queued>(waiting[20])->position, 21); // not yet
    clock.advance(30s);
    router->tick();
    EXPECT_EQ(last<frame::Queued>(waiting[20])->position, 20);
}

// Staff hear of a burst of arrivals at most about once a second, with the longest waits only (issue 16: every
// arrival sent every staff member every wait, 500,250 frames and 26 MB to set up 1,000 conversations).
TEST_F(RouterWaitingRoomTest, StaffHearOfABurstOfArrivalsAboutOnceASecondWithTheLongestWaits)
{
    config.queueLimit = 1000;
    makeRouter();
    const ConnectionId ana = staff(QStringLiteral("ana"));
    const qsizetype before = all<frame::QueueSummary>(ana).size();
    for (int i = 0; i < 500; ++i) {
        survivor();
        clock.advance(10ms);
        if (i % 100 == 99)
            router->tick();
    }
    const qsizetype summaries = all<frame::QueueSummary>(ana).size() - before;
    EXPECT_GE(summaries, 5);
    EXPECT_LE(summaries, 11); // 5 s: one at the first change of each second, one from each tick
    const auto summary = last<frame::QueueSummary>(ana);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->waiting.value(QStringLiteral("en")), 500);
    const QList<int> waits = summary->waits.value(QStringLiteral("en"));
    ASSERT_EQ(waits.size(), frame::maxQueueSummaryWaits);
    EXPECT_EQ(waits.first(), 5);
    EXPECT_TRUE(std::is_sorted(waits.cbegin(), waits.cend(), std::greater<int>()));
}

// The sessions per source are counted as they start, end and resume from elsewhere (issue 16: no longer by a look at
// every session at each start).
TEST_F(RouterWaitingRoomTest, ASourcesSessionsAreCountedThroughEndsAndResumesFromElsewhere)
{
    config.maxSurvivorSessionsPerSource = 2;
    makeRouter();
    const QByteArray home("source-key-home");
    const QByteArray work("source-key-work");
    const ConnectionId first = openFrom(home);
    deliver(first, frame::Start{1, 3, std::nullopt, std::nullopt});
    const ConnectionId second = openFrom(home);
    deliver(second, frame::Start{1, 3, std::nullopt, std::nullopt});
    const ConnectionId refused = openFrom(home);
    deliver(refused, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(refused), ErrorCode::TooManySessions);

    // One leaves the queue: its slot frees.
    deliver(first, frame::QuickExit{});
    const ConnectionId third = openFrom(home);
    deliver(third, frame::Start{1, 3, std::nullopt, std::nullopt});
    ASSERT_TRUE(last<frame::Session>(third));

    // One drops and resumes from another network: it counts there now, and frees its place at home.
    router->connectionClosed(second);
    const ConnectionId moved = openFrom(work);
    deliver(moved, frame::Resume{1, last<frame::Session>(second)->resumeToken, 0});
    ASSERT_TRUE(last<frame::Session>(moved));
    const ConnectionId fourth = openFrom(home);
    deliver(fourth, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_TRUE(last<frame::Session>(fourth));
    const ConnectionId fifth = openFrom(work);
    deliver(fifth, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_TRUE(last<frame::Session>(fifth));
    const ConnectionId sixth = openFrom(work);
    deliver(sixth, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(sixth), ErrorCode::TooManySessions);
}

} // namespace advocate::test
