// SPDX-License-Identifier: GPL-3.0-only
// The real relay on 127.0.0.1 with a free port, driven by real WebSocket clients: conversations, the queue,
// routing, resume and reconnect, and every bad-frame code over the wire.
#include "relay/RelayServer.h"

#include "WireClient.h"
#include "common/ManualClock.h"
#include "relay/Router.h"
#include "relay/StaffAccounts.h"
#include "relay/StaffAuthenticator.h"

#include <QMap>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;
using advocate::test::WireClient;

namespace {

class InMemoryAccounts final : public StaffAuthenticator
{
public:
    void signIn(const QString &user, const QString &password, Completion done) override { done(check(user, password)); }
    SignInOutcome check(const QString &user, const QString &password) const
    {
        if (password == QStringLiteral("correct horse") && roles.contains(user))
            return {roles.value(user), ErrorCode::BadCredentials};
        return {};
    }
    QMap<QString, Role> roles{{QStringLiteral("ana"), Role::Advocate},
                              {QStringLiteral("ben"), Role::Advocate},
                              {QStringLiteral("sue"), Role::Supervisor}};
};

class RelayIntegrationTest : public ::testing::Test
{
protected:
    void startRelay()
    {
        server = std::make_unique<RelayServer>(config, &clock, &accounts);
        server->setTickInterval(std::chrono::milliseconds(20));
        ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0)) << qPrintable(server->errorString());
    }

    void SetUp() override
    {
        config.noticeVersion = 2;
        config.languages = {QStringLiteral("en"), QStringLiteral("es")};
        config.hotlinePhone = QStringLiteral("555-0100");
        // The clock jumps by minutes here without the pings real clients send; RelayLimitsTest covers silence.
        config.silenceSeconds = 24 * 3600;
    }

    std::unique_ptr<WireClient> client()
    {
        auto connection =
            std::make_unique<WireClient>(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port())));
        EXPECT_TRUE(connection->connectAndGreet());
        return connection;
    }

    std::unique_ptr<WireClient> survivor(const QString &language = QStringLiteral("en"))
    {
        auto connection = client();
        connection->send(frame::Start{1, 2, QStringLiteral("Rosa"), language});
        EXPECT_TRUE(connection->next<frame::Session>());
        return connection;
    }

    std::unique_ptr<WireClient> staff(const QString &user)
    {
        auto connection = client();
        connection->send(frame::SignIn{1, user, QStringLiteral("correct horse")});
        EXPECT_TRUE(connection->next<frame::SignedIn>());
        return connection;
    }

    // Lets the relay's timer run its rules after the clock moved.
    void letTimersRun() { QTest::qWait(100); }

    RelayConfig config;
    ManualClock clock;
    InMemoryAccounts accounts;
    std::unique_ptr<RelayServer> server;
};

} // namespace

TEST_F(RelayIntegrationTest, AFullConversationGoesBothWaysWithAcksAndEnds)
{
    startRelay();
    auto rosa = survivor();
    EXPECT_EQ(rosa->next<frame::Queued>()->position, 1);
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    const auto started = ana->next<frame::ConversationStarted>();
    ASSERT_TRUE(started);
    EXPECT_EQ(started->alias, QStringLiteral("Rosa"));
    const QString id = started->conversation;
    ASSERT_EQ(rosa->next<frame::ConversationStarted>()->conversation, id);

    rosa->send(frame::Send{id, QStringLiteral("r1"), QStringLiteral("I need to talk")});
    EXPECT_EQ(rosa->next<frame::Accepted>()->seq, 1);
    const auto atAna = ana->next<frame::Message>();
    ASSERT_TRUE(atAna);
    EXPECT_EQ(atAna->body, QStringLiteral("I need to talk"));
    ana->send(frame::Ack{id, 1});
    EXPECT_EQ(rosa->next<frame::Delivered>()->seq, 1);

    ana->send(frame::Typing{id, true});
    EXPECT_TRUE(rosa->next<frame::PeerTyping>()->active);
    ana->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("I'm here. You're safe to talk.")});
    EXPECT_EQ(rosa->next<frame::Message>()->seq, 2);

    rosa->send(frame::End{id, false});
    EXPECT_EQ(ana->next<frame::Ended>()->reason, EndReason::SurvivorEnded);
    EXPECT_EQ(rosa->next<frame::Ended>()->reason, EndReason::SurvivorEnded);
    EXPECT_EQ(server->router().openConversationCount(), 0);
    EXPECT_EQ(server->router().survivorSessionCount(), 0);
}

