// SPDX-License-Identifier: GPL-3.0-only
// Restart and failover (docs/protocol.md section 8): a relay stopped mid-conversation and a new one started with the
// same restart secret (on the same port, or a standby on another), with raw WebSocket clients, the survivor client
// and the workstation's ClientSession. The chat continues with the same advocate and every message arrives once, in
// order; tokens of another secret, altered tokens, claims of someone else's chat and late comers are refused; and
// without a secret a restart ends the chat as before.
#include "relay/RelayServer.h"

#include "LoopbackRelayTest.h"
#include "client/ClientSession.h"
#include "client/SurvivorClient.h"
#include "protocol/FieldReader.h"
#include "relay/RestartTokens.h"
#include "relay/Router.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

using namespace advocate;
using namespace advocate::test;

namespace {

class RelayRestartTest : public LoopbackRelayTest
{
protected:
    // The newest token a client was given: its session (or signed_in), then each renewal.
    template <typename First>
    static QString newestToken(const WireClient &client)
    {
        QString token;
        for (const RelayFrame &frame : client.frames()) {
            if (const auto *session = std::get_if<frame::Session>(&frame))
                token = session->resumeToken;
            if (const auto *signedIn = std::get_if<frame::SignedIn>(&frame))
                token = signedIn->sessionToken;
            if (const auto *renewed = std::get_if<frame::TokenRenewed>(&frame))
                token = renewed->token;
        }
        return token;
    }

    // rosa and ana in a conversation on `server`, both holding a token that names it.
    struct Chat
    {
        std::unique_ptr<WireClient> rosa;
        std::unique_ptr<WireClient> ana;
        QString id;
    };
    Chat chat(const RelayServer &server)
    {
        Chat c;
        c.rosa = client(server);
        c.rosa->send(frame::Start{1, 2, QStringLiteral("Rosa"), QStringLiteral("es")});
        EXPECT_TRUE(c.rosa->next<frame::Session>());
        c.ana = client(server);
        c.ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse")});
        EXPECT_TRUE(c.ana->next<frame::SignedIn>());
        c.ana->send(frame::TakeNext{});
        c.id = c.ana->next<frame::ConversationStarted>()->conversation;
        EXPECT_TRUE(c.rosa->next<frame::ConversationStarted>());
        // Within a tick both get a token that names the conversation.
        EXPECT_TRUE(c.rosa->next<frame::TokenRenewed>());
        EXPECT_TRUE(c.ana->next<frame::TokenRenewed>());
        return c;
    }

    // The real clients of both sides in a chat on `server`: the survivor client queues, then ana's workstation
    // (both reconnecting after 50 ms) takes it. The conversation's id; empty, with the step that failed reported.
    static ClientSession::Options deskOptions()
    {
        ClientSession::Options options;
        options.reconnectDelay = std::chrono::milliseconds(50);
        return options;
    }
    static QString clientsInAChat(const RelayServer &server, ClientSession &desk, SurvivorClient &survivor)
    {
        QSignalSpy deskStarted(&desk, &ClientSession::conversationStarted);
        SurvivorClient::Options survivorOptions;
        survivorOptions.reconnectDelay = std::chrono::milliseconds(50);
        survivor.start(url(server), survivorOptions);
        const auto waitFor = [](const std::function<bool()> &done, const char *what) {
            if (QTest::qWaitFor(done, 10000))
                return true;
            ADD_FAILURE() << what;
            return false;
        };
        if (!waitFor([&] { return survivor.state() == SurvivorClient::State::Waiting; }, "the survivor queues"))
            return {};
        desk.signIn(url(server), QStringLiteral("ana"), QStringLiteral("correct horse"));
        if (!waitFor([&] { return desk.state() == ClientSession::State::SignedIn; }, "ana signs in"))
            return {};
        desk.takeNext();
        if (!waitFor([&] { return deskStarted.size() == 1 && survivor.state() == SurvivorClient::State::Chatting; },
                     "ana takes the chat"))
            return {};
        return survivor.conversation();
    }

