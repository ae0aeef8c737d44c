// SPDX-License-Identifier: GPL-3.0-only
#include "MainWindow.h"

#include "AppLock.h"
#include "CannedContext.h"
#include "CannedPicker.h"
#include "EndShiftDialog.h"
#include "LiveLabel.h"
#include "MainMenus.h"
#include "Notifier.h"
#include "PersonalEntryDialog.h"
#include "PracticeChatDialog.h"
#include "ScreenLockWatcher.h"
#include "SettingsDialog.h"
#include "StatisticsDialog.h"
#include "UiLanguage.h"
#include "client/ConversationListModel.h"
#include "client/TranscriptModel.h"
#include "handoff/HandoffDialog.h"
#include "handoff/ShiftLogDialog.h"
#include "panels/ChatPanel.h"
#include "panels/ComposePanel.h"
#include "panels/LockScreen.h"
#include "panels/OfferPanel.h"
#include "panels/PracticeBanner.h"
#include "panels/ProgramOverrideBar.h"
#include "panels/ShiftEndedPage.h"
#include "panels/ShiftLogPanel.h"
#include "panels/SidePanel.h"
#include "panels/SupervisorPanel.h"
#include "practice/PracticeSurvivors.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace advocate {

MainWindow::MainWindow(Shift &shift, QWidget *parent) : QMainWindow(parent), m_shift(shift)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_lock = new AppLock(std::chrono::minutes(5), this);
    m_notifier = new Notifier(this);
    m_screenLock = new ScreenLockWatcher(this);
    connect(m_screenLock, &ScreenLockWatcher::screenLocked, this, [this] {
        if (m_shift.connection() != ClientSession::State::SignedOut)
            m_lock->lock();
    });

    m_conversationModel = new ConversationListModel(m_shift, this);
    m_transcriptModel = new TranscriptModel(this);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_content = buildContent();
    m_lockScreen = new LockScreen(*m_lock);
    m_endedPage = new ShiftEndedPage;
    connect(m_endedPage, &ShiftEndedPage::newShiftRequested, this, &MainWindow::newShiftRequested);
    connect(m_endedPage, &ShiftEndedPage::quitRequested, this, &QWidget::close);
    m_pages->addWidget(m_content);
    m_pages->addWidget(m_lockScreen);
    m_pages->addWidget(m_endedPage);
    // Above every page, the lock screen and "shift ended" too: signed in to a practice relay, the banner says so
    // (issue 18), and the title with it.
    m_practiceBanner = new PracticeBanner;
    connect(&m_shift, &Shift::signedIn, m_practiceBanner,
            [this] { m_practiceBanner->setPractice(m_shift.practice()); });
    connect(m_practiceBanner, &PracticeBanner::mainWindowTitleChanged, this, &QWidget::setWindowTitle);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_practiceBanner);
    column->addWidget(m_pages, 1);
    setCentralWidget(central);
    m_connection = new LiveLabel(this); // its accessible name is set in retranslate()
    m_connection->setObjectName(QStringLiteral("relayStatus"));
    statusBar()->addPermanentWidget(m_connection, 1);
    resize(1200, 700);
    m_menus = new MainMenus(*menuBar());
    connect(m_menus, &MainMenus::lockRequested, m_lock, &AppLock::lock);
    connect(m_menus, &MainMenus::shiftLogRequested, this, &MainWindow::writeShiftLog);
    connect(m_menus, &MainMenus::endShiftRequested, this, &MainWindow::requestEndShift);
    connect(m_menus, &MainMenus::cannedResponsesRequested, this, &MainWindow::toggleCannedPicker);
    connect(m_menus, &MainMenus::settingsRequested, this, &MainWindow::openSettings);
    // Practice (issue 18): scripted survivors this window started live as long as the shift.
    m_practiceSurvivors = new PracticeSurvivors(this);
    connect(m_menus, &MainMenus::practiceChatRequested, this, &MainWindow::openPracticeChat);
    connect(&m_shift, &Shift::signedIn, this, [this] { m_menus->setPractice(m_shift.practice()); });

    // Ctrl+1 … Ctrl+9 pick a conversation, Ctrl+Tab and Ctrl+Shift+Tab step through them.
    for (int n = 1; n <= 9; ++n) {
        auto *pick = new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n)), this);
        pick->setObjectName(QStringLiteral("pickConversation%1").arg(n));
        connect(pick, &QShortcut::activated, this, [this, n] { selectConversation(n - 1); });
    }
    auto step = [this](int by) {
        const int count = m_conversationModel->rowCount();
        if (count == 0)
            return;
        const auto row = m_conversationModel->rowOf(m_current);
        selectConversation(((row.value_or(-by) + by) % count + count) % count);
    };
    auto *next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab), this);
    next->setObjectName(QStringLiteral("nextConversation"));
    connect(next, &QShortcut::activated, this, [step] { step(1); });
    auto *previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), this);
    previous->setObjectName(QStringLiteral("previousConversation"));
    connect(previous, &QShortcut::activated, this, [step] { step(-1); });

    connect(&m_shift, &Shift::connectionChanged, this, &MainWindow::showSessionState);
    connect(&m_shift, &Shift::queueChanged, m_side, &SidePanel::showQueue);
    connect(m_side, &SidePanel::survivorJoinedQueue, this, [this] { alert(Notifier::Alert::NewChatWaiting); });
    connect(&m_shift, &Shift::requestRefused, this, [this](ErrorCode code) {
        if (code == ErrorCode::CapReached)
            m_side->showStatus(tr("You are at your limit of %n chat(s).", nullptr, m_side->cap()));
        else if (code == ErrorCode::QueueEmpty)
            m_side->showStatus(tr("Nobody is waiting right now."));
        else if (code == ErrorCode::MessageTooLong)
            m_side->showStatus(tr("That message is longer than the relay allows."));
        else if (code == ErrorCode::SourceShared)
            m_side->showStatus(tr("This contact cannot be blocked: other people reach the chat from the same address "
                                  "(through the program's proxy or a shared network), and a block would turn them "
                                  "away too. The chat goes on; end it if you need to."));
        else if (code == ErrorCode::BlockingOff)
            m_side->showStatus(tr("Blocking is switched off in this program's settings. The chat goes on; end it if "
                                  "you need to."));
        else if (code == ErrorCode::NotAuthorized || code == ErrorCode::BadState || code == ErrorCode::NotOnShift)
            m_side->showStatus(tr("The relay refused that: it is not possible in this chat now, or the program does "
                                  "not allow it."));
    });
    connect(&m_shift, &Shift::chatAdded, this, [this](Chat *chat) {
        m_side->showCap();
        connect(chat, &Chat::draftRestored, this, [this, chat] {
            if (chat == currentChat())
                m_compose->showDraft();
        });
        if (m_current.isEmpty()) {
            if (const auto row = m_conversationModel->rowOf(chat->id()))
                selectConversation(*row);
            // The first chat: the keyboard goes where the advocate writes, unless they are typing elsewhere.
            if (!qobject_cast<QLineEdit *>(QApplication::focusWidget()) && !m_lock->isLocked())
                m_compose->focusComposer();
        }
    });
    connect(&m_shift, &Shift::chatsAboutToBeCleared, this, &MainWindow::forgetShift);
    connect(&m_shift, &Shift::ended, this, &MainWindow::showEndResult);
    // WS20: the retention the survivor is told is kept; the advocate hears of the limit before it ends the shift.
    connect(&m_shift, &Shift::maxLengthApproaching, this, [this](int minutesLeft) {
        m_side->showStatus(tr("Your shift reaches the program's maximum length in %n minute(s). Then the "
                              "shift ends, open chats end, and the shift cache is wiped. Finish or end your "
                              "chats before then.",
                              nullptr, minutesLeft));
        alert(Notifier::Alert::ShiftEndingSoon);
    });
    // A chat the relay just gave this advocate: "new chat" (the queue's own alert said "waiting" when the survivor
    // joined; one alert per event).
    connect(&m_shift, &Shift::newChatAlert, this, [this] { alert(Notifier::Alert::NewChat); });
    connect(&m_shift, &Shift::newMessageAlert, this, [this](const QString &conversation) {
        Chat *chat = m_shift.chat(conversation);
        if (chat && conversation == m_current && isActiveWindow() && !m_lock->isLocked()) {
            chat->markRead();
            return;
        }
        if (chat && conversation == m_current && !m_lock->isLocked())
            chat->markRead();
        alert(Notifier::Alert::NewMessage);
    });
    connect(&m_shift, &Shift::inactivityReached, this, &MainWindow::onInactivity);
    connect(&m_shift, &Shift::cacheProblem, this, [this](const QString &message) {
        m_side->showStatus(tr("The shift cache reported a problem: %1").arg(message));
    });
    connect(&m_shift, &Shift::cannedLibraryChanged, this, &MainWindow::onLibraryChanged);
    ConversationListModel *conversations = m_conversationModel;
    connect(conversations, &QAbstractItemModel::dataChanged, this, [this] {
        m_side->showCap();
        showConversation();
    });
    connect(m_lock, &AppLock::lockedChanged, this, &MainWindow::onLockedChanged);

    m_tick.setInterval(std::chrono::seconds(20));
    connect(&m_tick, &QTimer::timeout, conversations, &ConversationListModel::tick);
    m_tick.start();

    retranslate();
    onLibraryChanged();
}

