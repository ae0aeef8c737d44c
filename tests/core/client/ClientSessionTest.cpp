// SPDX-License-Identifier: GPL-3.0-only
// The client session against the real relay on loopback: every sign-in error, a conversation both ways, and
// reconnect without loss through a proxy whose network a test can cut.
#include "client/ClientSession.h"

#include "LoopbackRelay.h"
#include "TcpProxy.h"
#include "WireClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;
using advocate::test::TcpProxy;
using advocate::test::WireClient;

namespace {

ClientSession::Options fastOptions()
{
    ClientSession::Options options;
    options.reconnectDelay = std::chrono::milliseconds(50);
    options.signInTimeout = std::chrono::milliseconds(5000);
    return options;
}

class ClientSessionTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(relay.start()); }

    std::unique_ptr<WireClient> survivor(const QString &text = QString())
    {
        auto page = std::make_unique<WireClient>(relay.url());
        EXPECT_TRUE(page->connectAndGreet());
        page->send(frame::Start{1, 1, QStringLiteral("Rosa"), QStringLiteral("en")});
        EXPECT_TRUE(page->next<frame::Session>());
        if (!text.isEmpty())
            page->send(frame::Send{QString(), QStringLiteral("x"), text});
        return page;
    }

    // Signs `session` in as ana and waits for it.
    bool signIn(ClientSession &session, const QUrl &url)
    {
        session.signIn(url, QStringLiteral("ana"), LoopbackRelay::password);
        return QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 10000);
    }

    // Takes the next survivor and returns the conversation id.
    QString take(ClientSession &session)
    {
        QSignalSpy started(&session, &ClientSession::conversationStarted);
        session.takeNext();
        if (!started.wait(10000))
            return {};
        return started.first().first().toString();
    }

    std::optional<ClientSession::SignInError> signInError(ClientSession &session, const QUrl &url,
                                                          const QString &password)
    {
        QSignalSpy failed(&session, &ClientSession::signInFailed);
        session.signIn(url, QStringLiteral("ana"), password);
        if (failed.isEmpty() && !failed.wait(10000))
            return std::nullopt;
        return failed.first().first().value<ClientSession::SignInError>();
    }

    LoopbackRelay relay;
};

} // namespace

TEST_F(ClientSessionTest, SignInWithTheRightPasswordHoldsTheSessionTokenInMemory)
{
    ClientSession session(fastOptions());
    QSignalSpy signedIn(&session, &ClientSession::signedIn);
    ASSERT_TRUE(signIn(session, relay.url()));
    ASSERT_EQ(signedIn.size(), 1);
    EXPECT_EQ(signedIn.first().first().toString(), QStringLiteral("ana"));
    EXPECT_EQ(session.role(), Role::Advocate);
    EXPECT_TRUE(session.hasSessionToken());
    EXPECT_EQ(session.maxMessageChars(), 4000);
    session.signOut();
    EXPECT_FALSE(session.hasSessionToken());
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
}

TEST_F(ClientSessionTest, AWrongPasswordIsReportedAsBadCredentials)
{
    ClientSession session(fastOptions());
    EXPECT_EQ(signInError(session, relay.url(), QStringLiteral("wrong")), ClientSession::SignInError::BadCredentials);
    EXPECT_FALSE(session.hasSessionToken());
}

TEST_F(ClientSessionTest, RepeatedWrongPasswordsAreReportedAsLockedOut)
{
    for (int i = 0; i < 3; ++i) {
        ClientSession session(fastOptions());
        ASSERT_EQ(signInError(session, relay.url(), QStringLiteral("guess %1").arg(i)),
                  ClientSession::SignInError::BadCredentials);
    }
    ClientSession session(fastOptions());
    EXPECT_EQ(signInError(session, relay.url(), LoopbackRelay::password), ClientSession::SignInError::LockedOut);
}

