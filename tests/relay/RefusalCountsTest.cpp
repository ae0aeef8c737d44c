// SPDX-License-Identifier: GPL-3.0-only
// Refusals of anonymous clients are counted and summed up in one line (issue 15, item 4).
#include "relay/RefusalCounts.h"

#include <gtest/gtest.h>

using namespace advocate;

TEST(RefusalCounts, ASummaryNamesEachCountOnceAndStartsAgainFromZero)
{
    RefusalCounts counts;
    EXPECT_TRUE(counts.takeSummary(60).isEmpty());
    for (int i = 0; i < 3; ++i)
        counts.add(Refusal::QueueFull, QStringLiteral("en"));
    counts.add(Refusal::QueueFull, QStringLiteral("es"));
    for (int i = 0; i < 40; ++i)
        counts.add(Refusal::RateLimited);
    counts.add(Refusal::HttpHeadersTooLarge);
    EXPECT_EQ(counts.count(Refusal::QueueFull), 4);
    EXPECT_EQ(counts.takeSummary(60),
              QStringLiteral("refusals seconds=60 http_431=1 queue_full.en=3 queue_full.es=1 rate_limited=40"));
    EXPECT_TRUE(counts.isEmpty());
    EXPECT_TRUE(counts.takeSummary(60).isEmpty());
}

TEST(RefusalCounts, NamesDoNotShareAPrefixThatWouldMixTheirCounts)
{
    RefusalCounts counts;
    counts.add(Refusal::ConnectionCap);
    counts.add(Refusal::SourceConnectionCap);
    EXPECT_EQ(counts.count(Refusal::ConnectionCap), 1);
    EXPECT_EQ(counts.count(Refusal::SourceConnectionCap), 1);
}
