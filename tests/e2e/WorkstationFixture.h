// SPDX-License-Identifier: GPL-3.0-only
// The workstation fixture the e2e suites share: a real relay on loopback, the real shift cache under the test
// keyring, the real main window shown and active, and helpers that drive it like an advocate.
#pragma once

#include "AppLock.h"
#include "AwaitResult.h"
#include "Composer.h"
#include "EndShiftDialog.h"
#include "LoopbackRelay.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "ScreenLockWatcher.h"
#include "SignInDialog.h"
#include "TcpProxy.h"
#include "WireClient.h"
#include "Workstation.h"
#include "cache/ShiftCache.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"
#include "client/TranscriptModel.h"
#include "common/ManualClock.h"
#include "common/SystemClock.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QUuid>

#include <gtest/gtest.h>

namespace advocate::test {

// How long a test waits for something that must happen. Generous: CI runs the suite under ASan on two busy cores,
// and a wait that ends early only makes a passing test pass sooner.
constexpr int patience = 30000;

// Every name, description and value in the accessibility tree under `object`.
inline QStringList accessibleTexts(QAccessibleInterface *node, int depth = 0)
{
    QStringList texts;
    if (!node || depth > 40)
        return texts;
    for (auto kind : {QAccessible::Name, QAccessible::Description, QAccessible::Value, QAccessible::Help})
        texts.append(node->text(kind));
    for (int i = 0; i < node->childCount(); ++i)
        texts.append(accessibleTexts(node->child(i), depth + 1));
    return texts;
}

inline bool anyContains(const QStringList &texts, const QString &needle)
{
    return std::any_of(texts.cbegin(), texts.cend(), [&](const QString &text) { return text.contains(needle); });
}

inline void modelTexts(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &texts)
{
    if (!model)
        return;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::StatusTipRole), int(Qt::WhatsThisRole),
                             int(Qt::AccessibleTextRole), int(Qt::AccessibleDescriptionRole)})
                texts.append(index.data(role).toString());
            for (int role = Qt::UserRole; role <= Qt::UserRole + 32; ++role)
                texts.append(index.data(role).toString());
            if (model->hasChildren(index))
                modelTexts(model, index, texts);
        }
    }
}

enum class Undo { No, AsFarAsItGoes };

// Everything the window shows or hands to assistive technology and, with Undo::AsFarAsItGoes, what an undo would
// bring back into an editable field (each field is undone as far as it goes, so the window's state changes).
inline QStringList everythingShown(QWidget *window, Undo undo = Undo::AsFarAsItGoes)
{
    QStringList texts;
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *widget : std::as_const(widgets)) {
        const qsizetype first = texts.size();
        texts << widget->windowTitle() << widget->toolTip() << widget->statusTip() << widget->whatsThis()
              << widget->accessibleName() << widget->accessibleDescription();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            texts << line->text() << line->placeholderText();
            while (undo == Undo::AsFarAsItGoes && line->isUndoAvailable()) {
                line->undo();
                texts << line->text();
            }
        }
        if (auto *plain = qobject_cast<QPlainTextEdit *>(widget)) {
            texts << plain->toPlainText() << plain->placeholderText();
            while (undo == Undo::AsFarAsItGoes && plain->document()->isUndoAvailable()) {
                plain->undo();
                texts << plain->toPlainText();
            }
        }
        if (auto *rich = qobject_cast<QTextEdit *>(widget))
            texts << rich->toPlainText();
        if (auto *combo = qobject_cast<QComboBox *>(widget))
            modelTexts(combo->model(), QModelIndex(), texts);
        if (auto *view = qobject_cast<QAbstractItemView *>(widget))
            modelTexts(view->model(), view->rootIndex(), texts);
        // Where each text was found, for a readable failure.
        const QString where = QString::fromLatin1(widget->metaObject()->className()) + u'#' + widget->objectName();
        for (qsizetype i = first; i < texts.size(); ++i)
            texts[i] = where + u'\t' + texts.at(i);
    }
    for (const QAction *action : window->findChildren<QAction *>())
        texts << action->text() << action->toolTip() << action->statusTip() << action->whatsThis();
    texts << accessibleTexts(QAccessible::queryAccessibleInterface(window));
    return texts;
}

// Saves what `widget` shows as build/<preset>/tests/e2e/screenshots/<name>.png, for the guides in docs/ (which
// scripts/docs-images copies there). Returns the file's path, or an empty string when it could not be written.
inline QString screenshot(QWidget &widget, const QString &name)
{
    const QString folder = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
    const QString path = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    return QDir().mkpath(folder) && widget.grab().save(path) ? path : QString();
}

class WorkstationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(relay.start());
        ASSERT_TRUE(folder.isValid());
        options.directory = folder.filePath(QStringLiteral("cache"));
        options.keychainService = QStringLiteral("org.advocatedesk.tests.workstation");
        options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.clock = clock;
        Workstation::Options built;
        built.cache = options;
        built.clock = clock;
        built.cannedLibrary = CannedLibrary(); // the suites that need one set it
        built.cap = 4;
        configure(built);
        workstation = std::make_unique<Workstation>(built);
        cache = &workstation->cache();
        session = &workstation->session();
        shift = &workstation->shift();
        window = &workstation->window();
        window->show();
        activate();
    }

    // A suite's own settings for the workstation, before it is built.
    virtual void configure(Workstation::Options &built) { Q_UNUSED(built) }

    // Shortcuts act in the active window only.
    void activate()
    {
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }

    void TearDown() override
    {
        if (cache->state() == ShiftCache::State::Open)
            await<WipeResult>([&](auto done) { cache->wipe(done); });
    }

    template <typename T>
    T *find(const QString &name, QObject *under = nullptr) const
    {
        return (under ? under : window.get())->findChild<T *>(name);
    }

    // A second workstation on the same relay and clock (a colleague's or a supervisor's), its cache in `itsFolder`.
    std::unique_ptr<Workstation> secondWorkstation(const QTemporaryDir &itsFolder) const
    {
        Workstation::Options built;
        built.cache = options;
        built.cache.directory = itsFolder.filePath(QStringLiteral("cache"));
        built.cache.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        built.clock = clock;
        built.cannedLibrary = CannedLibrary();
        built.cap = 4;
        return std::make_unique<Workstation>(built);
    }

    // The second workstation's shift starts and `user` signs in on it (no dialog).
    void startShift(Workstation &other, const QString &user)
    {
        ASSERT_TRUE(await<CacheResult>([&](auto done) { other.shift().start(done); }).ok());
        QSignalSpy signedIn(&other.shift(), &Shift::signedIn);
        other.shift().signIn(relay.url(), user, LoopbackRelay::password);
        ASSERT_TRUE(signedIn.wait(patience));
    }

    // Wipes the second workstation's cache if its shift left it open, then closes the workstation.
    static void closeWorkstation(std::unique_ptr<Workstation> &other)
    {
        if (other && other->cache().state() == ShiftCache::State::Open)
            await<WipeResult>([&](auto done) { other->cache().wipe(done); });
        other.reset();
    }

    // Signs in through the real dialog, typing like an advocate, and starts the shift.
    void signInAndStart(const QUrl &url)
    {
        ASSERT_TRUE(await<CacheResult>([&](auto done) { shift->start(done); }).ok());
        SignInDialog dialog(*shift, url, false, window.get());
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("userName")), QStringLiteral("ana"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), LoopbackRelay::password);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, patience))
            << qPrintable(dialog.errorText());
        window->appLock().setPassword(dialog.takePassword());
        window->appLock().arm();
        dialog.hide();
        activate();
    }

    std::unique_ptr<WireClient> survivor(const QString &alias = QStringLiteral("Rosa"),
                                         const QString &language = QStringLiteral("en"))
    {
        auto page = std::make_unique<WireClient>(relay.url());
        EXPECT_TRUE(page->connectAndGreet());
        frame::Start start{1, 1, alias, language};
        start.practice = relay.config().practice; // on a practice relay, a scripted survivor (issue 18)
        page->send(start);
        EXPECT_TRUE(page->next<frame::Session>());
        return page;
    }

    // Clicks "Take next chat" and waits for the conversation; returns its id.
    QString takeNext(WireClient &page)
    {
        auto *take = find<QPushButton>(QStringLiteral("takeNextButton"));
        EXPECT_TRUE(QTest::qWaitFor([&] { return take->isEnabled(); }, patience));
        const auto before = shift->chats().size();
        QTest::mouseClick(take, Qt::LeftButton);
        EXPECT_TRUE(QTest::qWaitFor([&] { return shift->chats().size() == before + 1; }, patience));
        const auto started = page.next<frame::ConversationStarted>();
        return started ? started->conversation : QString();
    }

    void typeAndSend(const QString &text)
    {
        auto *composer = find<Composer>(QStringLiteral("composer"));
        composer->setFocus();
        QTest::keyClicks(composer, text);
        QTest::keyClick(composer, Qt::Key_Return);
    }

    ConversationListModel *conversationList() const
    {
        return qobject_cast<ConversationListModel *>(find<QListView>(QStringLiteral("conversationList"))->model());
    }

    TranscriptModel *shownTranscript() const
    {
        return qobject_cast<TranscriptModel *>(find<QListView>(QStringLiteral("transcriptView"))->model());
    }

    bool transcriptShows(const QString &conversation, const QString &text) const
    {
        const Chat *chat = shift->chat(conversation);
        if (!chat)
            return false;
        return std::any_of(chat->entries().cbegin(), chat->entries().cend(),
                           [&](const Chat::Entry &entry) { return entry.text == text; });
    }

    const QDateTime testStarted = QDateTime::currentDateTime().addSecs(-1);
    LoopbackRelay relay;
    QTemporaryDir folder;
    std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    ShiftCache::Options options;
    // Built as advocate-desk builds them (Workstation, the one composition root); the pointers name its parts.
    std::unique_ptr<Workstation> workstation;
    ShiftCache *cache = nullptr;
    ClientSession *session = nullptr;
    Shift *shift = nullptr;
    QPointer<MainWindow> window;
};

} // namespace advocate::test
