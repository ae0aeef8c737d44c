// SPDX-License-Identifier: GPL-3.0-only
// Supervision (docs/protocol.md section 17) through the real Router: join, leave, whisper, take over and hand back,
// silent monitoring, the raised hand, blocks, the service notice from the desk, shift-end reasons as alerts, and
// the board. Rules under test: exactly one staff member answers; whispers reach staff sockets only; the survivor
// learns of a supervisor only when one joins visibly; nothing of a body, an alias or an address reaches the audit
// log or the board.
#include "RouterFixture.h"

#include "protocol/FrameCodec.h"

using namespace advocate;
using namespace advocate::test;

namespace {

const QString whisperCanary = QStringLiteral("CANARY-WHISPER-4471");
const QString reasonCanary = QStringLiteral("CANARY-REASON-4471");
const QString messageCanary = QStringLiteral("CANARY-MESSAGE-4471");

class RouterSupervisionTest : public RouterTest
{
protected:
    // A survivor (alias "Rosa") chatting with ana, who has one message from the survivor; sue, a supervisor, on shift.
    void SetUp() override
    {
        RouterTest::SetUp();
        startChat();
    }

    void startChat()
    {
        s = openFrom(QByteArray("source-key-1"));
        deliver(s, frame::Start{1, 3, QStringLiteral("Rosa"), QStringLiteral("en")});
        a = staff(QStringLiteral("ana"));
        deliver(a, frame::TakeNext{});
        sue = staff(QStringLiteral("sue"));
        id = conversationOf(a);
        deliver(s, frame::Send{id, QStringLiteral("s1"), messageCanary});
    }

    // Everything a connection received, as the JSON text on its socket.
    QString wireText(ConnectionId c) const
    {
        QString text;
        for (const RelayFrame &frame : sink.frames.value(c))
            text += QString::fromUtf8(FrameCodec::encode(frame)) + u'\n';
        return text;
    }

    bool survivorHears(ConnectionId writer, const QString &clientId)
    {
        const qsizetype before = all<frame::Message>(s).size();
        deliver(writer, frame::Send{id, clientId, QStringLiteral("I'm here")});
        return all<frame::Message>(s).size() > before;
    }

    // A survivor page from `source` that asks for a chat.
    ConnectionId startFrom(const Router::ConnectionSource &source)
    {
        const ConnectionId page = ++lastId;
        router->connectionOpened(page, source);
        deliver(page, frame::Start{1, 3, std::nullopt, QStringLiteral("en")});
        return page;
    }

    // The survivor's page reloads (or its network drops): the old socket goes, a new one resumes with the token.
    ConnectionId survivorComesBack(ConnectionId page)
    {
        const QString token = last<frame::Session>(page)->resumeToken;
        router->connectionClosed(page);
        const ConnectionId back = open();
        deliver(back, frame::Resume{1, token, 0});
        return back;
    }

    // Where the first frame of type T stands among those a connection received; -1: none.
    template <typename T>
    qsizetype indexOf(ConnectionId c) const
    {
        const QList<RelayFrame> frames = sink.frames.value(c);
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (std::holds_alternative<T>(frames.at(i)))
                return i;
        }
        return -1;
    }

    std::optional<frame::BoardRow> boardRow(ConnectionId supervisor) const
    {
        for (const frame::Board &board : all<frame::Board>(supervisor)) {
            for (const frame::BoardRow &row : board.conversations) {
                if (row.conversation == id)
                    return row; // the first; callers clear frames to read the latest
            }
        }
        return std::nullopt;
    }

    ConnectionId s = 0, a = 0, sue = 0;
    QString id;
};

} // namespace

