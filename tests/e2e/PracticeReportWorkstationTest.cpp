// SPDX-License-Identifier: GPL-3.0-only
// The practice report (issue 18 item 3) with the real main window against real relays on loopback. On a practice
// relay a scripted survivor (WireClient, its start marked practice) writes; the test drives the window as the advocate
// (the canned safety check, a disclosure answered by the notice, a draft warning fixed) on a manual clock, and reads
// the numbers in the report panel, which opens by itself when the chat is over; the report is in the shift cache and
// gone with the shift. A supervisor who joined the chat sees the same report, whispered by the trainee's workstation
// and never shown as a whisper line. On a live relay there is no report anywhere.
#include "DraftWarningsPanel.h"
#include "SupervisorFixture.h"
#include "handoff/CheckedTextEdit.h"
#include "handoff/HandoffDialog.h"
#include "panels/PracticeReportPanel.h"

#include <QJsonDocument>
#include <QRadioButton>

using namespace advocate;
using namespace advocate::test;
using namespace std::chrono_literals;

namespace {

RelayConfig practiceConfig()
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.practice = true;
    return config;
}

// The persona's lines marked as disclosures: here, any line about the survivor's daughter.
bool disclosure(const QString &survivorText)
{
    return survivorText.contains(QStringLiteral("daughter"));
}

// A scripted survivor: a start marked practice, the chat taken by `advocate`'s "Take next chat".
std::unique_ptr<WireClient> persona(const QUrl &url)
{
    auto scripted = std::make_unique<WireClient>(url);
    EXPECT_TRUE(scripted->connectAndGreet());
    frame::Start start{1, 1, QStringLiteral("Practice Rosa"), QStringLiteral("en")};
    start.practice = true;
    scripted->send(start);
    EXPECT_TRUE(scripted->next<frame::Session>());
    return scripted;
}

QString lineText(QWidget *under, const char *name)
{
    auto *line = under->findChild<QLabel *>(QLatin1String(name));
    return line ? line->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

class PracticeReportWorkstationTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        clock = manual;
        ASSERT_TRUE(practiceRelay.start());
        WorkstationTest::SetUp();
        shift->practiceReports().setDisclosureRecognizer(disclosure);
    }

    PracticeReportPanel *panel() const { return find<PracticeReportPanel>(QStringLiteral("practiceReportPanel")); }
    QWidget *details() const { return find<QWidget>(QStringLiteral("practiceReportDetails")); }

    void survivorWrites(WireClient &scripted, const QString &conversation, const QString &text)
    {
        scripted.send(frame::Send{conversation, QUuid::createUuid().toString(QUuid::WithoutBraces), text});
        ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(conversation, text); }, patience));
    }

    // Clicks a prompt button (its canned text goes into the composer) and sends it as it is with Return.
    void sendPrompt(const QString &button, const QString &conversation)
    {
        const qsizetype before = shift->chat(conversation)->entries().size();
        auto *prompt = find<QPushButton>(button);
        ASSERT_NE(prompt, nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return prompt->isEnabled(); }, patience));
        QTest::mouseClick(prompt, Qt::LeftButton);
        auto *composer = find<Composer>(QStringLiteral("composer"));
        ASSERT_FALSE(composer->toPlainText().isEmpty());
        QTest::keyClick(composer, Qt::Key_Return);
        ASSERT_TRUE(composer->toPlainText().isEmpty());
        ASSERT_GT(shift->chat(conversation)->entries().size(), before);
    }

    std::shared_ptr<ManualClock> manual = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    LoopbackRelay practiceRelay{practiceConfig()};
};

} // namespace