MainWindow::~MainWindow()
{
    // The content may sit in the vault while locked; give it back so that it is destroyed with the window.
    if (m_vault && m_content->parent() == m_vault.get())
        m_content->setParent(m_pages);
}

QWidget *MainWindow::buildContent()
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("content"));
    // A supervisor's board above their own chats (WS14), shown for the supervisor role only.
    auto *boardSplitter = new QSplitter(Qt::Vertical, content);
    m_supervisorPanel = new SupervisorPanel(m_shift.supervision(), boardSplitter);
    m_supervisorPanel->hide();
    connect(m_supervisorPanel, &SupervisorPanel::supervisorNeeded, this,
            [this] { alert(Notifier::Alert::SupervisorNeeded); });
    connect(m_supervisorPanel, &SupervisorPanel::shiftEndReasonArrived, this,
            [this] { alert(Notifier::Alert::ShiftEndReason); });
    connect(m_supervisorPanel, &SupervisorPanel::statisticsRequested, this, &MainWindow::openStatistics);
    connect(&m_shift, &Shift::signedIn, this,
            [this] { m_supervisorPanel->setVisible(m_shift.role() == Role::Supervisor); });
    auto *splitter = new QSplitter(boardSplitter);
    auto *outer = new QVBoxLayout(content);
    outer->setContentsMargins(0, 0, 0, 0);
    // The relay's program facts arrive with the sign-in: the canned responses are filled with them from then on.
    const auto refillCanned = [this] { m_canned->update(currentChat()); };
    connect(&m_shift, &Shift::programOverridesChanged, this, refillCanned);
    connect(&m_shift, &Shift::signedIn, this, refillCanned);
    // Above the chats: a canned library that sets the program's facts itself (issue 17), a chat a colleague offers,
    // and the previous shift's log (WS12, WS13).
    outer->addWidget(new ProgramOverrideBar(m_shift, content));
    outer->addWidget(new OfferPanel(m_shift.handoffs(), content));
    outer->addWidget(new ShiftLogPanel(m_shift.handoffs(), content));
    outer->addWidget(boardSplitter, 1);

    m_side = new SidePanel(m_shift, m_conversationModel, splitter);
    connect(m_side, &SidePanel::conversationChosen, this, &MainWindow::selectConversation);
    m_chatPanel = new ChatPanel(m_shift, m_transcriptModel, splitter);
    m_compose = new ComposePanel(m_chatPanel);
    m_chatPanel->setComposeArea(m_compose);
    connect(m_compose, &ComposePanel::leaveRequested, this, [this] { m_side->conversationList()->setFocus(); });
    connect(m_compose, &ComposePanel::cannedNotes, m_side, &SidePanel::showStatus);
    connect(m_chatPanel, &ChatPanel::promptRequested, this,
            [this](Chat::Prompt prompt) { m_canned->insertPrompt(prompt, currentChat()); });
    connect(m_chatPanel, &ChatPanel::composerFocusRequested, this, [this] { m_compose->focusComposer(); });
    connect(m_chatPanel, &ChatPanel::checkInRequested, this, [this] {
        Chat *chat = currentChat();
        if (!chat || !chat->checkInOffered())
            return;
        m_canned->checkIn(*chat);
        showConversation();
    });
    connect(m_chatPanel, &ChatPanel::handOnRequested, this, &MainWindow::handOnCurrentChat);
    connect(&m_shift.handoffs(), &Handoffs::offerOutcome, this,
            [this](const QString &, const QString &sentence) { m_side->showStatus(sentence); });
    connect(&m_shift.handoffs(), &Handoffs::offerRefused, m_side, &SidePanel::showStatus);
    connect(m_chatPanel, &ChatPanel::idleCloseRequested, this, [this] {
        if (Chat *chat = currentChat())
            chat->closeOnIdle(CannedContext::idleCloseText());
    });

    m_picker = new CannedPicker(splitter);
    m_picker->hide();
    connect(m_picker, &CannedPicker::insertRequested, this,
            [this](const CannedSearchModel::Choice &choice) { m_compose->insertCanned(choice); });
    connect(m_picker, &CannedPicker::leaveRequested, this, [this] { m_compose->focusComposer(); });
    m_canned = new CannedContext(m_shift, *m_picker, *m_compose, *this);
    connect(m_picker, &CannedPicker::newPersonalRequested, this, [this] { m_canned->newPersonalEntry(currentChat()); });
    connect(m_picker, &CannedPicker::removePersonalRequested, this,
            [this](const QString &id) { m_shift.removePersonalCanned(id); });
    connect(m_picker, &CannedPicker::problemsRequested, m_canned, &CannedContext::showLibraryProblems);

    splitter->addWidget(m_side);
    splitter->addWidget(m_chatPanel);
    splitter->addWidget(m_picker);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    return content;
}

