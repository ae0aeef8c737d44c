// SPDX-License-Identifier: GPL-3.0-only
// The main window and its parts, driven headless and found by object name, before any relay is involved:
// composer keys and limit, accessible names, no export paths, notification texts without content.
#include "MainWindow.h"

#include "Composer.h"
#include "ConversationDelegate.h"
#include "MessageDelegate.h"
#include "Notifier.h"
#include "OfflineShift.h"
#include "UiLanguage.h"
#include "Workstation.h"
#include "cache/ShiftCache.h"
#include "client/ClientSession.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"
#include "client/TranscriptModel.h"
#include "common/ManualClock.h"
#include "panels/PracticeBanner.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMultiMap>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    MainWindowTest()
    {
        ShiftCache::Options options;
        options.directory = folder.path();
        options.keychainService = QStringLiteral("org.advocatedesk.tests.ui");
        options.keyName = QStringLiteral("unused");
        options.clock = clock;
        Workstation::Options built;
        built.cache = options;
        built.clock = clock;
        built.cannedLibrary = CannedLibrary();
        workstation = std::make_unique<Workstation>(built);
        window = &workstation->window();
    }

    QTemporaryDir folder;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    std::unique_ptr<Workstation> workstation;
    QPointer<MainWindow> window;
};

} // namespace

