// SPDX-License-Identifier: GPL-3.0-only
// The staff session's outbox on its own, on a manual clock: the send timeout counts only while connected and from
// the last (re)send, an accepted message leaves, and a conversation's end fails only that conversation's messages.
#include "client/Outbox.h"

#include "common/ManualClock.h"
#include "common/SystemClock.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using namespace std::chrono_literals;

namespace {

const QString c1 = QStringLiteral("c1");
const QString c2 = QStringLiteral("c2");

class OutboxTest : public ::testing::Test
{
protected:
    // The client ids of the failed messages, in the order they failed.
    QStringList failedIds() const
    {
        QStringList ids;
        for (const QList<QVariant> &arguments : failed)
            ids.append(arguments.at(1).toString());
        return ids;
    }

    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    Outbox outbox{clock, 30s};
    QSignalSpy failed{&outbox, &Outbox::failed};
};

} // namespace

TEST_F(OutboxTest, AMessageNotAcceptedWithinTheSendTimeoutFailsWhileConnected)
{
    outbox.setConnected(true);
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    clock->advance(29s);
    outbox.checkAge();
    EXPECT_TRUE(failed.isEmpty());
    clock->advance(1s);
    outbox.checkAge();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.first().at(0).toString(), c1);
    EXPECT_EQ(failed.first().at(1).toString(), QStringLiteral("a"));
    EXPECT_TRUE(outbox.isEmpty());
}

TEST_F(OutboxTest, WhileTheConnectionIsDownNothingTimesOutAndAResendStartsTheTimeoutAgain)
{
    outbox.setConnected(false);
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    outbox.add(c2, QStringLiteral("b"), QStringLiteral("two"));
    clock->advance(10min);
    outbox.checkAge();
    EXPECT_TRUE(failed.isEmpty());

    outbox.setConnected(true);
    const QList<Outbox::Entry> again = outbox.resend();
    ASSERT_EQ(again.size(), 2);
    EXPECT_EQ(again.at(0).clientId, QStringLiteral("a")); // in the order they were written
    EXPECT_EQ(again.at(0).body, QStringLiteral("one"));
    EXPECT_EQ(again.at(1).conversation, c2);
    outbox.checkAge();
    EXPECT_TRUE(failed.isEmpty()) << "the timeout counts from the resend";
    clock->advance(30s);
    outbox.checkAge();
    EXPECT_EQ(failedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

TEST_F(OutboxTest, AnAcceptedMessageLeavesAndNeverFails)
{
    outbox.setConnected(true);
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    outbox.add(c1, QStringLiteral("b"), QStringLiteral("two"));
    outbox.settle(c1, QStringLiteral("a"));
    outbox.settle(c2, QStringLiteral("b")); // the same client id in another conversation is another message
    EXPECT_EQ(outbox.size(), 1);
    clock->advance(1min);
    outbox.checkAge();
    EXPECT_EQ(failedIds(), QStringList{QStringLiteral("b")});
}

TEST_F(OutboxTest, AConversationThatEndsFailsOnlyItsOwnMessages)
{
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    outbox.add(c2, QStringLiteral("b"), QStringLiteral("two"));
    outbox.add(c1, QStringLiteral("c"), QStringLiteral("three"));
    outbox.fail(c1);
    EXPECT_EQ(failedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    ASSERT_EQ(outbox.size(), 1);
    EXPECT_EQ(outbox.resend().first().clientId, QStringLiteral("b"));
}

TEST_F(OutboxTest, WhenTheSessionEndsEveryMessageFails)
{
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    outbox.add(c2, QStringLiteral("b"), QStringLiteral("two"));
    outbox.failAll();
    EXPECT_EQ(failedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_TRUE(outbox.isEmpty());
}

TEST_F(OutboxTest, AMessageRetriedWhileItsFailureIsReportedStaysInTheOutbox)
{
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    QObject context;
    QObject::connect(&outbox, &Outbox::failed, &context, [&](const QString &conversation, const QString &clientId) {
        outbox.add(conversation, clientId, QStringLiteral("one"));
    });
    outbox.fail(c1);
    ASSERT_EQ(outbox.size(), 1);
    EXPECT_EQ(outbox.resend().first().clientId, QStringLiteral("a"));
}

TEST(OutboxTimerTest, ALateMessageFailsByItselfWithoutAnyoneAsking)
{
    Outbox outbox(std::make_shared<SystemClock>(), 100ms);
    QSignalSpy failed(&outbox, &Outbox::failed);
    outbox.setConnected(true);
    outbox.add(c1, QStringLiteral("a"), QStringLiteral("one"));
    EXPECT_TRUE(failed.wait(5000));
    EXPECT_TRUE(outbox.isEmpty());
}
