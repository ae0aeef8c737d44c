// SPDX-License-Identifier: GPL-3.0-only
// Handoff end to end (issue 12): two real workstations (ana in the fixture's window, ben in a second one), the real
// relay on loopback and a survivor on the wire. Ana hands the chat on with the note tool; ben reads the note and
// accepts; the survivor is told; from then on only ben can reply. Canaries in the note and the code word reach no
// relay output and no file in plain text.
#include "DraftWarningsPanel.h"
#include "WorkstationFixture.h"
#include "client/Handoffs.h"
#include "handoff/CheckedTextEdit.h"
#include "handoff/HandoffDialog.h"
#include "handoff/HandoffNote.h"
#include "handoff/ShiftLogDialog.h"
#include "panels/ChatPanel.h"
#include "relay/Router.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRadioButton>

using namespace advocate;
using namespace advocate::test;

namespace {

const QString noteCanary = QStringLiteral("CANARYNOTE4412");
const QString wordCanary = QStringLiteral("CANARYWORD4412");

QStringList &capturedLog()
{
    static QStringList lines;
    return lines;
}

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog().append(message);
}

class HandoffTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        capturedLog().clear();
        m_previousHandler = qInstallMessageHandler(captureMessage);
        WorkstationTest::SetUp();
        ASSERT_TRUE(colleagueFolder.isValid());
        colleague = secondWorkstation(colleagueFolder);
        colleague->window().show();
    }

    void TearDown() override
    {
        closeWorkstation(colleague);
        WorkstationTest::TearDown();
        qInstallMessageHandler(m_previousHandler);
    }

    // Ben starts his shift on the second workstation.
    void colleagueSignsIn() { startShift(*colleague, QStringLiteral("ben")); }

    // Ana's dialog for the chat shown, opened from the chat panel's button.
    HandoffDialog *openHandoffDialog()
    {
        QTest::mouseClick(find<QPushButton>(QStringLiteral("handOnButton")), Qt::LeftButton);
        HandoffDialog *dialog = nullptr;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return (dialog = window->findChild<HandoffDialog *>(QStringLiteral("handoffDialog"))) != nullptr; },
            patience));
        return dialog;
    }

    QTemporaryDir colleagueFolder;
    std::unique_ptr<Workstation> colleague;
    QtMessageHandler m_previousHandler = nullptr;
};

} // namespace

