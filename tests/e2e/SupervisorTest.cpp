// SPDX-License-Identifier: GPL-3.0-only
// Supervision end to end (issue 13): an advocate's workstation (ana, the fixture's window), a supervisor's (sue, a
// second window) and a survivor on the wire, through the real relay on loopback. Sue sees the chat on her board,
// ana asks for a supervisor with one keystroke, sue joins (the survivor is told), whispers (the survivor never gets
// it), takes the chat over (ana reads along and cannot write) and hands it back.
#include "SupervisorFixture.h"
#include "client/BoardModel.h"
#include "client/Supervision.h"
#include "panels/SupervisorPanel.h"

using namespace advocate;
using namespace advocate::test;

namespace {

const QString whisperCanary = QStringLiteral("CANARYWHISPER5521");

} // namespace

TEST_F(SupervisorTest, ASupervisorSeesTheBoardJoinsWhispersTakesOverAndHandsBack)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    auto *panel = inSupervisorWindow<SupervisorPanel>(QStringLiteral("supervisorPanel"));
    ASSERT_TRUE(panel);
    EXPECT_TRUE(panel->isVisible());
    EXPECT_FALSE(find<SupervisorPanel>(QStringLiteral("supervisorPanel"))->isVisible()); // ana is an advocate

    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("He reads my phone")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("He reads my phone")); }, patience));

    // The board shows the chat, who answers it, and nothing of what was written (the relay sends changes each s).
    ASSERT_TRUE(QTest::qWaitFor([&] { return board()->model()->rowCount() == 1; }, patience));
    const QModelIndex advocate = board()->model()->index(0, BoardModel::Advocate);
    EXPECT_EQ(advocate.data().toString(), QStringLiteral("ana"));
    for (int column = 0; column < BoardModel::ColumnCount; ++column) {
        EXPECT_FALSE(board()->model()->index(0, column).data().toString().contains(QStringLiteral("phone")));
        EXPECT_FALSE(board()->model()->index(0, column).data().toString().contains(QStringLiteral("Rosa")));
    }
    EXPECT_FALSE(board()->accessibleName().isEmpty());

    // Ana asks for a supervisor with one keystroke; sue's board shows it first and she is alerted, without content.
    activate();
    auto *raise = find<QPushButton>(QStringLiteral("raiseHandButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return raise->isVisible() && raise->isEnabled(); }, patience))
        << raise->isVisible() << raise->isEnabled();
    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chat(id)->handRaised(); }, patience)); // a shortcut clicks animated
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return board()->model()->index(0, BoardModel::Needs).data().toString() ==
                   BoardModel::flagText(frame::BoardFlag::HandRaised);
        },
        patience));
    EXPECT_EQ(supervisor->window().notifier().lastText(), Notifier::text(Notifier::Alert::SupervisorNeeded));
    screenshot(supervisor->window(), QStringLiteral("supervisor-board"));

    // Join: the survivor is told; both workstations see it; sue writes, marked as the supervisor's.
    board()->setFocus();
    board()->selectRow(0);
    QTest::keyClick(board(), Qt::Key_Return);
    const auto present = page->next<frame::SupervisorPresent>();
    ASSERT_TRUE(present);
    EXPECT_TRUE(present->present);
    Shift &sue = supervisor->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id) && sue.chat(id)->canWrite(); }, patience));
    EXPECT_EQ(sue.chat(id)->participation(), Participation::Joined);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::any_of(shift->chat(id)->entries().cbegin(), shift->chat(id)->entries().cend(),
                               [](const Chat::Entry &e) { return e.text.contains(QStringLiteral("joined")); });
        },
        patience));
    EXPECT_FALSE(shift->chat(id)->handRaised());

    // A whisper reaches both workstations, marked, and never the survivor's page.
    sue.chat(id)->whisper(whisperCanary);
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, whisperCanary); }, patience));
    const auto whisperEntry = std::find_if(shift->chat(id)->entries().cbegin(), shift->chat(id)->entries().cend(),
                                           [](const Chat::Entry &e) { return e.text == whisperCanary; });
    EXPECT_TRUE(whisperEntry->author.contains(QStringLiteral("staff only")));
    EXPECT_EQ(whisperEntry->direction, MessageDirection::System);

    // Take over: ana reads along and cannot write; sue answers the survivor.
    board()->selectRow(0);
    click(QStringLiteral("takeOverChat"));
    const auto changed = page->next<frame::AdvocateChanged>();
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->reason, HandoffReason::Supervisor);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->canWrite(); }, patience));
    EXPECT_FALSE(find<Composer>(QStringLiteral("composer"))->isEnabled());
    EXPECT_EQ(shift->chat(id)->participation(), Participation::Observing);
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id)->participation() == Participation::Answering; }, patience));
    sue.chat(id)->setDraft(QStringLiteral("This is the supervisor. You are not alone."));
    sue.chat(id)->sendDraft();
    const auto fromSupervisor = page->next<frame::Message>();
    ASSERT_TRUE(fromSupervisor);
    EXPECT_EQ(fromSupervisor->body, QStringLiteral("This is the supervisor. You are not alone."));
    EXPECT_FALSE(fromSupervisor->by);
    QApplication::processEvents();
    screenshot(supervisor->window(), QStringLiteral("supervisor-takeover"));
    screenshot(*window, QStringLiteral("supervisor-takeover-advocate"));

    // Hand back: ana answers again.
    board()->selectRow(0);
    click(QStringLiteral("handBackChat"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chat(id)->canWrite(); }, patience));
    EXPECT_TRUE(find<Composer>(QStringLiteral("composer"))->isEnabled());
    EXPECT_FALSE(pageText(*page).contains(whisperCanary));

    // The supervisor's shift ends: nothing of the board stays.
    bool ended = false;
    sue.end(QString(), [&](const Shift::EndResult &) { ended = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended; }, patience));
    EXPECT_EQ(board()->model()->rowCount(), 0);
    EXPECT_TRUE(sue.supervision().alerts().isEmpty());
}