TEST_F(RouterSupervisionTest, AJoinTellsTheSurvivorAndGivesTheSupervisorTheTranscriptAndAVoice)
{
    deliver(sue, frame::Join{id});
    const auto started = last<frame::ConversationStarted>(sue);
    ASSERT_TRUE(started);
    EXPECT_EQ(started->participation, Participation::Joined);
    ASSERT_EQ(all<frame::Message>(sue).size(), 1);
    EXPECT_EQ(all<frame::Message>(sue).first().body, messageCanary);
    EXPECT_TRUE(last<frame::Fetched>(sue));
    const auto present = last<frame::SupervisorPresent>(s);
    ASSERT_TRUE(present);
    EXPECT_TRUE(present->present);
    const auto participants = last<frame::Participants>(a);
    ASSERT_TRUE(participants);
    EXPECT_EQ(participants->staff, (QList<frame::Presence>{{QStringLiteral("ana"), Participation::Answering},
                                                           {QStringLiteral("sue"), Participation::Joined}}));

    // The supervisor writes: the survivor sees it marked as the supervisor's, without a user name; ana sees who.
    deliver(sue, frame::Send{id, QStringLiteral("u1"), QStringLiteral("I'm a supervisor here too")});
    const auto toSurvivor = last<frame::Message>(s);
    ASSERT_TRUE(toSurvivor);
    EXPECT_TRUE(toSurvivor->supervisor);
    EXPECT_FALSE(toSurvivor->by);
    const auto toAna = last<frame::Message>(a);
    ASSERT_TRUE(toAna);
    EXPECT_EQ(toAna->by, QStringLiteral("sue"));
    EXPECT_FALSE(wireText(s).contains(QStringLiteral("\"by\"")));

    // Both staff members hear the survivor.
    deliver(s, frame::Send{id, QStringLiteral("s2"), QStringLiteral("ok")});
    EXPECT_EQ(last<frame::Message>(a)->seq, last<frame::Message>(sue)->seq);

    deliver(sue, frame::Leave{id});
    EXPECT_FALSE(last<frame::SupervisorPresent>(s)->present);
    EXPECT_FALSE(survivorHears(sue, QStringLiteral("u2")));
    EXPECT_EQ(lastError(sue), ErrorCode::NotAuthorized);
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("supervisor_joined user=sue conversation=%1").arg(id)));
}

TEST_F(RouterSupervisionTest, ASurvivorWhoComesBackDuringAJoinOrATakeOverIsToldAgainBeforeTheMessages)
{
    deliver(sue, frame::Join{id});
    const ConnectionId back = survivorComesBack(s);
    ASSERT_TRUE(last<frame::SupervisorPresent>(back));
    EXPECT_TRUE(last<frame::SupervisorPresent>(back)->present);
    EXPECT_FALSE(last<frame::AdvocateChanged>(back));
    EXPECT_LT(indexOf<frame::ConversationStarted>(back), indexOf<frame::SupervisorPresent>(back));
    EXPECT_LT(indexOf<frame::SupervisorPresent>(back), indexOf<frame::Message>(back));

    // Taken over while the page was away: it is told a supervisor answers now (and no longer that one joined).
    router->connectionClosed(back);
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Observe});
    const ConnectionId again = survivorComesBack(back);
    ASSERT_TRUE(last<frame::AdvocateChanged>(again));
    EXPECT_EQ(last<frame::AdvocateChanged>(again)->reason, HandoffReason::Supervisor);
    EXPECT_FALSE(last<frame::SupervisorPresent>(again));
    EXPECT_LT(indexOf<frame::AdvocateChanged>(again), indexOf<frame::Message>(again));

    // Another supervisor joins beside the one answering: both are told again.
    const ConnectionId sam = staff(QStringLiteral("sam"));
    deliver(sam, frame::Join{id});
    const ConnectionId both = survivorComesBack(again);
    EXPECT_EQ(last<frame::AdvocateChanged>(both)->reason, HandoffReason::Supervisor);
    EXPECT_TRUE(last<frame::SupervisorPresent>(both)->present);

    // Handed back and left: nothing of supervision is said again.
    deliver(sam, frame::Leave{id});
    deliver(sue, frame::HandBack{id});
    const ConnectionId later = survivorComesBack(both);
    EXPECT_TRUE(last<frame::ConversationStarted>(later));
    EXPECT_FALSE(last<frame::AdvocateChanged>(later));
    EXPECT_FALSE(last<frame::SupervisorPresent>(later));
}