TEST_F(HandoffTest, AColleagueReadsTheNoteAcceptsAndFromThenOnOnlyTheyReply)
{
    signInAndStart(relay.url());
    colleagueSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("I need to talk to someone")});
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("I need to talk to someone")); }, patience));
    typeAndSend(QStringLiteral("I'm here. You're safe to talk."));
    ASSERT_TRUE(page->next<frame::Message>());

    // The note tool: it warns about the phone number as ana types, and its fix leaves a placeholder.
    HandoffDialog *dialog = openHandoffDialog();
    ASSERT_TRUE(dialog);
    auto *colleagues = dialog->findChild<QComboBox *>(QStringLiteral("colleague"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return colleagues->findData(QStringLiteral("ben")) >= 0; }, patience));
    colleagues->setCurrentIndex(colleagues->findData(QStringLiteral("ben")));
    auto *summary = dialog->findChild<CheckedTextEdit *>();
    ASSERT_TRUE(summary);
    QTest::keyClicks(summary->editor(), noteCanary + QStringLiteral(" wants a call back at 555-0134 tonight."));
    summary->checkNow();
    auto *warnings = dialog->findChild<DraftWarningsPanel *>(QStringLiteral("noteSummaryWarnings"));
    ASSERT_EQ(warnings->warnings().size(), 1);
    EXPECT_EQ(warnings->warnings().first().kind, DraftChecks::Kind::PhoneNumber);
    ASSERT_FALSE(warnings->fixButtons().isEmpty());
    QTest::mouseClick(qobject_cast<QPushButton *>(warnings->fixButtons().first()), Qt::LeftButton);
    EXPECT_FALSE(summary->text().contains(QStringLiteral("555-0134")));
    EXPECT_TRUE(warnings->warnings().isEmpty());
    auto *codeWord = dialog->findChild<QLineEdit *>(QStringLiteral("noteCodeWord"));
    QTest::keyClicks(codeWord, wordCanary);
    screenshot(*dialog, QStringLiteral("handoff-1-note-tool"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("offerHandoff")), Qt::LeftButton);

    // Until ben accepts, the chat is ana's: the bar says so and she can still write.
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->handoffs().outgoing(id).has_value(); }, patience));
    EXPECT_TRUE(find<QWidget>(QStringLiteral("handoffOfferBar"))->isVisible());
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("handOnButton"))->isEnabled());
    typeAndSend(QStringLiteral("A colleague will take over in a moment."));
    ASSERT_TRUE(page->next<frame::Message>());

    // Ben sees who offers what, with the note, before he answers.
    QWidget *offerPanel = colleague->window().findChild<QWidget *>(QStringLiteral("offerPanel"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return offerPanel->isVisible(); }, patience));
    const QString shownNote = offerPanel->findChild<QPlainTextEdit *>(QStringLiteral("offerNote"))->toPlainText();
    EXPECT_TRUE(shownNote.contains(noteCanary));
    EXPECT_TRUE(shownNote.contains(QStringLiteral("["))); // the placeholder
    EXPECT_FALSE(shownNote.contains(wordCanary));         // the code word is not shown in the offer
    screenshot(*window, QStringLiteral("handoff-2-sender-waiting"));
    screenshot(colleague->window(), QStringLiteral("handoff-3-receiver-offer"));
    QTest::mouseClick(offerPanel->findChild<QPushButton *>(QStringLiteral("acceptOffer")), Qt::LeftButton);

    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.chat(id) != nullptr; }, patience));
    Chat *taken = ben.chat(id);
    EXPECT_EQ(taken->handoffReason(), HandoffReason::Transfer);
    EXPECT_EQ(taken->handedFrom(), QStringLiteral("ana"));
    EXPECT_EQ(taken->codeWord(), wordCanary);
    EXPECT_TRUE(taken->handoffNote().contains(noteCanary));
    EXPECT_FALSE(taken->handoffNote().contains(wordCanary));
    // The transcript so far, both sides.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::count_if(taken->entries().cbegin(), taken->entries().cend(),
                                 [](const Chat::Entry &e) { return e.direction != MessageDirection::System; }) == 3;
        },
        patience));
    EXPECT_FALSE(offerPanel->isVisible());
    screenshot(colleague->window(), QStringLiteral("handoff-4-receiver-after-accept"));

    // The survivor is told; ana's chat is over for her and the relay no longer takes her messages for it.
    const auto changed = page->next<frame::AdvocateChanged>();
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->reason, HandoffReason::Transfer);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->isOpen(); }, patience));
    EXPECT_EQ(shift->chat(id)->handedTo(), QStringLiteral("ben"));
    EXPECT_EQ(shift->openCount(), 0);
    screenshot(*window, QStringLiteral("handoff-5-sender-after-accept"));

    // Ben replies and the survivor gets it; the survivor's next message reaches ben only.
    taken->send(QStringLiteral("Hi, I'm Ben. I've read Ana's note."));
    const auto reply = page->next<frame::Message>();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->body, QStringLiteral("Hi, I'm Ben. I've read Ana's note."));
    page->send(frame::Send{id, QStringLiteral("s2"), QStringLiteral("thank you")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return taken->entries().last().text == QStringLiteral("thank you"); }, patience));
    EXPECT_FALSE(transcriptShows(id, QStringLiteral("thank you")));

    // The receiving workstation wrote the note (without the code word) to its shift cache.
    const NotesResult notes = await<NotesResult>([&](auto done) { colleague->cache().loadNotes(done); });
    ASSERT_TRUE(notes.result.ok());
    const auto handoff = std::find_if(notes.notes.cbegin(), notes.notes.cend(),
                                      [](const NoteRecord &n) { return n.kind == NoteKind::Handoff; });
    ASSERT_NE(handoff, notes.notes.cend());
    EXPECT_TRUE(handoff->text.contains(noteCanary));
    EXPECT_FALSE(handoff->text.contains(wordCanary));

    // Nothing the relay (or anything else in this process) logged holds the note or the code word, and no file of
    // either workstation holds them in plain text.
    for (const QString &line : std::as_const(capturedLog())) {
        EXPECT_FALSE(line.contains(noteCanary)) << qPrintable(line);
        EXPECT_FALSE(line.contains(wordCanary)) << qPrintable(line);
    }
    for (const QString &root : {folder.path(), colleagueFolder.path()}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            EXPECT_FALSE(bytes.contains(noteCanary.toUtf8())) << qPrintable(file.fileName());
            EXPECT_FALSE(bytes.contains(wordCanary.toUtf8())) << qPrintable(file.fileName());
        }
    }
}