TEST_F(RelayIntegrationTest, SurvivorsAreServedInArrivalOrderAndSeeTheirPositions)
{
    startRelay();
    auto first = survivor();
    auto second = survivor();
    auto third = survivor();
    EXPECT_EQ(first->next<frame::Queued>()->position, 1);
    EXPECT_EQ(second->next<frame::Queued>()->position, 2);
    EXPECT_EQ(third->next<frame::Queued>()->position, 3);
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    EXPECT_TRUE(first->next<frame::ConversationStarted>());
    EXPECT_EQ(second->next<frame::Queued>()->position, 1);
    EXPECT_EQ(third->next<frame::Queued>()->position, 2);
    EXPECT_TRUE(second->all<frame::ConversationStarted>().isEmpty());
}

TEST_F(RelayIntegrationTest, TheCapIsNeverExceeded)
{
    config.advocateCap = 1;
    startRelay();
    auto first = survivor();
    auto second = survivor();
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    ASSERT_TRUE(ana->next<frame::ConversationStarted>());
    ana->send(frame::TakeNext{});
    EXPECT_EQ(ana->nextError(), ErrorCode::CapReached);
    EXPECT_EQ(server->router().waitingCount(), 1);
}

TEST_F(RelayIntegrationTest, PushModeAssignsWaitingSurvivorsToAvailableAdvocates)
{
    config.routing = RoutingMode::Push;
    config.advocateCap = 2;
    startRelay();
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::SetAvailable{true, std::nullopt});
    ana->next<frame::QueueSummary>();
    auto one = survivor();
    auto two = survivor();
    auto three = survivor();
    EXPECT_TRUE(one->next<frame::ConversationStarted>());
    EXPECT_TRUE(two->next<frame::ConversationStarted>());
    EXPECT_FALSE(three->receivedWithin<frame::ConversationStarted>(200));
    EXPECT_EQ(server->router().conversationsOf(QStringLiteral("ana")).size(), 2);
}

TEST_F(RelayIntegrationTest, QuickExitEndsTheConversationWithItsOwnReasonAndClosesTheSocket)
{
    startRelay();
    auto rosa = survivor();
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    rosa->send(frame::QuickExit{});
    EXPECT_EQ(ana->next<frame::Ended>()->reason, EndReason::QuickExit);
    EXPECT_TRUE(rosa->waitClosed());
}

TEST_F(RelayIntegrationTest, AdvocateIsToldOfSilenceAtT1AndT2AndClosesAsIdle)
{
    startRelay();
    auto rosa = survivor();
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    const QString id = ana->next<frame::ConversationStarted>()->conversation;
    clock.advance(std::chrono::minutes(10));
    EXPECT_EQ(ana->next<frame::Inactivity>()->stage, 1);
    clock.advance(std::chrono::minutes(5));
    EXPECT_EQ(ana->next<frame::Inactivity>()->stage, 2);
    ana->send(frame::End{id, true});
    EXPECT_EQ(rosa->next<frame::Ended>()->reason, EndReason::IdleClosed);
}

TEST_F(RelayIntegrationTest, SurvivorResumesInsideTheWindowWithoutLosingMessages)
{
    startRelay();
    auto rosa = survivor();
    const QString token = rosa->all<frame::Session>().first().resumeToken;
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    const QString id = ana->next<frame::ConversationStarted>()->conversation;
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    rosa->drop();
    EXPECT_FALSE(ana->next<frame::PeerStatus>()->connected);
    ana->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("are you still there?")});
    ASSERT_TRUE(ana->next<frame::Accepted>());
    clock.advance(std::chrono::minutes(4));
    letTimersRun();

    auto back = client();
    back->send(frame::Resume{1, token, 0});
    const auto session = back->next<frame::Session>();
    ASSERT_TRUE(session);
    EXPECT_NE(session->resumeToken, token);
    EXPECT_EQ(back->next<frame::ConversationStarted>()->conversation, id);
    EXPECT_EQ(back->next<frame::Message>()->body, QStringLiteral("are you still there?"));
    EXPECT_TRUE(ana->next<frame::PeerStatus>()->connected);
}