    // A chat on a relay that then stops: what the clients held when it went.
    struct Stopped
    {
        QString id;
        QString rosaToken;
        QString anaToken;
        quint16 port = 0;
    };
    Stopped chatThenStop()
    {
        auto first = relay();
        const Chat c = chat(*first);
        return {c.id, newestToken<frame::Session>(*c.rosa), newestToken<frame::SignedIn>(*c.ana), first->port()};
    }
};

} // namespace

TEST_F(RelayRestartTest, BothSidesReclaimTheChatAfterARestartAndSeqsContinue)
{
    auto first = relay();
    const quint16 port = first->port();
    Chat c = chat(*first);
    c.rosa->send(frame::Send{c.id, QStringLiteral("r1"), QStringLiteral("hola")});
    ASSERT_EQ(c.rosa->next<frame::Accepted>()->seq, 1);
    ASSERT_TRUE(c.ana->next<frame::Message>());
    c.ana->send(frame::Send{c.id, QStringLiteral("a1"), QStringLiteral("estoy aquí")});
    ASSERT_EQ(c.ana->next<frame::Accepted>()->seq, 2);
    ASSERT_TRUE(c.rosa->next<frame::Message>());
    const QString rosaToken = newestToken<frame::Session>(*c.rosa);
    const QString anaToken = newestToken<frame::SignedIn>(*c.ana);

    first.reset(); // the relay stops: every socket and every piece of state goes
    auto second = relay(port);
    ASSERT_EQ(second->router().openConversationCount(), 0);

    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 2});
    const auto session = rosa->next<frame::Session>();
    ASSERT_TRUE(session);
    EXPECT_NE(session->resumeToken, rosaToken);
    const auto started = rosa->next<frame::ConversationStarted>();
    ASSERT_TRUE(started);
    EXPECT_EQ(started->conversation, c.id);
    EXPECT_EQ(started->language, QStringLiteral("es"));
    EXPECT_FALSE(rosa->next<frame::PeerStatus>()->connected); // the advocate is not back yet
    // Nothing is numbered while the other side is away: a send waits for reclaimed.
    rosa->send(frame::Send{c.id, QStringLiteral("r2"), QStringLiteral("¿sigues ahí?")});
    EXPECT_FALSE(rosa->receivedWithin<frame::Accepted>(100));

    auto ana = client(*second);
    ana->send(frame::StaffResume{1, anaToken, {{c.id, 2}}});
    const auto signedIn = ana->next<frame::SignedIn>();
    ASSERT_TRUE(signedIn);
    ASSERT_EQ(signedIn->conversations.size(), 1);
    EXPECT_EQ(signedIn->conversations.first().conversation, c.id);
    EXPECT_EQ(ana->next<frame::Reclaimed>()->lastSeq, 2);
    EXPECT_EQ(rosa->next<frame::Reclaimed>()->lastSeq, 2);
    EXPECT_TRUE(rosa->next<frame::PeerStatus>()->connected);

    // The survivor sends again what was not accepted; the seqs go on after the greater claim.
    rosa->send(frame::Send{c.id, QStringLiteral("r2"), QStringLiteral("¿sigues ahí?")});
    EXPECT_EQ(rosa->next<frame::Accepted>()->seq, 3);
    const auto atAna = ana->next<frame::Message>();
    ASSERT_TRUE(atAna);
    EXPECT_EQ(atAna->seq, 3);
    EXPECT_EQ(atAna->body, QStringLiteral("¿sigues ahí?"));
    ana->send(frame::Ack{c.id, 3});
    EXPECT_EQ(rosa->next<frame::Delivered>()->seq, 3);
    EXPECT_EQ(second->router().conversationsOf(QStringLiteral("ana")), QStringList{c.id});
}

