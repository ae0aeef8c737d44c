// SPDX-License-Identifier: GPL-3.0-only
// Running a practice session from the workstation (issue 18, item 4): signed in to a practice relay, Tools → "Start a
// practice chat…" starts a shipped persona, which waits in the queue like any survivor; the trainee takes it and the
// persona plays its script through the real relay (its first lines, then the branch the trainee's safety check
// takes). Ending the shift stops every persona started there. On a live relay the menu entry is not there.
#include "PracticeChatDialog.h"
#include "WorkstationFixture.h"
#include "client/PracticeReports.h"
#include "practice/PersonaLibrary.h"
#include "practice/PracticeSurvivors.h"

#include <QListWidget>

using namespace advocate;
using namespace advocate::test;

namespace {

class PracticeChatTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        relay.config().practice = true;
        WorkstationTest::SetUp();
    }

    QAction *practiceAction() const { return find<QAction>(QStringLiteral("practiceChatAction")); }
};

// The text of line `line` of step `step` of a shipped persona: the test follows the files, never a copy of them.
QString personaLine(const QString &name, const QString &step, int line)
{
    const auto persona = PersonaLibrary::shipped().persona(name, QStringLiteral("en"));
    const Persona::Step *found = persona ? persona->step(step) : nullptr;
    return found && line < found->lines.size() ? found->lines.at(line).text : QString();
}

} // namespace

TEST_F(PracticeChatTest, ATraineeTakesAScriptedSurvivorStartedFromTheToolsMenuAndTheShiftEndStopsIt)
{
    ASSERT_NE(practiceAction(), nullptr);
    EXPECT_FALSE(practiceAction()->isVisible()) << "not before a practice sign-in";
    signInAndStart(relay.url());
    ASSERT_TRUE(practiceAction()->isVisible());
    ASSERT_TRUE(practiceAction()->isEnabled());
    EXPECT_FALSE(practiceAction()->text().isEmpty());

    auto *survivors = window->findChild<PracticeSurvivors *>();
    ASSERT_NE(survivors, nullptr);
    survivors->setPace(0.05); // the persona's typing and silences, twenty times faster
    practiceAction()->trigger();
    auto *dialog = window->findChild<PracticeChatDialog *>(QStringLiteral("practiceChatDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("practiceLanguage"));
    auto *personas = dialog->findChild<QListWidget *>(QStringLiteral("practicePersonas"));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startPracticeChat"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("practiceStatus"));
    ASSERT_TRUE(language && personas && start && status);
    for (QWidget *control : std::initializer_list<QWidget *>{language, personas, start, status})
        EXPECT_FALSE(control->accessibleName().isEmpty()) << qPrintable(control->objectName());
    EXPECT_EQ(language->currentData().toString(), QStringLiteral("en"));
    EXPECT_EQ(language->currentText(), QStringLiteral("English")); // not "American English"
    EXPECT_EQ(language->itemText(language->findData(QStringLiteral("es"))), QStringLiteral("Español"));
    EXPECT_EQ(personas->count(), PersonaLibrary::shipped().names().size());
    EXPECT_EQ(status->text(), QStringLiteral("No practice chat started here is running."));

    // Spanish lists the Spanish personas.
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    const auto spanish = PersonaLibrary::shipped().persona(QStringLiteral("monitored-phone"), QStringLiteral("es"));
    ASSERT_TRUE(spanish);
    EXPECT_FALSE(personas->findItems(spanish->title(), Qt::MatchExactly).isEmpty());
    language->setCurrentIndex(language->findData(QStringLiteral("en")));

    const auto persona = PersonaLibrary::shipped().persona(QStringLiteral("monitored-phone"), QStringLiteral("en"));
    ASSERT_TRUE(persona);
    const auto items = personas->findItems(persona->title(), Qt::MatchExactly);
    ASSERT_EQ(items.size(), 1);
    personas->setCurrentItem(items.first());
    EXPECT_EQ(dialog->findChild<QLabel *>(QStringLiteral("practicePersonaDescription"))->text(),
              persona->description());
    QTest::mouseClick(start, Qt::LeftButton);
    EXPECT_EQ(survivors->running(), 1);
    EXPECT_TRUE(status->text().contains(persona->alias())) << qPrintable(status->text());
    EXPECT_TRUE(status->text().contains(QStringLiteral("waiting in the queue"))) << qPrintable(status->text());
    // The status is whole: its wrapped lines fit the height the layout gives it (they overlapped the description).
    QTest::qWait(100);
    EXPECT_GE(status->height(), status->heightForWidth(status->width()));
    screenshot(*dialog, QStringLiteral("practice-start-dialog"));
    dialog->close();

    // The trainee takes the next chat: the persona, whose opening lines arrive as a survivor's messages.
    activate();
    auto *take = find<QPushButton>(QStringLiteral("takeNextButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return take->isEnabled(); }, patience));
    QTest::mouseClick(take, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chats().size() == 1; }, patience));
    const QString id = shift->chats().first()->id();
    EXPECT_EQ(shift->chat(id)->alias(), persona->alias());
    const QString opening = personaLine(QStringLiteral("monitored-phone"), QStringLiteral("opening"), 1);
    ASSERT_FALSE(opening.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, opening); }, patience));

    // A safety check takes the persona's safety-check branch: its next step's first line follows.
    typeAndSend(QStringLiteral("Thank you for reaching out. Are you safe to talk right now?"));
    const QString device = personaLine(QStringLiteral("monitored-phone"), QStringLiteral("device"), 0);
    ASSERT_FALSE(device.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, device); }, patience));
    screenshot(*window, QStringLiteral("practice-chat"));

    // The shift ends with the chat open (it would go back to the queue): the persona started here stops (quick
    // exit), nothing of it left running.
    ASSERT_EQ(survivors->running(), 1);
    bool ended = false;
    shift->end(QStringLiteral("Practice over"), [&](const Shift::EndResult &result) { ended = !result.refused; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended; }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return survivors->running() == 0; }, patience));
    EXPECT_FALSE(practiceAction()->isVisible());
}

