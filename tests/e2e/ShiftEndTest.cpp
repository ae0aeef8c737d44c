// SPDX-License-Identifier: GPL-3.0-only
// A whole shift with canary strings in every place a shift can leave text (the survivor's name and message, the
// advocate's message, an unsent draft, the code word, a canned-response search, a personal canned entry, the
// override reason), then a walk over everything the window can show a person or a screen reader: no canary may be
// left once the shift has ended, nor on the window while it is locked. The walk first finds every canary while the
// shift runs, so it is known to look in the right places.
#include "CannedPicker.h"
#include "WorkstationFixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextEdit>

using namespace advocate;
using namespace advocate::test;

namespace {

// The canaries found, each once.
QStringList canariesIn(const QStringList &texts, const QStringList &canaries)
{
    QStringList found;
    for (const QString &canary : canaries) {
        if (anyContains(texts, canary))
            found.append(canary);
    }
    return found;
}

// Where each canary was found, for the failure message.
QString whereFound(const QStringList &texts, const QStringList &canaries)
{
    QStringList lines;
    for (const QString &text : texts) {
        for (const QString &canary : canaries) {
            if (text.contains(canary))
                lines.append(text);
        }
    }
    return lines.join(u'\n');
}

class ShiftEndTest : public WorkstationTest
{
protected:
    const QString alias = QStringLiteral("canaryAliasQ81");
    const QString fromSurvivor = QStringLiteral("canaryFromSurvivorQ81");
    const QString fromAdvocate = QStringLiteral("canaryFromAdvocateQ81");
    const QString draft = QStringLiteral("canaryDraftQ81");
    const QString codeWord = QStringLiteral("canaryCodeWordQ81");
    const QString search = QStringLiteral("canarySearchQ81");
    const QString personal = QStringLiteral("canaryPersonalQ81");
    const QString reason = QStringLiteral("canaryReasonQ81");
    QStringList all() const { return {alias, fromSurvivor, fromAdvocate, draft, codeWord, search, personal}; }

    // Runs a shift up to the moment it ends, with every canary in its place; the second chat is left open. As a
    // control, the walk finds each canary while its chat is on screen, so it is known to look in the right places.
    void runShiftWithCanaries(std::unique_ptr<WireClient> &first, std::unique_ptr<WireClient> &second)
    {
        QStringList seen;
        signInAndStart(relay.url());
        first = survivor(alias);
        const QString one = takeNext(*first);
        second = survivor(alias);
        takeNext(*second);
        first->send(frame::Send{one, QStringLiteral("s1"), fromSurvivor});
        ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(one, fromSurvivor); }, patience));
        typeAndSend(fromAdvocate);
        ASSERT_TRUE(first->next<frame::Message>());
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("codeWord")), codeWord);
        seen << canariesIn(everythingShown(window.get(), Undo::No), all());
        // An unsent draft in the second chat, which stays on screen.
        QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
        auto *composer = find<Composer>(QStringLiteral("composer"));
        composer->setFocus();
        QTest::keyClicks(composer, draft);
        ASSERT_TRUE(shift
                        ->addPersonalCanned(
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("personal.1")},
                                        {QStringLiteral("category"), QStringLiteral("resources")},
                                        {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), personal}}},
                                        {QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), personal}}}})
                        .isEmpty());
        find<QAction>(QStringLiteral("cannedAction"))->trigger();
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("cannedSearch")), search);
        seen << canariesIn(everythingShown(window.get(), Undo::No), all());
        QStringList missing = all();
        for (const QString &found : std::as_const(seen))
            missing.removeAll(found);
        ASSERT_TRUE(missing.isEmpty()) << "the walk does not see " << qPrintable(missing.join(u' '));
    }
};

} // namespace

