// SPDX-License-Identifier: GPL-3.0-only
// The command-line survivor client's core against the real relay on loopback, with the workstation's client
// session on the staff side: queue, messages both ways with acknowledgements, /end and /exit.
#include "client/SurvivorClient.h"

#include "client/ClientSession.h"

#include "LoopbackRelay.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;

namespace {

class SurvivorClientTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(relay.start()); }

    static SurvivorClient::Options rosa()
    {
        SurvivorClient::Options options;
        options.alias = QStringLiteral("Rosa");
        options.language = QStringLiteral("en");
        return options;
    }

    bool waitFor(SurvivorClient::State state)
    {
        return QTest::qWaitFor([&] { return survivor.state() == state; }, 10000);
    }

    // Signs the advocate in and takes the waiting survivor; returns the conversation id.
    QString take()
    {
        staff.signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
        if (!QTest::qWaitFor([&] { return staff.state() == ClientSession::State::SignedIn; }, 10000))
            return {};
        QSignalSpy started(&staff, &ClientSession::conversationStarted);
        staff.takeNext();
        if (!started.wait(10000))
            return {};
        return started.first().first().toString();
    }

    LoopbackRelay relay;
    ClientSession staff;
    SurvivorClient survivor;
};

} // namespace

TEST_F(SurvivorClientTest, StartsWithTheRelaysNoticeVersionAndReportsItsPlaceInTheQueue)
{
    QSignalSpy opened(&survivor, &SurvivorClient::sessionOpened);
    QSignalSpy queued(&survivor, &SurvivorClient::queued);
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    ASSERT_TRUE(!queued.isEmpty() || queued.wait(10000));
    EXPECT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.first().first().toInt(), LoopbackRelay::defaultConfig().noticeVersion);
    EXPECT_EQ(survivor.noticeVersion(), LoopbackRelay::defaultConfig().noticeVersion);
    EXPECT_EQ(queued.first().first().toInt(), 1);
}

TEST_F(SurvivorClientTest, SurvivorAndAdvocateExchangeMessagesAndAcknowledgements)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    QSignalSpy aliasSeen(&staff, &ClientSession::conversationStarted);
    const QString conversation = take();
    ASSERT_FALSE(conversation.isEmpty());
    EXPECT_EQ(aliasSeen.first().at(2).toString(), QStringLiteral("Rosa"));
    ASSERT_TRUE(waitFor(SurvivorClient::State::Chatting));
    EXPECT_EQ(survivor.conversation(), conversation);

    QSignalSpy atAdvocate(&staff, &ClientSession::messageReceived);
    QSignalSpy survivorAccepted(&survivor, &SurvivorClient::messageAccepted);
    EXPECT_EQ(survivor.submitLine(QStringLiteral("I need to talk")), SurvivorClient::LineAction::Sent);
    ASSERT_TRUE(atAdvocate.wait(10000));
    EXPECT_EQ(atAdvocate.first().at(4).toString(), QStringLiteral("I need to talk"));
    EXPECT_EQ(atAdvocate.first().at(2).value<Side>(), Side::Survivor);
    ASSERT_TRUE(survivorAccepted.size() == 1 || survivorAccepted.wait(10000));

    QSignalSpy atSurvivor(&survivor, &SurvivorClient::messageReceived);
    QSignalSpy deliveredToSurvivor(&staff, &ClientSession::delivered);
    staff.send(conversation, QStringLiteral("I am here. Are you safe right now?"));
    ASSERT_TRUE(atSurvivor.wait(10000));
    EXPECT_EQ(atSurvivor.first().at(1).toString(), QStringLiteral("I am here. Are you safe right now?"));
    // The survivor acknowledged it: the advocate sees it delivered.
    ASSERT_TRUE(deliveredToSurvivor.wait(10000));
    EXPECT_EQ(deliveredToSurvivor.first().at(1).toLongLong(), atSurvivor.first().at(0).toLongLong());
}

TEST_F(SurvivorClientTest, LinesTypedWhileWaitingAreSentWhenAnAdvocateJoins)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    EXPECT_EQ(survivor.submitLine(QStringLiteral("first")), SurvivorClient::LineAction::Held);
    EXPECT_EQ(survivor.submitLine(QStringLiteral("second")), SurvivorClient::LineAction::Held);
    QSignalSpy atAdvocate(&staff, &ClientSession::messageReceived);
    ASSERT_FALSE(take().isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return atAdvocate.size() == 2; }, 10000));
    EXPECT_EQ(atAdvocate.at(0).at(4).toString(), QStringLiteral("first"));
    EXPECT_EQ(atAdvocate.at(1).at(4).toString(), QStringLiteral("second"));
}

