// SPDX-License-Identifier: GPL-3.0-only
// The supervisor's statistics view end to end (issue 13 item 6, RL10): a survivor's chat is offered and answered on
// the real relay on loopback; the supervisor (sue) opens the view from the board with the keyboard, sees today's
// offered and answered counts, exports them as CSV (exactly the counts: no alias, no message), sees a write error
// in plain words, and the view is gone when her workstation locks and when her shift ends. The advocate (ana) never
// gets the action.
#include "StatisticsDialog.h"
#include "SupervisorFixture.h"
#include "client/DailyCounts.h"
#include "client/Supervision.h"
#include "protocol/StatisticsCsv.h"

#include <QFileDialog>
#include <QRegularExpression>
#include <QTreeWidget>

using namespace advocate;
using namespace advocate::test;

namespace {

const QString alias = QStringLiteral("canaryAliasS66");
const QString message = QStringLiteral("canaryMessageS66");

class SupervisorStatisticsTest : public SupervisorTest
{
protected:
    StatisticsDialog *statisticsView() const
    {
        return inSupervisorWindow<StatisticsDialog>(QStringLiteral("statisticsDialog"));
    }

    // Opens the view from the board with the keyboard, as a supervisor without a mouse would.
    StatisticsDialog *openStatistics()
    {
        auto *button = inSupervisorWindow<QPushButton>(QStringLiteral("statisticsButton"));
        EXPECT_TRUE(button && button->isVisible());
        if (!button)
            return nullptr;
        EXPECT_EQ(button->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
        EXPECT_FALSE(button->accessibleName().isEmpty());
        supervisor->window().activateWindow();
        button->setFocus(Qt::TabFocusReason);
        QTest::keyClick(button, Qt::Key_Space);
        EXPECT_TRUE(QTest::qWaitFor([&] { return statisticsView() && statisticsView()->isVisible(); }, patience));
        return statisticsView();
    }

    // The "today" and "30 days before today" cells of the row labelled `label`; empty when there is no such row.
    static QStringList row(QTreeWidget *table, const QString &label)
    {
        const QList<QTreeWidgetItem *> found = table->findItems(label, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? QStringList() : QStringList{found.first()->text(1), found.first()->text(2)};
    }

    // Whether any window still shows anything of the view: its labels, its status line, its table.
    static bool statisticsShownAnywhere()
    {
        QStringList everything;
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top->isVisible())
                everything << everythingShown(top, Undo::No);
        }
        // A row's words, a group's, and the status line's.
        for (const QString &text :
             {QStringLiteral("Survivors who asked to chat"), QStringLiteral("Languages survivors"),
              QStringLiteral("in the program's time zone")}) {
            if (anyContains(everything, text))
                return true;
        }
        return false;
    }

    QTemporaryDir exportFolder;
};

} // namespace