TEST_F(RelayRestartTest, TheAdvocateMayComeBackFirst)
{
    const Stopped c = chatThenStop();
    const quint16 port = c.port;
    const QString &rosaToken = c.rosaToken;
    const QString &anaToken = c.anaToken;
    auto second = relay(port);

    auto ana = client(*second);
    ana->send(frame::StaffResume{1, anaToken, {{c.id, 0}}});
    ASSERT_EQ(ana->next<frame::SignedIn>()->conversations.size(), 1);
    ana->send(frame::Fetch{c.id, 0});
    const auto empty = ana->next<frame::Fetched>();
    ASSERT_TRUE(empty);
    EXPECT_FALSE(empty->more);
    EXPECT_EQ(empty->oldestSeq, 1); // nothing trimmed: nothing to say about it

    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(rosa->next<frame::ConversationStarted>()->conversation, c.id);
    EXPECT_EQ(rosa->next<frame::Reclaimed>()->lastSeq, 0);
    EXPECT_EQ(ana->next<frame::Reclaimed>()->conversation, c.id);
    ana->send(frame::Send{c.id, QStringLiteral("a1"), QStringLiteral("aquí sigo")});
    EXPECT_EQ(rosa->next<frame::Message>()->seq, 1);
}

// Until both sides are back a re-claimed chat cannot be passed on, joined, taken over or monitored: there is no
// survivor to tell. Once it continues, it can.
TEST_F(RelayRestartTest, WhileAChatIsReclaimedItIsNotPassedOnJoinedTakenOverOrMonitored)
{
    const Stopped c = chatThenStop();
    auto second = relay(c.port);
    auto ana = client(*second);
    ana->send(frame::StaffResume{1, c.anaToken, {{c.id, 0}}});
    ASSERT_EQ(ana->next<frame::SignedIn>()->conversations.size(), 1);
    auto sue = client(*second);
    sue->send(frame::SignIn{1, QStringLiteral("sue"), QStringLiteral("correct horse")});
    ASSERT_TRUE(sue->next<frame::SignedIn>());

    ana->send(frame::Transfer{c.id, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    EXPECT_EQ(ana->nextError(), ErrorCode::BadState);
    sue->send(frame::Join{c.id});
    EXPECT_EQ(sue->nextError(), ErrorCode::BadState);
    sue->send(frame::TakeOver{c.id, frame::AfterTakeOver::Observe});
    EXPECT_EQ(sue->nextError(), ErrorCode::BadState);
    sue->send(frame::Monitor{c.id});
    EXPECT_EQ(sue->nextError(), ErrorCode::BadState);

    auto rosa = client(*second);
    rosa->send(frame::Resume{1, c.rosaToken, 0});
    ASSERT_TRUE(ana->next<frame::Reclaimed>());
    sue->send(frame::Join{c.id});
    EXPECT_EQ(sue->next<frame::ConversationStarted>()->participation, Participation::Joined);
}

// A claim beyond any seq a chat reaches would leave it no seq both clients accept: refused, and the token is not
// spent by it.
TEST_F(RelayRestartTest, AClaimBeyondAnySeqAChatReachesIsRefused)
{
    const Stopped c = chatThenStop();
    auto second = relay(c.port);
    const qint64 beyond = qint64(1) << 40;
    auto ana = client(*second);
    ana->send(frame::StaffResume{1, c.anaToken, {{c.id, beyond}}});
    EXPECT_TRUE(ana->next<frame::SignedIn>()->conversations.isEmpty());
    auto rosa = client(*second);
    rosa->send(frame::Resume{1, c.rosaToken, beyond});
    EXPECT_EQ(rosa->nextError(), ErrorCode::ResumeExpired);
    auto again = client(*second);
    again->send(frame::Resume{1, c.rosaToken, 3});
    EXPECT_EQ(again->next<frame::ConversationStarted>()->conversation, c.id);
}

TEST_F(RelayRestartTest, AStandbyRelayWithTheSameSecretTakesOver)
{
    auto primary = relay();
    auto standby = relay(); // started beforehand, on another port, with the same secret
    Chat c = chat(*primary);
    const QString rosaToken = newestToken<frame::Session>(*c.rosa);
    const QString anaToken = newestToken<frame::SignedIn>(*c.ana);
    c.rosa->drop();
    c.ana->drop(); // the primary is unreachable now; the clients go to the standby

    auto rosa = client(*standby);
    rosa->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(rosa->next<frame::ConversationStarted>()->conversation, c.id);
    auto ana = client(*standby);
    ana->send(frame::StaffResume{1, anaToken, {{c.id, 0}}});
    EXPECT_EQ(ana->next<frame::SignedIn>()->conversations.size(), 1);
    EXPECT_TRUE(ana->next<frame::Reclaimed>());
    EXPECT_TRUE(rosa->next<frame::Reclaimed>());
}

TEST_F(RelayRestartTest, TokensOfAnotherSecretOrAlteredOnesAreRefused)
{
    const Stopped c = chatThenStop();
    const quint16 port = c.port;
    const QString &rosaToken = c.rosaToken;
    const QString &anaToken = c.anaToken;

    config.restartSecret = restartSecret('o'); // another secret
    auto other = relay(port);
    auto rosa = client(*other);
    rosa->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(rosa->nextError(), ErrorCode::ResumeExpired);
    auto ana = client(*other);
    ana->send(frame::StaffResume{1, anaToken, {{c.id, 0}}});
    EXPECT_EQ(ana->nextError(), ErrorCode::ResumeExpired);
    other.reset();

    config.restartSecret = restartSecret('k');
    auto same = relay(port);
    for (const QString &token : {rosaToken, anaToken}) {
        QString altered = token;
        const int middle = static_cast<int>(altered.size() / 2);
        altered[middle] = altered.at(middle) == u'A' ? u'B' : u'A';
        auto forger = client(*same);
        if (token == rosaToken)
            forger->send(frame::Resume{1, altered, 0});
        else
            forger->send(frame::StaffResume{1, altered, {{c.id, 0}}});
        EXPECT_EQ(forger->nextError(), ErrorCode::ResumeExpired);
    }
    EXPECT_EQ(same->router().openConversationCount(), 0);
}

TEST_F(RelayRestartTest, AnAdvocateCannotClaimAConversationItDidNotHold)
{
    auto first = relay();
    const quint16 port = first->port();
    Chat c = chat(*first);
    auto ben = client(*first);
    ben->send(frame::SignIn{1, QStringLiteral("ben"), QStringLiteral("correct horse")});
    ASSERT_TRUE(ben->next<frame::SignedIn>());
    const QString rosaToken = newestToken<frame::Session>(*c.rosa);
    const QString anaToken = newestToken<frame::SignedIn>(*c.ana);
    const QString benToken = newestToken<frame::SignedIn>(*ben);
    first.reset();
    auto second = relay(port);

    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 0});
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    auto benBack = client(*second);
    benBack->send(frame::StaffResume{1, benToken, {{c.id, 0}}});
    const auto benSignedIn = benBack->next<frame::SignedIn>();
    ASSERT_TRUE(benSignedIn);
    EXPECT_TRUE(benSignedIn->conversations.isEmpty()); // his token does not name it
    EXPECT_FALSE(benBack->receivedWithin<frame::Reclaimed>(100));
    benBack->send(frame::Send{c.id, QStringLiteral("b1"), QStringLiteral("let me in")});
    EXPECT_EQ(benBack->nextError(), ErrorCode::NotAuthorized);

    auto ana = client(*second);
    ana->send(frame::StaffResume{1, anaToken, {{c.id, 0}}});
    EXPECT_EQ(ana->next<frame::SignedIn>()->conversations.size(), 1);
    EXPECT_TRUE(rosa->next<frame::Reclaimed>());
}

