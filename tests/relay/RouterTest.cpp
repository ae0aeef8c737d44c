// SPDX-License-Identifier: GPL-3.0-only
// The router without sockets: frames in, frames out, time moved by a ManualClock.
#include "RouterFixture.h"

#include "ExpectedPermissions.h"
#include "common/ManualClock.h"
#include "protocol/FrameCodec.h"
#include "relay/RouterSink.h"
#include "relay/StaffAuthenticator.h"

#include <QMap>

#include <gtest/gtest.h>

#include <set>
#include <vector>

using namespace advocate;

using namespace advocate::test;

TEST_F(RouterTest, EveryConnectionIsGreetedWithProtocolAndNoticeVersion)
{
    const ConnectionId id = open();
    const auto hello = last<frame::Hello>(id);
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->protocol, 1);
    EXPECT_EQ(hello->noticeVersion, 3);
    EXPECT_EQ(hello->maxFrameBytes, 16384);
    EXPECT_EQ(hello->maxMessageChars, 4000);
}

TEST_F(RouterTest, SurvivorNeedsNoFieldButTheCurrentNoticeVersion)
{
    const ConnectionId id = open();
    deliver(id, frame::Start{1, 3, std::nullopt, std::nullopt});
    const auto session = last<frame::Session>(id);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->resumeToken.size(), 43); // 256 bits, base64url
    EXPECT_EQ(session->reconnectWindowSeconds, 300);
    EXPECT_EQ(last<frame::Queued>(id)->position, 1);
}

TEST_F(RouterTest, SurvivorWithAnOlderNoticeVersionCannotStart)
{
    const ConnectionId id = open();
    deliver(id, frame::Start{1, 2, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(id), ErrorCode::NoticeOutdated);
    EXPECT_EQ(router->waitingCount(), 0);
}

TEST_F(RouterTest, ResumeTokensAreDifferentForEverySurvivor)
{
    const ConnectionId first = survivor();
    const ConnectionId second = survivor();
    EXPECT_NE(last<frame::Session>(first)->resumeToken, last<frame::Session>(second)->resumeToken);
}

TEST_F(RouterTest, QueuesAreFifoPerLanguageWithPositions)
{
    const ConnectionId en1 = survivor(QStringLiteral("en"));
    const ConnectionId es1 = survivor(QStringLiteral("es"));
    const ConnectionId en2 = survivor(QStringLiteral("en"));
    EXPECT_EQ(last<frame::Queued>(en1)->position, 1);
    EXPECT_EQ(last<frame::Queued>(es1)->position, 1);
    EXPECT_EQ(last<frame::Queued>(en2)->position, 2);

    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::TakeNext{QStringLiteral("en")});
    EXPECT_FALSE(conversationOf(en1).isEmpty());
    EXPECT_EQ(last<frame::Queued>(en2)->position, 1);
    EXPECT_TRUE(conversationOf(es1).isEmpty());
}

TEST_F(RouterTest, TakeNextWithoutLanguageTakesTheLongestWaitingOfAnyLanguage)
{
    const ConnectionId es = survivor(QStringLiteral("es"));
    clock.advance(std::chrono::seconds(1));
    survivor(QStringLiteral("en"));
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::TakeNext{});
    EXPECT_EQ(conversationOf(ana), conversationOf(es));
    EXPECT_EQ(last<frame::ConversationStarted>(ana)->alias, QStringLiteral("Rosa"));
    EXPECT_FALSE(last<frame::ConversationStarted>(es)->alias.has_value());
}

TEST_F(RouterTest, TakeNextOnAnEmptyQueueIsQueueEmpty)
{
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::TakeNext{});
    EXPECT_EQ(lastError(ana), ErrorCode::QueueEmpty);
}

TEST_F(RouterTest, PullModeNeverExceedsTheCap)
{
    config.advocateCap = 2;
    makeRouter();
    for (int i = 0; i < 3; ++i)
        survivor();
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::TakeNext{});
    deliver(ana, frame::TakeNext{});
    deliver(ana, frame::TakeNext{});
    EXPECT_EQ(lastError(ana), ErrorCode::CapReached);
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ana")).size(), 2);
    EXPECT_EQ(router->waitingCount(), 1);
}

TEST_F(RouterTest, PushModeSpreadsSurvivorsAndNeverExceedsTheCap)
{
    config.routing = RoutingMode::Push;
    config.advocateCap = 2;
    makeRouter();
    const ConnectionId ana = staff(QStringLiteral("ana"));
    const ConnectionId ben = staff(QStringLiteral("ben"));
    deliver(ana, frame::SetAvailable{true, std::nullopt});
    deliver(ben, frame::SetAvailable{true, std::nullopt});
    for (int i = 0; i < 5; ++i)
        survivor();
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ana")).size(), 2);
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ben")).size(), 2);
    EXPECT_EQ(router->waitingCount(), 1);

    // A freed slot takes the next survivor at once.
    deliver(ana, frame::End{router->conversationsOf(QStringLiteral("ana")).first(), false});
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ana")).size(), 2);
    EXPECT_EQ(router->waitingCount(), 0);
}

TEST_F(RouterTest, PushModeAssignsOnlyMatchingLanguagesAndOnlyToAvailableStaff)
{
    config.routing = RoutingMode::Push;
    makeRouter();
    const ConnectionId ana = staff(QStringLiteral("ana"));
    survivor(QStringLiteral("es"));
    EXPECT_EQ(router->waitingCount(), 1); // ana is not available yet
    deliver(ana, frame::SetAvailable{true, QStringList{QStringLiteral("en")}});
    EXPECT_EQ(router->waitingCount(), 1);
    deliver(ana, frame::SetAvailable{true, QStringList{QStringLiteral("en"), QStringLiteral("es")}});
    EXPECT_EQ(router->waitingCount(), 0);
}

