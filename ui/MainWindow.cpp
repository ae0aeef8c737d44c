// SPDX-License-Identifier: GPL-3.0-only
#include "MainWindow.h"

#include "AppLock.h"
#include "CannedPicker.h"
#include "CannedQuickSearch.h"
#include "CannedText.h"
#include "Composer.h"
#include "ConversationDelegate.h"
#include "DraftWarningsPanel.h"
#include "EndShiftDialog.h"
#include "Notifier.h"
#include "PersonalEntryDialog.h"
#include "ScreenLockWatcher.h"
#include "SettingsDialog.h"
#include "TranscriptView.h"
#include "UiLanguage.h"
#include "client/ConversationListModel.h"
#include "client/TranscriptModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace advocate {

namespace {

// Texts and accessible names are set in MainWindow::retranslate().
QPushButton *button(const QString &objectName, QWidget *parent)
{
    auto *created = new QPushButton(parent);
    created->setObjectName(objectName);
    return created;
}

QLabel *label(const QString &objectName, QWidget *parent)
{
    auto *created = new QLabel(parent);
    created->setObjectName(objectName);
    created->setTextFormat(Qt::PlainText);
    created->setWordWrap(true);
    return created;
}

// A highlighted bar above the transcript: "<name>Bar" with its text "<name>Text"; the caller adds the buttons.
QWidget *messageBar(const QString &name, QLabel **text, QWidget *parent)
{
    auto *bar = new QWidget(parent);
    bar->setObjectName(name + QStringLiteral("Bar"));
    auto *layout = new QHBoxLayout(bar);
    *text = label(name + QStringLiteral("Text"), bar);
    layout->addWidget(*text, 1);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::ToolTipBase);
    return bar;
}

} // namespace

MainWindow::MainWindow(Shift &shift, QWidget *parent) : QMainWindow(parent), m_shift(shift)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_lock = new AppLock(std::chrono::minutes(5), this);
    m_notifier = new Notifier(this);
    m_screenLock = new ScreenLockWatcher(this);
    connect(m_screenLock, &ScreenLockWatcher::screenLocked, this, [this] {
        if (m_shift.session().state() != ClientSession::State::SignedOut)
            m_lock->lock();
    });

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_content = buildContent();
    m_lockPage = buildLockPage();
    m_pages->addWidget(m_content);
    m_pages->addWidget(m_lockPage);
    setCentralWidget(m_pages);
    m_connection = label(QStringLiteral("relayStatus"), this);
    statusBar()->addPermanentWidget(m_connection, 1);
    resize(1200, 700);
    buildMenus();

    // Ctrl+1 … Ctrl+9 pick a conversation, Ctrl+Tab and Ctrl+Shift+Tab step through them.
    for (int n = 1; n <= 9; ++n) {
        auto *pick = new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n)), this);
        pick->setObjectName(QStringLiteral("pickConversation%1").arg(n));
        connect(pick, &QShortcut::activated, this, [this, n] { selectConversation(n - 1); });
    }
    auto step = [this](int by) {
        const int count = m_shift.conversations()->rowCount();
        if (count == 0)
            return;
        const auto row = m_shift.conversations()->rowOf(m_current);
        selectConversation(((row.value_or(-by) + by) % count + count) % count);
    };
    auto *next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab), this);
    next->setObjectName(QStringLiteral("nextConversation"));
    connect(next, &QShortcut::activated, this, [step] { step(1); });
    auto *previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), this);
    previous->setObjectName(QStringLiteral("previousConversation"));
    connect(previous, &QShortcut::activated, this, [step] { step(-1); });

    ClientSession &session = m_shift.session();
    connect(&session, &ClientSession::stateChanged, this, &MainWindow::showSessionState);
    connect(&session, &ClientSession::queueSummary, this, &MainWindow::showQueue);
    connect(&session, &ClientSession::requestRefused, this, [this](ErrorCode code, const QString &) {
        if (code == ErrorCode::CapReached)
            m_shiftStatus->setText(tr("You are at your limit of %n chat(s).", nullptr, m_cap));
        else if (code == ErrorCode::QueueEmpty)
            m_shiftStatus->setText(tr("Nobody is waiting right now."));
        else if (code == ErrorCode::MessageTooLong)
            m_shiftStatus->setText(tr("That message is longer than the relay allows."));
    });
    connect(&m_shift, &Shift::conversationAdded, this, [this](const QString &conversation) {
        showCap();
        if (m_current.isEmpty()) {
            if (const auto row = m_shift.conversations()->rowOf(conversation))
                selectConversation(*row);
        }
    });
    connect(&m_shift, &Shift::newChatAlert, this, [this] {
        m_notifier->notify(Notifier::Alert::NewChatWaiting);
        m_lockAlert->setText(Notifier::text(Notifier::Alert::NewChatWaiting));
    });
    connect(&m_shift, &Shift::newMessageAlert, this, [this](const QString &conversation) {
        if (conversation == m_current && isActiveWindow() && !m_lock->isLocked()) {
            m_shift.markRead(conversation);
            return;
        }
        if (conversation == m_current && !m_lock->isLocked())
            m_shift.markRead(conversation);
        m_notifier->notify(Notifier::Alert::NewMessage);
        if (m_lock->isLocked())
            m_lockAlert->setText(Notifier::text(Notifier::Alert::NewMessage));
    });
    connect(&m_shift, &Shift::inactivityReached, this, &MainWindow::onInactivity);
    connect(&m_shift, &Shift::cacheProblem, this, [this](const QString &message) {
        m_shiftStatus->setText(tr("The shift cache reported a problem: %1").arg(message));
    });
    connect(&m_shift, &Shift::cannedLibraryChanged, this, &MainWindow::onLibraryChanged);
    ConversationListModel *conversations = m_shift.conversations();
    connect(conversations, &QAbstractItemModel::dataChanged, this, [this] {
        showCap();
        showConversation();
    });
    connect(m_lock, &AppLock::lockedChanged, this, &MainWindow::onLockedChanged);

    m_tick.setInterval(std::chrono::seconds(20));
    connect(&m_tick, &QTimer::timeout, conversations, &ConversationListModel::tick);
    m_tick.start();
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(std::chrono::seconds(4));
    connect(&m_typingIdle, &QTimer::timeout, this, [this] {
        if (m_typing && !m_current.isEmpty())
            m_shift.session().setTyping(m_current, false);
        m_typing = false;
    });

    retranslate();
    onLibraryChanged();
}

