// SPDX-License-Identifier: GPL-3.0-only
// The staff session's send pacer on a manual clock: a burst goes at once, the rest at the pacer's rate, in the order
// queued, and a message queued twice under its client id goes once.
#include "client/SendPacer.h"

#include "common/ManualClock.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace advocate;
using namespace std::chrono_literals;

namespace {

frame::Send send(int n, const QString &conversation = QStringLiteral("c1"))
{
    return frame::Send{conversation, QStringLiteral("id-%1").arg(n), QStringLiteral("line %1").arg(n)};
}

using Ids = std::vector<std::string>;

Ids ids(const QList<frame::Send> &sends)
{
    Ids out;
    for (const frame::Send &s : sends)
        out.push_back(s.clientId.toStdString());
    return out;
}

} // namespace

TEST(SendPacerTest, ABurstGoesAtOnceAndTheRestAtTheRateInOrder)
{
    auto clock = std::make_shared<ManualClock>();
    SendPacer pacer(clock, {4, 2});
    for (int n = 1; n <= 9; ++n)
        pacer.push(send(n));
    EXPECT_EQ(ids(pacer.takeDue()), (Ids{"id-1", "id-2", "id-3", "id-4"}));
    EXPECT_TRUE(pacer.takeDue().isEmpty()) << "the burst is spent";
    EXPECT_EQ(pacer.msUntilNext(), 500);
    clock->advance(499ms);
    EXPECT_TRUE(pacer.takeDue().isEmpty());
    clock->advance(1ms);
    EXPECT_EQ(ids(pacer.takeDue()), Ids{"id-5"});
    clock->advance(1500ms);
    EXPECT_EQ(ids(pacer.takeDue()), (Ids{"id-6", "id-7", "id-8"}));
    clock->advance(10s);
    EXPECT_EQ(ids(pacer.takeDue()), Ids{"id-9"});
    EXPECT_EQ(pacer.msUntilNext(), std::nullopt) << "none waits";
    EXPECT_EQ(pacer.waiting(), 0);
}

TEST(SendPacerTest, TheBucketNeverHoldsMoreThanABurst)
{
    auto clock = std::make_shared<ManualClock>();
    SendPacer pacer(clock, {3, 1});
    clock->advance(std::chrono::hours(1));
    for (int n = 1; n <= 5; ++n)
        pacer.push(send(n));
    EXPECT_EQ(pacer.takeDue().size(), 3) << "an hour of quiet earns one burst, not 3,600 sends";
    EXPECT_EQ(pacer.msUntilNext(), 1000);
}

TEST(SendPacerTest, AMessageQueuedAgainUnderItsClientIdKeepsItsPlaceOnce)
{
    auto clock = std::make_shared<ManualClock>();
    SendPacer pacer(clock, {1, 1});
    pacer.push(send(1));
    pacer.push(send(2));
    pacer.push(send(3));
    EXPECT_EQ(ids(pacer.takeDue()), Ids{"id-1"});
    pacer.push(send(2));                       // a reconnect sends every waiting message again
    pacer.push(send(1));                       // gone already: queued again, behind the others
    pacer.push(send(2, QStringLiteral("c2"))); // the same id in another conversation is another message
    EXPECT_EQ(pacer.waiting(), 4);
    Ids order;
    for (int second = 0; second < 4; ++second) {
        clock->advance(1s);
        for (const frame::Send &s : pacer.takeDue())
            order.push_back((s.conversation + QLatin1Char('/') + s.clientId).toStdString());
    }
    EXPECT_EQ(order, (Ids{"c1/id-2", "c1/id-3", "c1/id-1", "c2/id-2"}));
}

// After a re-claim the relay dropped what was sent while the chat re-claimed: the whole batch goes again, and the
// part of it that still waited must not keep its place ahead of the part that went.
TEST(SendPacerTest, ABatchSentAgainKeepsItsWrittenOrderBehindWhatElseWaits)
{
    auto clock = std::make_shared<ManualClock>();
    SendPacer pacer(clock, {2, 1});
    pacer.push(send(0, QStringLiteral("c2")));
    for (int n = 1; n <= 4; ++n)
        pacer.push(send(n));
    EXPECT_EQ(ids(pacer.takeDue()), (Ids{"id-0", "id-1"}));
    pacer.push(send(5, QStringLiteral("c2"))); // another chat's message waits too
    pacer.requeue({send(1), send(2), send(3), send(4)});
    Ids order;
    for (int second = 0; second < 6; ++second) {
        clock->advance(1s);
        for (const frame::Send &s : pacer.takeDue())
            order.push_back((s.conversation + QLatin1Char('/') + s.clientId).toStdString());
    }
    EXPECT_EQ(order, (Ids{"c2/id-5", "c1/id-1", "c1/id-2", "c1/id-3", "c1/id-4"}));
}

TEST(SendPacerTest, ClearForgetsWhatWaits)
{
    auto clock = std::make_shared<ManualClock>();
    SendPacer pacer(clock, {1, 1});
    pacer.push(send(1));
    pacer.push(send(2));
    pacer.clear();
    EXPECT_EQ(pacer.waiting(), 0);
    EXPECT_EQ(pacer.msUntilNext(), std::nullopt);
}