TEST_F(PracticeReportWorkstationTest, TheAdvocateSeesTheNumbersOfAPracticeChatWhenItIsOverAndTheyGoWithTheShift)
{
    signInAndStart(practiceRelay.url());
    ASSERT_TRUE(shift->practice());
    auto rosa = persona(practiceRelay.url());
    const QString id = takeNext(*rosa);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(shift->practiceReports().report(id));
    ASSERT_NE(panel(), nullptr);
    EXPECT_TRUE(panel()->isVisible()) << "the report can be opened during the chat";
    EXPECT_FALSE(details()->isVisible()) << "and does not open by itself while the chat goes on";

    // The survivor writes 5 s after the chat opened; the advocate gives the safety check 60 s later, unchanged.
    manual->advance(5s);
    survivorWrites(*rosa, id, QStringLiteral("Hi. I don't know if I should even be writing here."));
    manual->advance(60s);
    sendPrompt(QStringLiteral("safetyCheckButton"), id);
    // The survivor discloses at 1:20; the notice comes after it, at 1:30.
    manual->advance(15s);
    survivorWrites(*rosa, id, QStringLiteral("It's my daughter. He shouts at her too, and last week he hit her."));
    manual->advance(10s);
    sendPrompt(QStringLiteral("confidentialityButton"), id);
    // A draft with a warning, fixed with its button before it is sent.
    manual->advance(20s);
    auto *composer = find<Composer>(QStringLiteral("composer"));
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("brb, I am reading what you wrote"));
    auto *fix = find<QPushButton>(QStringLiteral("draftFix0"));
    ASSERT_NE(fix, nullptr);
    QTest::mouseClick(fix, Qt::LeftButton);
    ASSERT_TRUE(composer->toPlainText().startsWith(QStringLiteral("I'll be right back")));
    QTest::keyClick(composer, Qt::Key_Return);
    ASSERT_TRUE(composer->toPlainText().isEmpty());

    // Opened with its button's shortcut (Ctrl+Shift+R) during the chat, the report shows the numbers so far.
    activate();
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return details()->isVisible(); }, patience)); // a shortcut clicks animated
    EXPECT_EQ(lineText(panel(), "practiceReportFirstReply"),
              QStringLiteral("First reply: 1:00 after the survivor's first message (sent at 1:05)."));
    EXPECT_EQ(lineText(panel(), "practiceReportEnding"), QStringLiteral("The chat is still open."));
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !details()->isVisible(); }, patience));

    // The survivor ends the chat at 2:20: the report opens by itself.
    manual->advance(30s);
    rosa->send(frame::End{id});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->isOpen(); }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return details()->isVisible(); }, patience));
    EXPECT_TRUE(lineText(panel(), "practiceReportSummary").contains(QStringLiteral("is over")));
    EXPECT_EQ(lineText(panel(), "practiceReportFirstReply"),
              QStringLiteral("First reply: 1:00 after the survivor's first message (sent at 1:05)."));
    EXPECT_EQ(lineText(panel(), "practiceReportSafetyCheck"), QStringLiteral("Safety check: given at 1:05."));
    EXPECT_EQ(lineText(panel(), "practiceReportNotice"),
              QStringLiteral("Confidentiality notice: given at 1:30, after the disclosure at 1:20. Give it before."));
    EXPECT_EQ(lineText(panel(), "practiceReportCheckIns"), QStringLiteral("Check-ins sent: 0."));
    EXPECT_EQ(lineText(panel(), "practiceReportWarnings"),
              QStringLiteral("Draft warnings: 1 fixed before sending, 0 ignored (sent with the warning showing)."));
    EXPECT_EQ(lineText(panel(), "practiceReportCanned"),
              QStringLiteral("Canned texts: 2 sent unchanged, 0 edited before sending."));
    EXPECT_EQ(lineText(panel(), "practiceReportHandoff"), QStringLiteral("Handoff note: none written."));
    EXPECT_EQ(lineText(panel(), "practiceReportEnding"), QStringLiteral("Ended at 2:20: the survivor ended the chat."));
    // Heard by a screen reader: each line's description follows its text, and each has a name.
    auto *notice = panel()->findChild<QLabel *>(QStringLiteral("practiceReportNotice"));
    EXPECT_EQ(notice->accessibleDescription(), notice->text());
    EXPECT_FALSE(notice->accessibleName().isEmpty());
    EXPECT_TRUE(notice->focusPolicy() & Qt::TabFocus);
    QTest::qWait(100);
    screenshot(*window, QStringLiteral("practice-report"));

    // The same numbers are in the shift cache (counts and times only), nothing else of the chat.
    const PracticeReportsResult cached =
        await<PracticeReportsResult>([&](auto done) { cache->loadPracticeReports(done); });
    ASSERT_TRUE(cached.result.ok());
    ASSERT_EQ(cached.reports.size(), 1);
    EXPECT_EQ(cached.reports.first().conversationId, id);
    const auto stored = PracticeReport::fromJson(QJsonDocument::fromJson(cached.reports.first().reportJson).object());
    ASSERT_TRUE(stored);
    EXPECT_EQ(*stored, *shift->practiceReports().report(id));
    EXPECT_FALSE(cached.reports.first().reportJson.contains("daughter"));

    // The shift ends: the report goes with it.
    const Shift::EndResult ended = await<Shift::EndResult>([&](auto done) { shift->end(QString(), done); });
    ASSERT_FALSE(ended.refused);
    EXPECT_TRUE(ended.wipe.complete);
    EXPECT_FALSE(shift->practiceReports().report(id));
    EXPECT_FALSE(panel()->isVisible());
    EXPECT_FALSE(anyContains(everythingShown(window.get(), Undo::No), QStringLiteral("Safety check: given")));
}