MainWindow::~MainWindow()
{
    // The content may sit in the vault while locked; give it back so that it is destroyed with the window.
    if (m_vault && m_content->parent() == m_vault.get())
        m_content->setParent(m_pages);
}

void MainWindow::buildMenus()
{
    m_shiftMenu = menuBar()->addMenu(QString());
    m_lockAction = m_shiftMenu->addAction(QString());
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_lockAction, &QAction::triggered, m_lock, &AppLock::lock);
    m_endShiftAction = m_shiftMenu->addAction(QString());
    m_endShiftAction->setObjectName(QStringLiteral("endShiftAction"));
    connect(m_endShiftAction, &QAction::triggered, this, &MainWindow::requestEndShift);

    m_toolsMenu = menuBar()->addMenu(QString());
    m_cannedAction = m_toolsMenu->addAction(QString());
    m_cannedAction->setObjectName(QStringLiteral("cannedAction"));
    m_cannedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_cannedAction, &QAction::triggered, this, &MainWindow::toggleCannedPicker);
    m_settingsAction = m_toolsMenu->addAction(QString());
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
}

QWidget *MainWindow::buildContent()
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("content"));
    auto *splitter = new QSplitter(content);
    auto *outer = new QHBoxLayout(content);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    QWidget *side = buildSidePanel(splitter);

    auto *chat = new QWidget(splitter);
    chat->setObjectName(QStringLiteral("chatPanel"));
    auto *chatLayout = new QVBoxLayout(chat);
    m_chatHeader = label(QStringLiteral("chatHeader"), chat);
    chatLayout->addWidget(m_chatHeader);

    m_inactivityBar = messageBar(QStringLiteral("inactivity"), &m_inactivityText, chat);
    m_checkIn = button(QStringLiteral("checkInButton"), m_inactivityBar);
    m_idleClose = button(QStringLiteral("idleCloseButton"), m_inactivityBar);
    m_inactivityBar->layout()->addWidget(m_checkIn);
    m_inactivityBar->layout()->addWidget(m_idleClose);
    chatLayout->addWidget(m_inactivityBar);
    connect(m_checkIn, &QPushButton::clicked, this, [this] {
        if (m_current.isEmpty() || !m_shift.checkInOffered(m_current))
            return;
        sendStandard(m_current, CannedFlag::CheckIn,
                     tr("Are you still there? Take your time, I'm here when you're ready."));
        m_shift.markCheckInSent(m_current);
        showConversation();
    });
    connect(m_idleClose, &QPushButton::clicked, this, [this] {
        if (m_current.isEmpty())
            return;
        m_shift.sendMessage(m_current, idleCloseText(), {CannedFlag::Closing});
        m_shift.session().end(m_current, true);
    });

    // The confidentiality / mandatory-reporting notice reminder (issue 6, item 5): gentle, dismissable.
    m_noticeBar = messageBar(QStringLiteral("noticeReminder"), &m_noticeText, chat);
    m_noticeInsert = button(QStringLiteral("noticeInsertButton"), m_noticeBar);
    m_noticeLater = button(QStringLiteral("noticeLaterButton"), m_noticeBar);
    m_noticeBar->layout()->addWidget(m_noticeInsert);
    m_noticeBar->layout()->addWidget(m_noticeLater);
    chatLayout->addWidget(m_noticeBar);
    connect(m_noticeInsert, &QPushButton::clicked, this, [this] { insertPrompt(Shift::Prompt::Confidentiality); });
    connect(m_noticeLater, &QPushButton::clicked, this, [this] {
        if (m_current.isEmpty())
            return;
        m_shift.dismissNoticeReminder(m_current);
        showConversation();
        m_composer->setFocus();
    });

    auto *prompts = new QHBoxLayout;
    m_safetyCheck = button(QStringLiteral("safetyCheckButton"), chat);
    m_confidentiality = button(QStringLiteral("confidentialityButton"), chat);
    m_noticeStatus = label(QStringLiteral("noticeStatus"), chat);
    m_codeWord = new QLineEdit(chat);
    m_codeWord->setObjectName(QStringLiteral("codeWord"));
    connect(m_safetyCheck, &QPushButton::clicked, this, [this] { insertPrompt(Shift::Prompt::SafetyCheck); });
    connect(m_confidentiality, &QPushButton::clicked, this, [this] { insertPrompt(Shift::Prompt::Confidentiality); });
    connect(m_codeWord, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_current.isEmpty())
            m_shift.setCodeWord(m_current, text);
    });
    prompts->addWidget(m_safetyCheck);
    prompts->addWidget(m_confidentiality);
    prompts->addWidget(m_noticeStatus);
    prompts->addWidget(m_codeWord, 1);
    chatLayout->addLayout(prompts);

    m_transcript = new TranscriptView(chat);
    connect(m_transcript, &QListView::activated, this, &MainWindow::onTranscriptActivated);
    chatLayout->addWidget(m_transcript, 1);
    chatLayout->addWidget(buildComposeArea(chat));

    m_picker = new CannedPicker(splitter);
    m_picker->hide();
    connect(m_picker, &CannedPicker::insertRequested, this,
            [this](const CannedSearchModel::Choice &choice) { insertCanned(choice, false); });
    connect(m_picker, &CannedPicker::leaveRequested, this, [this] { m_composer->setFocus(); });
    connect(m_picker, &CannedPicker::newPersonalRequested, this, &MainWindow::newPersonalEntry);
    connect(m_picker, &CannedPicker::removePersonalRequested, this,
            [this](const QString &id) { m_shift.removePersonalCanned(id); });
    connect(m_picker, &CannedPicker::problemsRequested, this, &MainWindow::showLibraryProblems);

    splitter->addWidget(side);
    splitter->addWidget(chat);
    splitter->addWidget(m_picker);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    return content;
}