TEST_F(SupervisorStatisticsTest, TheSupervisorSeesTodaysCountsExportsThemAndTheViewGoesWithTheShift)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    // Ana answers a chat: one offered, one answered today.
    auto page = survivor(alias);
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    page->send(frame::Send{id, QStringLiteral("s1"), message});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, message); }, patience));

    // The advocate has no way to the statistics.
    auto *anasButton = find<QPushButton>(QStringLiteral("statisticsButton"));
    ASSERT_TRUE(anasButton);
    EXPECT_FALSE(anasButton->isVisibleTo(window.get()));
    EXPECT_FALSE(find<QWidget>(QStringLiteral("supervisorPanel"))->isVisible());

    StatisticsDialog *view = openStatistics();
    ASSERT_TRUE(view);
    auto *table = view->findChild<QTreeWidget *>(QStringLiteral("statisticsTable"));
    auto *status = view->findChild<QLabel *>(QStringLiteral("statisticsStatus"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->topLevelItemCount() > 0; }, patience))
        << qPrintable(status->text());
    EXPECT_EQ(row(table, QStringLiteral("Survivors who asked to chat")),
              (QStringList{QStringLiteral("1"), QStringLiteral("0")}));
    EXPECT_EQ(row(table, QStringLiteral("Chats answered")), (QStringList{QStringLiteral("1"), QStringLiteral("0")}));
    EXPECT_EQ(row(table, QStringLiteral("Under 1 minute")).value(0), QStringLiteral("1")); // the wait before the answer
    EXPECT_EQ(row(table, QStringLiteral("English (en)")).value(0), QStringLiteral("1"));
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Today is "))) << qPrintable(status->text());
    // A screen reader hears the status line change (LiveLabel).
    EXPECT_EQ(QAccessible::queryAccessibleInterface(status)->text(QAccessible::Description), status->text());
    EXPECT_FALSE(table->accessibleName().isEmpty());
    QApplication::processEvents();
    screenshot(*view, QStringLiteral("supervisor-statistics"));

    // Export: exactly the counts the relay sent, as StatisticsCsv renders them; nothing of the chat.
    ASSERT_TRUE(exportFolder.isValid());
    const QString path = exportFolder.filePath(QStringLiteral("counts.csv"));
    auto exportTo = [&](const QString &target) {
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("exportStatistics")), Qt::LeftButton);
        QFileDialog *chooser = nullptr;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return (chooser = view->findChild<QFileDialog *>(QStringLiteral("statisticsExportChooser"))); },
            patience));
        EXPECT_TRUE(chooser->selectedFiles().value(0).endsWith(QStringLiteral(".csv")));
        chooser->selectFile(target);
        static_cast<QDialog *>(chooser)->accept(); // QFileDialog's own accept() is protected; it runs through this
    };
    auto *result = view->findChild<QLabel *>(QStringLiteral("statisticsExportResult"));
    ASSERT_NO_FATAL_FAILURE(exportTo(path));
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(path); }, patience)) << qPrintable(result->text());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    const DailyCounts &counts = supervisor->shift().supervision().dailyCounts();
    EXPECT_EQ(csv, StatisticsCsv::render(counts.days()));
    const QByteArray today = counts.today().toString(Qt::ISODate).toLatin1();
    EXPECT_TRUE(csv.contains('\n' + today + ",offered,1\n")) << csv.constData();
    EXPECT_TRUE(csv.contains('\n' + today + ",answered,1\n"));
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    EXPECT_EQ(lines.first(), QByteArrayLiteral("date,counter,count"));
    const QRegularExpression countLine(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d,[a-z_]+(\\.[A-Za-z0-9_-]+)?,\\d+$"));
    for (const QByteArray &line : lines.mid(1))
        EXPECT_TRUE(countLine.match(QString::fromLatin1(line)).hasMatch()) << line.constData();
    for (const QString &content : {alias, message, QStringLiteral("ana"), id})
        EXPECT_FALSE(csv.contains(content.toUtf8())) << qPrintable(content);
    EXPECT_TRUE(result->text().startsWith(QStringLiteral("The counts were saved"))) << qPrintable(result->text());

    // A place that cannot be written (not even by root): the view says so in plain words, and no file appears.
    const QString unwritable = QStringLiteral("/proc/advocate-statistics-test.csv");
    ASSERT_NO_FATAL_FAILURE(exportTo(unwritable));
    ASSERT_TRUE(QTest::qWaitFor([&] { return result->text().startsWith(QStringLiteral("The counts were not saved")); },
                                patience))
        << qPrintable(result->text());
    EXPECT_TRUE(result->text().contains(unwritable));
    EXPECT_FALSE(QFile::exists(unwritable));

    // Locking closes the view; nothing of it stays on screen.
    supervisor->window().appLock().setPassword(LoopbackRelay::password);
    supervisor->window().appLock().arm();
    supervisor->window().appLock().lock();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !statisticsView(); }, patience));
    EXPECT_FALSE(statisticsShownAnywhere());
    ASSERT_TRUE(supervisor->window().appLock().unlock(LoopbackRelay::password));

    // The shift ends with the view open: the view and the counts are gone.
    ASSERT_TRUE(openStatistics());
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.hasCounts(); }, patience));
    bool ended = false;
    supervisor->shift().end(QString(), [&](const Shift::EndResult &) { ended = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended && !statisticsView(); }, patience));
    EXPECT_FALSE(counts.hasCounts());
    EXPECT_FALSE(statisticsShownAnywhere());
}
