// SPDX-License-Identifier: GPL-3.0-only
// Text that changes while the window is open (status, errors, counts, alerts, the shift-end result) reaches a screen
// reader: each label keeps a fixed accessible name and its accessible description follows the text. Read through
// QAccessible, as assistive technology reads it, right after each change.
#include "WorkstationFixture.h"

using namespace advocate;
using namespace advocate::test;

namespace {

QString heard(QWidget *widget)
{
    QAccessibleInterface *node = QAccessible::queryAccessibleInterface(widget);
    return node ? node->text(QAccessible::Description) : QString();
}

class LiveTextTest : public WorkstationTest
{
protected:
    // The label's current text is what a screen reader hears, and it is not empty.
    void expectHeard(const QString &name)
    {
        auto *label = find<QLabel>(name);
        ASSERT_NE(label, nullptr) << qPrintable(name);
        EXPECT_FALSE(label->text().isEmpty()) << qPrintable(name);
        EXPECT_EQ(heard(label), label->text()) << qPrintable(name);
        EXPECT_FALSE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name).isEmpty())
            << qPrintable(name);
    }
};

} // namespace

TEST_F(LiveTextTest, StatusCountsErrorsAlertsAndTheShiftEndAreHeardAsTheyChange)
{
    signInAndStart(relay.url());
    expectHeard(QStringLiteral("relayStatus"));
    EXPECT_TRUE(heard(find<QLabel>(QStringLiteral("relayStatus"))).startsWith(QStringLiteral("Connected as")));
    expectHeard(QStringLiteral("queueSummary"));

    find<QCheckBox>(QStringLiteral("availableToggle"))->setChecked(true);
    expectHeard(QStringLiteral("shiftStatus"));
    EXPECT_EQ(heard(find<QLabel>(QStringLiteral("shiftStatus"))), QStringLiteral("On shift: available."));

    auto rosa = survivor();
    takeNext(*rosa);
    expectHeard(QStringLiteral("capLabel"));
    EXPECT_EQ(heard(find<QLabel>(QStringLiteral("capLabel"))), QStringLiteral("Chats open: 1 of 4"));
    expectHeard(QStringLiteral("chatHeader"));
    QTest::keyClicks(find<Composer>(QStringLiteral("composer")), QStringLiteral("hello"));
    expectHeard(QStringLiteral("lengthCounter"));
    EXPECT_TRUE(heard(find<QLabel>(QStringLiteral("lengthCounter"))).startsWith(QStringLiteral("5 / ")));

    // A wrong password on the lock screen, and an alert while locked.
    window->appLock().lock();
    auto *password = find<QLineEdit>(QStringLiteral("unlockPassword"));
    QTest::keyClicks(password, QStringLiteral("not the password"));
    QTest::keyClick(password, Qt::Key_Return);
    expectHeard(QStringLiteral("unlockError"));
    EXPECT_EQ(heard(find<QLabel>(QStringLiteral("unlockError"))), QStringLiteral("That password is not right."));
    auto lena = survivor(QStringLiteral("Lena"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !find<QLabel>(QStringLiteral("lockAlert"))->text().isEmpty(); }, patience));
    expectHeard(QStringLiteral("lockAlert"));
    QTest::keyClicks(password, LoopbackRelay::password);
    QTest::keyClick(password, Qt::Key_Return);
    ASSERT_FALSE(window->appLock().isLocked());

    QSignalSpy ended(window.get(), &MainWindow::shiftEnded);
    find<QAction>(QStringLiteral("endShiftAction"))->trigger();
    EndShiftDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<EndShiftDialog *>(QStringLiteral("endShiftDialog"))) != nullptr; },
        patience));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("overrideReason")), QStringLiteral("test over"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmEndShift")), Qt::LeftButton);
    ASSERT_TRUE(ended.wait(30000));
    expectHeard(QStringLiteral("shiftEndedText"));
    EXPECT_TRUE(heard(find<QLabel>(QStringLiteral("shiftEndedText"))).startsWith(QStringLiteral("Shift ended.")));
}

TEST_F(LiveTextTest, ASignInErrorIsHeard)
{
    SignInDialog dialog(*shift, relay.url(), false, window.get());
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("userName")), QStringLiteral("ana"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), QStringLiteral("wrong"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !error->text().isEmpty() && error->text() != QStringLiteral("Signing in…"); }, patience));
    EXPECT_EQ(heard(error), error->text());
}