TEST_F(RelayRestartTest, ATokenOfAnEarlierRunWorksOncePerRun)
{
    const Stopped c = chatThenStop();
    const quint16 port = c.port;
    const QString &rosaToken = c.rosaToken;
    const QString &anaToken = c.anaToken;
    auto second = relay(port);
    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 0});
    ASSERT_TRUE(rosa->next<frame::Session>());
    auto ana = client(*second);
    ana->send(frame::StaffResume{1, anaToken, {}});
    ASSERT_TRUE(ana->next<frame::SignedIn>());

    auto replay = client(*second);
    replay->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(replay->nextError(), ErrorCode::ResumeExpired);
    auto staffReplay = client(*second);
    staffReplay->send(frame::StaffResume{1, anaToken, {{c.id, 0}}});
    EXPECT_EQ(staffReplay->nextError(), ErrorCode::ResumeExpired);
}

// A survivor holds tokens of different ages (the session's, then the renewal that names the chat). One of them
// spent after a restart spends them all for the run: a copied older token used first does not leave the newer one
// usable again once the older one has expired.
TEST_F(RelayRestartTest, AnOlderTokenSpentAfterARestartSpendsTheNewerOnesForTheRunToo)
{
    auto first = relay();
    const quint16 port = first->port();
    const Chat c = chat(*first);
    QString queuedToken; // the session's: it names no chat and expires first (renewal + the queued window)
    for (const RelayFrame &frame : c.rosa->frames()) {
        if (const auto *session = std::get_if<frame::Session>(&frame))
            queuedToken = session->resumeToken;
    }
    const QString chatToken = newestToken<frame::Session>(*c.rosa);
    ASSERT_NE(queuedToken, chatToken);
    first.reset();

    auto second = relay(port);
    auto copied = client(*second);
    copied->send(frame::Resume{1, queuedToken, 0});
    ASSERT_TRUE(copied->next<frame::Session>());
    copied.reset();
    clock.advance(std::chrono::seconds(config.tokenRenewalSeconds + config.queuedReconnectWindowSeconds + 1));
    QTest::qWait(100); // a few of the relay's ticks: what has expired is forgotten
    auto again = client(*second);
    again->send(frame::Resume{1, chatToken, 0});
    EXPECT_EQ(again->nextError(), ErrorCode::ResumeExpired);
}