QWidget *MainWindow::buildSidePanel(QWidget *parent)
{
    auto *side = new QWidget(parent);
    side->setObjectName(QStringLiteral("sidePanel"));
    auto *sideLayout = new QVBoxLayout(side);
    m_shiftStatus = label(QStringLiteral("shiftStatus"), side);
    m_available = new QCheckBox(side);
    m_available->setObjectName(QStringLiteral("availableToggle"));
    connect(m_available, &QCheckBox::toggled, this, [this](bool on) {
        m_shift.setAvailable(on);
        m_shiftStatus->setText(on ? tr("On shift: available.") : tr("On shift: away."));
    });
    m_queue = label(QStringLiteral("queueSummary"), side);
    m_takeNext = button(QStringLiteral("takeNextButton"), side);
    connect(m_takeNext, &QPushButton::clicked, this, [this] { m_shift.session().takeNext(); });
    m_capLabel = label(QStringLiteral("capLabel"), side);
    m_listTitle = new QLabel(side);
    m_conversations = new QListView(side);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    m_conversations->setModel(m_shift.conversations());
    m_conversations->setItemDelegate(new ConversationDelegate(m_conversations));
    m_conversations->setWordWrap(true);
    m_conversations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listTitle->setBuddy(m_conversations);
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectConversation(current.row());
            });
    for (QWidget *widget : std::initializer_list<QWidget *>{m_shiftStatus, m_available, m_queue, m_takeNext, m_capLabel,
                                                            m_listTitle, m_conversations})
        sideLayout->addWidget(widget);
    return side;
}

QWidget *MainWindow::buildComposeArea(QWidget *parent)
{
    auto *area = new QWidget(parent);
    area->setObjectName(QStringLiteral("composeArea"));
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    m_composer = new Composer(area);
    m_composer->setMaximumHeight(110);
    m_quickSearch = new CannedQuickSearch(m_composer, area);
    connect(m_quickSearch, &CannedQuickSearch::inserted, this,
            [this](const CannedSearchModel::Choice &choice) { insertCanned(choice, true); });
    layout->addWidget(m_quickSearch->widget());

    auto *composeRow = new QHBoxLayout;
    m_length = label(QStringLiteral("lengthCounter"), area);
    m_send = button(QStringLiteral("sendButton"), area);
    m_endChat = button(QStringLiteral("endChatButton"), area);
    auto *composeButtons = new QVBoxLayout;
    composeButtons->addWidget(m_length);
    composeButtons->addWidget(m_send);
    composeButtons->addWidget(m_endChat);
    composeRow->addWidget(m_composer, 1);
    composeRow->addLayout(composeButtons);
    layout->addLayout(composeRow);
    m_warnings = new DraftWarningsPanel(area);
    layout->addWidget(m_warnings);
    connect(m_warnings, &DraftWarningsPanel::fixRequested, this, &MainWindow::applyDraftFix);
    // Tab from the composer reaches the fixes first, then Send.
    connect(m_warnings, &DraftWarningsPanel::rebuilt, this, [this] {
        QWidget *previous = m_composer;
        for (QWidget *fix : m_warnings->fixButtons()) {
            QWidget::setTabOrder(previous, fix);
            previous = fix;
        }
        QWidget::setTabOrder(previous, m_send);
    });

    connect(m_composer, &Composer::sendRequested, this, &MainWindow::sendCurrent);
    connect(m_send, &QPushButton::clicked, this, &MainWindow::sendCurrent);
    connect(m_composer, &Composer::leaveRequested, this, [this] { m_conversations->setFocus(); });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        updateLength();
        runDraftChecks();
        if (m_current.isEmpty())
            return;
        m_drafts.insert(m_current, m_composer->toPlainText());
        if (m_composer->toPlainText().trimmed().isEmpty())
            m_draftCanned.remove(m_current); // the advocate cleared it: nothing canned is left in the draft
        if (!m_typing && !m_composer->toPlainText().isEmpty()) {
            m_typing = true;
            m_shift.session().setTyping(m_current, true);
        }
        m_typingIdle.start();
    });
    connect(m_endChat, &QPushButton::clicked, this, [this] {
        if (!m_current.isEmpty())
            m_shift.session().end(m_current);
    });
    return area;
}