void MainWindow::retranslate()
{
    setWindowTitle(m_practiceBanner->mainWindowTitle());
    m_connection->setAccessibleName(tr("Relay connection status"));
    m_menus->retranslate();

    // The texts that depend on state.
    m_canned->update(currentChat());
    showSessionState();
    showConversation();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_menus)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setUiLanguage(UiLanguage *language)
{
    m_uiLanguage = language;
    m_canned->setUiLanguage(language);
}

void MainWindow::setAdvocateName(const QString &name)
{
    m_canned->setAdvocateName(name);
    m_canned->update(currentChat());
}

QString MainWindow::advocateName() const
{
    return m_canned->advocateName();
}

void MainWindow::openSettings()
{
    QSettings settings;
    auto *dialog =
        new SettingsDialog(settings.value(QStringLiteral("ui/language")).toString(), advocateName(), m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QSettings store;
        store.setValue(QStringLiteral("ui/language"), dialog->language());
        store.setValue(QStringLiteral("canned/advocateName"), dialog->advocateName());
        if (m_settings.setUserLockMinutes(dialog->lockMinutes(), store))
            m_lock->setIdleTimeout(std::chrono::minutes(m_settings.lockMinutes.value));
        if (m_uiLanguage)
            m_uiLanguage->apply(dialog->language());
        setAdvocateName(dialog->advocateName());
    });
    dialog->open();
}