TEST_F(ClientSessionTest, ARelayNobodyListensOnIsReportedAsUnreachable)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    ClientSession session(fastOptions());
    EXPECT_EQ(signInError(session, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), LoopbackRelay::password),
              ClientSession::SignInError::Unreachable);
}

TEST_F(ClientSessionTest, ATlsHandshakeThatFailsIsReportedAsTlsFailureNotUnreachable)
{
    ClientSession session(fastOptions());
    // wss:// to a port that speaks plain HTTP: the TLS handshake cannot succeed.
    EXPECT_EQ(
        signInError(session, QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(relay.port())), LoopbackRelay::password),
        ClientSession::SignInError::TlsFailure);
}

TEST_F(ClientSessionTest, AProtocolVersionTheRelayDoesNotSpeakIsReportedAsUnsupportedVersion)
{
    ClientSession::Options options = fastOptions();
    options.protocolVersion = 2;
    ClientSession session(options);
    EXPECT_EQ(signInError(session, relay.url(), LoopbackRelay::password),
              ClientSession::SignInError::UnsupportedVersion);
}

TEST_F(ClientSessionTest, AnAddressThatIsNotAWebSocketUrlIsRefusedBeforeConnecting)
{
    ClientSession session(fastOptions());
    EXPECT_EQ(signInError(session, QUrl(QStringLiteral("https://relay.example.org/")), LoopbackRelay::password),
              ClientSession::SignInError::InvalidAddress);
}

TEST_F(ClientSessionTest, EverySignInErrorHasItsOwnSentence)
{
    QSet<QString> sentences;
    for (auto error : {ClientSession::SignInError::InvalidAddress, ClientSession::SignInError::BadCredentials,
                       ClientSession::SignInError::LockedOut, ClientSession::SignInError::Unreachable,
                       ClientSession::SignInError::TlsFailure, ClientSession::SignInError::UnsupportedVersion,
                       ClientSession::SignInError::SessionExpired, ClientSession::SignInError::ProtocolError})
        sentences.insert(ClientSession::describe(error));
    EXPECT_EQ(sentences.size(), 8);
}

TEST_F(ClientSessionTest, TakeNextWithNobodyWaitingIsARefusalNotASignInFailure)
{
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    QSignalSpy refused(&session, &ClientSession::requestRefused);
    session.takeNext();
    ASSERT_TRUE(refused.wait(5000));
    EXPECT_EQ(refused.first().first().value<ErrorCode>(), ErrorCode::QueueEmpty);
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
}

TEST_F(ClientSessionTest, AConversationCarriesMessagesBothWaysWithAcceptedAndDelivered)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(page->next<frame::ConversationStarted>());

    QSignalSpy received(&session, &ClientSession::messageReceived);
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("<b>hello</b>")});
    ASSERT_TRUE(received.wait(5000));
    EXPECT_EQ(received.first().at(4).toString(), QStringLiteral("<b>hello</b>"));
    // The session acknowledges what it holds, so the page sees it delivered.
    EXPECT_EQ(page->next<frame::Delivered>()->seq, 1);

    QSignalSpy accepted(&session, &ClientSession::messageAccepted);
    QSignalSpy delivered(&session, &ClientSession::delivered);
    const QString clientId = session.send(id, QStringLiteral("I'm here."));
    ASSERT_TRUE(accepted.wait(5000));
    EXPECT_EQ(accepted.first().at(1).toString(), clientId);
    EXPECT_EQ(accepted.first().at(2).toLongLong(), 2);
    EXPECT_EQ(session.outboxSize(), 0);
    const auto atPage = page->next<frame::Message>();
    ASSERT_TRUE(atPage);
    EXPECT_EQ(atPage->body, QStringLiteral("I'm here."));
    page->send(frame::Ack{id, 2});
    ASSERT_TRUE(delivered.wait(5000));
    EXPECT_EQ(delivered.first().at(1).toLongLong(), 2);
}