TEST_F(SurvivorClientTest, ExitCommandEndsTheConversationWithQuickExit)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    ASSERT_FALSE(take().isEmpty());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Chatting));
    QSignalSpy staffEnded(&staff, &ClientSession::ended);
    QSignalSpy survivorEnded(&survivor, &SurvivorClient::ended);
    QSignalSpy finished(&survivor, &SurvivorClient::finished);
    EXPECT_EQ(survivor.submitLine(QStringLiteral("/exit")), SurvivorClient::LineAction::Exited);
    // The survivor side leaves at once, without waiting for the relay.
    ASSERT_EQ(survivorEnded.size(), 1);
    EXPECT_EQ(survivorEnded.first().first().value<EndReason>(), EndReason::QuickExit);
    EXPECT_EQ(survivor.state(), SurvivorClient::State::Finished);
    ASSERT_TRUE(staffEnded.wait(10000));
    EXPECT_EQ(staffEnded.first().at(1).value<EndReason>(), EndReason::QuickExit);
    EXPECT_TRUE(finished.size() == 1 || finished.wait(10000));
}

TEST_F(SurvivorClientTest, EndCommandEndsTheConversationAsSurvivorEnded)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    ASSERT_FALSE(take().isEmpty());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Chatting));
    QSignalSpy staffEnded(&staff, &ClientSession::ended);
    QSignalSpy survivorEnded(&survivor, &SurvivorClient::ended);
    EXPECT_EQ(survivor.submitLine(QStringLiteral("  /end ")), SurvivorClient::LineAction::Ended);
    ASSERT_TRUE(staffEnded.wait(10000));
    EXPECT_EQ(staffEnded.first().at(1).value<EndReason>(), EndReason::SurvivorEnded);
    ASSERT_TRUE(survivorEnded.size() == 1 || survivorEnded.wait(10000));
    EXPECT_EQ(survivorEnded.first().first().value<EndReason>(), EndReason::SurvivorEnded);
}

TEST_F(SurvivorClientTest, LeavingTheQueueFreesThePlace)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    EXPECT_EQ(survivor.submitLine(QStringLiteral("/end")), SurvivorClient::LineAction::Ended);
    EXPECT_EQ(survivor.state(), SurvivorClient::State::Finished);
    staff.signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
    ASSERT_TRUE(QTest::qWaitFor([&] { return staff.state() == ClientSession::State::SignedIn; }, 10000));
    QSignalSpy refused(&staff, &ClientSession::requestRefused);
    // Nobody is left to take.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            staff.takeNext();
            return refused.wait(500) && refused.last().first().value<ErrorCode>() == ErrorCode::QueueEmpty;
        },
        10000));
}

TEST_F(SurvivorClientTest, AMessageFromTheAdvocateIsDeliveredExactlyAsSent)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    const QString conversation = take();
    ASSERT_TRUE(waitFor(SurvivorClient::State::Chatting));
    QSignalSpy atSurvivor(&survivor, &SurvivorClient::messageReceived);
    const QString body = QStringLiteral("line one\nline two \x1b[31m<b>not bold</b>");
    staff.send(conversation, body);
    ASSERT_TRUE(atSurvivor.wait(10000));
    EXPECT_EQ(atSurvivor.first().at(1).toString(), body);
}

TEST_F(SurvivorClientTest, ARelayNobodyListensOnIsReportedAndTheClientFinishes)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    QSignalSpy problem(&survivor, &SurvivorClient::problem);
    QSignalSpy finished(&survivor, &SurvivorClient::finished);
    survivor.start(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), rosa());
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(survivor.state(), SurvivorClient::State::Finished);
    EXPECT_EQ(problem.size(), 1);
}

TEST_F(SurvivorClientTest, AMessageOverTheRelaysLimitIsNotSent)
{
    survivor.start(relay.url(), rosa());
    ASSERT_TRUE(waitFor(SurvivorClient::State::Waiting));
    EXPECT_FALSE(survivor.send(QString(survivor.maxMessageChars() + 1, u'a')));
    EXPECT_EQ(survivor.submitLine(QString(survivor.maxMessageChars() + 1, u'a')), SurvivorClient::LineAction::Ignored);
}

TEST_F(SurvivorClientTest, AProtocolVersionTheRelayDoesNotSpeakIsReportedAndNothingStarts)
{
    SurvivorClient::Options options = rosa();
    options.protocolVersion = 2;
    QSignalSpy problem(&survivor, &SurvivorClient::problem);
    QSignalSpy opened(&survivor, &SurvivorClient::sessionOpened);
    survivor.start(relay.url(), options);
    ASSERT_TRUE(waitFor(SurvivorClient::State::Finished));
    EXPECT_EQ(problem.size(), 1);
    EXPECT_TRUE(opened.isEmpty());
}