TEST_F(RelayRestartTest, AfterTheWindowTheSurvivorGetsResumeExpired)
{
    const Stopped c = chatThenStop();
    const quint16 port = c.port;
    const QString &rosaToken = c.rosaToken;
    clock.advance(std::chrono::seconds(config.tokenRenewalSeconds + config.reconnectWindowSeconds));
    auto second = relay(port);
    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(rosa->nextError(), ErrorCode::ResumeExpired);
}

TEST_F(RelayRestartTest, AnAdvocateWhoDoesNotComeBackLeavesTheChatAtTheFrontOfTheQueue)
{
    const Stopped c = chatThenStop();
    const quint16 port = c.port;
    const QString &rosaToken = c.rosaToken;
    auto second = relay(port);
    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 3});
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    clock.advance(std::chrono::seconds(config.reconnectWindowSeconds));
    EXPECT_EQ(rosa->next<frame::Reclaimed>()->lastSeq, 3);
    EXPECT_EQ(rosa->next<frame::AdvocateChanged>()->reason, HandoffReason::Dropped);
    EXPECT_EQ(rosa->next<frame::Queued>()->position, 1);
}

TEST_F(RelayRestartTest, WithoutASecretARestartEndsTheChatAsBefore)
{
    config.restartSecret.clear();
    auto first = relay();
    const quint16 port = first->port();
    auto rosaBefore = client(*first);
    rosaBefore->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    const QString rosaToken = rosaBefore->next<frame::Session>()->resumeToken;
    EXPECT_EQ(rosaToken.size(), 43); // 256 random bits, as always
    auto anaBefore = client(*first);
    anaBefore->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse")});
    const QString anaToken = anaBefore->next<frame::SignedIn>()->sessionToken;
    anaBefore->send(frame::TakeNext{});
    const QString id = anaBefore->next<frame::ConversationStarted>()->conversation;
    EXPECT_FALSE(anaBefore->receivedWithin<frame::TokenRenewed>(100)); // nothing to renew without a secret
    first.reset();
    auto second = relay(port);
    auto rosa = client(*second);
    rosa->send(frame::Resume{1, rosaToken, 0});
    EXPECT_EQ(rosa->nextError(), ErrorCode::ResumeExpired);
    auto ana = client(*second);
    ana->send(frame::StaffResume{1, anaToken, {{id, 0}}});
    EXPECT_EQ(ana->nextError(), ErrorCode::ResumeExpired);
}