QWidget *MainWindow::buildLockPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("lockPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_lockMessage = label(QStringLiteral("lockMessage"), page);
    m_lockAlert = label(QStringLiteral("lockAlert"), page);
    m_unlockPassword = new QLineEdit(page);
    m_unlockPassword->setObjectName(QStringLiteral("unlockPassword"));
    m_unlockPassword->setEchoMode(QLineEdit::Password);
    m_unlock = button(QStringLiteral("unlockButton"), page);
    m_unlockError = label(QStringLiteral("unlockError"), page);
    connect(m_unlock, &QPushButton::clicked, this, &MainWindow::tryUnlock);
    connect(m_unlockPassword, &QLineEdit::returnPressed, this, &MainWindow::tryUnlock);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_lockMessage, m_lockAlert, m_unlockPassword, m_unlock, m_unlockError})
        layout->addWidget(widget);
    layout->addStretch();
    return page;
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Advocate Desk"));
    m_connection->setAccessibleName(tr("Relay connection status"));
    m_shiftMenu->setTitle(tr("&Shift"));
    m_lockAction->setText(tr("&Lock"));
    m_endShiftAction->setText(tr("&End shift…"));
    m_toolsMenu->setTitle(tr("T&ools"));
    m_cannedAction->setText(tr("&Canned responses"));
    m_settingsAction->setText(tr("S&ettings…"));

    m_shiftStatus->setAccessibleName(tr("Shift status"));
    m_available->setText(tr("&Available for new chats"));
    m_available->setAccessibleName(tr("Available for new chats"));
    m_queue->setAccessibleName(tr("Waiting survivors"));
    m_takeNext->setText(tr("&Take next chat"));
    m_takeNext->setAccessibleName(tr("Take next chat"));
    m_capLabel->setAccessibleName(tr("Chats open and your limit"));
    m_listTitle->setText(tr("&My conversations"));
    m_conversations->setAccessibleName(tr("My conversations"));

    m_chatHeader->setAccessibleName(tr("Current chat"));
    m_inactivityText->setAccessibleName(tr("Survivor silence"));
    m_checkIn->setText(tr("Send &check-in"));
    m_checkIn->setAccessibleName(tr("Send check-in"));
    m_idleClose->setText(tr("C&lose chat"));
    m_idleClose->setAccessibleName(tr("Close chat after silence"));
    m_noticeText->setAccessibleName(tr("Reminder about the confidentiality notice"));
    m_noticeText->setText(NoticeReminder::reminderText());
    m_noticeInsert->setText(tr("Insert the &notice"));
    m_noticeInsert->setAccessibleName(tr("Insert the confidentiality and mandatory-reporting notice for editing"));
    m_noticeLater->setText(tr("&Remind me later"));
    m_noticeLater->setAccessibleName(tr("Remind me later about the notice"));
    m_noticeStatus->setAccessibleName(tr("Confidentiality notice status"));
    m_safetyCheck->setAccessibleName(tr("Insert the safety check"));
    m_confidentiality->setAccessibleName(tr("Insert the confidentiality and mandatory-reporting notice"));
    m_codeWord->setAccessibleName(tr("Code word for this chat (kept in memory only)"));
    m_codeWord->setPlaceholderText(tr("Code word"));

    m_length->setAccessibleName(tr("Message length and limit"));
    m_send->setText(tr("Sen&d"));
    m_send->setAccessibleName(tr("Send message"));
    m_endChat->setText(tr("&End chat"));
    m_endChat->setAccessibleName(tr("End this chat"));

    m_lockMessage->setAccessibleName(tr("Locked"));
    m_lockMessage->setText(tr("Advocate Desk is locked. Chats stay connected. Enter your password to continue."));
    m_lockAlert->setAccessibleName(tr("Alerts while locked"));
    m_unlockPassword->setAccessibleName(tr("Password to unlock"));
    m_unlock->setText(tr("&Unlock"));
    m_unlock->setAccessibleName(tr("Unlock"));
    m_unlockError->setAccessibleName(tr("Unlock problem"));

    // The texts that depend on state.
    updatePlaceholderContext();
    showSessionState();
    showQueue(m_lastWaiting);
    showCap();
    showConversation();
    updateLength();
    runDraftChecks();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_shiftMenu)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setUiLanguage(UiLanguage *language)
{
    m_uiLanguage = language;
}

void MainWindow::setAdvocateName(const QString &name)
{
    m_advocateName = name.trimmed();
    updatePlaceholderContext();
}

