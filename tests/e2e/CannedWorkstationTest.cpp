// SPDX-License-Identifier: GPL-3.0-only
// Canned responses, draft checks, the notice reminder and the language switch in the real main window against the
// real relay (issue 6, items 3-6), driven by keyboard as an advocate would.
#include "WorkstationFixture.h"

#include "CannedPicker.h"
#include "DraftWarningsPanel.h"
#include "LiveLabel.h"
#include "PersonalEntryDialog.h"
#include "SettingsDialog.h"
#include "UiLanguage.h"
#include "canned/CannedLibrary.h"

#include <QComboBox>
#include <QJsonObject>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

using namespace advocate;
using namespace advocate::test;

namespace {

// A program library as IT would deploy it: program values for the placeholders, one unknown placeholder, a long
// entry for the unchanged-text check, the notice, and a policy.
QByteArray programLibrary(const QByteArray &policy = R"({"noticeReminderMinutes":10})")
{
    return QByteArray(R"({"version":1,"defaultLanguage":"en",
        "program":{"name":"Safe Harbor","hotline_phone":"555-0100",
                   "hours":{"en":"every day, 8 am to 10 pm","es":"todos los días, de 8 a 22 h"}},
        "policy":)") +
           policy + R"(,
        "entries":[
          {"id":"close.reach","category":"closing","shortcut":"bye","title":{"en":"Closing","es":"Despedida"},
           "text":{"en":"You can reach {program} at {hotline_phone}, {hours}.",
                   "es":"Puedes comunicarte con {program} al {hotline_phone}, {hours}."},"flags":["closing"]},
          {"id":"greet.room","category":"greeting","shortcut":"hi","title":{"en":"Hello"},
           "text":{"en":"Hi, I'm {advocate}. Your room is {room}."}},
          {"id":"notice.conf","category":"mandatory_reporting","shortcut":"conf","title":{"en":"Confidentiality"},
           "text":{"en":"What you share stays confidential, with a few exceptions that I will explain."},
           "flags":["mandatory_reporting"]},
          {"id":"res.long","category":"resources","shortcut":"long","title":{"en":"Long resources"},
           "text":{"en":"There are many services that can help, and we can look at them together at your pace. Shelter, legal help, counseling and support groups are all options, and none of them is something you have to decide on today."}}
        ]})";
}

class CannedWorkstationTest : public WorkstationTest
{
protected:
    CannedWorkstationTest() { clock = manual; }

    void SetUp() override
    {
        WorkstationTest::SetUp();
        shift->setCannedLibrary(CannedLibrary::fromJson(programLibrary(), QStringLiteral("program.json")));
        window->setAdvocateName(QStringLiteral("Ana"));
    }

    Composer *composer() const { return find<Composer>(QStringLiteral("composer")); }

    // Signs in, takes the chat of a new survivor and puts the keyboard in the composer; returns the conversation.
    QString openChatWith(std::unique_ptr<WireClient> &page, const QString &alias = QStringLiteral("Rosa"),
                         const QString &language = QStringLiteral("en"))
    {
        signInAndStart(relay.url());
        page = survivor(alias, language);
        const QString id = takeNext(*page);
        composer()->setFocus();
        return id;
    }

    bool advocateSentAnything(const QString &conversation) const
    {
        const Chat *chat = shift->chat(conversation);
        return chat && std::any_of(chat->entries().cbegin(), chat->entries().cend(), [](const Chat::Entry &entry) {
                   return entry.direction == MessageDirection::FromAdvocate;
               });
    }

    std::shared_ptr<ManualClock> manual = std::make_shared<ManualClock>();
};

} // namespace

TEST_F(CannedWorkstationTest, SlashSearchPutsTheFilledResponseInTheComposerAndNeverSendsIt)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/by"));
    auto *list = find<QListView>(QStringLiteral("cannedQuickList"));
    ASSERT_TRUE(list->isVisible());
    ASSERT_EQ(list->model()->rowCount(), 1);
    QTest::keyClick(edit, Qt::Key_Return); // picks; does not send
    EXPECT_FALSE(list->isVisible());
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("You can reach Safe Harbor at 555-0100, every day, 8 am to 10 pm."));
    EXPECT_FALSE(rosa->next<frame::Message>(300));
    EXPECT_FALSE(advocateSentAnything(id));

    QTest::keyClicks(edit, QStringLiteral(" Take care."));
    QTest::keyClick(edit, Qt::Key_Return);
    const auto sent = rosa->next<frame::Message>();
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->body,
              QStringLiteral("You can reach Safe Harbor at 555-0100, every day, 8 am to 10 pm. Take care."));
}