TEST_F(RouterSupervisionTest, MessagesASupervisorWritesAfterATakeOverAreMarkedAsTheSupervisorsAlsoWhenSentAgain)
{
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Observe});
    deliver(sue, frame::Send{id, QStringLiteral("u1"), QStringLiteral("I am answering you now.")});
    ASSERT_TRUE(last<frame::Message>(s));
    EXPECT_TRUE(last<frame::Message>(s)->supervisor);
    EXPECT_FALSE(last<frame::Message>(s)->by);
    EXPECT_TRUE(last<frame::Message>(a)->supervisor);
    EXPECT_EQ(last<frame::Message>(a)->by, QStringLiteral("sue"));
    deliver(sue, frame::HandBack{id});
    deliver(a, frame::Send{id, QStringLiteral("a1"), QStringLiteral("I am back with you.")});
    EXPECT_FALSE(last<frame::Message>(s)->supervisor);

    // A reloaded page gets the messages again, each marked as it was.
    const ConnectionId back = survivorComesBack(s);
    QMap<QString, bool> bySupervisor;
    for (const frame::Message &message : all<frame::Message>(back))
        bySupervisor.insert(message.clientId, message.supervisor);
    EXPECT_EQ(bySupervisor,
              (QMap<QString, bool>{
                  {QStringLiteral("s1"), false}, {QStringLiteral("u1"), true}, {QStringLiteral("a1"), false}}));
}

TEST_F(RouterSupervisionTest, ASupervisorWhoAnswersAChatFromTheQueueWritesAsTheAdvocate)
{
    const ConnectionId rosa = survivor();
    const ConnectionId sam = staff(QStringLiteral("sam"));
    deliver(sam, frame::TakeNext{});
    const QString chat = conversationOf(sam);
    deliver(sam, frame::Send{chat, QStringLiteral("m1"), QStringLiteral("Hello, I am here.")});
    ASSERT_TRUE(last<frame::Message>(rosa));
    EXPECT_FALSE(last<frame::Message>(rosa)->supervisor);
    deliver(sam, frame::Typing{chat, true});
    EXPECT_FALSE(last<frame::PeerTyping>(rosa)->supervisor);
}

TEST_F(RouterSupervisionTest, TypingSaysWhoTypesToTheSurvivorAndToTheStaffSide)
{
    deliver(sue, frame::Join{id});
    deliver(sue, frame::Typing{id, true});
    ASSERT_TRUE(last<frame::PeerTyping>(s));
    EXPECT_TRUE(last<frame::PeerTyping>(s)->active);
    EXPECT_TRUE(last<frame::PeerTyping>(s)->supervisor);
    EXPECT_FALSE(last<frame::PeerTyping>(s)->by);
    ASSERT_TRUE(last<frame::PeerTyping>(a));
    EXPECT_EQ(last<frame::PeerTyping>(a)->by, QStringLiteral("sue"));
    EXPECT_FALSE(last<frame::PeerTyping>(sue)); // not back to the one who types

    deliver(a, frame::Typing{id, true});
    EXPECT_FALSE(last<frame::PeerTyping>(s)->supervisor);
    EXPECT_EQ(last<frame::PeerTyping>(sue)->by, QStringLiteral("ana"));

    deliver(s, frame::Typing{id, true});
    for (const ConnectionId staffSide : {a, sue}) {
        EXPECT_FALSE(last<frame::PeerTyping>(staffSide)->by);
        EXPECT_TRUE(last<frame::PeerTyping>(staffSide)->active);
    }

    // After a take-over the supervisor's typing is the supervisor's; the observing advocate's goes nowhere.
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Observe});
    deliver(sue, frame::Typing{id, false});
    EXPECT_TRUE(last<frame::PeerTyping>(s)->supervisor);
    const qsizetype toSurvivor = all<frame::PeerTyping>(s).size();
    const qsizetype toSue = all<frame::PeerTyping>(sue).size();
    deliver(a, frame::Typing{id, true});
    EXPECT_EQ(all<frame::PeerTyping>(s).size(), toSurvivor);
    EXPECT_EQ(all<frame::PeerTyping>(sue).size(), toSue);
    EXPECT_FALSE(wireText(s).contains(QStringLiteral("\"by\"")));
}