TEST_F(PracticeReportWorkstationTest, AHandoffNoteWithAPhoneNumberLeftInCountsOneDetail)
{
    signInAndStart(practiceRelay.url());
    auto rosa = persona(practiceRelay.url());
    const QString id = takeNext(*rosa);
    ASSERT_FALSE(id.isEmpty());
    survivorWrites(*rosa, id, QStringLiteral("Can someone call me back tomorrow?"));

    // Handed on to the queue with a phone number left in the note's summary, its warning showing.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("handOnButton")), Qt::LeftButton);
    HandoffDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<HandoffDialog *>(QStringLiteral("handoffDialog"))) != nullptr; },
        patience));
    dialog->findChild<QRadioButton *>(QStringLiteral("toQueue"))->setChecked(true);
    auto *summary = dialog->findChild<CheckedTextEdit *>();
    QTest::keyClicks(summary->editor(), QStringLiteral("Wants a call back tomorrow at 555-0134 about options."));
    summary->checkNow();
    ASSERT_EQ(summary->warnings()->warnings().size(), 1);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("offerHandoff")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->isOpen(); }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return details()->isVisible(); }, patience));
    EXPECT_EQ(shift->practiceReports().report(id)->handoffDetailsLeft(), 1);
    // In the words the window uses for one (the English plural forms come from the translation loaded at start-up).
    EXPECT_EQ(lineText(panel(), "practiceReportHandoff"),
              PracticeReportPanel::tr("Handoff note: %n identifying detail(s) left in.", nullptr, 1));
    EXPECT_TRUE(lineText(panel(), "practiceReportHandoff").startsWith(QStringLiteral("Handoff note: 1 identifying")));
    EXPECT_TRUE(lineText(panel(), "practiceReportEnding").endsWith(QStringLiteral(": handed on.")));
}

TEST_F(PracticeReportWorkstationTest, OnALiveRelayNoReportIsMadeOrShown)
{
    signInAndStart(relay.url());
    ASSERT_FALSE(shift->practice());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    ASSERT_FALSE(id.isEmpty());
    survivorWrites(*rosa, id, QStringLiteral("It's about my daughter."));
    sendPrompt(QStringLiteral("safetyCheckButton"), id);
    rosa->send(frame::End{id});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shift->chat(id)->isOpen(); }, patience));
    QTest::qWait(200);
    EXPECT_FALSE(shift->practiceReports().report(id));
    ASSERT_NE(panel(), nullptr);
    EXPECT_FALSE(panel()->isVisible());
    EXPECT_FALSE(anyContains(everythingShown(window.get(), Undo::No), QStringLiteral("Safety check:")));
    const PracticeReportsResult cached =
        await<PracticeReportsResult>([&](auto done) { cache->loadPracticeReports(done); });
    ASSERT_TRUE(cached.result.ok());
    EXPECT_TRUE(cached.reports.isEmpty());
}

namespace {

class PracticeReportSupervisorTest : public SupervisorTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(practiceRelay.start());
        SupervisorTest::SetUp();
        shift->practiceReports().setDisclosureRecognizer(disclosure);
        supervisor->shift().practiceReports().setDisclosureRecognizer(disclosure);
    }

    // sue signs in to the practice relay.
    void supervisorSignsInToPractice()
    {
        ASSERT_TRUE(await<CacheResult>([&](auto done) { supervisor->shift().start(done); }).ok());
        QSignalSpy signedIn(&supervisor->shift(), &Shift::signedIn);
        supervisor->shift().signIn(practiceRelay.url(), QStringLiteral("sue"), LoopbackRelay::password);
        ASSERT_TRUE(signedIn.wait(patience));
    }

    LoopbackRelay practiceRelay{practiceConfig()};
};