TEST_F(WorkstationTest, ALiveRelayOffersNoPracticeChat)
{
    signInAndStart(relay.url());
    ASSERT_FALSE(shift->practice());
    auto *action = find<QAction>(QStringLiteral("practiceChatAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_FALSE(action->isVisible());
    EXPECT_FALSE(action->isEnabled());
    action->trigger(); // even triggered some other way, nothing starts
    EXPECT_EQ(window->findChild<PracticeChatDialog *>(), nullptr);
    PracticeSurvivors survivors;
    const auto persona = PersonaLibrary::shipped().persona(QStringLiteral("quick-exit"), QStringLiteral("en"));
    ASSERT_TRUE(persona);
    EXPECT_FALSE(survivors.start(*persona, relay.url(), shift->practice()));
    EXPECT_EQ(survivors.running(), 0);
}

TEST_F(PracticeChatTest, ThePracticeReportKnowsAPersonasDisclosureAndSaysTheNoticeIsMissing)
{
    signInAndStart(relay.url());
    auto *survivors = window->findChild<PracticeSurvivors *>();
    ASSERT_NE(survivors, nullptr);
    survivors->setPace(0.05);
    const auto persona = PersonaLibrary::shipped().persona(QStringLiteral("child-in-danger"), QStringLiteral("en"));
    ASSERT_TRUE(persona);
    ASSERT_TRUE(survivors->start(*persona, relay.url(), shift->practice()));
    activate();
    auto *take = find<QPushButton>(QStringLiteral("takeNextButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return take->isEnabled(); }, patience));
    QTest::mouseClick(take, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chats().size() == 1; }, patience));
    const QString id = shift->chats().first()->id();

    // Two replies without the notice: she asks whether it would be reported, then tells it (lines marked disclosure).
    const QString opening = personaLine(QStringLiteral("child-in-danger"), QStringLiteral("opening"), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, opening); }, patience));
    typeAndSend(QStringLiteral("I'm listening."));
    const QString hesitant = personaLine(QStringLiteral("child-in-danger"), QStringLiteral("hesitant"), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, hesitant); }, patience));
    EXPECT_FALSE(shift->practiceReports().report(id)->firstDisclosureMs());
    typeAndSend(QStringLiteral("Please go on."));
    const QString disclosed = personaLine(QStringLiteral("child-in-danger"), QStringLiteral("disclosed"), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, disclosed); }, patience));

    // The workstation's report recognized the persona's disclosure: the notice is missing, not "not needed".
    const auto report = shift->practiceReports().report(id);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->firstDisclosureMs());
    EXPECT_EQ(report->noticeTiming(), PracticeReport::NoticeTiming::Missing);
}