QString MainWindow::advocateName() const
{
    // Never the sign-in name: it may identify the advocate. Without a name set, {advocate} stays to be filled.
    return m_advocateName;
}

QStringList MainWindow::DraftCanned::texts() const
{
    QStringList out;
    for (const Insertion &insertion : insertions)
        out.append(insertion.text);
    return out;
}

QList<CannedFlag> MainWindow::DraftCanned::keptFlags(const QString &draft) const
{
    QList<CannedFlag> flags;
    for (const Insertion &insertion : insertions) {
        if (!DraftChecks::keptFrom(insertion.text, draft))
            continue;
        for (const CannedFlag flag : insertion.flags) {
            if (!flags.contains(flag))
                flags.append(flag);
        }
    }
    return flags;
}

void MainWindow::openSettings()
{
    QSettings settings;
    auto *dialog = new SettingsDialog(settings.value(QStringLiteral("ui/language")).toString(), m_advocateName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QSettings store;
        store.setValue(QStringLiteral("ui/language"), dialog->language());
        store.setValue(QStringLiteral("canned/advocateName"), dialog->advocateName());
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
        m_composer->setFocus();
        return;
    }
    m_picker->show();
    m_picker->focusSearch();
}

QString MainWindow::chatLanguage(const QString &conversation) const
{
    const auto row = m_shift.conversations()->rowOf(conversation);
    return row ? m_shift.conversations()->row(*row).language : QString();
}

QString MainWindow::currentLanguage() const
{
    if (const QString language = chatLanguage(m_current); !language.isEmpty())
        return language;
    return m_uiLanguage && !m_uiLanguage->current().isEmpty() ? m_uiLanguage->current()
                                                              : m_shift.cannedLibrary().defaultLanguage();
}

void MainWindow::onLibraryChanged()
{
    m_checks = DraftChecks(m_shift.cannedLibrary().policy());
    if (m_shift.cannedLibrary().hasErrors())
        m_shiftStatus->setText(tr("The canned-response library has problems; what is valid can be used. See Tools → "
                                  "Canned responses → Library problems."));
    m_picker->showLibrary(m_shift.cannedLibrary());
    m_quickSearch->model().setLibrary(&m_shift.cannedLibrary());
    updatePlaceholderContext();
    runDraftChecks();
}

QHash<QString, QString> MainWindow::placeholderValues(const QString &language) const
{
    QHash<QString, QString> values = m_shift.cannedLibrary().programValues(language);
    values.insert(QStringLiteral("advocate"), advocateName());
    return values;
}

void MainWindow::updatePlaceholderContext()
{
    const QString language = currentLanguage();
    const QHash<QString, QString> values = placeholderValues(language);
    for (CannedSearchModel *model : {&m_picker->model(), &m_quickSearch->model()})
        model->setContext(language, values);
}

void MainWindow::insertCanned(const CannedSearchModel::Choice &choice, bool replaceSlashWord)
{
    if (m_current.isEmpty() || !m_composer->isEnabled())
        return;
    m_draftCanned[m_current].insertions.append({choice.text, choice.flags});
    if (replaceSlashWord)
        runDraftChecks(); // the `/` search changed the text before the insertion was recorded
    else
        m_composer->insertForEditing(choice.text); // its textChanged runs the checks
    m_composer->setFocus();
    const QString notes = cannedChoiceNotes(choice, currentLanguage());
    if (!notes.isEmpty())
        m_shiftStatus->setText(notes);
}

std::optional<CannedSearchModel::Choice> MainWindow::cannedFor(CannedFlag flag) const
{
    const CannedLibrary &library = m_shift.cannedLibrary();
    for (const CannedResponse &entry : library.entries()) {
        if (!entry.hasFlag(flag) || entry.origin != CannedOrigin::Program)
            continue;
        const QString language = currentLanguage();
        return CannedSearchModel::choose(library, entry, language, placeholderValues(language));
    }
    return std::nullopt;
}

QString MainWindow::idleCloseText()
{
    return tr("I haven't heard from you for a while, so I'm closing this chat. You can reach us again any time.");
}

void MainWindow::sendStandard(const QString &conversation, CannedFlag flag, const QString &builtIn)
{
    // The program's wording in the chat's language, complete, is sent at once. Anything else (only another
    // language, placeholders to fill, or no such entry, where the built-in text follows the interface language
    // rather than the chat's) goes into the composer for the advocate to check and send.
    const std::optional<CannedSearchModel::Choice> canned = cannedFor(flag);
    if (canned && canned->unknown.isEmpty() && canned->missing.isEmpty() && !canned->fallback) {
        m_shift.sendMessage(conversation, canned->text, canned->flags);
        return;
    }
    // The built-in wording is in the interface's language: sent at once only when that is the chat's language.
    const QString interfaceLanguage =
        m_uiLanguage && !m_uiLanguage->current().isEmpty() ? m_uiLanguage->current() : QStringLiteral("en");
    if (!canned && chatLanguage(conversation).section(u'-', 0, 0) == interfaceLanguage) {
        m_shift.sendMessage(conversation, builtIn, {flag});
        return;
    }
    if (conversation != m_current)
        return;
    insertCanned(canned ? *canned
                        : CannedSearchModel::Choice{QString(), builtIn, {flag}, {}, {}, currentLanguage(), false},
                 false);
}