TEST_F(ClientSessionTest, TypingAndEndReachTheOtherSideAndTheEndReasonComesBack)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    QSignalSpy typing(&session, &ClientSession::peerTyping);
    page->send(frame::Typing{id, true});
    ASSERT_TRUE(typing.wait(5000));
    EXPECT_TRUE(typing.first().at(1).toBool());
    session.setTyping(id, true);
    EXPECT_TRUE(page->next<frame::PeerTyping>()->active);

    QSignalSpy ended(&session, &ClientSession::ended);
    session.end(id);
    ASSERT_TRUE(ended.wait(5000));
    EXPECT_EQ(ended.first().at(1).value<EndReason>(), EndReason::AdvocateEnded);
    EXPECT_EQ(page->next<frame::Ended>()->reason, EndReason::AdvocateEnded);
}

TEST_F(ClientSessionTest, ASurvivorWhoDropsAndFallsSilentIsReportedByPeerStatusAndInactivity)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    QSignalSpy inactivity(&session, &ClientSession::inactivity);
    relay.clock().advance(std::chrono::minutes(10));
    ASSERT_TRUE(inactivity.wait(5000));
    EXPECT_EQ(inactivity.first().at(1).toInt(), 1);

    QSignalSpy status(&session, &ClientSession::peerStatus);
    page->drop();
    ASSERT_TRUE(status.wait(5000));
    EXPECT_FALSE(status.first().at(1).toBool());
}

TEST_F(ClientSessionTest, MessagesSentWhileTheNetworkIsDownArriveExactlyOnceAfterReconnect)
{
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port()))));
    const QString id = take(session);
    ASSERT_FALSE(id.isEmpty());

    QSignalSpy accepted(&session, &ClientSession::messageAccepted);
    session.send(id, QStringLiteral("one"));
    ASSERT_TRUE(accepted.wait(5000));

    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, 5000));
    session.send(id, QStringLiteral("two"));
    session.send(id, QStringLiteral("three"));
    EXPECT_EQ(session.outboxSize(), 2);
    // The survivor writes while the advocate is away; the gap is fetched on reconnect.
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("are you there?")});
    EXPECT_TRUE(page->next<frame::Accepted>());
    QTest::qWait(200);

    QSignalSpy received(&session, &ClientSession::messageReceived);
    proxy.restore();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.outboxSize() == 0 && received.size() == 1; }, 10000));
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
    EXPECT_EQ(received.first().at(4).toString(), QStringLiteral("are you there?"));
    EXPECT_EQ(accepted.size(), 3);

    QTest::qWait(300);
    QStringList bodies;
    for (const frame::Message &message : page->all<frame::Message>())
        bodies.append(message.body);
    EXPECT_EQ(bodies, (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
    EXPECT_EQ(session.lastSeq(id), 4);
}

TEST_F(ClientSessionTest, ADroppedConnectionDuringResumeKeepsRetryingUntilTheNetworkIsBack)
{
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port()))));
    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, 5000));
    QTest::qWait(300); // several refused attempts
    EXPECT_EQ(session.state(), ClientSession::State::Reconnecting);
    proxy.restore();
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 5000));
}

TEST_F(ClientSessionTest, ARelayRestartEndsTheSessionAndFailsWhatWasNotAccepted)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    page.reset();
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QSignalSpy messageFailed(&session, &ClientSession::messageFailed);
    QSignalSpy ended(&session, &ClientSession::ended);
    relay.stop();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, 5000));
    session.send(id, QStringLiteral("lost"));
    ASSERT_TRUE(relay.start());
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.first().first().value<ClientSession::SignInError>(), ClientSession::SignInError::SessionExpired);
    EXPECT_EQ(messageFailed.size(), 1);
    ASSERT_EQ(ended.size(), 1);
    EXPECT_EQ(ended.first().first().toString(), id);
    EXPECT_EQ(ended.first().at(1).value<EndReason>(), EndReason::Disconnected);
    EXPECT_FALSE(session.hasSessionToken());
}
