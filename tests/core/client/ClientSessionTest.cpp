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

// How long a test waits for something that must happen. Generous: CI runs the suite under ASan on two busy cores,
// and a wait that ends early only makes a passing test pass sooner.
constexpr int patience = 30000;

ClientSession::Options fastOptions()
{
    ClientSession::Options options;
    options.reconnectDelay = std::chrono::milliseconds(50);
    options.signInTimeout = std::chrono::milliseconds(patience);
    return options;
}

class ClientSessionTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(relay.start()); }

    std::unique_ptr<WireClient> survivor(const QString &text = QString()) { return survivorOn(relay, text); }

    std::unique_ptr<WireClient> survivorOn(LoopbackRelay &on, const QString &text = QString())
    {
        auto page = std::make_unique<WireClient>(on.url());
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
        return QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, patience);
    }

    // Takes the next survivor and returns the conversation id.
    QString take(ClientSession &session)
    {
        QSignalSpy started(&session, &ClientSession::conversationStarted);
        session.takeNext();
        if (!started.wait(patience))
            return {};
        return started.first().first().toString();
    }

    std::optional<ClientSession::SignInError> signInError(ClientSession &session, const QUrl &url,
                                                          const QString &password)
    {
        QSignalSpy failed(&session, &ClientSession::signInFailed);
        session.signIn(url, QStringLiteral("ana"), password);
        if (failed.isEmpty() && !failed.wait(patience))
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
                       ClientSession::SignInError::SessionExpired, ClientSession::SignInError::ProtocolError,
                       ClientSession::SignInError::PinMismatch})
        sentences.insert(ClientSession::describe(error));
    EXPECT_EQ(sentences.size(), 9);
}

TEST_F(ClientSessionTest, TakeNextWithNobodyWaitingIsARefusalNotASignInFailure)
{
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    QSignalSpy refused(&session, &ClientSession::requestRefused);
    session.takeNext();
    ASSERT_TRUE(refused.wait(patience));
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
    ASSERT_TRUE(received.wait(patience));
    EXPECT_EQ(received.first().at(4).toString(), QStringLiteral("<b>hello</b>"));
    // The session acknowledges what it holds, so the page sees it delivered.
    EXPECT_EQ(page->next<frame::Delivered>()->seq, 1);

    QSignalSpy accepted(&session, &ClientSession::messageAccepted);
    QSignalSpy delivered(&session, &ClientSession::delivered);
    const QString clientId = session.send(id, QStringLiteral("I'm here."));
    ASSERT_TRUE(accepted.wait(patience));
    EXPECT_EQ(accepted.first().at(1).toString(), clientId);
    EXPECT_EQ(accepted.first().at(2).toLongLong(), 2);
    EXPECT_EQ(session.outboxSize(), 0);
    const auto atPage = page->next<frame::Message>();
    ASSERT_TRUE(atPage);
    EXPECT_EQ(atPage->body, QStringLiteral("I'm here."));
    page->send(frame::Ack{id, 2});
    ASSERT_TRUE(delivered.wait(patience));
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
    ASSERT_TRUE(typing.wait(patience));
    EXPECT_TRUE(typing.first().at(1).toBool());
    session.setTyping(id, true);
    EXPECT_TRUE(page->next<frame::PeerTyping>()->active);

    QSignalSpy ended(&session, &ClientSession::ended);
    session.end(id);
    ASSERT_TRUE(ended.wait(patience));
    EXPECT_EQ(ended.first().at(1).value<EndReason>(), EndReason::AdvocateEnded);
    EXPECT_EQ(page->next<frame::Ended>()->reason, EndReason::AdvocateEnded);
}

TEST_F(ClientSessionTest, AColleaguesTypingComesWithTheirNameAndTheSurvivorsWithout)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    WireClient sue(relay.url());
    ASSERT_TRUE(sue.connectAndGreet());
    sue.send(frame::SignIn{1, QStringLiteral("sue"), LoopbackRelay::password});
    ASSERT_TRUE(sue.next<frame::SignedIn>());
    sue.send(frame::Join{id});
    ASSERT_TRUE(sue.next<frame::ConversationStarted>());

    QSignalSpy typing(&session, &ClientSession::peerTyping);
    sue.send(frame::Typing{id, true});
    ASSERT_TRUE(typing.wait(patience));
    EXPECT_TRUE(typing.last().at(1).toBool());
    EXPECT_EQ(typing.last().at(2).toString(), QStringLiteral("sue"));
    page->send(frame::Typing{id, true});
    ASSERT_TRUE(typing.wait(patience));
    EXPECT_TRUE(typing.last().at(2).toString().isEmpty());
}