TEST_F(MainWindowTest, ShowsThatItIsNotSignedInAtStart)
{
    auto *status = window->findChild<QLabel *>(QStringLiteral("relayStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("Not signed in."));
    EXPECT_EQ(status->textFormat(), Qt::PlainText);
}

TEST_F(MainWindowTest, EveryControlHasAnObjectNameAndAnAccessibleName)
{
    const auto controls = window->findChildren<QWidget *>();
    int checked = 0;
    // A combo box's own pop-up list (QComboBoxListView, made up front since Qt 6.8) is reached through the combo box,
    // which carries the name.
    auto insideComboBox = [](const QWidget *widget) {
        for (const QWidget *up = widget->parentWidget(); up; up = up->parentWidget()) {
            if (qobject_cast<const QComboBox *>(up))
                return true;
        }
        return false;
    };
    for (QWidget *control : controls) {
        const bool interactive = qobject_cast<QAbstractButton *>(control) || qobject_cast<QLineEdit *>(control) ||
                                 qobject_cast<QPlainTextEdit *>(control) || qobject_cast<QListView *>(control) ||
                                 qobject_cast<QComboBox *>(control);
        if (!interactive || control->objectName().startsWith(QLatin1String("qt_")) || insideComboBox(control))
            continue;
        ++checked;
        EXPECT_FALSE(control->objectName().isEmpty()) << control->metaObject()->className();
        EXPECT_FALSE(control->accessibleName().isEmpty()) << qPrintable(control->objectName());
    }
    EXPECT_GE(checked, 12);
}

TEST_F(MainWindowTest, TheCapIsShown)
{
    window->setCap(3);
    EXPECT_EQ(window->findChild<QLabel *>(QStringLiteral("capLabel"))->text(), QStringLiteral("Chats open: 0 of 3"));
}

TEST_F(MainWindowTest, TheChatHeaderSaysWhichColleagueIsTypingAndNeverTakesThemForTheSurvivor)
{
    ClientSession &session = workstation->session();
    Q_EMIT session.conversationStarted(QStringLiteral("c1"), QStringLiteral("en"), QString());
    auto *header = window->findChild<QLabel *>(QStringLiteral("chatHeader"));
    ASSERT_TRUE(header);
    // A supervisor who joined the chat types (docs/protocol.md section 17).
    Q_EMIT session.peerTyping(QStringLiteral("c1"), true, QStringLiteral("sue"));
    EXPECT_TRUE(header->text().contains(QStringLiteral("sue is typing…"))) << qPrintable(header->text());
    EXPECT_FALSE(header->text().contains(QStringLiteral("survivor is typing"))) << qPrintable(header->text());
    EXPECT_FALSE(workstation->shift().chat(QStringLiteral("c1"))->peerTyping());
    Q_EMIT session.peerTyping(QStringLiteral("c1"), true, QString());
    EXPECT_TRUE(header->text().contains(QStringLiteral("survivor is typing…"))) << qPrintable(header->text());
    Q_EMIT session.peerTyping(QStringLiteral("c1"), false, QStringLiteral("sue"));
    EXPECT_FALSE(header->text().contains(QStringLiteral("sue"))) << qPrintable(header->text());
}

TEST_F(MainWindowTest, TheTranscriptOffersNoContextMenuDragOrEditing)
{
    auto *view = window->findChild<QListView *>(QStringLiteral("transcriptView"));
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->contextMenuPolicy(), Qt::NoContextMenu);
    EXPECT_FALSE(view->dragEnabled());
    EXPECT_EQ(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    EXPECT_EQ(view->selectionMode(), QAbstractItemView::SingleSelection);
}

TEST(Composer, EnterSendsAndShiftEnterStartsANewLine)
{
    Composer composer;
    QSignalSpy send(&composer, &Composer::sendRequested);
    QTest::keyClicks(&composer, QStringLiteral("one"));
    QTest::keyClick(&composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(&composer, QStringLiteral("two"));
    EXPECT_EQ(send.size(), 0);
    EXPECT_EQ(composer.toPlainText(), QStringLiteral("one\ntwo"));
    QTest::keyClick(&composer, Qt::Key_Return);
    EXPECT_EQ(send.size(), 1);
    QTest::keyClick(&composer, Qt::Key_Enter, Qt::ControlModifier);
    EXPECT_EQ(send.size(), 2);
}

TEST(Composer, EscapeAsksToLeave)
{
    Composer composer;
    QSignalSpy leave(&composer, &Composer::leaveRequested);
    QTest::keyClick(&composer, Qt::Key_Escape);
    EXPECT_EQ(leave.size(), 1);
}

TEST(Composer, StopsAtTheLengthLimitCountingCodePoints)
{
    Composer composer;
    composer.setMaxLength(5);
    QTest::keyClicks(&composer, QStringLiteral("abcdefgh"));
    EXPECT_EQ(composer.toPlainText(), QStringLiteral("abcde"));
    composer.clear();
    composer.setPlainText(QStringLiteral("😀😀😀😀😀😀"));
    EXPECT_EQ(composer.length(), 5);
}

TEST(MessageDelegate, TheHeadingSaysWhoWhenAndTheDeliveryState)
{
    test::OfflineShift offline;
    Chat::Entry entry;
    entry.direction = MessageDirection::FromAdvocate;
    entry.author = QStringLiteral("You");
    entry.at = QDateTime::currentDateTimeUtc();
    entry.delivery = DeliveryState::Failed;
    entry.clientId = QStringLiteral("c1");
    TranscriptModel model;
    model.setChat(offline.chatWith({entry}));
    const QString heading = MessageDelegate::heading(model.index(0));
    EXPECT_TRUE(heading.startsWith(QStringLiteral("You · ")));
    EXPECT_TRUE(heading.endsWith(QStringLiteral("Failed: press Enter to retry")));
}

TEST(Notifier, SaysOnlyNewChatWaitingNewChatOrNewMessage)
{
    Notifier notifier;
    QSignalSpy notified(&notifier, &Notifier::notified);
    notifier.notify(Notifier::Alert::NewChatWaiting);
    notifier.notify(Notifier::Alert::NewChat);
    notifier.notify(Notifier::Alert::NewMessage);
    ASSERT_EQ(notified.size(), 3);
    EXPECT_EQ(notified.at(0).first().toString(), QStringLiteral("New chat waiting"));
    EXPECT_EQ(notified.at(1).first().toString(), QStringLiteral("New chat"));
    EXPECT_EQ(notified.at(2).first().toString(), QStringLiteral("New message"));
}

TEST(ConversationDelegate, TheUnreadBadgeShowsTheCountAndStopsAtNinetyNine)
{
    EXPECT_EQ(ConversationDelegate::badgeText(0), QString());
    EXPECT_EQ(ConversationDelegate::badgeText(3), QStringLiteral("3"));
    EXPECT_EQ(ConversationDelegate::badgeText(250), QStringLiteral("99+"));
}

TEST(ConversationDelegate, ARowWithUnreadMessagesOrSilencePaintsDifferently)
{
    test::OfflineShift offline;
    ConversationListModel model(offline.shift);
    Chat *a = offline.started(QStringLiteral("a"));
    Chat *b = offline.started(QStringLiteral("b"));
    Chat *c = offline.started(QStringLiteral("c"));
    for (Chat *chat : {a, b, c})
        chat->receive(1, QStringLiteral("hello"), QDateTime::currentDateTimeUtc());
    a->markRead();
    c->markRead();
    c->setInactivity(1);
    QListView view;
    view.setItemDelegate(new ConversationDelegate(&view));
    view.setModel(&model);
    view.resize(300, 200);
    view.show();
    const QImage image = view.viewport()->grab().toImage();
    auto rowImage = [&](int row) {
        QRect rect = view.visualRect(model.index(row));
        return image.copy(rect);
    };
    // The rows' texts differ too, so compare only the corner where the badge goes.
    const QRect plainRect = view.visualRect(model.index(0));
    const QRect badgeCorner(plainRect.width() - 30, 0, 30, plainRect.height());
    EXPECT_NE(rowImage(0).copy(badgeCorner), rowImage(1).copy(badgeCorner));
    EXPECT_NE(rowImage(0).pixel(2, 2), rowImage(2).pixel(2, 2)); // silent row highlighted
}

namespace {

// The Alt+letter of every control shown together in the main window's content and menu bar, in the current language.
QMultiMap<QChar, QString> mnemonics(MainWindow &window)
{
    QMultiMap<QChar, QString> found;
    const auto add = [&](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        if (at >= 0 && at + 1 < text.size() && text.at(at + 1) != u'&')
            found.insert(text.at(at + 1).toLower(), text);
    };
    QWidget *content = window.findChild<QWidget *>(QStringLiteral("content"));
    for (QAbstractButton *button : content->findChildren<QAbstractButton *>())
        add(button->text());
    for (QLabel *label : content->findChildren<QLabel *>()) {
        if (label->buddy())
            add(label->text());
    }
    for (QAction *menu : window.menuBar()->actions())
        add(menu->text());
    return found;
}

} // namespace

TEST_F(MainWindowTest, EveryKeyboardMnemonicIsUniqueInEnglishAndInSpanish)
{
    UiLanguage language;
    for (const QString &code : UiLanguage::shipped()) {
        ASSERT_TRUE(language.apply(code));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        // The window really is in that language now.
        EXPECT_EQ(window->findChild<QAbstractButton *>(QStringLiteral("sendButton"))->text(),
                  QCoreApplication::translate("advocate::ComposePanel", "Sen&d"));
        const QMultiMap<QChar, QString> found = mnemonics(*window);
        EXPECT_GE(found.size(), 12) << qPrintable(code);
        for (const QChar key : found.uniqueKeys()) {
            EXPECT_EQ(found.count(key), 1) << qPrintable(code) << ": Alt+" << qPrintable(QString(key)) << " is used by "
                                           << qPrintable(QStringList(found.values(key)).join(QStringLiteral(", ")));
        }
    }
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
}

// Issue 18: the practice banner sits above every page (outside the stacked pages, so the lock screen and "shift
// ended" keep it), hidden until a practice sign-in, and it sets the window's title.
TEST_F(MainWindowTest, HasThePracticeBannerAboveEveryPageHiddenUntilAPracticeSignIn)
{
    window->show();
    auto *banner = window->findChild<PracticeBanner *>(QStringLiteral("practiceBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Advocate Desk"));
    // Outside the pages, so the lock screen and "shift ended" keep it.
    auto *pages = window->findChild<QWidget *>(QStringLiteral("pages"));
    ASSERT_NE(pages, nullptr);
    EXPECT_FALSE(pages->isAncestorOf(banner));
    banner->setPractice(true);
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Practice — Advocate Desk"));
}