TEST_F(RouterTest, MessagesGetSequenceNumbersBothWaysAndAcksAreForwarded)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("hello")});
    deliver(a, frame::Send{id, QStringLiteral("a1"), QStringLiteral("hi, I'm here")});
    EXPECT_EQ(last<frame::Accepted>(s)->seq, 1);
    EXPECT_EQ(last<frame::Accepted>(a)->seq, 2);
    const auto toAdvocate = last<frame::Message>(a);
    ASSERT_TRUE(toAdvocate);
    EXPECT_EQ(toAdvocate->body, QStringLiteral("hello"));
    EXPECT_EQ(toAdvocate->from, Side::Survivor);
    EXPECT_EQ(last<frame::Message>(s)->seq, 2);

    deliver(a, frame::Ack{id, 1});
    EXPECT_EQ(last<frame::Delivered>(s)->seq, 1);
}

TEST_F(RouterTest, AResentClientIdIsAcceptedAgainButNotDeliveredTwice)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("hello")});
    deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("hello")});
    EXPECT_EQ(all<frame::Accepted>(s).size(), 2);
    EXPECT_EQ(all<frame::Accepted>(s).last().seq, 1);
    EXPECT_EQ(all<frame::Message>(a).size(), 1);
}

TEST_F(RouterTest, FetchResendsTheMessagesAfterAGap)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    for (int i = 1; i <= 3; ++i)
        deliver(s, frame::Send{id, QStringLiteral("s%1").arg(i), QStringLiteral("m%1").arg(i)});
    sink.frames[a].clear();
    deliver(a, frame::Fetch{id, 1});
    const QList<frame::Message> resent = all<frame::Message>(a);
    ASSERT_EQ(resent.size(), 2);
    EXPECT_EQ(resent.at(0).seq, 2);
    EXPECT_EQ(resent.at(1).seq, 3);
}

TEST_F(RouterTest, TypingIsForwardedToTheOtherSide)
{
    const auto [s, a] = conversation();
    deliver(s, frame::Typing{conversationOf(s), true});
    EXPECT_TRUE(last<frame::PeerTyping>(a)->active);
}

TEST_F(RouterTest, SurvivorEndingGivesSurvivorEndedToBothAndRevokesTheToken)
{
    const auto [s, a] = conversation();
    const QString token = last<frame::Session>(s)->resumeToken;
    deliver(s, frame::End{conversationOf(s), false});
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::SurvivorEnded);
    EXPECT_EQ(last<frame::Ended>(a)->reason, EndReason::SurvivorEnded);
    EXPECT_EQ(router->openConversationCount(), 0);
    const ConnectionId again = open();
    deliver(again, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(again), ErrorCode::ResumeExpired);
}

TEST_F(RouterTest, AdvocateEndingGivesAdvocateEnded)
{
    const auto [s, a] = conversation();
    deliver(a, frame::End{conversationOf(a), false});
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::AdvocateEnded);
}

TEST_F(RouterTest, QuickExitEndsWithItsOwnReasonClosesAndRevokesTheToken)
{
    const auto [s, a] = conversation();
    const QString token = last<frame::Session>(s)->resumeToken;
    deliver(s, frame::QuickExit{});
    EXPECT_EQ(last<frame::Ended>(a)->reason, EndReason::QuickExit);
    EXPECT_TRUE(sink.closed.contains(s));
    const ConnectionId again = open();
    deliver(again, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(again), ErrorCode::ResumeExpired);
    EXPECT_EQ(router->survivorSessionCount(), 0);
}

TEST_F(RouterTest, QuickExitWhileWaitingLeavesTheQueue)
{
    const ConnectionId s = survivor();
    deliver(s, frame::QuickExit{});
    EXPECT_EQ(router->waitingCount(), 0);
    EXPECT_EQ(router->survivorSessionCount(), 0);
}

TEST_F(RouterTest, SurvivorResumingInsideTheWindowGetsTheMissedMessagesAndANewToken)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    const QString token = last<frame::Session>(s)->resumeToken;
    deliver(a, frame::Send{id, QStringLiteral("a1"), QStringLiteral("one")});
    router->connectionClosed(s);
    EXPECT_FALSE(last<frame::PeerStatus>(a)->connected);
    deliver(a, frame::Send{id, QStringLiteral("a2"), QStringLiteral("two")});
    clock.advance(std::chrono::seconds(299));
    router->tick();

    const ConnectionId back = open();
    deliver(back, frame::Resume{1, token, 1});
    const auto session = last<frame::Session>(back);
    ASSERT_TRUE(session);
    EXPECT_NE(session->resumeToken, token);
    EXPECT_EQ(conversationOf(back), id);
    ASSERT_EQ(all<frame::Message>(back).size(), 1);
    EXPECT_EQ(all<frame::Message>(back).first().body, QStringLiteral("two"));
    EXPECT_TRUE(last<frame::PeerStatus>(a)->connected);

    // The old token is spent.
    const ConnectionId thief = open();
    deliver(thief, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(thief), ErrorCode::ResumeExpired);
}

TEST_F(RouterTest, SurvivorGoneLongerThanTheWindowEndsTheConversationAsDisconnected)
{
    const auto [s, a] = conversation();
    const QString token = last<frame::Session>(s)->resumeToken;
    router->connectionClosed(s);
    clock.advance(std::chrono::seconds(300));
    router->tick();
    EXPECT_EQ(last<frame::Ended>(a)->reason, EndReason::Disconnected);
    const ConnectionId back = open();
    deliver(back, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(back), ErrorCode::ResumeExpired);
}