TEST_F(CannedWorkstationTest, ALibraryThatOverridesTheRelaysProgramFactsIsShownAsAWarningAfterSignIn)
{
    // The library sets {program}, {hotline_phone} and {hours} itself; the relay sends its own at sign-in (issue 17).
    auto *bar = find<QWidget>(QStringLiteral("programOverrideBar"));
    EXPECT_FALSE(bar->isVisible());
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->isVisible(); }, 5000));
    const QString warning = find<LiveLabel>(QStringLiteral("programOverrideText"))->text();
    EXPECT_TRUE(warning.contains(QStringLiteral("{hotline_phone}, {hours}, {program}"))) << qPrintable(warning);
    EXPECT_FALSE(warning.contains(QStringLiteral("Safe Harbor"))); // names only, no values

    // Without the override the bar goes, and the relay's facts fill the text.
    shift->setCannedLibrary(CannedLibrary::fromJson(
        QByteArray(R"({"version":1,"defaultLanguage":"en","entries":[{"id":"close.reach","category":"closing",
            "shortcut":"bye","title":{"en":"Closing"},"text":{"en":"You can reach {program}, {hours}."}}]})"),
        QStringLiteral("program.json")));
    EXPECT_FALSE(bar->isVisible());
    QTest::keyClicks(composer(), QStringLiteral("/by"));
    QTest::keyClick(composer(), Qt::Key_Return);
    EXPECT_EQ(composer()->toPlainText(), QStringLiteral("You can reach Advocate Desk, every day, day and night."));
}

TEST_F(CannedWorkstationTest, TheSlashListMovesWithArrowsClosesWithEscAndThenEnterSendsWhatWasTyped)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/"));
    auto *list = find<QListView>(QStringLiteral("cannedQuickList"));
    ASSERT_TRUE(list->isVisible());
    EXPECT_EQ(list->model()->rowCount(), 4);
    EXPECT_EQ(list->currentIndex().row(), 0);
    QTest::keyClick(edit, Qt::Key_Down);
    QTest::keyClick(edit, Qt::Key_Down);
    EXPECT_EQ(list->currentIndex().row(), 2);
    QTest::keyClick(edit, Qt::Key_Up);
    EXPECT_EQ(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_FALSE(list->isVisible());
    QTest::keyClicks(edit, QStringLiteral("etc is a folder"));
    EXPECT_FALSE(list->isVisible()); // closed for this word
    QTest::keyClick(edit, Qt::Key_Return);
    const auto sent = rosa->next<frame::Message>();
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->body, QStringLiteral("/etc is a folder"));
}

TEST_F(CannedWorkstationTest, ASlashInsideAWordOpensNoSearch)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("and/or"));
    EXPECT_FALSE(find<QListView>(QStringLiteral("cannedQuickList"))->isVisible());
}

TEST_F(CannedWorkstationTest, ResponsesComeInTheChatsLanguage)
{
    std::unique_ptr<WireClient> lucia;
    openChatWith(lucia, QStringLiteral("Lucía"), QStringLiteral("es"));
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/bye"));
    QTest::keyClick(edit, Qt::Key_Tab);
    EXPECT_EQ(edit->toPlainText(),
              QStringLiteral("Puedes comunicarte con Safe Harbor al 555-0100, todos los días, de 8 a 22 h."));
}

TEST_F(CannedWorkstationTest, AnUnknownPlaceholderIsLeftAsWrittenAndNamedBeforeInserting)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/hi"));
    auto *hint = find<QLabel>(QStringLiteral("cannedQuickHint"));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("{room}"))) << qPrintable(hint->text());
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("Hi, I'm Ana. Your room is {room}."));
}