// The clients themselves: the workstation's ClientSession and the survivor client reconnect to the new relay,
// re-claim, and send again what the other side had not acknowledged; each side sees every message once, in order.
TEST_F(RelayRestartTest, TheWorkstationAndTheSurvivorClientContinueExactlyOnce)
{
    auto first = relay();
    const quint16 port = first->port();
    ClientSession desk(deskOptions());
    QSignalSpy atDesk(&desk, &ClientSession::messageReceived);
    QSignalSpy deskEnded(&desk, &ClientSession::ended);
    SurvivorClient survivor;
    QSignalSpy atSurvivor(&survivor, &SurvivorClient::messageReceived);
    QSignalSpy survivorEnded(&survivor, &SurvivorClient::ended);
    const QString id = clientsInAChat(*first, desk, survivor);
    ASSERT_FALSE(id.isEmpty());

    QStringList fromSurvivor;
    QStringList fromDesk;
    for (int i = 1; i <= 3; ++i) {
        fromSurvivor.append(QStringLiteral("s-before-%1").arg(i));
        survivor.send(fromSurvivor.last());
        fromDesk.append(QStringLiteral("d-before-%1").arg(i));
        desk.send(id, fromDesk.last());
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return atDesk.size() == 3 && atSurvivor.size() == 3; }, 10000));
    QTest::qWait(100); // the tokens name the conversation (renewed within a tick of its start)

    first.reset();
    // While the relay is down both sides keep writing.
    for (int i = 1; i <= 2; ++i) {
        fromSurvivor.append(QStringLiteral("s-down-%1").arg(i));
        survivor.send(fromSurvivor.last());
        fromDesk.append(QStringLiteral("d-down-%1").arg(i));
        desk.send(id, fromDesk.last());
    }
    QTest::qWait(200);
    auto second = relay(port);
    ASSERT_TRUE(QTest::qWaitFor([&] { return atDesk.size() == 5 && atSurvivor.size() == 5; }, 15000))
        << atDesk.size() << " at the desk, " << atSurvivor.size() << " at the survivor";
    for (int i = 1; i <= 2; ++i) {
        fromSurvivor.append(QStringLiteral("s-after-%1").arg(i));
        survivor.send(fromSurvivor.last());
        fromDesk.append(QStringLiteral("d-after-%1").arg(i));
        desk.send(id, fromDesk.last());
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return atDesk.size() == 7 && atSurvivor.size() == 7; }, 10000));
    QTest::qWait(300); // nothing more comes: no duplicates

    QStringList deskGot;
    qint64 lastSeq = 0;
    for (const QList<QVariant> &arguments : std::as_const(atDesk)) {
        EXPECT_GT(arguments.at(1).toLongLong(), lastSeq);
        lastSeq = arguments.at(1).toLongLong();
        deskGot.append(arguments.at(4).toString());
    }
    QStringList survivorGot;
    for (const QList<QVariant> &arguments : std::as_const(atSurvivor))
        survivorGot.append(arguments.at(1).toString());
    EXPECT_EQ(deskGot, fromSurvivor);
    EXPECT_EQ(survivorGot, fromDesk);
    EXPECT_TRUE(deskEnded.isEmpty());
    EXPECT_TRUE(survivorEnded.isEmpty());
    EXPECT_EQ(survivor.conversation(), id);
    EXPECT_EQ(second->router().conversationsOf(QStringLiteral("ana")), QStringList{id});
}