bool anyEntryContains(const Chat *chat, const QString &needle)
{
    return chat && std::any_of(chat->entries().cbegin(), chat->entries().cend(), [&](const Chat::Entry &entry) {
               return entry.text.contains(needle) || entry.author.contains(needle);
           });
}

} // namespace

TEST_F(PracticeReportSupervisorTest, ASupervisorWhoJoinedAPracticeChatSeesTheTraineesReport)
{
    signInAndStart(practiceRelay.url());
    supervisorSignsInToPractice();
    Shift &sue = supervisor->shift();
    ASSERT_TRUE(sue.practice());
    auto rosa = persona(practiceRelay.url());
    const QString id = takeNext(*rosa);
    ASSERT_FALSE(id.isEmpty());

    // sue joins from the board.
    ASSERT_TRUE(QTest::qWaitFor([&] { return board()->model()->rowCount() == 1; }, patience));
    board()->selectRow(0);
    click(QStringLiteral("joinChat"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id) && sue.chat(id)->participation() == Participation::Joined; },
                                patience));

    // ana's chat goes on; each change reaches sue's workstation as the report's numbers.
    rosa->send(frame::Send{id, QStringLiteral("p1"), QStringLiteral("Hi. It's about my daughter.")});
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("Hi. It's about my daughter.")); }, patience));
    activate();
    auto *safety = find<QPushButton>(QStringLiteral("safetyCheckButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return safety->isEnabled(); }, patience));
    QTest::mouseClick(safety, Qt::LeftButton);
    QTest::keyClick(find<Composer>(QStringLiteral("composer")), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return shift->practiceReports().report(id) && shift->practiceReports().report(id)->safetyCheckMs(); },
        patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.practiceReports().report(id) == shift->practiceReports().report(id); },
                                patience));
    EXPECT_TRUE(sue.practiceReports().received(id));
    EXPECT_EQ(sue.practiceReports().report(id)->advocateMessages(), 1);
    EXPECT_EQ(sue.practiceReports().report(id)->noticeTiming(), PracticeReport::NoticeTiming::Missing);

    // sue's window shows it in the same panel, in the same words as ana's.
    auto *suePanel = inSupervisorWindow<PracticeReportPanel>(QStringLiteral("practiceReportPanel"));
    ASSERT_NE(suePanel, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return suePanel->isVisible(); }, patience));
    auto *sueToggle = suePanel->findChild<QPushButton *>(QStringLiteral("practiceReportButton"));
    QTest::mouseClick(sueToggle, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return suePanel->detailsShown(); }, patience));
    for (const char *line : {"practiceReportFirstReply", "practiceReportSafetyCheck", "practiceReportNotice",
                             "practiceReportWarnings", "practiceReportCanned"})
        EXPECT_EQ(lineText(suePanel, line),
                  lineText(find<PracticeReportPanel>(QStringLiteral("practiceReportPanel")), line))
            << line;
    EXPECT_TRUE(lineText(suePanel, "practiceReportSummary").contains(QStringLiteral("trainee")));
    QTest::qWait(100); // the layout settles before it is pictured
    screenshot(supervisor->window(), QStringLiteral("practice-report-supervisor"));

    // Never a whisper line on either side.
    EXPECT_FALSE(anyEntryContains(sue.chat(id), QStringLiteral("advocate_desk_practice_report")));
    EXPECT_FALSE(anyEntryContains(shift->chat(id), QStringLiteral("advocate_desk_practice_report")));
    EXPECT_FALSE(anyEntryContains(sue.chat(id), QStringLiteral("Whisper from")));
}

TEST_F(SupervisorTest, OnALiveRelayAWhisperThatLooksLikeAPracticeReportIsShownAsAWhisperAndMakesNoReport)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    auto page = survivor(QStringLiteral("Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return board()->model()->rowCount() == 1; }, patience));
    board()->selectRow(0);
    click(QStringLiteral("joinChat"));
    Shift &sue = supervisor->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id) && sue.chat(id)->participation() == Participation::Joined; },
                                patience));
    const QString body = PracticeReport(QDateTime::currentDateTimeUtc()).toWhisperBody();
    shift->chat(id)->whisper(body);
    ASSERT_TRUE(QTest::qWaitFor([&] { return anyEntryContains(sue.chat(id), body); }, patience));
    EXPECT_FALSE(sue.practiceReports().report(id));
    EXPECT_FALSE(shift->practiceReports().report(id));
}