void MainWindow::runDraftChecks()
{
    const QString draft = m_composer->toPlainText();
    const QList<DraftChecks::Warning> warnings =
        draft.trimmed().isEmpty() ? QList<DraftChecks::Warning>{}
                                  : m_checks.check(draft, currentLanguage(), m_draftCanned.value(m_current).texts());
    m_warnings->showWarnings(warnings);
    QList<Composer::Mark> marks;
    for (const DraftChecks::Warning &warning : warnings) {
        if (warning.length > 0)
            marks.append({warning.start, warning.length});
    }
    m_composer->setMarks(marks);
    m_composer->setAccessibleDescription(m_warnings->summary());
}

void MainWindow::applyDraftFix(const DraftChecks::Warning &warning)
{
    const QString draft = m_composer->toPlainText();
    const QString fixed = DraftChecks::applyFix(draft, warning);
    if (fixed == draft)
        return;
    // Replace only the part that changed, through the cursor: Ctrl+Z undoes the fix, and the advocate's cursor
    // moves only when it was after the change.
    qsizetype prefix = 0;
    while (prefix < draft.size() && prefix < fixed.size() && draft.at(prefix) == fixed.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < draft.size() - prefix && suffix < fixed.size() - prefix &&
           draft.at(draft.size() - 1 - suffix) == fixed.at(fixed.size() - 1 - suffix))
        ++suffix;
    const int position = m_composer->textCursor().position();
    QTextCursor change(m_composer->document());
    change.setPosition(static_cast<int>(prefix));
    change.setPosition(static_cast<int>(draft.size() - suffix), QTextCursor::KeepAnchor);
    change.insertText(fixed.mid(prefix, fixed.size() - prefix - suffix));
    QTextCursor cursor = m_composer->textCursor();
    const qsizetype moved =
        position <= prefix ? position : qMax<qsizetype>(prefix, position + fixed.size() - draft.size());
    cursor.setPosition(static_cast<int>(qMin<qsizetype>(moved, fixed.size())));
    m_composer->setTextCursor(cursor);
    m_composer->setFocus();
}

void MainWindow::showLibraryProblems()
{
    QStringList lines;
    for (const CannedIssue &issue : m_shift.cannedLibrary().issues())
        lines.append(issue.message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Canned-response library"),
                                tr("The canned-response library has %n problem(s). Everything valid can be used; "
                                   "tell your supervisor or IT so the file can be fixed.",
                                   nullptr, static_cast<int>(lines.size())),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("libraryProblemsBox"));
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(lines.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeDialogsForLock()
{
    // Nothing stays over the lock page: a half-typed personal entry or open settings are cancelled.
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly)) {
        if (qobject_cast<PersonalEntryDialog *>(dialog) || qobject_cast<SettingsDialog *>(dialog) ||
            dialog->objectName() == u"libraryProblemsBox")
            dialog->reject();
    }
}

void MainWindow::forgetDrafts()
{
    m_drafts.clear();
    m_draftCanned.clear();
    m_quickSearch->close();
    const QSignalBlocker blocker(m_composer);
    m_composer->clear();
    runDraftChecks();
}

void MainWindow::newPersonalEntry()
{
    auto *dialog = new PersonalEntryDialog(currentLanguage().section(u'-', 0, 0), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonalEntryDialog::saveRequested, this, [this, dialog] {
        int n = 1;
        while (m_shift.cannedLibrary().find(QStringLiteral("personal.%1").arg(n)))
            ++n;
        const QList<CannedIssue> issues =
            m_shift.addPersonalCanned(dialog->entry(QStringLiteral("personal.%1").arg(n)));
        if (CannedIssue::anyError(issues))
            dialog->showProblems(issues);
        else
            dialog->accept();
    });
    dialog->open();
}

void MainWindow::setCap(int cap)
{
    m_cap = cap;
    showCap();
}

QString MainWindow::chatName(const QString &conversation) const
{
    const auto row = m_shift.conversations()->rowOf(conversation);
    return row ? tr("Chat %1").arg(*row + 1) : QString();
}

void MainWindow::selectConversation(int row)
{
    ConversationListModel *conversations = m_shift.conversations();
    if (row < 0 || row >= conversations->rowCount())
        return;
    const QString id = conversations->idAt(row);
    if (id != m_current) {
        if (m_typing && !m_current.isEmpty())
            m_shift.session().setTyping(m_current, false);
        m_typing = false;
        m_current = id;
        m_quickSearch->close();
        m_transcript->showTranscript(m_shift.transcript(id));
        updatePlaceholderContext(); // canned responses in this chat's language
        {
            const QSignalBlocker blocker(m_composer);
            m_composer->setPlainText(m_drafts.value(id));
            m_composer->moveCursor(QTextCursor::End);
        }
        m_codeWord->setText(m_shift.codeWord(id));
        updateLength();
        runDraftChecks();
    }
    const QModelIndex index = conversations->index(row);
    if (m_conversations->currentIndex() != index)
        m_conversations->setCurrentIndex(index);
    m_shift.markRead(id);
    showConversation();
    // Once per transcript (UniqueConnection cannot tell lambdas apart): new rows scroll the shown transcript down.
    TranscriptModel *transcript = m_shift.transcript(id);
    if (transcript && !m_scrollWatched.contains(transcript)) {
        m_scrollWatched.insert(transcript);
        connect(transcript, &QAbstractItemModel::rowsInserted, m_transcript, [this, transcript] {
            if (m_transcript->model() == transcript)
                m_transcript->scrollToBottom();
        });
    }
}