TEST_F(ClientSessionTest, ASurvivorWhoDropsAndFallsSilentIsReportedByPeerStatusAndInactivity)
{
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, relay.url()));
    const QString id = take(session);
    QSignalSpy inactivity(&session, &ClientSession::inactivity);
    relay.clock().advance(std::chrono::minutes(10));
    ASSERT_TRUE(inactivity.wait(patience));
    EXPECT_EQ(inactivity.first().at(1).toInt(), 1);

    QSignalSpy status(&session, &ClientSession::peerStatus);
    page->drop();
    ASSERT_TRUE(status.wait(patience));
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
    ASSERT_TRUE(accepted.wait(patience));

    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, patience));
    session.send(id, QStringLiteral("two"));
    session.send(id, QStringLiteral("three"));
    EXPECT_EQ(session.outboxSize(), 2);
    // The survivor writes while the advocate is away; the gap is fetched on reconnect.
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("are you there?")});
    EXPECT_TRUE(page->next<frame::Accepted>());
    QTest::qWait(200);

    QSignalSpy received(&session, &ClientSession::messageReceived);
    proxy.restore();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.outboxSize() == 0 && received.size() == 1; }, patience));
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
    EXPECT_EQ(received.first().at(4).toString(), QStringLiteral("are you there?"));
    EXPECT_EQ(accepted.size(), 3);

    // Everything the relay sent the page before its pong has arrived: no duplicates behind.
    page->send(frame::Ping{});
    ASSERT_TRUE(page->next<frame::Pong>(patience));
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
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, patience));
    QTest::qWait(300); // several refused attempts
    EXPECT_EQ(session.state(), ClientSession::State::Reconnecting);
    proxy.restore();
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, patience));
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
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, patience));
    session.send(id, QStringLiteral("lost"));
    ASSERT_TRUE(relay.start());
    ASSERT_TRUE(failed.wait(patience));
    EXPECT_EQ(failed.first().first().value<ClientSession::SignInError>(), ClientSession::SignInError::SessionExpired);
    EXPECT_EQ(messageFailed.size(), 1);
    ASSERT_EQ(ended.size(), 1);
    EXPECT_EQ(ended.first().first().toString(), id);
    EXPECT_EQ(ended.first().at(1).value<EndReason>(), EndReason::Disconnected);
    EXPECT_FALSE(session.hasSessionToken());
}

namespace {

// The survivor writes `count` messages ("missed 1" …) while the advocate is away, within the relay's frame rate
// limit: the relay's clock refills the survivor's token bucket between batches, and every batch is accepted before
// the next, so nothing is dropped as rate_limited.
void writeWhileAway(LoopbackRelay &on, WireClient &page, const QString &conversation, int count)
{
    constexpr int batch = 25;
    for (int sent = 0; sent < count;) {
        on.clock().advance(std::chrono::seconds(3));
        for (int i = 0; i < batch && sent < count; ++i) {
            ++sent;
            page.send(
                frame::Send{conversation, QStringLiteral("s%1").arg(sent), QStringLiteral("missed %1").arg(sent)});
        }
        ASSERT_TRUE(QTest::qWaitFor([&] { return page.all<frame::Accepted>().size() == sent; }, patience))
            << "accepted " << page.all<frame::Accepted>().size() << " of " << sent;
    }
}

// Cuts the workstation's link, waits until the session knows, and has the survivor write `count` messages meanwhile.
void missWhileAway(TcpProxy &proxy, ClientSession &session, LoopbackRelay &on, WireClient &page,
                   const QString &conversation, int count)
{
    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, patience));
    writeWhileAway(on, page, conversation, count);
}

// Restores the link and waits until the session holds the `count` missed messages, then has the survivor send one
// live message after them (a barrier: whatever the replay sent is in before it) and waits for that one too.
void restoreAndAwaitReplay(TcpProxy &proxy, ClientSession &session, WireClient &page, const QString &conversation,
                           int count)
{
    proxy.restore();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.lastSeq(conversation) == count; }, patience))
        << "held up to " << session.lastSeq(conversation);
    page.send(frame::Send{conversation, QStringLiteral("after"), QStringLiteral("after the replay")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.lastSeq(conversation) == count + 1; }, patience));
}