void MainWindow::toggleCannedPicker()
{
    if (m_picker->isVisible() && m_picker->isAncestorOf(QApplication::focusWidget())) {
        m_picker->hide();
        m_compose->focusComposer();
        return;
    }
    m_picker->show();
    m_picker->focusSearch();
}

Chat *MainWindow::currentChat() const
{
    return m_current.isEmpty() ? nullptr : m_shift.chat(m_current);
}

void MainWindow::onLibraryChanged()
{
    if (m_shift.cannedLibrary().hasErrors())
        m_side->showStatus(tr("The canned-response library has problems; what is valid can be used. See Tools → "
                              "Canned responses → Library problems."));
    m_canned->showLibrary(currentChat());
}

void MainWindow::closeDialogsForLock()
{
    // Nothing stays over the lock page: a half-typed personal entry or open settings are cancelled.
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly)) {
        if (qobject_cast<PersonalEntryDialog *>(dialog) || qobject_cast<SettingsDialog *>(dialog) ||
            qobject_cast<HandoffDialog *>(dialog) || qobject_cast<ShiftLogDialog *>(dialog) ||
            qobject_cast<StatisticsDialog *>(dialog) || qobject_cast<PracticeChatDialog *>(dialog) ||
            dialog->objectName() == u"libraryProblemsBox")
            dialog->reject();
    }
}