TEST_F(RouterSupervisionTest, AWhisperReachesStaffSocketsOnlyAlsoDuringATakeOverAndAHandoff)
{
    const ConnectionId ben = staff(QStringLiteral("ben"));
    deliver(sue, frame::Whisper{id, whisperCanary + QStringLiteral(" from outside")});
    EXPECT_EQ(last<frame::WhisperNote>(a)->from, QStringLiteral("sue"));
    EXPECT_TRUE(last<frame::WhisperNote>(sue)); // back to the sender
    deliver(sue, frame::Join{id});
    deliver(a, frame::Whisper{id, whisperCanary + QStringLiteral(" to the supervisor")});
    EXPECT_TRUE(last<frame::WhisperNote>(sue)->body.endsWith(QStringLiteral("to the supervisor")));
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Observe});
    deliver(sue, frame::Whisper{id, whisperCanary + QStringLiteral(" during the take-over")});
    EXPECT_TRUE(last<frame::WhisperNote>(a)->body.endsWith(QStringLiteral("during the take-over")));
    deliver(sue, frame::HandBack{id});
    deliver(a, frame::Transfer{id, frame::TransferTarget::Advocate, QStringLiteral("ben"), std::nullopt});
    deliver(sue, frame::Whisper{id, whisperCanary + QStringLiteral(" during the offer")});
    deliver(ben, frame::TransferAccept{last<frame::TransferOffer>(ben)->offer});
    deliver(sue, frame::Whisper{id, whisperCanary + QStringLiteral(" after the handoff")});
    EXPECT_TRUE(last<frame::WhisperNote>(ben)->body.endsWith(QStringLiteral("after the handoff")));

    EXPECT_TRUE(all<frame::WhisperNote>(s).isEmpty());
    EXPECT_FALSE(wireText(s).contains(whisperCanary));
    EXPECT_FALSE(sink.audits.join(u'\n').contains(whisperCanary));
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("whisper user=sue conversation=%1").arg(id)));
}

TEST_F(RouterSupervisionTest, AnAdvocateWithNoSupervisorInTheChatHasNobodyToWhisperTo)
{
    deliver(a, frame::Whisper{id, QStringLiteral("anyone?")});
    EXPECT_EQ(lastError(a), ErrorCode::BadState);
}

TEST_F(RouterSupervisionTest, ATakeOverWithObserveKeepsOneWriterAndHandBackReturnsTheChat)
{
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Observe});
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::Supervisor);
    const auto started = last<frame::ConversationStarted>(sue);
    ASSERT_TRUE(started);
    EXPECT_EQ(started->handoff, HandoffReason::Supervisor);
    EXPECT_EQ(started->handedFrom, QStringLiteral("ana"));
    EXPECT_TRUE(survivorHears(sue, QStringLiteral("u1")));
    EXPECT_FALSE(survivorHears(a, QStringLiteral("a1")));
    EXPECT_EQ(lastError(a), ErrorCode::BadState);
    // The observer still reads the survivor.
    const qsizetype before = all<frame::Message>(a).size();
    deliver(s, frame::Send{id, QStringLiteral("s2"), QStringLiteral("hello?")});
    EXPECT_EQ(all<frame::Message>(a).size(), before + 1);
    EXPECT_TRUE(router->conversationsOf(QStringLiteral("ana")).isEmpty());

    deliver(sue, frame::HandBack{id});
    EXPECT_EQ(last<frame::AdvocateChanged>(s)->reason, HandoffReason::HandBack);
    EXPECT_TRUE(survivorHears(a, QStringLiteral("a2")));
    EXPECT_FALSE(survivorHears(sue, QStringLiteral("u2")));
    EXPECT_EQ(router->conversationsOf(QStringLiteral("ana")), QStringList{id});
    const auto gone = last<frame::Participants>(sue);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->staff, (QList<frame::Presence>{{QStringLiteral("ana"), Participation::Answering}}));
    EXPECT_TRUE(
        sink.audits.contains(QStringLiteral("taken_over user=sue conversation=%1 advocate=ana mode=observe").arg(id)));
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("handed_back user=sue conversation=%1 advocate=ana").arg(id)));
}