TEST_F(CannedWorkstationTest, ThePanelInsertsByKeyboardAndANoticeWithTheAdvocatesOwnWordsAddedCountsAsGiven)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    auto *status = find<QLabel>(QStringLiteral("noticeStatus"));
    EXPECT_EQ(status->text(), QStringLiteral("Notice: not given yet"));
    auto *picker = find<CannedPicker>(QStringLiteral("cannedPicker"));
    EXPECT_FALSE(picker->isVisible());
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(picker->isVisible());
    auto *search = find<QLineEdit>(QStringLiteral("cannedSearch"));
    ASSERT_TRUE(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("confidential"));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("cannedPreview"))->text().startsWith(QStringLiteral("What you share")));
    QTest::keyClick(search, Qt::Key_Return);
    Composer *edit = composer();
    EXPECT_TRUE(edit->hasFocus());
    EXPECT_TRUE(edit->toPlainText().startsWith(QStringLiteral("What you share stays confidential")));
    EXPECT_FALSE(rosa->next<frame::Message>(300));
    EXPECT_FALSE(advocateSentAnything(id));

    // Screenshot of the panel beside the chat, with a draft warning under the composer.
    QTest::keyClicks(edit, QStringLiteral(" lol"));
    ASSERT_TRUE(find<DraftWarningsPanel>(QStringLiteral("draftWarnings"))->isVisible());
    const QString path = screenshot(*window, QStringLiteral("canned-panel-and-draft-warning"));
    ASSERT_FALSE(path.isEmpty());
    EXPECT_GT(QFileInfo(path).size(), 1000);

    QTest::keyClicks(edit, QStringLiteral(" Does that make sense?"));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(rosa->next<frame::Message>());
    EXPECT_TRUE(shift->chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_EQ(status->text(), QStringLiteral("Notice: given"));
}

TEST_F(CannedWorkstationTest, ANoticeReplacedByOtherWordsBeforeSendingIsNotMarkedGiven)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("confidentialityButton")), Qt::LeftButton);
    Composer *edit = composer();
    ASSERT_TRUE(edit->toPlainText().startsWith(QStringLiteral("What you share stays confidential")));
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("ok"));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_EQ(rosa->next<frame::Message>()->body, QStringLiteral("ok"));
    EXPECT_FALSE(shift->chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_EQ(find<QLabel>(QStringLiteral("noticeStatus"))->text(), QStringLiteral("Notice: not given yet"));
}

TEST_F(CannedWorkstationTest, WithTheListOpenNoFormOfEnterSends)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    Composer *edit = composer();
    auto *list = find<QListView>(QStringLiteral("cannedQuickList"));
    QTest::keyClicks(edit, QStringLiteral("/zz"));
    ASSERT_TRUE(list->isVisible());
    QTest::keyClick(edit, Qt::Key_Enter, Qt::KeypadModifier);
    QTest::keyClicks(edit, QStringLiteral(" /zz"));
    ASSERT_TRUE(list->isVisible());
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral(" /zz"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_FALSE(rosa->next<frame::Message>(300));
    EXPECT_FALSE(advocateSentAnything(id));
}

TEST_F(CannedWorkstationTest, SwitchingChatsClosesTheListSoTheFirstEnterSends)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    auto maria = survivor(QStringLiteral("María"));
    takeNext(*maria);
    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    Composer *edit = composer();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("/b"));
    auto *list = find<QListView>(QStringLiteral("cannedQuickList"));
    ASSERT_TRUE(list->isVisible());
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_FALSE(list->isVisible());
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("hello"));
    QTest::keyClick(edit, Qt::Key_Return);
    const auto sent = maria->next<frame::Message>();
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->body, QStringLiteral("hello"));
}

TEST_F(CannedWorkstationTest, ALibraryChangeUnderAnOpenListKeepsARowToPick)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/bye"));
    shift->setCannedLibrary(CannedLibrary::fromJson(programLibrary(), QStringLiteral("program.json")));
    auto *list = find<QListView>(QStringLiteral("cannedQuickList"));
    ASSERT_TRUE(list->isVisible());
    EXPECT_TRUE(list->currentIndex().isValid());
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(edit->toPlainText().startsWith(QStringLiteral("You can reach Safe Harbor")));
}

TEST_F(CannedWorkstationTest, InsertingKeepsASelectionAndCtrlZTakesTheInsertionOut)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("Thank you."));
    edit->selectAll();
    window->toggleCannedPicker();
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("cannedSearch")), QStringLiteral("conf"));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("cannedSearch")), Qt::Key_Return);
    EXPECT_TRUE(edit->toPlainText().startsWith(QStringLiteral("Thank you.\nWhat you share")))
        << qPrintable(edit->toPlainText());
    edit->undo();
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("Thank you."));
}