// More messages than the relay's frame bucket holds (40) written while the relay was down go out paced after it is
// back: none is dropped as rate-limited, and the workstation keeps its connection.
TEST_F(RelayRestartTest, ABacklogLargerThanTheFrameBucketArrivesWholeAfterARestart)
{
    auto first = relay();
    const quint16 port = first->port();
    ClientSession desk(deskOptions());
    QSignalSpy deskEnded(&desk, &ClientSession::ended);
    QSignalSpy refused(&desk, &ClientSession::requestRefused);
    QSignalSpy failed(&desk, &ClientSession::messageFailed);
    SurvivorClient survivor;
    QSignalSpy atSurvivor(&survivor, &SurvivorClient::messageReceived);
    const QString id = clientsInAChat(*first, desk, survivor);
    ASSERT_FALSE(id.isEmpty());
    QTest::qWait(100); // the tokens name the conversation (renewed within a tick of its start)

    first.reset();
    QStringList fromDesk;
    for (int i = 1; i <= 60; ++i) {
        fromDesk.append(QStringLiteral("d-down-%1").arg(i));
        desk.send(id, fromDesk.last());
    }
    auto second = relay(port);
    // The relay's clock is the test's: here it moves with real time, so the relay's frame bucket refills as it would.
    QElapsedTimer waited;
    waited.start();
    while (atSurvivor.size() < 60 && waited.elapsed() < 30000) {
        QTest::qWait(50);
        clock.advance(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(atSurvivor.size(), 60) << "of 60 at the survivor";
    QTest::qWait(300); // nothing more comes: no duplicates
    QStringList survivorGot;
    for (const QList<QVariant> &arguments : std::as_const(atSurvivor))
        survivorGot.append(arguments.at(1).toString());
    EXPECT_EQ(survivorGot, fromDesk);
    for (const QList<QVariant> &arguments : std::as_const(refused))
        ADD_FAILURE() << "refused: " << arguments.at(1).toString().toStdString();
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_TRUE(deskEnded.isEmpty());
    EXPECT_EQ(desk.state(), ClientSession::State::SignedIn);
}

// A message the other side had before the restart, whose acknowledgement was lost with the relay, comes again with
// a new seq: the receiving client takes its seq as held and does not show it twice.
TEST_F(RelayRestartTest, AMessageDeliveredBeforeTheRestartIsNotShownTwice)
{
    auto first = relay();
    const quint16 port = first->port();
    auto ana = client(*first);
    ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse")});
    ASSERT_TRUE(ana->next<frame::SignedIn>());
    SurvivorClient survivor;
    QSignalSpy atSurvivor(&survivor, &SurvivorClient::messageReceived);
    SurvivorClient::Options options;
    options.reconnectDelay = std::chrono::milliseconds(50);
    survivor.start(url(*first), options);
    ASSERT_TRUE(QTest::qWaitFor([&] { return survivor.state() == SurvivorClient::State::Waiting; }, 10000));
    ana->send(frame::TakeNext{});
    const QString id = ana->next<frame::ConversationStarted>()->conversation;
    ASSERT_TRUE(QTest::qWaitFor([&] { return survivor.state() == SurvivorClient::State::Chatting; }, 10000));
    ASSERT_TRUE(ana->next<frame::TokenRenewed>());
    ana->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("once")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return atSurvivor.size() == 1; }, 10000));
    const QString anaToken = newestToken<frame::SignedIn>(*ana);
    QTest::qWait(100);

    first.reset();
    auto second = relay(port);
    auto back = client(*second);
    back->send(frame::StaffResume{1, anaToken, {{id, 1}}});
    ASSERT_TRUE(back->next<frame::Reclaimed>(15000));
    // The workstation did not see the survivor's acknowledgement: it sends the message again.
    back->send(frame::Send{id, QStringLiteral("a1"), QStringLiteral("once")});
    EXPECT_EQ(back->next<frame::Accepted>()->seq, 2);
    EXPECT_EQ(back->next<frame::Delivered>()->seq, 2); // held and acknowledged, not shown
    back->send(frame::Send{id, QStringLiteral("a2"), QStringLiteral("twice?")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return atSurvivor.size() == 2; }, 10000));
    QTest::qWait(100);
    ASSERT_EQ(atSurvivor.size(), 2);
    EXPECT_EQ(atSurvivor.at(1).at(1).toString(), QStringLiteral("twice?"));
}

