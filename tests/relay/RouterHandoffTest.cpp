// SPDX-License-Identifier: GPL-3.0-only
// Handoff offers in every state, the queue and dropped-advocate requeue, the roster and the shift log
// (docs/protocol.md sections 15 and 16). The rule under test throughout: at every moment exactly one staff member
// can write to the survivor, or none while the chat waits at the front of the queue.
#include "RouterFixture.h"

using namespace advocate;
using namespace advocate::test;

namespace {

const QString canaryNote = QStringLiteral("{\"summary\":\"CANARY-NOTE-7731\",\"codeWord\":\"CANARY-WORD-7731\"}");

class RouterHandoffTest : public RouterTest
{
protected:
    // A survivor chatting with ana, and ben on shift.
    void SetUp() override
    {
        RouterTest::SetUp();
        std::tie(s, a) = conversation();
        b = staff(QStringLiteral("ben"));
        id = conversationOf(a);
        deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("hello")});
    }

    QString offerTo(const QString &user)
    {
        deliver(a, frame::Transfer{id, frame::TransferTarget::Advocate, user, canaryNote});
        const auto offer = last<frame::TransferOffer>(staffConnection(user));
        return offer ? offer->offer : QString();
    }
    ConnectionId staffConnection(const QString &user) const { return user == QStringLiteral("ben") ? b : a; }

    // Who the survivor's next message reaches.
    QList<ConnectionId> whoHears(const QString &clientId)
    {
        const auto before = [&](ConnectionId c) { return all<frame::Message>(c).size(); };
        const qsizetype beforeA = before(a), beforeB = before(b);
        deliver(s, frame::Send{id, clientId, QStringLiteral("are you there?")});
        QList<ConnectionId> heard;
        if (before(a) > beforeA)
            heard.append(a);
        if (before(b) > beforeB)
            heard.append(b);
        return heard;
    }

    // Whether `writer`'s message reaches the survivor.
    bool canWrite(ConnectionId writer, const QString &clientId)
    {
        const qsizetype before = all<frame::Message>(s).size();
        deliver(writer, frame::Send{id, clientId, QStringLiteral("I'm here")});
        return all<frame::Message>(s).size() > before;
    }

    ConnectionId s = 0, a = 0, b = 0;
    QString id;
};

} // namespace

TEST_F(RouterHandoffTest, AnOfferLeavesTheChatWithTheSenderUntilItIsAccepted)
{
    const QString offer = offerTo(QStringLiteral("ben"));
    ASSERT_FALSE(offer.isEmpty());
    const auto received = last<frame::TransferOffer>(b);
    EXPECT_EQ(received->from, QStringLiteral("ana"));
    EXPECT_EQ(received->conversation, id);
    EXPECT_EQ(received->note, canaryNote);
    EXPECT_EQ(received->alias, QStringLiteral("Rosa"));
    EXPECT_EQ(received->expiresInSeconds, 120);
    EXPECT_FALSE(received->toSupervisors);
    const auto pending = last<frame::TransferStatus>(a);
    EXPECT_EQ(pending->state, frame::TransferState::Pending);
    EXPECT_EQ(pending->offer, offer);

    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});
    EXPECT_TRUE(canWrite(a, QStringLiteral("a1")));
    EXPECT_FALSE(canWrite(b, QStringLiteral("b1")));
    EXPECT_EQ(lastError(b), ErrorCode::NotAuthorized);
}