TEST_F(RouterSupervisionTest, AReleasedAdvocateGetsTheChatBackOnlyWhileOnShift)
{
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Release});
    const auto released = last<frame::Participants>(a);
    ASSERT_TRUE(released);
    EXPECT_EQ(released->staff, (QList<frame::Presence>{{QStringLiteral("sue"), Participation::Answering}}));
    deliver(s, frame::Send{id, QStringLiteral("s2"), QStringLiteral("x")});
    EXPECT_NE(last<frame::Message>(a)->clientId, QStringLiteral("s2"));

    deliver(sue, frame::HandBack{id});
    const auto back = last<frame::ConversationStarted>(a);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->handoff, HandoffReason::HandBack);
    EXPECT_EQ(back->handedFrom, QStringLiteral("sue"));
    EXPECT_TRUE(survivorHears(a, QStringLiteral("a1")));

    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Release});
    deliver(a, frame::SignOut{});
    deliver(sue, frame::HandBack{id});
    EXPECT_EQ(lastError(sue), ErrorCode::NotOnShift);
    EXPECT_TRUE(survivorHears(sue, QStringLiteral("u9"))); // the supervisor keeps it
}

TEST_F(RouterSupervisionTest, MonitoringIsRefusedUnlessTheProgramEnablesItAndTheSurvivorWasTold)
{
    deliver(sue, frame::Monitor{id});
    EXPECT_EQ(lastError(sue), ErrorCode::NotAuthorized);

    config.supervisorMonitoring = true;
    makeRouter();
    sink = RecordingSink{};
    startChat();
    deliver(sue, frame::Monitor{id});
    EXPECT_EQ(last<frame::ConversationStarted>(sue)->participation, Participation::Monitoring);
    EXPECT_EQ(all<frame::Message>(sue).size(), 1);
    // Silent: the survivor is told nothing, sees no typing, and the monitor cannot write.
    EXPECT_FALSE(last<frame::SupervisorPresent>(s));
    deliver(sue, frame::Typing{id, true});
    EXPECT_FALSE(last<frame::PeerTyping>(s));
    EXPECT_FALSE(survivorHears(sue, QStringLiteral("u1")));
    EXPECT_EQ(lastError(sue), ErrorCode::BadState);
    EXPECT_EQ(last<frame::Participants>(a)->staff.last(),
              (frame::Presence{QStringLiteral("sue"), Participation::Monitoring}));
    // From monitoring to a visible join: now the survivor is told.
    deliver(sue, frame::Join{id});
    EXPECT_TRUE(last<frame::SupervisorPresent>(s)->present);
}

TEST_F(RouterSupervisionTest, ARaisedHandShowsOnTheBoardUntilASupervisorStepsIn)
{
    deliver(a, frame::RaiseHand{id, true});
    sink.frames[sue].clear();
    router->tick();
    ASSERT_TRUE(boardRow(sue));
    EXPECT_TRUE(boardRow(sue)->flags.contains(frame::BoardFlag::HandRaised));
    deliver(sue, frame::Join{id});
    sink.frames[sue].clear();
    router->tick();
    ASSERT_TRUE(boardRow(sue));
    EXPECT_FALSE(boardRow(sue)->flags.contains(frame::BoardFlag::HandRaised));
    EXPECT_EQ(boardRow(sue)->present, (QList<frame::Presence>{{QStringLiteral("sue"), Participation::Joined}}));
}