void MainWindow::showConversation()
{
    ConversationListModel *conversations = m_shift.conversations();
    const auto row = conversations->rowOf(m_current);
    const bool has = row.has_value();
    bool open = false;
    int stage = 0;
    if (has) {
        const ConversationListModel::Row &item = conversations->row(*row);
        open =
            item.state != ConversationListModel::State::Ended && item.state != ConversationListModel::State::QuickExit;
        stage = item.inactivityStage;
        QString header = tr("%1 · %2 · language %3")
                             .arg(chatName(m_current), ConversationListModel::stateText(item.state), item.language);
        if (item.peerTyping)
            header += tr(" · survivor is typing…");
        m_chatHeader->setText(header);
    } else {
        m_chatHeader->setText(tr("No chat selected. Take the next chat from the queue."));
    }
    m_composer->setEnabled(open);
    if (!open)
        m_quickSearch->close();
    m_send->setEnabled(open);
    m_endChat->setEnabled(open);
    m_codeWord->setEnabled(has);
    m_safetyCheck->setEnabled(open);
    m_confidentiality->setEnabled(open);
    m_safetyCheck->setText(has && m_shift.promptGiven(m_current, Shift::Prompt::SafetyCheck)
                               ? tr("Safety c&heck (given)")
                               : tr("Safety c&heck"));
    m_confidentiality->setText(has && m_shift.promptGiven(m_current, Shift::Prompt::Confidentiality)
                                   ? tr("Con&fidentiality notice (given)")
                                   : tr("Con&fidentiality notice"));
    const NoticeReminder::State notice = has ? m_shift.noticeState(m_current) : NoticeReminder::State::NotYetDue;
    m_noticeStatus->setText(!has                                     ? QString()
                            : notice == NoticeReminder::State::Given ? tr("Notice: given")
                                                                     : tr("Notice: not given yet"));
    m_noticeBar->setVisible(open && notice == NoticeReminder::State::Due);
    m_inactivityBar->setVisible(open && stage > 0);
    m_checkIn->setEnabled(open && stage >= 1 && m_shift.checkInOffered(m_current));
    m_idleClose->setVisible(stage >= 2);
    if (stage == 1)
        m_inactivityText->setText(tr("The survivor has been silent for a while. You can send one check-in."));
    else if (stage >= 2)
        m_inactivityText->setText(tr("Still no answer. You can close the chat with the closing message."));
}

void MainWindow::showQueue(const QMap<QString, int> &waiting)
{
    // Language and wait only (WS5): the relay sends no alias or content for people still in the queue. The waits
    // are as old as the last queue_summary, which the relay refreshes at least every 30 s.
    m_lastWaiting = waiting;
    const QMap<QString, QList<int>> waits = m_shift.session().queueWaits();
    QStringList lines;
    int total = 0;
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        const QString language = languageName(it.key());
        const QList<int> seconds = waits.value(it.key());
        const QString count = tr("%n waiting", nullptr, it.value());
        if (seconds.isEmpty()) {
            lines.append(tr("%1 — %2").arg(language, count));
        } else {
            const int longest = *std::max_element(seconds.cbegin(), seconds.cend());
            const QString longestText =
                longest < 60 ? tr("longest under 1 min") : tr("longest %n min", nullptr, longest / 60);
            lines.append(tr("%1 — %2, %3").arg(language, count, longestText));
        }
        total += it.value();
    }
    m_queue->setText(lines.isEmpty() ? tr("Nobody is waiting.") : lines.join(QLatin1Char('\n')));
    m_queue->setAccessibleDescription(m_queue->text());
    if (total > m_waiting) {
        m_notifier->notify(Notifier::Alert::NewChatWaiting);
        m_lockAlert->setText(Notifier::text(Notifier::Alert::NewChatWaiting));
    }
    m_waiting = total;
    m_takeNext->setEnabled(total > 0 && m_shift.session().state() == ClientSession::State::SignedIn);
}

QString MainWindow::languageName(const QString &tag)
{
    // The shipped languages through tr(), so they follow the interface language; others by Qt's English name.
    const QString primary = tag.section(u'-', 0, 0).toLower();
    if (primary == u"en")
        return tr("English");
    if (primary == u"es")
        return tr("Spanish");
    const QLocale locale(tag);
    return locale.language() == QLocale::C ? tag : QLocale::languageToString(locale.language());
}

