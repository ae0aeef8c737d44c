// SPDX-License-Identifier: GPL-3.0-only
// The waiting room at scale (issue 16): the per-source cap counted as sessions come and go.
#include "RouterFixture.h"

namespace advocate::test {

namespace {

class RouterWaitingRoomTest : public RouterTest
{
};

} // namespace

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