void MainWindow::forgetShift()
{
    // Everything on screen that came from the shift goes before its chats do: the chat shown, the composer (and its
    // undo history), the code word, searches, warnings, alerts and the queue.
    m_current.clear();
    m_transcriptModel->setChat(nullptr);
    m_chatPanel->showChat(nullptr);
    m_compose->forgetShift();
    m_picker->clearSearch();
    m_picker->hide();
    closeDialogsForLock();
    m_lockScreen->leave();
    m_side->forgetShift();
}
void MainWindow::setCap(int cap)
{
    m_side->setCap(cap);
}

void MainWindow::alert(Notifier::Alert alert)
{
    // Fixed texts only (WS16); while locked the lock screen says it too, without content.
    m_notifier->notify(alert);
    if (m_lock->isLocked())
        m_lockScreen->showAlert(Notifier::text(alert));
}
QString MainWindow::chatName(const QString &conversation) const
{
    const auto row = m_conversationModel->rowOf(conversation);
    const Chat *chat = m_shift.chat(conversation);
    return row && chat ? ConversationListModel::chatName(*row, chat->alias()) : QString();
}

void MainWindow::selectConversation(int row)
{
    if (row < 0 || row >= m_conversationModel->rowCount())
        return;
    Chat *chat = m_shift.chats().at(row);
    if (chat->id() != m_current) {
        if (Chat *previous = currentChat())
            previous->stopTyping();
        m_current = chat->id();
        m_transcriptModel->setChat(chat);
        m_chatPanel->showChat(chat);
        m_canned->update(chat); // canned responses and draft checks in this chat's language, before its draft
        m_compose->showChat(chat);
    }
    const QModelIndex index = m_conversationModel->index(row);
    if (m_side->conversationList()->currentIndex() != index)
        m_side->conversationList()->setCurrentIndex(index);
    chat->markRead();
    showConversation();
}

void MainWindow::showConversation()
{
    m_chatPanel->refresh();
    m_compose->refresh();
}
void MainWindow::showSessionState()
{
    switch (m_shift.connection()) {
    case ClientSession::State::SignedOut:
        m_connection->setText(tr("Not signed in."));
        break;
    case ClientSession::State::SigningIn:
        m_connection->setText(tr("Signing in…"));
        break;
    case ClientSession::State::SignedIn:
        if (m_pages->currentWidget() == m_endedPage) { // a new shift
            m_pages->setCurrentWidget(m_content);
            m_side->showStatus(tr("A new shift has started."));
            m_menus->setOnShift(true);
        }
        m_connection->setText(tr("Connected as %1.").arg(m_shift.userName()));
        // The relay enforces its cap; show its value. The desk's --cap only stands in for a relay that sends none.
        if (const std::optional<int> cap = m_shift.relayCap())
            m_side->setCap(*cap);
        m_compose->setMaxLength(m_shift.maxMessageChars());
        break;
    case ClientSession::State::Reconnecting:
        m_connection->setText(tr("Connection lost. Reconnecting… Your messages are kept and will be sent."));
        break;
    }
    m_side->showSessionState();
}

void MainWindow::onInactivity(const QString &conversation, int stage)
{
    if (stage >= 2 && m_autoIdleClose) {
        if (Chat *chat = m_shift.chat(conversation))
            chat->closeOnIdle(CannedContext::idleCloseText());
    }
    showConversation();
}