TEST_F(RouterHandoffTest, AcceptingMovesTheChatInOneStepWithTheNoteAndTheTranscript)
{
    deliver(a, frame::Send{id, QStringLiteral("a1"), QStringLiteral("hi, I'm Ana")});
    const QString offer = offerTo(QStringLiteral("ben"));
    deliver(b, frame::TransferAccept{offer});

    const auto done = last<frame::TransferStatus>(a);
    EXPECT_EQ(done->state, frame::TransferState::Accepted);
    EXPECT_EQ(done->by, QStringLiteral("ben"));
    const auto started = last<frame::ConversationStarted>(b);
    ASSERT_TRUE(started);
    EXPECT_EQ(started->conversation, id);
    EXPECT_EQ(started->handoff, HandoffReason::Transfer);
    EXPECT_EQ(started->handedFrom, QStringLiteral("ana"));
    EXPECT_EQ(started->note, canaryNote);
    // The transcript so far, both sides, closed by fetched.
    const QList<frame::Message> transcript = all<frame::Message>(b);
    ASSERT_EQ(transcript.size(), 2);
    EXPECT_EQ(transcript.at(0).body, QStringLiteral("hello"));
    EXPECT_EQ(transcript.at(1).from, Side::Advocate);
    EXPECT_EQ(last<frame::Fetched>(b)->lastSeq, 2);
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::Transfer);

    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{b});
    EXPECT_TRUE(canWrite(b, QStringLiteral("b1")));
    EXPECT_FALSE(canWrite(a, QStringLiteral("a2")));
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ana")), QStringList());
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ben")), QStringList{id});
    // Seq numbers carry on.
    EXPECT_EQ(last<frame::Message>(s)->seq, 4);
    EXPECT_EQ(router->standingOffers(), 0);
    EXPECT_FALSE(last<frame::Ended>(a));
}

TEST_F(RouterHandoffTest, DeclineAndExpiryLeaveTheChatWithTheSender)
{
    QString offer = offerTo(QStringLiteral("ben"));
    deliver(b, frame::TransferDecline{offer});
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Declined);
    EXPECT_EQ(last<frame::TransferStatus>(a)->by, QStringLiteral("ben"));
    EXPECT_EQ(last<frame::TransferOfferClosed>(b)->reason, frame::OfferClosedReason::Declined);
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});

    offer = offerTo(QStringLiteral("ben"));
    clock.advance(std::chrono::seconds(119));
    router->tick();
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Pending);
    clock.advance(std::chrono::seconds(1));
    router->tick();
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Expired);
    EXPECT_EQ(last<frame::TransferOfferClosed>(b)->reason, frame::OfferClosedReason::Expired);
    deliver(b, frame::TransferAccept{offer});
    EXPECT_EQ(lastError(b), ErrorCode::OfferGone);
    EXPECT_EQ(whoHears(QStringLiteral("s3")), QList<ConnectionId>{a});
    EXPECT_EQ(router->standingOffers(), 0);
}

TEST_F(RouterHandoffTest, OfAWithdrawalAndAnAcceptThatCrossTheFirstWins)
{
    QString offer = offerTo(QStringLiteral("ben"));
    deliver(a, frame::TransferWithdraw{id});
    deliver(b, frame::TransferAccept{offer});
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Withdrawn);
    EXPECT_EQ(last<frame::TransferOfferClosed>(b)->reason, frame::OfferClosedReason::Withdrawn);
    EXPECT_EQ(lastError(b), ErrorCode::OfferGone);
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});

    offer = offerTo(QStringLiteral("ben"));
    deliver(b, frame::TransferAccept{offer});
    deliver(a, frame::TransferWithdraw{id});
    EXPECT_EQ(lastError(a), ErrorCode::NotAuthorized); // the chat is no longer ana's to withdraw
    EXPECT_EQ(whoHears(QStringLiteral("s3")), QList<ConnectionId>{b});
}

TEST_F(RouterHandoffTest, AQuickExitDuringAnOfferClosesItForTheReceiver)
{
    const QString offer = offerTo(QStringLiteral("ben"));
    deliver(s, frame::QuickExit{});
    EXPECT_EQ(last<frame::TransferOfferClosed>(b)->reason, frame::OfferClosedReason::Ended);
    EXPECT_EQ(last<frame::Ended>(a)->reason, EndReason::QuickExit);
    deliver(b, frame::TransferAccept{offer});
    EXPECT_EQ(lastError(b), ErrorCode::OfferGone);
    EXPECT_EQ(router->openConversationCount(), 0);
    EXPECT_EQ(router->standingOffers(), 0);
}