TEST_F(HandoffTest, ADeclinedOfferLeavesTheChatWithTheSenderAndSaysSo)
{
    signInAndStart(relay.url());
    colleagueSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    HandoffDialog *dialog = openHandoffDialog();
    ASSERT_TRUE(dialog);
    auto *colleagues = dialog->findChild<QComboBox *>(QStringLiteral("colleague"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return colleagues->count() > 0; }, patience));
    dialog->offer();
    dialog->accept();
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    QWidget *offerPanel = colleague->window().findChild<QWidget *>(QStringLiteral("offerPanel"));
    QTest::mouseClick(offerPanel->findChild<QPushButton *>(QStringLiteral("declineOffer")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->handoffs().outgoing(id).has_value(); }, patience));
    EXPECT_TRUE(shift->chat(id)->isOpen());
    EXPECT_TRUE(std::any_of(shift->chat(id)->entries().cbegin(), shift->chat(id)->entries().cend(),
                            [](const Chat::Entry &e) { return e.text.contains(QStringLiteral("declined")); }));
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("handOnButton"))->isEnabled());
    EXPECT_EQ(ben.chat(id), nullptr);
}

TEST_F(HandoffTest, TheEndShiftDialogHandsEachOpenChatOnInTurnAndTheShiftEndsOnceTheyAreAccepted)
{
    signInAndStart(relay.url());
    colleagueSignsIn();
    auto firstPage = survivor(QStringLiteral("Rosa"));
    const QString first = takeNext(*firstPage);
    auto secondPage = survivor(QStringLiteral("Lu"));
    const QString second = takeNext(*secondPage);
    find<QAction>(QStringLiteral("endShiftAction"))->trigger();
    EndShiftDialog *endDialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (endDialog = window->findChild<EndShiftDialog *>(QStringLiteral("endShiftDialog"))) != nullptr; },
        patience));
    QTest::mouseClick(endDialog->findChild<QPushButton *>(QStringLiteral("handOnOpenChats")), Qt::LeftButton);

    // One note tool per open chat, in turn: the first to the queue, the second to ben.
    const auto nextDialog = [&](QPointer<HandoffDialog> previous) -> HandoffDialog * {
        HandoffDialog *found = nullptr;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                for (HandoffDialog *d : window->findChildren<HandoffDialog *>(QStringLiteral("handoffDialog")))
                    if (d != previous && d->isVisible())
                        found = d;
                return found != nullptr;
            },
            patience));
        return found;
    };
    QPointer<HandoffDialog> dialog = nextDialog(nullptr);
    ASSERT_TRUE(dialog);
    EXPECT_EQ(find<ChatPanel>(QStringLiteral("chatPanel"))->chat()->id(), first);
    dialog->findChild<QRadioButton *>(QStringLiteral("toQueue"))->setChecked(true);
    QTest::keyClicks(dialog->findChild<CheckedTextEdit *>()->editor(), QStringLiteral("Wants to talk about options."));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("offerHandoff")), Qt::LeftButton);
    dialog = nextDialog(dialog);
    ASSERT_TRUE(dialog);
    EXPECT_EQ(find<ChatPanel>(QStringLiteral("chatPanel"))->chat()->id(), second);
    auto *colleagues = dialog->findChild<QComboBox *>(QStringLiteral("colleague"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return colleagues->findData(QStringLiteral("ben")) >= 0; }, patience));
    colleagues->setCurrentIndex(colleagues->findData(QStringLiteral("ben")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("offerHandoff")), Qt::LeftButton);
    EXPECT_EQ(firstPage->next<frame::AdvocateChanged>()->reason, HandoffReason::Queue);

    // Until ben accepts the second, the shift cannot end without an override.
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    EXPECT_TRUE(await<Shift::EndResult>([&](auto done) { shift->end(QString(), done); }).refused);
    if (EndShiftDialog *again = window->findChild<EndShiftDialog *>(QStringLiteral("endShiftDialog")))
        again->reject();
    ben.handoffs().accept(ben.handoffs().incoming().first().offer);
    // And ben takes the first from the queue with its note.
    QTest::mouseClick(colleague->window().findChild<QPushButton *>(QStringLiteral("takeNextButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.chat(first) != nullptr && ben.chat(second) != nullptr; }, patience));
    EXPECT_EQ(ben.chat(first)->handoffReason(), HandoffReason::Queue);
    EXPECT_TRUE(ben.chat(first)->handoffNote().contains(QStringLiteral("Wants to talk about options.")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->openCount() == 0; }, patience));
    const Shift::EndResult ended = await<Shift::EndResult>([&](auto done) { shift->end(QString(), done); });
    EXPECT_FALSE(ended.refused);
}

TEST_F(HandoffTest, AShiftLogIsSignedOffHandedOverAndAcknowledgedByTheNextShift)
{
    signInAndStart(relay.url());
    find<QAction>(QStringLiteral("shiftLogAction"))->trigger();
    ShiftLogDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ShiftLogDialog *>(QStringLiteral("shiftLogDialog"))) != nullptr; },
        patience));
    QTest::keyClicks(dialog->field()->editor(),
                     QStringLiteral("Quiet night. The shelter where Maria works called about beds."));
    dialog->field()->checkNow();
    EXPECT_FALSE(dialog->field()->warnings()->warnings().isEmpty()); // "Maria" looks like a name
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signOffShiftLog")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->handoffs().shiftLogPosted(); }, patience));

    colleagueSignsIn();
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().shiftLog().isEmpty(); }, patience));
    auto *bar = colleague->window().findChild<QWidget *>(QStringLiteral("shiftLogBar"));
    ASSERT_TRUE(bar);
    EXPECT_TRUE(bar->isVisible());
    EXPECT_TRUE(colleague->window()
                    .findChild<QLabel *>(QStringLiteral("shiftLogText"))
                    ->text()
                    .contains(QStringLiteral("Quiet night.")));
    QTest::mouseClick(colleague->window().findChild<QPushButton *>(QStringLiteral("acknowledgeShiftLog")),
                      Qt::LeftButton);
    EXPECT_TRUE(ben.handoffs().shiftLog().isEmpty());
    EXPECT_FALSE(bar->isVisible());
    // Everyone on shift but the author has read it: the relay drops it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return relay.server().router().shiftLogEntries() == 0; }, patience));
}