TEST_F(RouterTest, WaitingSurvivorKeepsTheirPlaceWhileDroppedInsideTheWindow)
{
    const ConnectionId first = survivor();
    survivor();
    const QString token = last<frame::Session>(first)->resumeToken;
    router->connectionClosed(first);
    clock.advance(std::chrono::seconds(59)); // the queued window (default 60 s) is shorter than a conversation's
    router->tick();
    const ConnectionId back = open();
    deliver(back, frame::Resume{1, token, 0});
    EXPECT_EQ(last<frame::Queued>(back)->position, 1);
}

TEST_F(RouterTest, StaffAreToldAtT1AndAgainAfterT2AndMayThenCloseAsIdle)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(a);
    clock.advance(std::chrono::seconds(9 * 60 + 59));
    router->tick();
    EXPECT_FALSE(last<frame::Inactivity>(a));
    deliver(a, frame::End{id, true});
    EXPECT_EQ(lastError(a), ErrorCode::BadState);

    clock.advance(std::chrono::seconds(1));
    router->tick();
    ASSERT_TRUE(last<frame::Inactivity>(a));
    EXPECT_EQ(last<frame::Inactivity>(a)->stage, 1);
    EXPECT_EQ(last<frame::Inactivity>(a)->silentSeconds, 600);

    clock.advance(std::chrono::seconds(5 * 60));
    router->tick();
    EXPECT_EQ(last<frame::Inactivity>(a)->stage, 2);
    EXPECT_EQ(all<frame::Inactivity>(a).size(), 2);

    const QString token = last<frame::Session>(s)->resumeToken;
    deliver(a, frame::End{id, true});
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::IdleClosed);
    const ConnectionId again = open();
    deliver(again, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(again), ErrorCode::ResumeExpired);
}

TEST_F(RouterTest, ASurvivorMessageRestartsTheInactivityClock)
{
    const auto [s, a] = conversation();
    clock.advance(std::chrono::seconds(9 * 60));
    deliver(s, frame::Send{conversationOf(s), QStringLiteral("s1"), QStringLiteral("still here")});
    clock.advance(std::chrono::seconds(9 * 60));
    router->tick();
    EXPECT_FALSE(last<frame::Inactivity>(a));
}

TEST_F(RouterTest, StaffResumeRestoresConversationsWithTheirLastSeq)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(a);
    const QString token = last<frame::SignedIn>(a)->sessionToken;
    EXPECT_EQ(token.size(), 43);
    deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("one")});
    router->connectionClosed(a);
    EXPECT_FALSE(last<frame::PeerStatus>(s)->connected);
    deliver(s, frame::Send{id, QStringLiteral("s2"), QStringLiteral("two")});

    const ConnectionId back = open();
    deliver(back, frame::StaffResume{1, token, {}});
    const auto signedIn = last<frame::SignedIn>(back);
    ASSERT_TRUE(signedIn);
    ASSERT_EQ(signedIn->conversations.size(), 1);
    EXPECT_EQ(signedIn->conversations.first().conversation, id);
    EXPECT_EQ(signedIn->conversations.first().lastSeq, 2);
    EXPECT_TRUE(last<frame::PeerStatus>(s)->connected);

    // The outbox is resent: the one the relay had is not duplicated, the new one is delivered once.
    deliver(back, frame::Fetch{id, 1});
    deliver(back, frame::Send{id, QStringLiteral("a1"), QStringLiteral("reply")});
    deliver(back, frame::Send{id, QStringLiteral("a1"), QStringLiteral("reply")});
    EXPECT_EQ(all<frame::Message>(back).size(), 1);
    EXPECT_EQ(all<frame::Message>(s).size(), 1);
}

TEST_F(RouterTest, StaffNotBackWithinTheWindowLoseTheirConversationsToTheFrontOfTheQueue)
{
    // Issue 12: no survivor waits on a gone advocate, and the chat is not ended either.
    const auto [s, a] = conversation();
    router->connectionClosed(a);
    clock.advance(std::chrono::seconds(299));
    router->tick();
    EXPECT_FALSE(last<frame::AdvocateChanged>(s));
    clock.advance(std::chrono::seconds(1));
    router->tick();
    EXPECT_FALSE(last<frame::Ended>(s));
    ASSERT_TRUE(last<frame::AdvocateChanged>(s));
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::Dropped);
    EXPECT_EQ(router->waitingCount(), 1);
    EXPECT_EQ(router->openConversationCount(), 1);
}

TEST_F(RouterTest, WrongPasswordIsBadCredentials)
{
    const ConnectionId id = open();
    deliver(id, frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("nope")});
    EXPECT_EQ(lastError(id), ErrorCode::BadCredentials);
    deliver(id, frame::SignIn{1, QStringLiteral("nobody"), QStringLiteral("pw")});
    EXPECT_EQ(lastError(id), ErrorCode::BadCredentials);
}

TEST_F(RouterTest, WaitingSurvivorsHearTheirPositionAtLeastEvery30Seconds)
{
    const ConnectionId s = survivor();
    const auto before = all<frame::Queued>(s).size();
    clock.advance(std::chrono::seconds(30));
    router->tick();
    EXPECT_EQ(all<frame::Queued>(s).size(), before + 1);
    EXPECT_EQ(last<frame::Queued>(s)->estimatedWaitSeconds, 120);
}