TEST_F(RouterSupervisionTest, TheBoardShowsEveryConversationQueueAndColleagueWithoutContentAndOnlyWhatChanged)
{
    const auto reset = all<frame::Board>(sue);
    ASSERT_FALSE(reset.isEmpty());
    EXPECT_TRUE(reset.first().reset);
    ASSERT_TRUE(boardRow(sue));
    EXPECT_EQ(boardRow(sue)->advocate, QStringLiteral("ana"));
    EXPECT_EQ(boardRow(sue)->language, QStringLiteral("en"));
    EXPECT_EQ(reset.first().cap, config.advocateCap);
    EXPECT_EQ(reset.first().notice.kind, frame::NoticeKind::None);
    const auto ana = std::find_if(reset.first().staff.cbegin(), reset.first().staff.cend(),
                                  [](const frame::StaffState &st) { return st.user == QStringLiteral("ana"); });
    ASSERT_NE(ana, reset.first().staff.cend());
    EXPECT_EQ(ana->load, 1);
    EXPECT_EQ(ana->status, frame::StaffStatus::Away);

    // Nothing changed: no frame. A survivor starts waiting in Spanish: one frame with the queue, no rows.
    sink.frames[sue].clear();
    router->tick();
    EXPECT_TRUE(all<frame::Board>(sue).isEmpty());
    const ConnectionId waiting = survivor(QStringLiteral("es"));
    clock.advance(std::chrono::seconds(1));
    router->tick();
    const auto update = last<frame::Board>(sue);
    ASSERT_TRUE(update);
    EXPECT_FALSE(update->reset);
    EXPECT_TRUE(update->conversations.isEmpty());
    // Every language of the program, each with its count and longest wait.
    EXPECT_EQ(update->queues, (QList<frame::QueueWait>{{QStringLiteral("en"), 0, 0}, {QStringLiteral("es"), 1, 1}}));

    // The survivor ends: the row goes.
    deliver(s, frame::End{id, false});
    router->tick();
    EXPECT_EQ(last<frame::Board>(sue)->removed, QStringList{id});
    const QString board = wireText(sue);
    EXPECT_FALSE(board.contains(QStringLiteral("Rosa")));
    EXPECT_FALSE(board.contains(messageCanary));
    Q_UNUSED(waiting)
}

TEST_F(RouterSupervisionTest, ABlockEndsTheChatAndTheSameSourceGetsANeutralAnswerUntilItExpiresOrIsLifted)
{
    deliver(sue, frame::Block{id, 2});
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::AdvocateEnded);
    EXPECT_EQ(router->blockCount(), 1);
    const ConnectionId again = openFrom(QByteArray("source-key-1"));
    deliver(again, frame::Start{1, 3, std::nullopt, QStringLiteral("en")});
    const auto busy = last<frame::Busy>(again);
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->text, config.unavailableText);
    EXPECT_EQ(busy->phone, config.hotlinePhone);
    EXPECT_FALSE(last<frame::Session>(again));
    // Another source is not blocked; a source blocked under yesterday's secret still is.
    const ConnectionId other = openFrom(QByteArray("source-key-2"));
    deliver(other, frame::Start{1, 3, std::nullopt, QStringLiteral("en")});
    EXPECT_TRUE(last<frame::Session>(other));
    const ConnectionId nextDay = ++lastId;
    router->connectionOpened(
        nextDay, Router::ConnectionSource{QByteArray("source-key-1-today"), {QByteArray("source-key-1")}, false});
    deliver(nextDay, frame::Start{1, 3, std::nullopt, QStringLiteral("en")});
    EXPECT_TRUE(last<frame::Busy>(nextDay));

    // The board lists the block without anything of the source; it expires after its hours.
    router->tick();
    const auto board = last<frame::Board>(sue);
    ASSERT_TRUE(board);
    ASSERT_EQ(board->blocks.size(), 1);
    EXPECT_EQ(board->blocks.first().by, QStringLiteral("sue"));
    EXPECT_FALSE(wireText(sue).contains(QStringLiteral("source-key")));
    clock.advance(std::chrono::hours(2));
    router->tick();
    EXPECT_EQ(router->blockCount(), 0);

    // Lifted by hand.
    startChat();
    deliver(sue, frame::Block{id, std::nullopt});
    router->tick();
    deliver(sue, frame::Unblock{last<frame::Board>(sue)->blocks.first().block});
    EXPECT_EQ(router->blockCount(), 0);
    const QString audits = sink.audits.join(u'\n');
    EXPECT_TRUE(audits.contains(QStringLiteral("source_blocked user=sue conversation=%1 hours=24").arg(id)));
    EXPECT_TRUE(audits.contains(QStringLiteral("source_unblocked user=sue")));
    EXPECT_FALSE(audits.contains(QStringLiteral("source-key")));
}