TEST_F(HandoffTest, AChatOfAnAdvocateWhoseConnectionDoesNotComeBackGoesToTheNextWithALineSayingWhy)
{
    // Ana works through a proxy that can be cut; ben is connected directly.
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    signInAndStart(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())));
    colleagueSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("are you still there?")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("are you still there?")); }, patience));

    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session->state() == ClientSession::State::Reconnecting; }, patience));
    ASSERT_TRUE(page->next<frame::PeerStatus>());
    // Inside the reconnect window nothing moves; past it, the chat goes to the front of the queue.
    relay.clock().advance(std::chrono::seconds(299));
    QTest::qWait(200);
    EXPECT_TRUE(page->all<frame::AdvocateChanged>().isEmpty());
    relay.clock().advance(std::chrono::seconds(1));
    const auto changed = page->next<frame::AdvocateChanged>();
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->reason, HandoffReason::Dropped);
    EXPECT_TRUE(page->all<frame::Ended>().isEmpty());

    QTest::mouseClick(colleague->window().findChild<QPushButton *>(QStringLiteral("takeNextButton")), Qt::LeftButton);
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.chat(id) != nullptr; }, patience));
    Chat *taken = ben.chat(id);
    EXPECT_EQ(taken->handoffReason(), HandoffReason::Dropped);
    EXPECT_TRUE(std::any_of(taken->entries().cbegin(), taken->entries().cend(), [](const Chat::Entry &e) {
        return e.direction == MessageDirection::System && e.text.contains(QStringLiteral("lost the connection"));
    }));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::any_of(taken->entries().cbegin(), taken->entries().cend(),
                               [](const Chat::Entry &e) { return e.text == QStringLiteral("are you still there?"); });
        },
        patience));
    EXPECT_EQ(page->next<frame::ConversationStarted>()->conversation, id);
    taken->send(QStringLiteral("I'm here now. Your earlier advocate lost their connection."));
    ASSERT_TRUE(page->next<frame::Message>());

    // Ana's workstation comes back: the chat is no longer hers.
    proxy.restore();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session->state() == ClientSession::State::SignedIn; }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->isOpen(); }, patience));
}

TEST_F(HandoffTest, AnOfferNobodyAnswersExpiresAndTheChatStaysWithTheSender)
{
    signInAndStart(relay.url());
    colleagueSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    shift->handoffs().offer(id, frame::TransferTarget::Advocate, QStringLiteral("ben"), QString());
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    relay.clock().advance(std::chrono::seconds(120));
    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.handoffs().incoming().isEmpty(); }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->handoffs().outgoing(id).has_value(); }, patience));
    EXPECT_TRUE(shift->chat(id)->isOpen());
    EXPECT_TRUE(std::any_of(shift->chat(id)->entries().cbegin(), shift->chat(id)->entries().cend(),
                            [](const Chat::Entry &e) { return e.text.contains(QStringLiteral("in time")); }));
    EXPECT_FALSE(colleague->window().findChild<QWidget *>(QStringLiteral("offerPanel"))->isVisible());
    typeAndSend(QStringLiteral("Still here with you."));
    ASSERT_TRUE(page->next<frame::Message>());
}