QUrl through(const TcpProxy &proxy)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port()));
}

} // namespace

TEST_F(ClientSessionTest, MoreMessagesThanOnePageMissedWhileAwayArriveExactlyOnceInOrderWithoutAReconnect)
{
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    auto page = survivor();
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, through(proxy)));
    const QString id = take(session);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(page->next<frame::ConversationStarted>());

    // 450 messages: more than two of the relay's pages of 200.
    ASSERT_NO_FATAL_FAILURE(missWhileAway(proxy, session, relay, *page, id, 450));

    QSignalSpy received(&session, &ClientSession::messageReceived);
    QSignalSpy states(&session, &ClientSession::stateChanged);
    QSignalSpy refused(&session, &ClientSession::requestRefused);
    ASSERT_NO_FATAL_FAILURE(restoreAndAwaitReplay(proxy, session, *page, id, 450));

    ASSERT_EQ(received.size(), 451);
    for (int i = 0; i < 450; ++i) {
        ASSERT_EQ(received.at(i).at(1).toLongLong(), i + 1);
        ASSERT_EQ(received.at(i).at(4).toString(), QStringLiteral("missed %1").arg(i + 1));
    }
    EXPECT_EQ(received.at(450).at(4).toString(), QStringLiteral("after the replay"));
    // One reconnect, and the replay did not run into the relay's frame rate limit (no ack per replayed message).
    EXPECT_EQ(states.size(), 1);
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
    EXPECT_TRUE(refused.isEmpty()) << "refused: " << qPrintable(refused.first().at(1).toString());
    // The survivor's side learns that everything arrived.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const QList<frame::Delivered> delivered = page->all<frame::Delivered>();
            return !delivered.isEmpty() && delivered.last().seq == 451;
        },
        30000));
}

TEST_F(ClientSessionTest, HistoryTheRelayTrimmedWhileAwayIsReportedOnceAndTheRestArrivesInOrder)
{
    // Room for about 320 of these messages: of 450, the oldest are trimmed, and what is left still takes two pages.
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.maxRetainedBytes = 30000;
    LoopbackRelay small(config);
    ASSERT_TRUE(small.start());
    TcpProxy proxy(small.port());
    ASSERT_TRUE(proxy.listen());
    auto page = survivorOn(small);
    ClientSession session(fastOptions());
    ASSERT_TRUE(signIn(session, through(proxy)));
    const QString id = take(session);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(page->next<frame::ConversationStarted>());

    ASSERT_NO_FATAL_FAILURE(missWhileAway(proxy, session, small, *page, id, 450));

    QSignalSpy received(&session, &ClientSession::messageReceived);
    QSignalSpy trimmed(&session, &ClientSession::historyTrimmed);
    QSignalSpy refused(&session, &ClientSession::requestRefused);
    ASSERT_NO_FATAL_FAILURE(restoreAndAwaitReplay(proxy, session, *page, id, 450));

    ASSERT_EQ(trimmed.size(), 1);
    EXPECT_EQ(trimmed.first().at(0).toString(), id);
    EXPECT_EQ(trimmed.first().at(1).toLongLong(), 1);
    const qint64 lastTrimmed = trimmed.first().at(2).toLongLong();
    EXPECT_EQ(trimmed.first().at(3).toLongLong(), lastTrimmed);
    EXPECT_GT(lastTrimmed, 1);
    EXPECT_LT(lastTrimmed, 450 - 200) << "what was left should have taken more than one page";
    // Everything the relay still held, once each and in order, then the live message.
    ASSERT_EQ(received.size(), 450 - lastTrimmed + 1);
    for (int i = 0; i < received.size() - 1; ++i) {
        ASSERT_EQ(received.at(i).at(1).toLongLong(), lastTrimmed + 1 + i);
        ASSERT_EQ(received.at(i).at(4).toString(), QStringLiteral("missed %1").arg(lastTrimmed + 1 + i));
    }
    EXPECT_EQ(received.last().at(4).toString(), QStringLiteral("after the replay"));
    EXPECT_TRUE(refused.isEmpty());
    EXPECT_FALSE(ClientSession::describeTrimmed(lastTrimmed).isEmpty());
}