TEST_F(RouterHandoffTest, AReceiverWhoDropsClosesTheOfferAndASenderWhoDropsDoesNot)
{
    offerTo(QStringLiteral("ben"));
    router->connectionClosed(b);
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Unavailable);
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});

    b = staff(QStringLiteral("ben"));
    const QString offer = offerTo(QStringLiteral("ben"));
    router->connectionClosed(a);
    deliver(b, frame::TransferAccept{offer});
    EXPECT_EQ(last<frame::ConversationStarted>(b)->handoff, HandoffReason::Transfer);
    EXPECT_EQ(whoHears(QStringLiteral("s3")), QList<ConnectionId>{b});
    // Ana comes back: the chat is not hers any more.
    const ConnectionId back = open();
    deliver(back, frame::StaffResume{1, last<frame::SignedIn>(a)->sessionToken, {}});
    EXPECT_TRUE(last<frame::SignedIn>(back)->conversations.isEmpty());
}

TEST_F(RouterHandoffTest, OffersThatCannotBeMadeAreRefusedAndChangeNothing)
{
    deliver(a, frame::Transfer{id, frame::TransferTarget::Advocate, QStringLiteral("ana"), std::nullopt});
    EXPECT_EQ(lastError(a), ErrorCode::BadField);
    deliver(a, frame::Transfer{id, frame::TransferTarget::Advocate, QStringLiteral("nobody"), std::nullopt});
    EXPECT_EQ(lastError(a), ErrorCode::NotOnShift);
    deliver(a, frame::Transfer{id, frame::TransferTarget::Supervisors, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(a), ErrorCode::NotOnShift); // no supervisor signed in
    // Ben may not hand on a chat he does not hold, and a survivor hands on nothing.
    deliver(b, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(b), ErrorCode::NotAuthorized);
    deliver(s, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(s), ErrorCode::NotAuthorized);
    // A second offer while one stands.
    offerTo(QStringLiteral("ben"));
    deliver(a, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(a), ErrorCode::BadState);
    EXPECT_EQ(router->standingOffers(), 1);
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});
    // Accepting an offer made to someone else.
    const ConnectionId sue = staff(QStringLiteral("sue"));
    deliver(sue, frame::TransferAccept{last<frame::TransferOffer>(b)->offer});
    EXPECT_EQ(lastError(sue), ErrorCode::OfferGone);
}

TEST_F(RouterHandoffTest, AReceiverAtTheCapCannotBeOfferedNorAccept)
{
    // Ben takes a chat of his own (cap 1): he cannot be offered another.
    survivor();
    deliver(b, frame::TakeNext{});
    deliver(a, frame::Transfer{id, frame::TransferTarget::Advocate, QStringLiteral("ben"), std::nullopt});
    EXPECT_EQ(lastError(a), ErrorCode::CapReached);
    EXPECT_EQ(router->standingOffers(), 0);
}

TEST_F(RouterHandoffTest, AnAcceptAtTheCapIsRefusedAndTheOfferStillStands)
{
    const QString offer = offerTo(QStringLiteral("ben"));
    survivor();
    deliver(b, frame::TakeNext{}); // ben reaches the cap after the offer was made
    deliver(b, frame::TransferAccept{offer});
    EXPECT_EQ(lastError(b), ErrorCode::CapReached);
    EXPECT_EQ(router->standingOffers(), 1);
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{a});
}

TEST_F(RouterHandoffTest, AnOfferToTheSupervisorsGoesToEachAndTheFirstToAcceptTakesIt)
{
    accounts.roles.insert(QStringLiteral("sam"), Role::Supervisor);
    const ConnectionId sue = staff(QStringLiteral("sue"));
    const ConnectionId sam = staff(QStringLiteral("sam"));
    deliver(a, frame::Transfer{id, frame::TransferTarget::Supervisors, std::nullopt, canaryNote});
    ASSERT_TRUE(last<frame::TransferOffer>(sue));
    ASSERT_TRUE(last<frame::TransferOffer>(sam));
    EXPECT_TRUE(last<frame::TransferOffer>(sue)->toSupervisors);
    EXPECT_FALSE(last<frame::TransferOffer>(b)); // advocates are not asked
    const QString offer = last<frame::TransferOffer>(sue)->offer;
    deliver(sam, frame::TransferDecline{offer});
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Pending); // sue may still take it
    deliver(sue, frame::TransferAccept{offer});
    EXPECT_EQ(last<frame::TransferStatus>(a)->by, QStringLiteral("sue"));
    EXPECT_EQ(router->conversationsOf(QStringLiteral("sue")), QStringList{id});
}