void MainWindow::onLockedChanged(bool locked)
{
    if (locked) {
        closeDialogsForLock();
        if (!m_vault)
            m_vault = std::make_unique<QWidget>();
        m_pages->removeWidget(m_content);
        m_content->setParent(m_vault.get());
        m_pages->setCurrentWidget(m_lockScreen);
        m_lockScreen->enter();
    } else {
        m_pages->insertWidget(0, m_content);
        m_pages->setCurrentWidget(m_content);
        m_lockScreen->leave();
        m_compose->focusComposer();
    }
}
void MainWindow::requestEndShift()
{
    m_shift.end(QString(), [self = QPointer<MainWindow>(this)](Shift::EndResult result) {
        if (!self)
            return;
        if (!result.refused)
            return; // nothing was open: the shift ended (Shift::ended shows it)
        QStringList names;
        for (const QString &conversation : std::as_const(result.openConversations))
            names.append(self->chatName(conversation));
        auto *dialog = new EndShiftDialog(names, self);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        self->m_endShiftDialog = dialog;
        connect(dialog, &EndShiftDialog::overrideRequested, self, &MainWindow::endShiftWith);
        connect(dialog, &EndShiftDialog::handOnRequested, self, &MainWindow::handOnOpenChats);
        dialog->open();
    });
}

void MainWindow::handOnCurrentChat()
{
    Chat *chat = currentChat();
    if (!chat || !chat->isOpen())
        return;
    auto *dialog = new HandoffDialog(m_shift.handoffs(), *chat, chatName(chat->id()), m_shift.maxMessageChars(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::handOnOpenChats()
{
    // At the end of a shift: one note per chat, each chat in turn, until every open one has an offer standing.
    for (Chat *chat : m_shift.chats()) {
        if (!chat->isOpen() || m_shift.handoffs().outgoing(chat->id()) || chat->id() == m_handedOnLast)
            continue;
        selectConversation(static_cast<int>(m_shift.chats().indexOf(chat)));
        m_handedOnLast = chat->id();
        auto *dialog =
            new HandoffDialog(m_shift.handoffs(), *chat, chatName(chat->id()), m_shift.maxMessageChars(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, &MainWindow::handOnOpenChats);
        dialog->open();
        return;
    }
    m_handedOnLast.clear();
}

void MainWindow::openStatistics()
{
    if (m_shift.role() != Role::Supervisor)
        return;
    if (!m_statistics) {
        m_statistics = new StatisticsDialog(m_shift.supervision().dailyCounts(), this);
        m_statistics->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
}

void MainWindow::openPracticeChat()
{
    if (!m_shift.practice())
        return;
    if (!m_practiceChat) {
        m_practiceChat = new PracticeChatDialog(m_shift, *m_practiceSurvivors, PersonaLibrary::shipped(), this);
        m_practiceChat->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_practiceChat->show();
    m_practiceChat->raise();
    m_practiceChat->activateWindow();
}

void MainWindow::writeShiftLog()
{
    auto *dialog = new ShiftLogDialog(m_shift.handoffs(), m_shift.maxMessageChars(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::endShiftWith(const QString &reason, frame::OverrideCategory category)
{
    m_side->showStatus(tr("Ending the shift and wiping the cache…"));
    m_shift.end(reason, category, [](const Shift::EndResult &) {}); // Shift::ended shows the result
}

void MainWindow::showEndResult(const Shift::EndResult &result)
{
    const WipeResult &wipe = result.wipe;
    QString text = wipe.complete
                       ? tr("Shift ended. The shift cache was wiped: %n file(s) overwritten and removed, key deleted.",
                            nullptr, static_cast<int>(wipe.filesRemoved.size()))
                       : tr("Shift ended, but the wipe did not complete: %1 It will be finished at the next start.")
                             .arg(wipe.message);
    if (result.maximumLengthReached)
        text = tr("The shift reached the program's maximum length. %1").arg(text);
    m_side->showStatus(text);
    m_lock->disarm();
    m_practiceSurvivors->stopAll();
    m_menus->setPractice(false);
    forgetShift();
    showConversation();
    // Off shift there is nothing to lock or end; a new sign-in starts the next shift.
    m_menus->setOnShift(false);
    m_pages->setCurrentWidget(m_endedPage);
    m_endedPage->showResult(text);
    Q_EMIT shiftEnded(wipe.complete);
}

} // namespace advocate