TEST_F(CannedWorkstationTest, AFixIsUndoneWithCtrlZAndKeepsTheCursorBeforeIt)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("brb, one moment"));
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(0);
    edit->setTextCursor(cursor);
    auto *fix = find<QPushButton>(QStringLiteral("draftFix0"));
    ASSERT_NE(fix, nullptr);
    QTest::mouseClick(fix, Qt::LeftButton);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("I'll be right back, one moment"));
    EXPECT_EQ(edit->textCursor().position(), 0);
    edit->undo();
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("brb, one moment"));
}

TEST_F(CannedWorkstationTest, FixButtonsAreReachedWithTabFromTheComposer)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("brb"));
    auto *fix = find<QPushButton>(QStringLiteral("draftFix0"));
    ASSERT_NE(fix, nullptr);
    QTest::keyClick(edit, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), fix);
    QTest::keyClick(fix, Qt::Key_Space);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("I'll be right back"));
}

TEST_F(CannedWorkstationTest, WithoutANameSetTheAdvocatePlaceholderIsFlaggedNotFilledWithTheSignInName)
{
    window->setAdvocateName(QString());
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/hi"));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("cannedQuickHint"))->text().contains(QStringLiteral("{advocate}")));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(edit->toPlainText().startsWith(QStringLiteral("Hi, I'm {advocate}.")));
    EXPECT_FALSE(edit->toPlainText().contains(QStringLiteral("ana")));
}

TEST_F(CannedWorkstationTest, TheCheckInIsNotSentUnseenToAChatInAnotherLanguage)
{
    shift->setCannedLibrary(CannedLibrary::fromJson(R"({"version":1,"entries":[
        {"id":"checkin.en","category":"check_in","title":"Check-in","text":"Still there?","flags":["check_in"]}]})",
                                                    QStringLiteral("program.json")));
    std::unique_ptr<WireClient> lucia;
    const QString id = openChatWith(lucia, QStringLiteral("Lucía"), QStringLiteral("es"));
    Q_EMIT session->inactivity(id, 1, 600); // as the relay reports a silence
    auto *checkIn = find<QPushButton>(QStringLiteral("checkInButton"));
    ASSERT_TRUE(checkIn->isEnabled());
    QTest::mouseClick(checkIn, Qt::LeftButton);
    EXPECT_EQ(composer()->toPlainText(), QStringLiteral("Still there?"));
    EXPECT_FALSE(lucia->next<frame::Message>(300));
    EXPECT_FALSE(advocateSentAnything(id));
}

TEST_F(CannedWorkstationTest, LockingClosesAnOpenPersonalEntryDialog)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    window->toggleCannedPicker();
    find<QPushButton>(QStringLiteral("cannedNewPersonalButton"))->click();
    QPointer<PersonalEntryDialog> dialog = window->findChild<PersonalEntryDialog *>();
    ASSERT_TRUE(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("personalTitle")), QStringLiteral("half typed"));
    window->appLock().lock();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, patience));
}

TEST_F(CannedWorkstationTest, DraftWarningsAppearAsTheAdvocateTypesExplainAndFixButNeverBlock)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("ok brb "));
    edit->insertPlainText(QStringLiteral("\U0001F642"));
    auto *panel = find<DraftWarningsPanel>(QStringLiteral("draftWarnings"));
    ASSERT_TRUE(panel->isVisible());
    ASSERT_EQ(panel->warnings().size(), 2);
    EXPECT_FALSE(edit->extraSelections().isEmpty()); // the spans are underlined
    EXPECT_FALSE(edit->accessibleDescription().isEmpty());
    // Each warning names what it is about and says why.
    EXPECT_EQ(panel->warnings().at(0).kind, DraftChecks::Kind::Emoji);
    EXPECT_GT(panel->warnings().at(0).why.size(), 20);
    EXPECT_EQ(panel->warnings().at(1).kind, DraftChecks::Kind::Slang);
    EXPECT_TRUE(panel->warnings().at(1).why.contains(QStringLiteral("brb"))) << qPrintable(panel->warnings().at(1).why);

    // Fix the slang with its button; the emoji warning stays.
    auto *fix = find<QPushButton>(QStringLiteral("draftFix1"));
    ASSERT_NE(fix, nullptr);
    EXPECT_FALSE(fix->accessibleName().isEmpty());
    const DraftChecks::Warning slang = panel->warnings().at(1);
    QTest::mouseClick(fix, Qt::LeftButton);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("ok I'll be right back \U0001F642"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel->warnings().size() == 1; }, 2000));
    EXPECT_NE(panel->warnings().first().kind, slang.kind);

    // Warnings never block: Enter sends what is there.
    const QString draft = edit->toPlainText();
    QTest::keyClick(edit, Qt::Key_Return);
    const auto sent = rosa->next<frame::Message>();
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->body, draft);
    EXPECT_FALSE(panel->isVisible());
}