TEST_F(RouterSupervisionTest, ABlockBehindAProxyIsRefusedAndTurnsNobodyAway)
{
    // Behind the shipped nginx site every survivor reaches the relay from the proxy's address: one key for all.
    const Router::ConnectionSource proxy{QByteArray("proxy-key"), {}, true};
    const ConnectionId rosa = startFrom(proxy);
    const ConnectionId ben = staff(QStringLiteral("ben"));
    deliver(ben, frame::TakeNext{});
    const QString chat = conversationOf(ben);
    ASSERT_FALSE(chat.isEmpty());
    const ConnectionId waiting = startFrom(proxy);
    ASSERT_TRUE(last<frame::Queued>(waiting));

    deliver(sue, frame::Block{chat, 24});
    EXPECT_EQ(lastError(sue), ErrorCode::SourceShared);
    EXPECT_EQ(router->blockCount(), 0);
    // Nothing happened to anyone: the chat goes on, the waiting survivor keeps the place, a new one may start.
    EXPECT_FALSE(last<frame::Ended>(rosa));
    const qsizetype before = all<frame::Message>(rosa).size();
    deliver(ben, frame::Send{chat, QStringLiteral("b1"), QStringLiteral("Still here.")});
    EXPECT_EQ(all<frame::Message>(rosa).size(), before + 1);
    EXPECT_FALSE(sink.closed.contains(waiting));
    EXPECT_EQ(router->waitingCount(), 1);
    const ConnectionId later = startFrom(proxy);
    EXPECT_TRUE(last<frame::Session>(later));
    EXPECT_FALSE(last<frame::Busy>(later));
    EXPECT_TRUE(
        sink.audits.contains(QStringLiteral("block_refused user=sue conversation=%1 reason=source_shared").arg(chat)));
}

TEST_F(RouterSupervisionTest, ABlockIsRefusedWhileAnotherSurvivorChatsFromTheSameAddress)
{
    // No proxy, but a shared network (a shelter, a campus): a second survivor from the fixture survivor's address.
    const ConnectionId second = startFrom({QByteArray("source-key-1"), {}, false});
    ASSERT_TRUE(last<frame::Session>(second));
    deliver(sue, frame::Block{id, 24});
    EXPECT_EQ(lastError(sue), ErrorCode::SourceShared);
    EXPECT_EQ(router->blockCount(), 0);
    EXPECT_FALSE(last<frame::Ended>(s));
    EXPECT_FALSE(sink.closed.contains(second));

    // Once the other has left, the address is this survivor's alone and the block holds; other addresses are free.
    deliver(second, frame::QuickExit{});
    deliver(sue, frame::Block{id, 24});
    EXPECT_EQ(router->blockCount(), 1);
    EXPECT_EQ(last<frame::Ended>(s)->reason, EndReason::AdvocateEnded);
    const ConnectionId elsewhere = startFrom({QByteArray("source-key-2"), {}, false});
    EXPECT_TRUE(last<frame::Session>(elsewhere));
}

TEST_F(RouterSupervisionTest, WithBlockingSwitchedOffInTheConfigEveryBlockIsRefused)
{
    config.supervisorBlocking = false;
    makeRouter();
    sink = RecordingSink{};
    startChat();
    deliver(sue, frame::Block{id, 24});
    EXPECT_EQ(lastError(sue), ErrorCode::BlockingOff);
    EXPECT_EQ(router->blockCount(), 0);
    EXPECT_FALSE(last<frame::Ended>(s));
    EXPECT_TRUE(survivorHears(a, QStringLiteral("a1")));
}