TEST_F(HandoffTest, TheCommandLineSurvivorIsToldThatAnotherAdvocateTakesOver)
{
    signInAndStart(relay.url());
    colleagueSignsIn();
    QProcess cli;
    cli.start(QStringLiteral(ADVOCATE_SURVIVOR_EXE), {QStringLiteral("--relay"), relay.url().toString()});
    QByteArray out;
    const auto saw = [&](const char *text) {
        return QTest::qWaitFor(
            [&] {
                out += cli.readAllStandardOutput();
                return out.contains(text);
            },
            patience);
    };
    ASSERT_TRUE(saw("in line")) << out.constData();
    auto *take = find<QPushButton>(QStringLiteral("takeNextButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return take->isEnabled(); }, patience));
    QTest::mouseClick(take, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chats().size() == 1; }, patience));
    const QString id = shift->chats().first()->id();
    ASSERT_TRUE(saw("An advocate has joined the chat.")) << out.constData();
    shift->handoffs().offer(id, frame::TransferTarget::Advocate, QStringLiteral("ben"), QString());
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    ben.handoffs().accept(ben.handoffs().incoming().first().offer);
    ASSERT_TRUE(saw("Another advocate is taking over your chat.")) << out.constData();
    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.chat(id) != nullptr; }, patience));
    cli.write("thanks\n");
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return ben.chat(id)->entries().last().text == QStringLiteral("thanks"); }, patience));
    cli.write("/exit\n");
    ASSERT_TRUE(cli.waitForFinished(30000));
}

TEST_F(HandoffTest, WhenTheReceiversShiftEndsNothingOfTheNotesTheOffersOrTheShiftLogStaysOnTheirScreen)
{
    const QString acceptedNote = QStringLiteral("canaryAcceptedNoteH31");
    const QString pendingNote = QStringLiteral("canaryPendingNoteH31");
    const QString codeWord = QStringLiteral("canaryCodeWordH31");
    const QString logText = QStringLiteral("canaryShiftLogH31");
    signInAndStart(relay.url());
    colleagueSignsIn();
    auto first = survivor(QStringLiteral("Rosa"));
    const QString one = takeNext(*first);
    auto second = survivor(QStringLiteral("Rosa"));
    const QString two = takeNext(*second);
    HandoffNote note;
    note.summary = acceptedNote;
    note.codeWord = codeWord;
    shift->handoffs().offer(one, frame::TransferTarget::Advocate, QStringLiteral("ben"), note.toBody());
    shift->handoffs().postShiftLog(logText);
    Shift &ben = colleague->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    ben.handoffs().accept(ben.handoffs().incoming().first().offer);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ben.chat(one) != nullptr; }, patience));
    note.summary = pendingNote;
    note.codeWord.clear();
    shift->handoffs().offer(two, frame::TransferTarget::Advocate, QStringLiteral("ben"), note.toBody());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().incoming().isEmpty(); }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ben.handoffs().shiftLog().isEmpty(); }, patience));

    // While on shift the walk finds each canary (so the walk can see them at all).
    QWidget &benWindow = colleague->window();
    const auto conversations = benWindow.findChild<QListView *>(QStringLiteral("conversationList"));
    conversations->setCurrentIndex(conversations->model()->index(0, 0));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return anyContains(everythingShown(&benWindow, Undo::No), acceptedNote); }, patience));
    const QStringList during = everythingShown(&benWindow, Undo::No);
    for (const QString &canary : {pendingNote, codeWord, logText})
        EXPECT_TRUE(anyContains(during, canary)) << qPrintable(canary);

    // Ben ends his shift (an override: a chat is open).
    const Shift::EndResult ended = await<Shift::EndResult>(
        [&](auto done) { ben.end(QStringLiteral("emergency"), frame::OverrideCategory::Emergency, done); });
    ASSERT_FALSE(ended.refused);
    const QStringList after = everythingShown(&benWindow);
    for (const QString &canary : {acceptedNote, pendingNote, codeWord, logText})
        EXPECT_FALSE(anyContains(after, canary)) << qPrintable(canary);
    EXPECT_TRUE(ben.handoffs().incoming().isEmpty());
    EXPECT_TRUE(ben.handoffs().shiftLog().isEmpty());
}