TEST_F(RelayIntegrationTest, SurvivorCannotResumeOutsideTheWindow)
{
    startRelay();
    auto rosa = survivor();
    const QString token = rosa->all<frame::Session>().first().resumeToken;
    auto ana = staff(QStringLiteral("ana"));
    ana->send(frame::TakeNext{});
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    rosa->drop();
    ASSERT_TRUE(ana->next<frame::PeerStatus>());
    clock.advance(std::chrono::minutes(5));
    EXPECT_EQ(ana->next<frame::Ended>()->reason, EndReason::Disconnected);
    auto back = client();
    back->send(frame::Resume{1, token, 0});
    EXPECT_EQ(back->nextError(), ErrorCode::ResumeExpired);
}

TEST_F(RelayIntegrationTest, StaffReconnectMidStreamResendsTheOutboxWithoutDuplicates)
{
    startRelay();
    auto rosa = survivor();
    auto ana = staff(QStringLiteral("ana"));
    const QString sessionToken = ana->all<frame::SignedIn>().first().sessionToken;
    ana->send(frame::TakeNext{});
    const QString id = ana->next<frame::ConversationStarted>()->conversation;
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());

    // ana's message reaches the relay, then her network drops before she sees "accepted"; rosa keeps writing.
    ana->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("first")});
    ASSERT_TRUE(rosa->next<frame::Message>());
    ana->drop();
    EXPECT_FALSE(rosa->next<frame::PeerStatus>()->connected);
    rosa->send(frame::Send{id, QStringLiteral("r1"), QStringLiteral("hello?")});
    ASSERT_TRUE(rosa->next<frame::Accepted>());

    auto back = client();
    back->send(frame::StaffResume{1, sessionToken, {}});
    const auto signedIn = back->next<frame::SignedIn>();
    ASSERT_TRUE(signedIn);
    ASSERT_EQ(signedIn->conversations.size(), 1);
    EXPECT_EQ(signedIn->conversations.first().lastSeq, 2);
    // The workstation had seq 0 of this conversation acknowledged; it fetches the gap and resends its outbox.
    back->send(frame::Fetch{id, 0});
    back->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("first")});
    back->send(frame::Send{id, QStringLiteral("a2"), QStringLiteral("second")});
    EXPECT_EQ(back->next<frame::Accepted>()->seq, 1);
    EXPECT_EQ(back->next<frame::Accepted>()->seq, 3);
    ASSERT_TRUE(rosa->next<frame::Message>());
    QTest::qWait(100);
    const QList<frame::Message> atRosa = rosa->all<frame::Message>();
    ASSERT_EQ(atRosa.size(), 2);
    EXPECT_EQ(atRosa.at(0).body, QStringLiteral("first"));
    EXPECT_EQ(atRosa.at(1).body, QStringLiteral("second"));
    const QList<frame::Message> atAna = back->all<frame::Message>();
    ASSERT_EQ(atAna.size(), 2); // the gap: her own "first" and rosa's "hello?"
    EXPECT_EQ(atAna.at(1).body, QStringLiteral("hello?"));
}