TEST_F(RouterTest, LongWaitNoticeComesOnceAfterTheThresholdWithAlternatives)
{
    const ConnectionId s = survivor();
    clock.advance(std::chrono::seconds(599));
    router->tick();
    EXPECT_FALSE(last<frame::LongWait>(s));
    clock.advance(std::chrono::seconds(1));
    router->tick();
    router->tick();
    ASSERT_EQ(all<frame::LongWait>(s).size(), 1);
    EXPECT_EQ(last<frame::LongWait>(s)->phone, QStringLiteral("555-0100"));
    EXPECT_EQ(router->waitingCount(), 1);
}

TEST_F(RouterTest, AFullQueueAnswersAllAdvocatesBusyWithAlternatives)
{
    config.queueLimit = 2;
    makeRouter();
    survivor();
    survivor();
    const ConnectionId third = survivor();
    const auto busy = last<frame::Busy>(third);
    ASSERT_TRUE(busy);
    EXPECT_TRUE(busy->text.contains(QLatin1String("busy")));
    EXPECT_EQ(busy->phone, QStringLiteral("555-0100"));
    EXPECT_TRUE(sink.closed.contains(third));
    EXPECT_EQ(router->waitingCount(), 2);
}

TEST_F(RouterTest, RepeatedBadFramesCloseTheSocketAsAPolicyViolation)
{
    const ConnectionId id = open();
    for (int i = 0; i < 4; ++i)
        deliverRaw(id, "{not json");
    EXPECT_FALSE(sink.closed.contains(id));
    deliverRaw(id, "{not json");
    EXPECT_EQ(lastError(id), ErrorCode::TooManyErrors);
    EXPECT_TRUE(last<frame::Error>(id)->fatal);
    EXPECT_TRUE(sink.violations.contains(id));
}

TEST_F(RouterTest, AnotherProtocolVersionIsRefusedAndClosed)
{
    const ConnectionId id = open();
    deliverRaw(id, R"({"type":"start","protocol":9,"noticeVersion":3})");
    EXPECT_EQ(lastError(id), ErrorCode::UnsupportedVersion);
    EXPECT_TRUE(sink.closed.contains(id));
}

TEST_F(RouterTest, AnOutsiderCannotTouchSomeoneElsesConversation)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    const ConnectionId ben = staff(QStringLiteral("ben"));
    deliver(ben, frame::Send{id, QStringLiteral("b1"), QStringLiteral("x")});
    EXPECT_EQ(lastError(ben), ErrorCode::NotAuthorized);
    deliver(ben, frame::Fetch{id, 0});
    EXPECT_EQ(lastError(ben), ErrorCode::NotAuthorized);
    EXPECT_TRUE(all<frame::Message>(ben).isEmpty());
    const ConnectionId other = survivor();
    deliver(other, frame::Fetch{id, 0});
    EXPECT_EQ(lastError(other), ErrorCode::NotAuthorized);
    deliver(a, frame::Send{QStringLiteral("no-such"), QStringLiteral("a1"), QStringLiteral("x")});
    EXPECT_EQ(lastError(a), ErrorCode::UnknownConversation);
}

TEST_F(RouterTest, TheReservedCheckInFrameIsNotSupportedYetForStaffOnly)
{
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliverRaw(ana, R"({"type":"check_in"})");
    EXPECT_EQ(lastError(ana), ErrorCode::NotSupported);
    const ConnectionId s = survivor();
    deliverRaw(s, R"({"type":"check_in"})");
    EXPECT_EQ(lastError(s), ErrorCode::NotAuthorized);
}

TEST_F(RouterTest, RelayFramesSentByAClientAreNotAuthorized)
{
    const ConnectionId id = open();
    deliver(id, frame::Ended{QStringLiteral("c1"), EndReason::QuickExit});
    EXPECT_EQ(lastError(id), ErrorCode::NotAuthorized);
}