TEST(RestartSecretFile, MustBeThirtyTwoBytesThatOnlyItsOwnerMayRead)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("restart-secret"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(restartSecret('s'));
    file.close();
    ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const RestartTokens::Loaded good = RestartTokens::readSecretFile(path);
    EXPECT_TRUE(good.problem.isEmpty()) << qPrintable(good.problem);
    EXPECT_EQ(good.secret, restartSecret('s'));

    ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const RestartTokens::Loaded readable = RestartTokens::readSecretFile(path);
    EXPECT_TRUE(readable.secret.isEmpty());
    EXPECT_TRUE(readable.problem.contains(QStringLiteral("may be read by others"))) << qPrintable(readable.problem);
    ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::ReadGroup));
    EXPECT_FALSE(RestartTokens::readSecretFile(path).problem.isEmpty());

    ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write("x");
    file.close();
    EXPECT_TRUE(RestartTokens::readSecretFile(path).problem.contains(QStringLiteral("exactly 32 bytes")));
    EXPECT_TRUE(RestartTokens::readSecretFile(dir.path()).problem.contains(QStringLiteral("not a regular file")));
    EXPECT_FALSE(RestartTokens::readSecretFile(dir.filePath(QStringLiteral("missing"))).problem.isEmpty());
}

// In push mode the relay assigns chats to those available; a relay that restarted does not know who is: the
// workstation says so again when it comes back.
TEST_F(RelayRestartTest, TheWorkstationSaysAgainThatItIsAvailable)
{
    config.routing = RoutingMode::Push;
    auto first = relay();
    const quint16 port = first->port();
    ClientSession::Options options;
    options.reconnectDelay = std::chrono::milliseconds(50);
    ClientSession desk(options);
    QSignalSpy started(&desk, &ClientSession::conversationStarted);
    desk.signIn(url(*first), QStringLiteral("ana"), QStringLiteral("correct horse"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return desk.state() == ClientSession::State::SignedIn; }, 10000));
    desk.setAvailable(true);
    QTest::qWait(100);
    first.reset();
    auto second = relay(port);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return second->router().conversationsOf(QStringLiteral("ana")).isEmpty() &&
                   desk.state() == ClientSession::State::SignedIn;
        },
        10000));
    QTest::qWait(200);
    auto rosa = client(*second);
    rosa->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    ASSERT_TRUE(rosa->next<frame::ConversationStarted>());
    EXPECT_TRUE(QTest::qWaitFor([&] { return started.size() == 1; }, 10000));
}

// A supervisor who took many chats over: the staff token names as many as fit and stays within what the codec takes
// (a longer one was refused by the workstation in signed_in and token_renewed); the first ones named re-claim.
TEST(RestartTokensRecord, AStaffTokenNamesWhatFitsAndStaysWithinTheCodecsLimit)
{
    const RestartTokens tokens(QByteArray(RestartTokens::secretBytes, 'z'));
    RestartTokens::Staff record{7, QStringLiteral("supervisor-with-a-long-name"), {}, 1000, 100000};
    for (int i = 0; i < 40; ++i)
        record.conversations.append(
            {QStringLiteral("c-%1-0123456789abcdef0123").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("es")});
    const QString token = tokens.issue(record);
    EXPECT_LE(token.size(), wire::maxTokenChars);
    const std::optional<RestartTokens::Staff> opened = tokens.staff(token, 2000);
    ASSERT_TRUE(opened) << "a token the relay issues is one it opens";
    EXPECT_GE(opened->conversations.size(), 5);
    EXPECT_LT(opened->conversations.size(), 40);
    EXPECT_EQ(opened->conversations.first().conversation, record.conversations.first().conversation);
    record.conversations.resize(2);
    EXPECT_EQ(tokens.staff(tokens.issue(record), 2000)->conversations.size(), 2) << "a short list is named whole";
}