TEST_F(CannedWorkstationTest, ProgramPolicyCanSwitchTheEmojiCheckOff)
{
    shift->setCannedLibrary(
        CannedLibrary::fromJson(programLibrary(R"({"checks":{"emoji":false}})"), QStringLiteral("program.json")));
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    edit->insertPlainText(QStringLiteral("Thank you \U0001F642"));
    EXPECT_FALSE(find<DraftWarningsPanel>(QStringLiteral("draftWarnings"))->isVisible());
    QTest::keyClicks(edit, QStringLiteral(" lol"));
    EXPECT_TRUE(find<DraftWarningsPanel>(QStringLiteral("draftWarnings"))->isVisible());
}

TEST_F(CannedWorkstationTest, ALongCannedTextAboutToBeSentUnchangedIsPointedOutUntilItIsMadePersonal)
{
    std::unique_ptr<WireClient> rosa;
    openChatWith(rosa);
    Composer *edit = composer();
    QTest::keyClicks(edit, QStringLiteral("/long"));
    QTest::keyClick(edit, Qt::Key_Return);
    auto *panel = find<DraftWarningsPanel>(QStringLiteral("draftWarnings"));
    ASSERT_EQ(panel->warnings().size(), 1);
    EXPECT_EQ(panel->warnings().first().kind, DraftChecks::Kind::UnchangedCanned);
    QTest::keyClicks(edit, QStringLiteral(" What feels most pressing for you?"));
    EXPECT_TRUE(panel->warnings().isEmpty());
}

TEST_F(CannedWorkstationTest, TheNoticeReminderAppearsAfterTheThresholdCanWaitAndGoesOnceGiven)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    auto *bar = find<QWidget>(QStringLiteral("noticeReminderBar"));
    EXPECT_FALSE(bar->isVisible());
    manual->advance(std::chrono::minutes(9));
    conversationList()->tick();
    EXPECT_FALSE(bar->isVisible());
    manual->advance(std::chrono::minutes(1));
    conversationList()->tick();
    ASSERT_TRUE(bar->isVisible());
    EXPECT_FALSE(find<QLabel>(QStringLiteral("noticeReminderText"))->text().isEmpty());

    QTest::mouseClick(find<QPushButton>(QStringLiteral("noticeLaterButton")), Qt::LeftButton);
    EXPECT_FALSE(bar->isVisible());
    manual->advance(std::chrono::minutes(10));
    conversationList()->tick();
    ASSERT_TRUE(bar->isVisible());

    QTest::mouseClick(find<QPushButton>(QStringLiteral("noticeInsertButton")), Qt::LeftButton);
    Composer *edit = composer();
    EXPECT_TRUE(edit->toPlainText().startsWith(QStringLiteral("What you share stays confidential")));
    EXPECT_FALSE(advocateSentAnything(id));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(rosa->next<frame::Message>());
    EXPECT_FALSE(bar->isVisible());
    EXPECT_EQ(shift->chat(id)->noticeState(), NoticeReminder::State::Given);
}