TEST_F(RelayIntegrationTest, EveryBadFrameGetsItsErrorCode)
{
    startRelay();
    auto check = [this](const QByteArray &text, ErrorCode expected) {
        auto connection = client();
        connection->sendRaw(text);
        EXPECT_EQ(connection->nextError(), expected) << text.left(80).constData();
    };
    check("{\"type\":", ErrorCode::MalformedJson);
    check("[1,2]", ErrorCode::NotAnObject);
    check(R"({"type":"upload"})", ErrorCode::UnknownType);
    check(R"({"type":"start","protocol":1,"noticeVersion":"2"})", ErrorCode::BadField);
    check("{\"type\":\"ping\",\"pad\":\"" + QByteArray(17 * 1024, 'x') + "\"}", ErrorCode::FrameTooLarge);
    check(FrameCodec::encode(frame::Send{QStringLiteral("c"), QStringLiteral("m"), QString(4001, u'x')}),
          ErrorCode::MessageTooLong);
    check(R"({"type":"check_in"})", ErrorCode::NotAuthorized);
    check(R"({"type":"send","conversation":"c","clientId":"m","body":"x"})", ErrorCode::NotAuthorized);
    check(R"({"type":"start","protocol":1,"noticeVersion":1})", ErrorCode::NoticeOutdated);
    check(R"({"type":"resume","protocol":1,"token":"x","lastSeq":0})", ErrorCode::ResumeExpired);
    check(R"({"type":"sign_in","protocol":1,"user":"ana","password":"wrong"})", ErrorCode::BadCredentials);

    auto binary = client();
    binary->sendBinary(QByteArray("\x00\x01", 2));
    EXPECT_EQ(binary->nextError(), ErrorCode::BinaryRefused);

    auto sue = staff(QStringLiteral("sue"));
    sue->sendRaw(R"({"type":"check_in"})");
    EXPECT_EQ(sue->nextError(), ErrorCode::NotSupported);
    sue->send(frame::TakeNext{});
    EXPECT_EQ(sue->nextError(), ErrorCode::QueueEmpty);
    sue->send(frame::Send{QStringLiteral("nope"), QStringLiteral("m"), QStringLiteral("x")});
    EXPECT_EQ(sue->nextError(), ErrorCode::UnknownConversation);

    auto rosa = survivor();
    rosa->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    EXPECT_EQ(rosa->nextError(), ErrorCode::NotAuthorized);

    auto old = client();
    old->sendRaw(R"({"type":"start","protocol":7,"noticeVersion":2})");
    EXPECT_EQ(old->nextError(), ErrorCode::UnsupportedVersion);
    EXPECT_TRUE(old->waitClosed());
}

TEST_F(RelayIntegrationTest, RepeatedBadFramesCloseTheSocketWithPolicyViolation)
{
    startRelay();
    auto abuser = client();
    for (int i = 0; i < 5; ++i)
        abuser->sendRaw("nonsense");
    const auto fatal = abuser->next<frame::Error>(10000);
    ASSERT_TRUE(fatal);
    EXPECT_TRUE(abuser->waitClosed());
    EXPECT_EQ(abuser->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    const QList<frame::Error> errors = abuser->all<frame::Error>();
    ASSERT_EQ(errors.size(), 6);
    EXPECT_EQ(errors.last().code, ErrorCode::TooManyErrors);
    EXPECT_TRUE(errors.last().fatal);
}

TEST_F(RelayIntegrationTest, AFullQueueAnswersAllAdvocatesBusy)
{
    config.queueLimit = 1;
    startRelay();
    auto first = survivor();
    auto second = client();
    second->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    const auto busy = second->next<frame::Busy>();
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->phone, QStringLiteral("555-0100"));
    EXPECT_TRUE(second->waitClosed());
}

TEST_F(RelayIntegrationTest, StaffSignInChecksArgon2idAccountsAndLocksOutAfterRepeatedFailures)
{
    StaffAccounts realAccounts(clock, 5, 15);
    ASSERT_FALSE(realAccounts.addUser(QStringLiteral("dee"), Role::Advocate, QStringLiteral("a good password")));
    server = std::make_unique<RelayServer>(config, &clock, &realAccounts);
    ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0));

    auto dee = client();
    dee->send(frame::SignIn{1, QStringLiteral("dee"), QStringLiteral("a good password")});
    EXPECT_EQ(dee->next<frame::SignedIn>()->role, Role::Advocate);

    auto guesser = client();
    for (int i = 0; i < 5; ++i) {
        guesser->send(frame::SignIn{1, QStringLiteral("dee"), QStringLiteral("guess %1").arg(i)});
        EXPECT_EQ(guesser->nextError(), ErrorCode::BadCredentials);
    }
    guesser->send(frame::SignIn{1, QStringLiteral("dee"), QStringLiteral("a good password")});
    EXPECT_EQ(guesser->nextError(), ErrorCode::LockedOut);
    clock.advance(std::chrono::minutes(15));
    guesser->send(frame::SignIn{1, QStringLiteral("dee"), QStringLiteral("a good password")});
    EXPECT_TRUE(guesser->next<frame::SignedIn>());
    server.reset(); // before realAccounts goes
}