TEST_F(RouterHandoffTest, ASecondSupervisorLearnsTheOfferWasTaken)
{
    accounts.roles.insert(QStringLiteral("sam"), Role::Supervisor);
    const ConnectionId sue = staff(QStringLiteral("sue"));
    const ConnectionId sam = staff(QStringLiteral("sam"));
    deliver(a, frame::Transfer{id, frame::TransferTarget::Supervisors, std::nullopt, std::nullopt});
    deliver(sue, frame::TransferAccept{last<frame::TransferOffer>(sue)->offer});
    EXPECT_EQ(last<frame::TransferOfferClosed>(sam)->reason, frame::OfferClosedReason::Taken);
    deliver(sam, frame::TransferAccept{last<frame::TransferOffer>(sam)->offer});
    EXPECT_EQ(lastError(sam), ErrorCode::OfferGone);
}

TEST_F(RouterHandoffTest, ToTheQueueTheChatWaitsAtTheFrontAndTheNextAdvocateGetsTheNote)
{
    const ConnectionId other = survivor(); // already waiting
    deliver(a, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, canaryNote});
    EXPECT_EQ(last<frame::TransferStatus>(a)->state, frame::TransferState::Queued);
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::Queue);
    EXPECT_EQ(last<frame::Queued>(s)->position, 1);
    EXPECT_EQ(last<frame::Queued>(other)->position, 2);
    EXPECT_FALSE(canWrite(a, QStringLiteral("a1")));
    // The survivor may still write; it is kept for whoever comes next.
    EXPECT_TRUE(whoHears(QStringLiteral("s2")).isEmpty());

    deliver(b, frame::TakeNext{});
    const auto started = last<frame::ConversationStarted>(b);
    ASSERT_TRUE(started);
    EXPECT_EQ(started->conversation, id);
    EXPECT_EQ(started->handoff, HandoffReason::Queue);
    EXPECT_EQ(started->handedFrom, QStringLiteral("ana"));
    EXPECT_EQ(started->note, canaryNote);
    EXPECT_EQ(all<frame::Message>(b).size(), 2); // "hello" and what was written while waiting
    EXPECT_EQ(last<frame::ConversationStarted>(s)->conversation, id);
    EXPECT_EQ(whoHears(QStringLiteral("s3")), QList<ConnectionId>{b});
}

TEST_F(RouterHandoffTest, InPushModeAChatHandedToTheQueueDoesNotComeBackToItsSender)
{
    config.routing = RoutingMode::Push;
    makeRouter();
    sink = RecordingSink{};
    s = survivor();
    a = staff(QStringLiteral("ana"));
    deliver(a, frame::SetAvailable{true, std::nullopt});
    id = conversationOf(a);
    ASSERT_FALSE(id.isEmpty());
    deliver(a, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    EXPECT_EQ(router->waitingCount(), 1);
    b = staff(QStringLiteral("ben"));
    deliver(b, frame::SetAvailable{true, std::nullopt});
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ben")), QStringList{id});
}

TEST_F(RouterHandoffTest, ADroppedAdvocatesChatGoesToTheNextWithALineSayingWhy)
{
    router->connectionClosed(a);
    clock.advance(std::chrono::seconds(300));
    router->tick();
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::Dropped);
    // The survivor drops too and comes back inside their window: same place, same chat.
    router->connectionClosed(s);
    clock.advance(std::chrono::seconds(120));
    router->tick();
    const ConnectionId back = open();
    deliver(back, frame::Resume{1, last<frame::Session>(s)->resumeToken, 1});
    EXPECT_EQ(last<frame::AdvocateChanged>(back)->reason, HandoffReason::Dropped);
    EXPECT_EQ(last<frame::Queued>(back)->position, 1);
    s = back;
    deliver(b, frame::TakeNext{});
    EXPECT_EQ(last<frame::ConversationStarted>(b)->handoff, HandoffReason::Dropped);
    EXPECT_EQ(last<frame::ConversationStarted>(b)->handedFrom, QStringLiteral("ana"));
    EXPECT_EQ(whoHears(QStringLiteral("s2")), QList<ConnectionId>{b});
}