TEST_F(RouterSupervisionTest, TheServiceNoticeSetFromTheDeskStopsNewChatsAndIsCleared)
{
    deliver(sue, frame::SetNotice{frame::NoticeKind::Outage, QStringLiteral("We are down until 9."), std::nullopt});
    EXPECT_FALSE(router->isOpen());
    const ConnectionId late = survivor();
    EXPECT_EQ(last<frame::Busy>(late)->text, QStringLiteral("We are down until 9."));
    router->tick();
    EXPECT_EQ(last<frame::Board>(sue)->notice.kind, frame::NoticeKind::Outage);
    deliver(sue, frame::SetNotice{});
    EXPECT_TRUE(router->isOpen());
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("service_notice_set kind=outage user=sue")));
    EXPECT_TRUE(sink.audits.contains(QStringLiteral("service_notice_cleared user=sue")));
    deliver(a, frame::SetNotice{});
    EXPECT_EQ(lastError(a), ErrorCode::NotAuthorized);
}

TEST_F(RouterSupervisionTest, AShiftEndReasonReachesTheSupervisorsOnShiftUntilOneAcknowledgesIt)
{
    deliver(a, frame::ShiftEndOverride{frame::OverrideCategory::Emergency, 20, 1, reasonCanary});
    const auto alert = last<frame::Alert>(sue);
    ASSERT_TRUE(alert);
    EXPECT_EQ(alert->user, QStringLiteral("ana"));
    EXPECT_EQ(alert->body, reasonCanary);
    EXPECT_FALSE(last<frame::Alert>(a));
    // A supervisor who signs in later gets it too, until someone acknowledges it.
    const ConnectionId sam = staff(QStringLiteral("sam"));
    EXPECT_EQ(last<frame::Alert>(sam)->alert, alert->alert);
    deliver(sue, frame::AckAlert{alert->alert});
    EXPECT_EQ(last<frame::AlertClosed>(sam)->alert, alert->alert);
    EXPECT_EQ(router->alertCount(), 0);
    const ConnectionId later = staff(QStringLiteral("sam"));
    EXPECT_FALSE(last<frame::Alert>(later));
    EXPECT_FALSE(sink.audits.join(u'\n').contains(reasonCanary));
}

TEST_F(RouterSupervisionTest, SupervisionFramesForAConversationThatDoesNotExistAreUnknownNotACrash)
{
    for (const QByteArray &frame :
         {FrameCodec::encode(frame::Join{QStringLiteral("no-such")}),
          FrameCodec::encode(frame::TakeOver{QStringLiteral("no-such"), frame::AfterTakeOver::Release}),
          FrameCodec::encode(frame::Block{QStringLiteral("no-such"), std::nullopt}),
          FrameCodec::encode(frame::Whisper{QStringLiteral("no-such"), QStringLiteral("x")})}) {
        deliverRaw(sue, frame);
        EXPECT_EQ(lastError(sue), ErrorCode::UnknownConversation) << frame.constData();
    }
}

// The advocate was writing when the supervisor took over: those messages crossed the take-over on the wire. They are
// refused (only one staff member answers), the advocate is told, and they never close the advocate's socket.
TEST_F(RouterSupervisionTest, AnAdvocatesFramesThatCrossATakeOverAreRefusedButNotCountedAgainstThem)
{
    deliver(sue, frame::TakeOver{id, frame::AfterTakeOver::Release});
    for (int i = 0; i < 6; ++i) {
        deliver(a, frame::Typing{id, true});
        EXPECT_FALSE(survivorHears(a, QStringLiteral("late-%1").arg(i)));
        EXPECT_EQ(lastError(a), ErrorCode::NotAuthorized);
        EXPECT_FALSE(last<frame::Error>(a)->fatal);
    }
    EXPECT_FALSE(sink.closed.contains(a));
    EXPECT_TRUE(survivorHears(sue, QStringLiteral("sue-1")));
}