void MainWindow::showSessionState()
{
    switch (m_shift.session().state()) {
    case ClientSession::State::SignedOut:
        m_connection->setText(tr("Not signed in."));
        break;
    case ClientSession::State::SigningIn:
        m_connection->setText(tr("Signing in…"));
        break;
    case ClientSession::State::SignedIn:
        m_connection->setText(tr("Connected as %1.").arg(m_shift.session().user()));
        // The relay enforces its cap; show its value. The desk's --cap only stands in for a relay that sends none.
        if (const std::optional<int> cap = m_shift.session().cap())
            setCap(*cap);
        m_composer->setMaxLength(m_shift.session().maxMessageChars());
        updateLength();
        break;
    case ClientSession::State::Reconnecting:
        m_connection->setText(tr("Connection lost. Reconnecting… Your messages are kept and will be sent."));
        break;
    }
    m_takeNext->setEnabled(m_waiting > 0 && m_shift.session().state() == ClientSession::State::SignedIn);
}

void MainWindow::showCap()
{
    m_capLabel->setText(tr("Chats open: %1 of %2").arg(m_shift.conversations()->openCount()).arg(m_cap));
}

void MainWindow::updateLength()
{
    const int length = m_composer->length();
    m_length->setText(tr("%1 / %2").arg(length).arg(m_composer->maxLength()));
}

void MainWindow::sendCurrent()
{
    if (m_current.isEmpty() || !m_composer->isEnabled())
        return;
    const QString text = m_composer->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    // The flags of the canned entries this draft started from go with it, edited or not (WS10).
    m_shift.sendMessage(m_current, text, m_draftCanned.take(m_current).keptFlags(text));
    m_drafts.remove(m_current);
    m_composer->clear();
    if (m_typing)
        m_shift.session().setTyping(m_current, false);
    m_typing = false;
    showConversation();
}

void MainWindow::insertPrompt(Shift::Prompt prompt)
{
    const CannedFlag flag =
        prompt == Shift::Prompt::SafetyCheck ? CannedFlag::SafetyCheck : CannedFlag::MandatoryReporting;
    // The program's wording from the library; the built-in text only when the library has no such entry.
    std::optional<CannedSearchModel::Choice> choice = cannedFor(flag);
    if (!choice) {
        const QString text =
            prompt == Shift::Prompt::SafetyCheck
                ? tr("Before we go on: are you worried that anyone else might have access to your device or our "
                     "conversation?")
                : tr("What you share here stays confidential, with some exceptions: if you tell me a child or a "
                     "vulnerable adult is being hurt, I may have to report it. Please ask me if you have questions.");
        choice = CannedSearchModel::Choice{QString(), text, {flag}, {}, {}, currentLanguage(), false};
    }
    insertCanned(*choice, false);
}

void MainWindow::onTranscriptActivated(const QModelIndex &index)
{
    if (index.data(TranscriptModel::DeliveryRole).toInt() == static_cast<int>(TranscriptModel::Delivery::Failed))
        m_shift.retry(m_current, index.data(TranscriptModel::ClientIdRole).toString());
}

void MainWindow::onInactivity(const QString &conversation, int stage)
{
    if (stage >= 2 && m_autoIdleClose) {
        m_shift.sendMessage(conversation, idleCloseText(), {CannedFlag::Closing});
        m_shift.session().end(conversation, true);
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
        m_pages->setCurrentWidget(m_lockPage);
        m_lockAlert->clear();
        m_unlockError->clear();
        m_unlockPassword->clear();
        m_unlockPassword->setFocus();
    } else {
        m_pages->insertWidget(0, m_content);
        m_pages->setCurrentWidget(m_content);
        m_unlockPassword->clear();
        m_lockAlert->clear();
        m_composer->setFocus();
    }
}

void MainWindow::tryUnlock()
{
    const QString password = m_unlockPassword->text();
    m_unlockPassword->clear();
    if (!m_lock->unlock(password))
        m_unlockError->setText(tr("That password is not right."));
}

void MainWindow::requestEndShift()
{
    m_shift.end(QString(), [self = QPointer<MainWindow>(this)](Shift::EndResult result) {
        if (!self)
            return;
        if (!result.refused) {
            self->showEndResult(result); // nothing was open: the shift ended and the cache was wiped
            return;
        }
        QStringList names;
        for (const QString &conversation : std::as_const(result.openConversations))
            names.append(self->chatName(conversation));
        auto *dialog = new EndShiftDialog(names, self);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        self->m_endShiftDialog = dialog;
        connect(dialog, &EndShiftDialog::overrideRequested, self, &MainWindow::endShiftWith);
        dialog->open();
    });
}

void MainWindow::endShiftWith(const QString &reason, frame::OverrideCategory category)
{
    m_shiftStatus->setText(tr("Ending the shift and wiping the cache…"));
    m_shift.end(reason, category, [self = QPointer<MainWindow>(this)](Shift::EndResult result) {
        if (self)
            self->showEndResult(result);
    });
}

void MainWindow::showEndResult(const Shift::EndResult &result)
{
    const WipeResult &wipe = result.wipe;
    const QString text =
        wipe.complete ? tr("Shift ended. The shift cache was wiped: %n file(s) overwritten and removed, key deleted.",
                           nullptr, static_cast<int>(wipe.filesRemoved.size()))
                      : tr("Shift ended, but the wipe did not complete: %1 It will be finished at the next start.")
                            .arg(wipe.message);
    m_shiftStatus->setText(text);
    {
        const QSignalBlocker blocker(m_available);
        m_available->setChecked(false);
    }
    m_lock->disarm();
    forgetDrafts();
    Q_EMIT shiftEnded(wipe.complete);
}

} // namespace advocate