TEST_F(RouterHandoffTest, TheNoteAndTheCodeWordReachNoAuditLine)
{
    offerTo(QStringLiteral("ben"));
    deliver(b, frame::TransferAccept{last<frame::TransferOffer>(b)->offer});
    deliver(b, frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt, canaryNote});
    deliver(a, frame::PostShiftLog{QStringLiteral("CANARY-LOG-7731 quiet night")});
    ASSERT_FALSE(sink.audits.isEmpty());
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("transfer_offered user=ana to=advocate receiver=ben")));
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("transfer_closed user=ana outcome=accepted by=ben")));
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("transfer_offered user=ben to=queue")));
    for (const QString &line : std::as_const(sink.audits))
        EXPECT_FALSE(line.contains(QStringLiteral("CANARY"))) << qPrintable(line);
}

TEST_F(RouterHandoffTest, TheRosterListsColleaguesOnShiftWithTheirLoad)
{
    staff(QStringLiteral("root"));
    const ConnectionId sue = staff(QStringLiteral("sue"));
    deliver(b, frame::GetRoster{});
    const auto roster = last<frame::Roster>(b);
    ASSERT_TRUE(roster);
    QMap<QString, int> load;
    for (const frame::RosterEntry &entry : roster->staff)
        load.insert(entry.user, entry.load);
    EXPECT_EQ(load, (QMap<QString, int>{{QStringLiteral("ana"), 1}, {QStringLiteral("sue"), 0}}));
    router->connectionClosed(sue);
    deliver(b, frame::GetRoster{});
    EXPECT_EQ(last<frame::Roster>(b)->staff.size(), 1);
    deliver(s, frame::GetRoster{});
    EXPECT_EQ(lastError(s), ErrorCode::NotAuthorized);
}

TEST_F(RouterHandoffTest, AShiftLogEntryReachesTheNextShiftAndGoesOnceEveryoneHasReadIt)
{
    deliver(a, frame::PostShiftLog{QStringLiteral("Quiet night. The printer is out of toner.")});
    const auto posted = last<frame::ShiftLogPosted>(a);
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->expiresInSeconds, 12 * 3600);
    EXPECT_FALSE(last<frame::ShiftLogEntry>(a)); // not to its author
    ASSERT_TRUE(last<frame::ShiftLogEntry>(b));  // to whoever is on shift
    EXPECT_EQ(last<frame::ShiftLogEntry>(b)->author, QStringLiteral("ana"));
    // Ana signs out; sue starts her shift and gets it at sign-in.
    deliver(a, frame::End{id, false});
    deliver(a, frame::SignOut{});
    const ConnectionId sue = staff(QStringLiteral("sue"));
    ASSERT_TRUE(last<frame::ShiftLogEntry>(sue));
    deliver(b, frame::AckShiftLog{posted->entry});
    EXPECT_EQ(router->shiftLogEntries(), 1); // sue has not read it yet
    // Ben reconnects: nothing again for him, he read it.
    const qsizetype benHad = all<frame::ShiftLogEntry>(b).size();
    router->connectionClosed(b);
    const ConnectionId benBack = open();
    deliver(benBack, frame::StaffResume{1, last<frame::SignedIn>(b)->sessionToken, {}});
    EXPECT_EQ(all<frame::ShiftLogEntry>(benBack).size(), 0);
    EXPECT_EQ(benHad, 1);
    deliver(sue, frame::AckShiftLog{posted->entry});
    EXPECT_EQ(router->shiftLogEntries(), 0);
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("shift_log_dropped entries=1 reason=read")));
}

TEST_F(RouterHandoffTest, AShiftLogEntryNobodyReadsIsGoneAfterTheConfiguredHours)
{
    deliver(a, frame::PostShiftLog{QStringLiteral("Call the on-call supervisor about the outage.")});
    clock.advance(std::chrono::hours(12) - std::chrono::seconds(1));
    router->tick();
    EXPECT_EQ(router->shiftLogEntries(), 1);
    clock.advance(std::chrono::seconds(1));
    router->tick();
    EXPECT_EQ(router->shiftLogEntries(), 0);
    const ConnectionId sue = staff(QStringLiteral("sue"));
    EXPECT_FALSE(last<frame::ShiftLogEntry>(sue));
}