TEST_F(CannedWorkstationTest, APersonalEntryIsSavedFoundAndGoneWhenTheShiftEnds)
{
    std::unique_ptr<WireClient> rosa;
    const QString id = openChatWith(rosa);
    window->toggleCannedPicker();
    find<QPushButton>(QStringLiteral("cannedNewPersonalButton"))->click();
    auto *dialog = window->findChild<PersonalEntryDialog *>(QStringLiteral("personalEntryDialog"));
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("personalTitle")), QStringLiteral("Bus pass"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("personalShortcut")), QStringLiteral("safe"));
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("personalText")),
                     QStringLiteral("The shelter can give you a bus pass."));
    // A shortcut the program uses already: refused with the reason, nothing typed is lost.
    shift->setCannedLibrary(CannedLibrary::shippedDefault()); // has /safe
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("personalSave")), Qt::LeftButton);
    auto *problems = dialog->findChild<QLabel *>(QStringLiteral("personalProblems"));
    EXPECT_TRUE(problems->text().contains(QStringLiteral("shortcut"))) << qPrintable(problems->text());
    EXPECT_EQ(dialog->findChild<QLineEdit *>(QStringLiteral("personalTitle"))->text(), QStringLiteral("Bus pass"));
    auto *shortcut = dialog->findChild<QLineEdit *>(QStringLiteral("personalShortcut"));
    shortcut->clear();
    QTest::keyClicks(shortcut, QStringLiteral("bus"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("personalSave")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->findChild<PersonalEntryDialog *>(); }, patience));

    Composer *edit = composer();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("/bus"));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("The shelter can give you a bus pass."));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return await<PersonalCannedResult>([&](auto done) { cache->loadPersonalCanned(done); }).entries.size() == 1;
        },
        patience));

    edit->clear();
    const Shift::EndResult ended =
        await<Shift::EndResult>([&](auto done) { shift->end(QStringLiteral("test over"), done); });
    EXPECT_TRUE(ended.wipe.complete);
    EXPECT_EQ(shift->cannedLibrary().find(QStringLiteral("personal.1")), nullptr);
    const auto *model = static_cast<const CannedSearchModel *>(find<QListView>(QStringLiteral("cannedList"))->model());
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_FALSE(model->index(row).data(CannedSearchModel::PersonalRole).toBool());
    // And none can be added without a shift.
    EXPECT_FALSE(shift->addPersonalCanned(QJsonObject{{QStringLiteral("id"), QStringLiteral("personal.9")}}).isEmpty());
    (void)id;
}

TEST_F(CannedWorkstationTest, ABadProgramFileFallsBackToTheBuiltInLibraryAndShowsWhy)
{
    const QString path = folder.filePath(QStringLiteral("canned-responses.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{ \"version\": 1, \"entries\": [ ");
    file.close();
    shift->setCannedLibrary(CannedLibrary::loadForWorkstation(path));
    window->toggleCannedPicker();
    auto *source = find<QLabel>(QStringLiteral("cannedSource"));
    EXPECT_TRUE(source->text().contains(QStringLiteral("could not be used"))) << qPrintable(source->text());
    EXPECT_GE(find<QListView>(QStringLiteral("cannedList"))->model()->rowCount(), 9);
    auto *problems = find<QPushButton>(QStringLiteral("cannedProblemsButton"));
    ASSERT_TRUE(problems->isVisible());
    problems->click();
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("libraryProblemsBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->detailedText().contains(path));
    EXPECT_TRUE(box->detailedText().contains(QStringLiteral("not valid JSON")));
    box->close();
}

TEST_F(CannedWorkstationTest, SwitchingToSpanishInSettingsRetranslatesTheOpenWindowAtOnce)
{
    QSettings().remove(QStringLiteral("ui/language"));
    UiLanguage language;
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
    window->setUiLanguage(&language);
    auto *send = find<QPushButton>(QStringLiteral("sendButton"));
    EXPECT_EQ(send->text(), QStringLiteral("Sen&d"));
    window->openSettings();
    auto *dialog = window->findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
    ASSERT_NE(dialog, nullptr);
    auto *choice = dialog->findChild<QComboBox *>(QStringLiteral("languageChoice"));
    choice->setCurrentIndex(choice->findData(QStringLiteral("es")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("settingsOk")), Qt::LeftButton);
    EXPECT_EQ(language.current(), QStringLiteral("es"));
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("es"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return send->text() != QStringLiteral("Sen&d"); }, 2000));
    EXPECT_EQ(find<QLabel>(QStringLiteral("relayStatus"))->text(), QStringLiteral("Sin sesión iniciada."));
    EXPECT_EQ(
        find<CannedPicker>(QStringLiteral("cannedPicker"))->findChild<QLabel *>(QStringLiteral("cannedTitle"))->text(),
        QStringLiteral("Respuestas predefinidas"));
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return send->text() == QStringLiteral("Sen&d"); }, 2000));
    QSettings().remove(QStringLiteral("ui/language"));
}