namespace {

// A frame that asks for `operation`, naming `conversation` where the operation needs one.
QByteArray frameFor(Operation operation, const QString &conversation)
{
    switch (operation) {
    case Operation::Start:
        return FrameCodec::encode(frame::Start{1, 3, std::nullopt, std::nullopt});
    case Operation::Resume:
        return FrameCodec::encode(frame::Resume{1, QStringLiteral("not-a-token"), 0});
    case Operation::SignIn:
        return FrameCodec::encode(frame::SignIn{1, QStringLiteral("nobody"), QStringLiteral("x")});
    case Operation::StaffResume:
        return FrameCodec::encode(frame::StaffResume{1, QStringLiteral("not-a-token"), {}});
    case Operation::SignOut:
        return FrameCodec::encode(frame::SignOut{});
    case Operation::SetAvailable:
        return FrameCodec::encode(frame::SetAvailable{false, std::nullopt});
    case Operation::TakeNext:
        return FrameCodec::encode(frame::TakeNext{});
    case Operation::Send:
        return FrameCodec::encode(frame::Send{conversation, QStringLiteral("m1"), QStringLiteral("x")});
    case Operation::Ack:
        return FrameCodec::encode(frame::Ack{conversation, 0});
    case Operation::Typing:
        return FrameCodec::encode(frame::Typing{conversation, true});
    case Operation::Fetch:
        return FrameCodec::encode(frame::Fetch{conversation, 0});
    case Operation::End:
        return FrameCodec::encode(frame::End{conversation, false});
    case Operation::QuickExit:
        return FrameCodec::encode(frame::QuickExit{});
    case Operation::Ping:
        return FrameCodec::encode(frame::Ping{});
    case Operation::ShiftEndOverride:
        return FrameCodec::encode(frame::ShiftEndOverride{frame::OverrideCategory::Other, 5, 0, std::nullopt});
    case Operation::Transfer:
        return FrameCodec::encode(
            frame::Transfer{conversation, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    case Operation::TransferWithdraw:
        return FrameCodec::encode(frame::TransferWithdraw{conversation});
    case Operation::TransferAccept:
        return FrameCodec::encode(frame::TransferAccept{QStringLiteral("no-such-offer")});
    case Operation::TransferDecline:
        return FrameCodec::encode(frame::TransferDecline{QStringLiteral("no-such-offer")});
    case Operation::GetRoster:
        return FrameCodec::encode(frame::GetRoster{});
    case Operation::PostShiftLog:
        return FrameCodec::encode(frame::PostShiftLog{QStringLiteral("x")});
    case Operation::AckShiftLog:
        return FrameCodec::encode(frame::AckShiftLog{QStringLiteral("no-such-entry")});
    case Operation::Join:
        return FrameCodec::encode(frame::Join{conversation});
    case Operation::Leave:
        return FrameCodec::encode(frame::Leave{conversation});
    case Operation::Whisper:
        return FrameCodec::encode(frame::Whisper{conversation, QStringLiteral("x")});
    case Operation::TakeOver:
        return FrameCodec::encode(frame::TakeOver{conversation, frame::AfterTakeOver::Observe});
    case Operation::HandBack:
        return FrameCodec::encode(frame::HandBack{conversation});
    case Operation::Monitor:
        return FrameCodec::encode(frame::Monitor{conversation});
    case Operation::RaiseHand:
        return FrameCodec::encode(frame::RaiseHand{conversation, true});
    case Operation::Block:
        return FrameCodec::encode(frame::Block{conversation, std::nullopt});
    case Operation::Unblock:
        return FrameCodec::encode(frame::Unblock{QStringLiteral("no-such-block")});
    case Operation::SetNotice:
        return FrameCodec::encode(frame::SetNotice{});
    case Operation::AckAlert:
        return FrameCodec::encode(frame::AckAlert{QStringLiteral("no-such-alert")});
    case Operation::GetStatistics:
        return FrameCodec::encode(frame::GetStatistics{7});
    default:
        return QStringLiteral("{\"type\":\"%1\"}").arg(advocate::test::operationName(operation)).toUtf8();
    }
}

} // namespace

TEST_F(RouterTest, EveryOperationIsCheckedAgainstRoleAndRelationThroughRealFrames)
{
    using namespace advocate::test;
    // Monitoring on, as a program may set it: the walk is about roles and relations.
    config.supervisorMonitoring = true;
    int walked = 0;
    for (const Operation operation : Authorization::allOperations()) {
        for (const std::optional<Role> role : allCallers()) {
            for (const Relation relation : {Relation::Participant, Relation::Present, Relation::Outsider}) {
                if (relation != Relation::Outsider && (!role || *role == Role::Admin))
                    continue; // such callers can never be in a conversation
                if (relation == Relation::Present && role == Role::Survivor)
                    continue; // only staff can be present without answering
                makeRouter();
                sink = RecordingSink{};
                const QString user = role == Role::Supervisor ? QStringLiteral("sue") : QStringLiteral("ana");
                const ConnectionId theirSurvivor = survivor();
                ConnectionId caller = 0;
                if (!role) {
                    const ConnectionId ben = staff(QStringLiteral("ben"));
                    deliver(ben, frame::TakeNext{});
                    caller = open();
                } else if (*role == Role::Survivor) {
                    const ConnectionId ben = staff(QStringLiteral("ben"));
                    deliver(ben, frame::TakeNext{});
                    caller = relation == Relation::Participant ? theirSurvivor : survivor();
                } else if (*role == Role::Admin) {
                    const ConnectionId ben = staff(QStringLiteral("ben"));
                    deliver(ben, frame::TakeNext{});
                    caller = staff(QStringLiteral("root"));
                } else if (relation == Relation::Present) {
                    // A supervisor joins ben's chat; an advocate observes after a supervisor took theirs over.
                    caller = staff(user);
                    const ConnectionId ben = staff(QStringLiteral("ben"));
                    const ConnectionId sam = staff(QStringLiteral("sam"));
                    deliver(*role == Role::Supervisor ? ben : caller, frame::TakeNext{});
                    const QString taken = conversationOf(theirSurvivor);
                    if (*role == Role::Supervisor)
                        deliver(caller, frame::Join{taken});
                    else
                        deliver(sam, frame::TakeOver{taken, frame::AfterTakeOver::Observe});
                } else {
                    caller = staff(user);
                    const ConnectionId ben = staff(QStringLiteral("ben"));
                    deliver(relation == Relation::Participant ? caller : ben, frame::TakeNext{});
                }
                const QString conversation = conversationOf(theirSurvivor);
                ASSERT_FALSE(conversation.isEmpty());
                sink.frames[caller].clear();
                deliverRaw(caller, frameFor(operation, conversation));
                const bool refused = lastError(caller) == ErrorCode::NotAuthorized;
                const bool expected = expectedAllowed(
                    operation, role, Authorization::namesConversation(operation) ? relation : Relation::NoConversation);
                EXPECT_EQ(!refused, expected)
                    << qPrintable(operationName(operation)) << " by " << qPrintable(callerName(role)) << " as "
                    << (relation == Relation::Participant ? "participant"
                        : relation == Relation::Present   ? "present"
                                                          : "outsider");
                ++walked;
            }
        }
    }
    // Anonymous and admin callers as outsiders; survivors as participant or outsider; staff in all three.
    EXPECT_EQ(walked, operationCount * 10);
}

// --- Abuse limits (review findings M1–M3, S1) ---

TEST_F(RouterTest, AnAnonymousSocketThatSendsNoFirstFrameIsClosedAfterTheDeadline)
{
    config.firstFrameSeconds = 30;
    makeRouter();
    const ConnectionId idle = open();
    const ConnectionId pinging = open();
    const ConnectionId started = survivor();
    clock.advance(std::chrono::seconds(15));
    deliver(pinging, frame::Ping{}); // a ping is not a first frame
    clock.advance(std::chrono::seconds(14));
    router->tick();
    EXPECT_FALSE(sink.closed.contains(idle));
    clock.advance(std::chrono::seconds(1));
    router->tick();
    EXPECT_TRUE(sink.closed.contains(idle));
    EXPECT_TRUE(sink.closed.contains(pinging));
    EXPECT_FALSE(sink.closed.contains(started));
}

TEST_F(RouterTest, ASocketSilentPastTheSilenceLimitIsClosedAndASurvivorKeepsTheWindow)
{
    config.silenceSeconds = 90;
    makeRouter();
    const auto [s, a] = conversation();
    clock.advance(std::chrono::seconds(60));
    deliver(a, frame::Ping{});
    clock.advance(std::chrono::seconds(30));
    router->tick();
    EXPECT_TRUE(sink.closed.contains(s));
    EXPECT_FALSE(sink.closed.contains(a));
    EXPECT_FALSE(last<frame::PeerStatus>(a)->connected);
    EXPECT_EQ(router->openConversationCount(), 1);
}

TEST_F(RouterTest, OneSourceMayHoldOnlyAFewSurvivorSessions)
{
    config.maxSurvivorSessionsPerSource = 3;
    makeRouter();
    const QByteArray source("source-key-1");
    for (int i = 0; i < 3; ++i)
        deliver(openFrom(source), frame::Start{1, 3, std::nullopt, std::nullopt});
    const ConnectionId fourth = openFrom(source);
    deliver(fourth, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_EQ(lastError(fourth), ErrorCode::TooManySessions);
    EXPECT_TRUE(sink.closed.contains(fourth));
    EXPECT_EQ(router->survivorSessionCount(), 3);

    const ConnectionId other = openFrom(QByteArray("source-key-2"));
    deliver(other, frame::Start{1, 3, std::nullopt, std::nullopt});
    EXPECT_TRUE(last<frame::Session>(other));
}

TEST_F(RouterTest, PushModeNeverAssignsASurvivorWhoDropped)
{
    config.routing = RoutingMode::Push;
    makeRouter();
    const ConnectionId dropped = survivor();
    const ConnectionId present = survivor();
    router->connectionClosed(dropped);
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::SetAvailable{true, std::nullopt});
    EXPECT_FALSE(conversationOf(present).isEmpty());
    EXPECT_EQ(router->waitingCount(), 1); // the dropped one still waits, unassigned

    // Once back, they are assigned as soon as someone is free.
    const ConnectionId ben = staff(QStringLiteral("ben"));
    deliver(ben, frame::SetAvailable{true, std::nullopt});
    EXPECT_EQ(router->waitingCount(), 1);
    const ConnectionId back = open();
    deliver(back, frame::Resume{1, last<frame::Session>(dropped)->resumeToken, 0});
    EXPECT_FALSE(conversationOf(back).isEmpty());
}

TEST_F(RouterTest, PullModePrefersASurvivorWhoIsStillConnected)
{
    const ConnectionId dropped = survivor();
    const ConnectionId present = survivor();
    router->connectionClosed(dropped);
    const ConnectionId ana = staff(QStringLiteral("ana"));
    deliver(ana, frame::TakeNext{});
    EXPECT_FALSE(conversationOf(present).isEmpty());
}

TEST_F(RouterTest, AQueuedSurvivorWhoDroppedLosesThePlaceAfterTheShorterQueuedWindow)
{
    config.queuedReconnectWindowSeconds = 60;
    makeRouter();
    const ConnectionId first = survivor();
    const QString token = last<frame::Session>(first)->resumeToken;
    router->connectionClosed(first);
    clock.advance(std::chrono::seconds(60));
    router->tick();
    EXPECT_EQ(router->waitingCount(), 0);
    const ConnectionId back = open();
    deliver(back, frame::Resume{1, token, 0});
    EXPECT_EQ(lastError(back), ErrorCode::ResumeExpired);
}

TEST_F(RouterTest, FetchRepliesComeInPagesWithMoreAndOldestSeq)
{
    config.fetchPageMessages = 2;
    makeRouter();
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    for (int i = 0; i < 5; ++i)
        deliver(s, frame::Send{id, QStringLiteral("s%1").arg(i), QStringLiteral("m")});
    const auto before = all<frame::Message>(a).size();
    deliver(a, frame::Fetch{id, 0});
    EXPECT_EQ(all<frame::Message>(a).size(), before + 2);
    auto fetched = last<frame::Fetched>(a);
    ASSERT_TRUE(fetched);
    EXPECT_TRUE(fetched->more);
    EXPECT_EQ(fetched->oldestSeq, 1);
    EXPECT_EQ(fetched->lastSeq, 5);
    deliver(a, frame::Fetch{id, 4});
    EXPECT_FALSE(last<frame::Fetched>(a)->more);
}

TEST_F(RouterTest, RetainedTextIsCappedAndTrimmedResendsAreStillDuplicates)
{
    config.maxRetainedBytes = 20 * 1024;
    config.frameBurst = 1000; // not about the rate limit
    makeRouter();
    const auto [s, a] = conversation();
    const QString id = conversationOf(s);
    const QString body(2000, u'x');
    for (int i = 0; i < 50; ++i)
        deliver(s, frame::Send{id, QStringLiteral("s%1").arg(i), body});
    deliver(a, frame::Fetch{id, 0});
    const auto fetched = last<frame::Fetched>(a);
    ASSERT_TRUE(fetched);
    EXPECT_GT(fetched->oldestSeq, 1); // trimmed, and the client is told
    EXPECT_LT(fetched->lastSeq - fetched->oldestSeq + 1, 12);

    const auto delivered = all<frame::Message>(a).size();
    deliver(s, frame::Send{id, QStringLiteral("s0"), body}); // a late resend of a trimmed message
    EXPECT_EQ(last<frame::Accepted>(s)->seq, 1);
    EXPECT_EQ(all<frame::Message>(a).size(), delivered);
}

TEST_F(RouterTest, RefusalsCountAsBadFramesAndCloseTheSocket)
{
    const ConnectionId s = survivor();
    for (int i = 0; i < 4; ++i)
        deliver(s, frame::TakeNext{}); // not_authorized
    EXPECT_FALSE(sink.closed.contains(s));
    deliver(s, frame::Send{QStringLiteral("nope"), QStringLiteral("c"), QStringLiteral("x")});
    EXPECT_EQ(lastError(s), ErrorCode::TooManyErrors);
    EXPECT_TRUE(sink.violations.contains(s));
}

// A survivor who leaves (quick exit) while the advocate's receipt, typing or message is on the wire: the advocate
// sends those for a conversation that has just ended. Chat after chat, that must never close the advocate's socket.
TEST_F(RouterTest, FramesThatCrossTheEndOfAChatOnTheWireAreNotBadFrames)
{
    const ConnectionId a = staff(QStringLiteral("ana"));
    for (int chat = 0; chat < 8; ++chat) {
        const ConnectionId s = survivor();
        deliver(a, frame::TakeNext{});
        const QString id = conversationOf(a);
        ASSERT_FALSE(id.isEmpty());
        deliver(s, frame::Send{id, QStringLiteral("s1"), QStringLiteral("hello")});
        deliver(s, frame::QuickExit{});
        ASSERT_EQ(last<frame::Ended>(a)->conversation, id);

        const qsizetype errorsBefore = all<frame::Error>(a).size();
        deliver(a, frame::Ack{id, 1});
        deliver(a, frame::Typing{id, false});
        EXPECT_EQ(all<frame::Error>(a).size(), errorsBefore) << "a receipt for a chat that just ended needs no answer";
        deliver(a, frame::Send{id, QStringLiteral("a%1").arg(chat), QStringLiteral("are you there?")});
        const auto error = last<frame::Error>(a);
        ASSERT_TRUE(error);
        EXPECT_EQ(error->code, ErrorCode::UnknownConversation) << "the message is refused, and the advocate told why";
        EXPECT_FALSE(error->fatal);
        EXPECT_EQ(all<frame::Error>(a).size(), errorsBefore + 1);
    }
    EXPECT_FALSE(sink.closed.contains(a));
    EXPECT_FALSE(sink.violations.contains(a));
}

// The leniency is only for chats the connection took part in: naming another advocate's chat still counts.
TEST_F(RouterTest, NamingAChatTheConnectionNeverTookPartInStillCountsAsABadFrame)
{
    const auto [s, a] = conversation();
    const QString id = conversationOf(a);
    const ConnectionId ben = staff(QStringLiteral("ben"));
    for (int i = 0; i < 4; ++i)
        deliver(ben, frame::Ack{id, 1}); // not_authorized
    EXPECT_EQ(lastError(ben), ErrorCode::NotAuthorized);
    EXPECT_FALSE(sink.closed.contains(ben));
    deliver(s, frame::QuickExit{});
    deliver(ben, frame::Ack{id, 1}); // unknown_conversation now, and never ben's
    EXPECT_EQ(lastError(ben), ErrorCode::TooManyErrors);
    EXPECT_TRUE(sink.violations.contains(ben));
}

TEST_F(RouterTest, AFloodOfFramesIsAnsweredRateLimitedThenClosed)
{
    config.framesPerSecond = 10;
    config.frameBurst = 20;
    makeRouter();
    const ConnectionId s = survivor();
    for (int i = 0; i < 19; ++i)
        deliver(s, frame::Ping{});
    EXPECT_EQ(all<frame::Pong>(s).size(), 19);
    deliver(s, frame::Ping{});
    EXPECT_EQ(lastError(s), ErrorCode::RateLimited);
    for (int i = 0; i < 4; ++i)
        deliver(s, frame::Ping{});
    EXPECT_TRUE(sink.violations.contains(s));
}

TEST_F(RouterTest, TheBucketRefillsForAClientThatSlowsDown)
{
    config.framesPerSecond = 10;
    config.frameBurst = 20;
    makeRouter();
    const ConnectionId s = survivor();
    for (int i = 0; i < 60; ++i) {
        clock.advance(std::chrono::milliseconds(100));
        deliver(s, frame::Ping{});
    }
    EXPECT_FALSE(lastError(s));
}

TEST_F(RouterTest, SignInAndStaffResumeEachIssueAFreshSessionToken)
{
    const ConnectionId first = staff(QStringLiteral("ana"));
    const QString token1 = last<frame::SignedIn>(first)->sessionToken;
    router->connectionClosed(first);
    const ConnectionId second = open();
    deliver(second, frame::StaffResume{1, token1, {}});
    const QString token2 = last<frame::SignedIn>(second)->sessionToken;
    EXPECT_NE(token2, token1);
    const ConnectionId replay = open();
    deliver(replay, frame::StaffResume{1, token1, {}});
    EXPECT_EQ(lastError(replay), ErrorCode::ResumeExpired);
    const ConnectionId third = staff(QStringLiteral("ana"));
    EXPECT_NE(last<frame::SignedIn>(third)->sessionToken, token2);
}

TEST_F(RouterTest, ADisabledAccountLosesItsSessionAndCannotResume)
{
    const auto [s, a] = conversation();
    const QString token = last<frame::SignedIn>(a)->sessionToken;
    router->connectionClosed(a);
    accounts.disabled.insert(QStringLiteral("ana"));
    const ConnectionId back = open();
    deliver(back, frame::StaffResume{1, token, {}});
    EXPECT_EQ(lastError(back), ErrorCode::ResumeExpired);
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::AdvocateEnded);
}

TEST_F(RouterTest, DisablingAnAccountDropsItsLiveSession)
{
    const auto [s, a] = conversation();
    accounts.disabled.insert(QStringLiteral("ana"));
    router->dropDisabledStaff();
    EXPECT_TRUE(sink.closed.contains(a));
    EXPECT_EQ(router->openConversationCount(), 0);
}

namespace {

// Holds every sign-in check open, as a relay under an argon2id storm would.
class SlowAccounts final : public StaffAuthenticator
{
public:
    void signIn(const QString &, const QString &, Completion done) override { pending.push_back(std::move(done)); }
    std::vector<Completion> pending;
};

} // namespace

TEST_F(RouterTest, OnlySoManySignInChecksMayWaitAtOnce)
{
    config.maxPendingSignIns = 2;
    SlowAccounts slow;
    router = std::make_unique<Router>(config, clock, slow, sink);
    for (int i = 0; i < 2; ++i)
        deliver(open(), frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")});
    const ConnectionId third = open();
    deliver(third, frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")});
    EXPECT_EQ(lastError(third), ErrorCode::RateLimited);
    EXPECT_EQ(slow.pending.size(), 2u);
    slow.pending.front()({std::nullopt, ErrorCode::BadCredentials});
    const ConnectionId fourth = open();
    deliver(fourth, frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")});
    EXPECT_EQ(slow.pending.size(), 3u);
}

TEST_F(RouterTest, QueueSummaryGivesStaffEachWaitLongestFirstPerLanguage)
{
    const ConnectionId a = staff(QStringLiteral("ana"));
    survivor(QStringLiteral("es"));
    clock.advance(std::chrono::seconds(90));
    survivor(QStringLiteral("es"));
    clock.advance(std::chrono::seconds(150));
    survivor(QStringLiteral("en"));
    const auto summary = last<frame::QueueSummary>(a);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->waiting.value(QStringLiteral("es")), 2);
    EXPECT_EQ(summary->waits.value(QStringLiteral("es")), (QList<int>{240, 150}));
    EXPECT_EQ(summary->waits.value(QStringLiteral("en")), (QList<int>{0}));
}

TEST_F(RouterTest, QueueSummaryIsRefreshedEveryThirtySecondsSoWaitsAge)
{
    const ConnectionId a = staff(QStringLiteral("ana"));
    survivor(QStringLiteral("es"));
    const qsizetype before = all<frame::QueueSummary>(a).size();
    clock.advance(std::chrono::seconds(29));
    router->tick();
    EXPECT_EQ(all<frame::QueueSummary>(a).size(), before);
    clock.advance(std::chrono::seconds(1));
    router->tick();
    ASSERT_EQ(all<frame::QueueSummary>(a).size(), before + 1);
    EXPECT_EQ(last<frame::QueueSummary>(a)->waits.value(QStringLiteral("es")), (QList<int>{30}));
}

TEST_F(RouterTest, NoQueueSummaryRefreshWhileNobodyWaits)
{
    const ConnectionId a = staff(QStringLiteral("ana"));
    const qsizetype before = all<frame::QueueSummary>(a).size();
    clock.advance(std::chrono::seconds(120));
    router->tick();
    EXPECT_EQ(all<frame::QueueSummary>(a).size(), before);
}

TEST_F(RouterTest, SignedInCarriesTheRelaysPerAdvocateCap)
{
    config.advocateCap = 3;
    makeRouter();
    const auto signedIn = last<frame::SignedIn>(staff(QStringLiteral("ana")));
    ASSERT_TRUE(signedIn);
    EXPECT_EQ(signedIn->cap, 3);
}

TEST_F(RouterTest, ShiftEndOverrideIsAuditedWithCategoryAndCountsOnly)
{
    const auto [s, a] = conversation();
    Q_UNUSED(s)
    deliver(a, frame::ShiftEndOverride{frame::OverrideCategory::Emergency, 42, 1, std::nullopt});
    ASSERT_FALSE(sink.audits.isEmpty());
    EXPECT_EQ(sink.audits.last(),
              QStringLiteral("shift_end_override user=ana category=emergency reason_chars=42 open=1 relay_open=1"));
    EXPECT_FALSE(lastError(a).has_value());
}

TEST_F(RouterTest, SurvivorsCannotSendShiftEndOverride)
{
    const ConnectionId s = survivor();
    deliver(s, frame::ShiftEndOverride{frame::OverrideCategory::Other, 5, 0, std::nullopt});
    EXPECT_EQ(lastError(s), ErrorCode::NotAuthorized);
    for (const QString &event : std::as_const(sink.audits))
        EXPECT_FALSE(event.startsWith(QStringLiteral("shift_end_override")));
}