TEST_F(SupervisorTest, TheChatASupervisorSelectedStaysSelectedWhenTheBoardChanges)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    // Before anyone asks for a chat, the queue line says so in words.
    auto *queues = inSupervisorWindow<QLabel>(QStringLiteral("boardQueues"));
    ASSERT_TRUE(queues);
    EXPECT_EQ(queues->text(), QStringLiteral("Queue — nobody waiting"));
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return board()->model()->rowCount() == 1; }, patience));
    board()->setFocus();
    board()->selectRow(0);
    auto *join = inSupervisorWindow<QPushButton>(QStringLiteral("joinChat"));
    ASSERT_TRUE(join && join->isEnabled());

    // The board changes (ana asks for a supervisor): the relay sends new rows, and sue's choice stays where it was.
    shift->chat(id)->raiseHand(true);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return board()->model()->index(0, BoardModel::Needs).data().toString() ==
                   BoardModel::flagText(frame::BoardFlag::HandRaised);
        },
        patience));
    const QModelIndexList selected = board()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(BoardModel::ConversationRole).toString(), id);
    EXPECT_EQ(board()->currentIndex().row(), selected.first().row());
    EXPECT_TRUE(join->isEnabled());
    QTest::keyClick(board(), Qt::Key_Return); // Enter still joins the chat sue chose
    const auto present = page->next<frame::SupervisorPresent>();
    ASSERT_TRUE(present);
    EXPECT_TRUE(present->present);
}

TEST_F(SupervisorTest, TheTranscriptASupervisorTakesOverIsDeliveredWithoutACacheProblem)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    shift->chat(id)->setDraft(QStringLiteral("Are you safe to chat right now?"));
    shift->chat(id)->sendDraft();
    const auto fromAna = page->next<frame::Message>();
    ASSERT_TRUE(fromAna);
    page->send(frame::Ack{id, fromAna->seq});

    // Sue takes the chat over: ana's message comes to her as the transcript so far, cached as delivered.
    Shift &sue = supervisor->shift();
    QSignalSpy cacheProblems(&sue, &Shift::cacheProblem);
    sue.supervision().takeOver(id, frame::AfterTakeOver::Observe);
    ASSERT_TRUE(page->next<frame::AdvocateChanged>());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return sue.chat(id) && sue.chat(id)->participation() == Participation::Answering; }, patience));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QList<Chat::Entry> &entries = sue.chat(id)->entries();
            return std::any_of(entries.cbegin(), entries.cend(),
                               [&](const Chat::Entry &e) { return e.text == fromAna->body; });
        },
        patience));

    // Her own message is acknowledged by the survivor: only what she sent moves to delivered.
    sue.chat(id)->setDraft(QStringLiteral("This is the supervisor."));
    sue.chat(id)->sendDraft();
    const auto fromSue = page->next<frame::Message>();
    ASSERT_TRUE(fromSue);
    page->send(frame::Ack{id, fromSue->seq});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QList<Chat::Entry> &entries = sue.chat(id)->entries();
            return std::any_of(entries.cbegin(), entries.cend(), [](const Chat::Entry &e) {
                return e.text == QStringLiteral("This is the supervisor.") && e.delivery == DeliveryState::Delivered;
            });
        },
        patience));
    // The cache writer answers on its own thread, in the order it was asked: once it has answered a question asked
    // now, every delivery update asked before has been answered too.
    bool writerAnsweredAll = false;
    sue.cache().writerThread([&](Qt::HANDLE) { writerAnsweredAll = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return writerAnsweredAll; }, patience));
    EXPECT_EQ(cacheProblems.count(), 0) << qPrintable(cacheProblems.value(0).value(0).toString());
}

TEST_F(SupervisorTest, ABlockTheRelayCannotHoldToOnePersonIsRefusedInPlainWordsAndTheChatGoesOn)
{
    // Every survivor reaches this loopback relay from one address, as behind the shipped nginx site: a block of it
    // would turn every survivor away.
    signInAndStart(relay.url());
    supervisorSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    supervisor->shift().supervision().block(id, 24);
    auto *status = inSupervisorWindow<QLabel>(QStringLiteral("shiftStatus"));
    ASSERT_TRUE(status);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return status->text().startsWith(QStringLiteral("This contact cannot be blocked")); }, patience))
        << qPrintable(status->text());
    EXPECT_TRUE(shift->chat(id)->isOpen());
    shift->chat(id)->setDraft(QStringLiteral("I am still here."));
    shift->chat(id)->sendDraft();
    const auto message = page->next<frame::Message>();
    ASSERT_TRUE(message);
    EXPECT_EQ(message->body, QStringLiteral("I am still here."));
    EXPECT_FALSE(pageText(*page).contains(QStringLiteral("\"ended\"")));
}