TEST_F(ShiftEndTest, AfterTheShiftEndsNothingOfItIsLeftInTheWindowAndANewShiftIsOffered)
{
    std::unique_ptr<WireClient> first;
    std::unique_ptr<WireClient> second;
    ASSERT_NO_FATAL_FAILURE(runShiftWithCanaries(first, second));

    // The shift ends with a chat open: the override, with a reason.
    find<QAction>(QStringLiteral("endShiftAction"))->trigger();
    EndShiftDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<EndShiftDialog *>(QStringLiteral("endShiftDialog"))) != nullptr; },
        patience));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("overrideReason")), reason);
    QSignalSpy ended(window.get(), &MainWindow::shiftEnded);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmEndShift")), Qt::LeftButton);
    ASSERT_TRUE(ended.wait(30000));
    ASSERT_TRUE(ended.first().first().toBool());
    QTest::qWait(100); // the dialog deletes itself on the next turn of the event loop

    EXPECT_TRUE(shift->chats().isEmpty());
    EXPECT_EQ(find<QStackedWidget>(QStringLiteral("pages"))->currentWidget()->objectName(),
              QStringLiteral("shiftEndedPage"));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("shiftEndedText"))->text().startsWith(QStringLiteral("Shift ended.")));
    EXPECT_FALSE(find<QAction>(QStringLiteral("endShiftAction"))->isEnabled()) << "nothing to end off shift";
    EXPECT_FALSE(find<QAction>(QStringLiteral("lockAction"))->isEnabled());
    QStringList everything;
    for (QWidget *top : QApplication::topLevelWidgets())
        everything << everythingShown(top);
    EXPECT_EQ(canariesIn(everything, all() << reason), QStringList()) << qPrintable(whereFound(everything, all()));

    // The way on: a new shift starts with a new sign-in, on an empty window.
    QSignalSpy newShift(window.get(), &MainWindow::newShiftRequested);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("newShiftButton")), Qt::LeftButton);
    EXPECT_EQ(newShift.size(), 1);
    signInAndStart(relay.url());
    EXPECT_EQ(find<QStackedWidget>(QStringLiteral("pages"))->currentWidget()->objectName(), QStringLiteral("content"));
    EXPECT_EQ(find<QListView>(QStringLiteral("conversationList"))->model()->rowCount(), 0);
    EXPECT_EQ(find<QLabel>(QStringLiteral("shiftStatus"))->text(), QStringLiteral("A new shift has started."));
    EXPECT_TRUE(find<QAction>(QStringLiteral("endShiftAction"))->isEnabled());
    const QStringList afterNewStart = everythingShown(window.get());
    EXPECT_EQ(canariesIn(afterNewStart, all()), QStringList()) << qPrintable(whereFound(afterNewStart, all()));
}

TEST_F(ShiftEndTest, WhileLockedNothingOfTheShiftIsInTheWindow)
{
    std::unique_ptr<WireClient> first;
    std::unique_ptr<WireClient> second;
    ASSERT_NO_FATAL_FAILURE(runShiftWithCanaries(first, second));
    window->appLock().lock();
    ASSERT_TRUE(window->appLock().isLocked());
    // A message while locked: the alert says so without content.
    first->send(frame::Send{shift->chats().first()->id(), QStringLiteral("s2"), fromSurvivor + QStringLiteral("2")});
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !find<QLabel>(QStringLiteral("lockAlert"))->text().isEmpty(); }, patience));
    QStringList everything;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top->isVisible())
            everything << everythingShown(top, Undo::No);
    }
    EXPECT_EQ(canariesIn(everything, all()), QStringList()) << qPrintable(whereFound(everything, all()));
    EXPECT_FALSE(screenshot(*window, QStringLiteral("lock-screen")).isEmpty()); // docs/advocate-guide.md
    await<Shift::EndResult>([&](auto done) { shift->end(QStringLiteral("test over"), done); });
}

namespace {

// The shift on a manual clock, so that twelve hours pass in a moment.
class ShiftLengthTest : public ShiftEndTest
{
protected:
    void SetUp() override
    {
        clock = manual;
        ShiftEndTest::SetUp();
    }

    std::shared_ptr<ManualClock> manual = std::make_shared<ManualClock>();
};

} // namespace

TEST_F(ShiftLengthTest, AtTheProgramsMaximumShiftLengthTheAdvocateIsWarnedThenTheShiftEndsAndNothingIsLeft)
{
    signInAndStart(relay.url());
    auto rosa = survivor(alias);
    const QString id = takeNext(*rosa);
    rosa->send(frame::Send{id, QStringLiteral("s1"), fromSurvivor});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, fromSurvivor); }, patience));
    QTest::keyClicks(find<Composer>(QStringLiteral("composer")), draft);

    manual->advance(std::chrono::hours(11) + std::chrono::minutes(30));
    shift->checkShiftLength();
    auto *status = find<QLabel>(QStringLiteral("shiftStatus"));
    EXPECT_TRUE(status->text().contains(QStringLiteral("maximum length in 30 minute"))) << qPrintable(status->text());
    EXPECT_EQ(QAccessible::queryAccessibleInterface(status)->text(QAccessible::Description), status->text());
    EXPECT_EQ(window->notifier().lastText(), Notifier::text(Notifier::Alert::ShiftEndingSoon));

    QSignalSpy ended(window.get(), &MainWindow::shiftEnded);
    manual->advance(std::chrono::minutes(30));
    shift->checkShiftLength();
    ASSERT_TRUE(ended.wait(30000));
    EXPECT_TRUE(ended.first().first().toBool()) << "wiped";
    // The chat is not ended: it goes back to the front of the queue and the survivor is told (issue 11 item 4).
    EXPECT_EQ(rosa->next<frame::AdvocateChanged>()->reason, HandoffReason::Queue);
    EXPECT_TRUE(rosa->all<frame::Ended>().isEmpty());
    EXPECT_EQ(find<QStackedWidget>(QStringLiteral("pages"))->currentWidget()->objectName(),
              QStringLiteral("shiftEndedPage"));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("shiftEndedText"))
                    ->text()
                    .startsWith(QStringLiteral("The shift reached the program's maximum length.")));
    const QStringList everything = everythingShown(window.get());
    EXPECT_EQ(canariesIn(everything, all()), QStringList()) << qPrintable(whereFound(everything, all()));
}
