// SPDX-License-Identifier: GPL-3.0-only
#include "MainWindow.h"

#include "AppLock.h"
#include "Composer.h"
#include "ConversationDelegate.h"
#include "EndShiftDialog.h"
#include "Notifier.h"
#include "ScreenLockWatcher.h"
#include "TranscriptView.h"
#include "client/ConversationListModel.h"
#include "client/TranscriptModel.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace advocate {

namespace {

QPushButton *button(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *created = new QPushButton(text, parent);
    created->setObjectName(objectName);
    created->setAccessibleName(accessibleName);
    return created;
}

QLabel *label(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *created = new QLabel(parent);
    created->setObjectName(objectName);
    created->setAccessibleName(accessibleName);
    created->setTextFormat(Qt::PlainText);
    created->setWordWrap(true);
    return created;
}

} // namespace

MainWindow::MainWindow(Shift &shift, QWidget *parent) : QMainWindow(parent), m_shift(shift)
{
    setWindowTitle(tr("Advocate Desk"));
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
    m_connection = label(QStringLiteral("relayStatus"), tr("Relay connection status"), this);
    statusBar()->addPermanentWidget(m_connection, 1);
    resize(1000, 650);

    auto *shiftMenu = menuBar()->addMenu(tr("&Shift"));
    auto *lockAction = shiftMenu->addAction(tr("&Lock"));
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(lockAction, &QAction::triggered, m_lock, &AppLock::lock);
    auto *endShiftAction = shiftMenu->addAction(tr("&End shift…"));
    endShiftAction->setObjectName(QStringLiteral("endShiftAction"));
    connect(endShiftAction, &QAction::triggered, this, &MainWindow::requestEndShift);

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

    showSessionState();
    showQueue({});
    showCap();
    showConversation();
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
    auto *splitter = new QSplitter(content);
    auto *outer = new QHBoxLayout(content);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    auto *side = new QWidget(splitter);
    side->setObjectName(QStringLiteral("sidePanel"));
    auto *sideLayout = new QVBoxLayout(side);
    m_shiftStatus = label(QStringLiteral("shiftStatus"), tr("Shift status"), side);
    m_available = new QCheckBox(tr("&Available for new chats"), side);
    m_available->setObjectName(QStringLiteral("availableToggle"));
    m_available->setAccessibleName(tr("Available for new chats"));
    connect(m_available, &QCheckBox::toggled, this, [this](bool on) {
        m_shift.setAvailable(on);
        m_shiftStatus->setText(on ? tr("On shift: available.") : tr("On shift: away."));
    });
    m_queue = label(QStringLiteral("queueSummary"), tr("Waiting survivors"), side);
    m_takeNext = button(tr("&Take next chat"), QStringLiteral("takeNextButton"), tr("Take next chat"), side);
    connect(m_takeNext, &QPushButton::clicked, this, [this] { m_shift.session().takeNext(); });
    m_capLabel = label(QStringLiteral("capLabel"), tr("Chats open and your limit"), side);
    auto *listTitle = new QLabel(tr("&My conversations"), side);
    m_conversations = new QListView(side);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    m_conversations->setAccessibleName(tr("My conversations"));
    m_conversations->setModel(m_shift.conversations());
    m_conversations->setItemDelegate(new ConversationDelegate(m_conversations));
    m_conversations->setWordWrap(true);
    m_conversations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversations->setSelectionMode(QAbstractItemView::SingleSelection);
    listTitle->setBuddy(m_conversations);
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectConversation(current.row());
            });
    for (QWidget *widget : std::initializer_list<QWidget *>{m_shiftStatus, m_available, m_queue, m_takeNext, m_capLabel,
                                                            listTitle, m_conversations})
        sideLayout->addWidget(widget);

    auto *chat = new QWidget(splitter);
    chat->setObjectName(QStringLiteral("chatPanel"));
    auto *chatLayout = new QVBoxLayout(chat);
    m_chatHeader = label(QStringLiteral("chatHeader"), tr("Current chat"), chat);
    chatLayout->addWidget(m_chatHeader);

    m_inactivityBar = new QWidget(chat);
    m_inactivityBar->setObjectName(QStringLiteral("inactivityBar"));
    auto *inactivityLayout = new QHBoxLayout(m_inactivityBar);
    m_inactivityText = label(QStringLiteral("inactivityText"), tr("Survivor silence"), m_inactivityBar);
    m_checkIn = button(tr("Send &check-in"), QStringLiteral("checkInButton"), tr("Send check-in"), m_inactivityBar);
    m_idleClose =
        button(tr("C&lose chat"), QStringLiteral("idleCloseButton"), tr("Close chat after silence"), m_inactivityBar);
    inactivityLayout->addWidget(m_inactivityText, 1);
    inactivityLayout->addWidget(m_checkIn);
    inactivityLayout->addWidget(m_idleClose);
    m_inactivityBar->setAutoFillBackground(true);
    m_inactivityBar->setBackgroundRole(QPalette::ToolTipBase);
    chatLayout->addWidget(m_inactivityBar);
    connect(m_checkIn, &QPushButton::clicked, this, [this] {
        if (m_current.isEmpty() || !m_shift.checkInOffered(m_current))
            return;
        m_shift.sendMessage(m_current, tr("Are you still there? Take your time, I'm here when you're ready."));
        m_shift.markCheckInSent(m_current);
        showConversation();
    });
    connect(m_idleClose, &QPushButton::clicked, this, [this] {
        if (m_current.isEmpty())
            return;
        m_shift.sendMessage(m_current, tr("I haven't heard from you for a while, so I'm closing this chat. You can "
                                          "reach us again any time."));
        m_shift.session().end(m_current, true);
    });

    auto *prompts = new QHBoxLayout;
    m_safetyCheck =
        button(tr("&Safety check"), QStringLiteral("safetyCheckButton"), tr("Insert the safety check"), chat);
    m_confidentiality = button(tr("Con&fidentiality notice"), QStringLiteral("confidentialityButton"),
                               tr("Insert the confidentiality and mandatory-reporting notice"), chat);
    m_codeWord = new QLineEdit(chat);
    m_codeWord->setObjectName(QStringLiteral("codeWord"));
    m_codeWord->setAccessibleName(tr("Code word for this chat (kept in memory only)"));
    m_codeWord->setPlaceholderText(tr("Code word"));
    connect(m_safetyCheck, &QPushButton::clicked, this, [this] { insertPrompt(Shift::Prompt::SafetyCheck); });
    connect(m_confidentiality, &QPushButton::clicked, this, [this] { insertPrompt(Shift::Prompt::Confidentiality); });
    connect(m_codeWord, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_current.isEmpty())
            m_shift.setCodeWord(m_current, text);
    });
    prompts->addWidget(m_safetyCheck);
    prompts->addWidget(m_confidentiality);
    prompts->addWidget(m_codeWord, 1);
    chatLayout->addLayout(prompts);

    m_transcript = new TranscriptView(chat);
    connect(m_transcript, &QListView::activated, this, &MainWindow::onTranscriptActivated);
    chatLayout->addWidget(m_transcript, 1);

    auto *composeRow = new QHBoxLayout;
    m_composer = new Composer(chat);
    m_composer->setMaximumHeight(110);
    m_length = label(QStringLiteral("lengthCounter"), tr("Message length and limit"), chat);
    m_send = button(tr("Sen&d"), QStringLiteral("sendButton"), tr("Send message"), chat);
    m_endChat = button(tr("&End chat"), QStringLiteral("endChatButton"), tr("End this chat"), chat);
    auto *composeButtons = new QVBoxLayout;
    composeButtons->addWidget(m_length);
    composeButtons->addWidget(m_send);
    composeButtons->addWidget(m_endChat);
    composeRow->addWidget(m_composer, 1);
    composeRow->addLayout(composeButtons);
    chatLayout->addLayout(composeRow);
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::sendCurrent);
    connect(m_send, &QPushButton::clicked, this, &MainWindow::sendCurrent);
    connect(m_composer, &Composer::leaveRequested, this, [this] { m_conversations->setFocus(); });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        updateLength();
        if (m_current.isEmpty())
            return;
        m_drafts.insert(m_current, m_composer->toPlainText());
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

    splitter->addWidget(side);
    splitter->addWidget(chat);
    splitter->setStretchFactor(1, 3);
    return content;
}

QWidget *MainWindow::buildLockPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("lockPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *message = label(QStringLiteral("lockMessage"), tr("Locked"), page);
    message->setText(tr("Advocate Desk is locked. Chats stay connected. Enter your password to continue."));
    m_lockAlert = label(QStringLiteral("lockAlert"), tr("Alerts while locked"), page);
    m_unlockPassword = new QLineEdit(page);
    m_unlockPassword->setObjectName(QStringLiteral("unlockPassword"));
    m_unlockPassword->setAccessibleName(tr("Password to unlock"));
    m_unlockPassword->setEchoMode(QLineEdit::Password);
    auto *unlock = button(tr("&Unlock"), QStringLiteral("unlockButton"), tr("Unlock"), page);
    m_unlockError = label(QStringLiteral("unlockError"), tr("Unlock problem"), page);
    connect(unlock, &QPushButton::clicked, this, &MainWindow::tryUnlock);
    connect(m_unlockPassword, &QLineEdit::returnPressed, this, &MainWindow::tryUnlock);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{message, m_lockAlert, m_unlockPassword, unlock, m_unlockError})
        layout->addWidget(widget);
    layout->addStretch();
    return page;
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
        m_pendingPrompt.reset();
        m_transcript->showTranscript(m_shift.transcript(id));
        {
            const QSignalBlocker blocker(m_composer);
            m_composer->setPlainText(m_drafts.value(id));
            m_composer->moveCursor(QTextCursor::End);
        }
        m_codeWord->setText(m_shift.codeWord(id));
        updateLength();
    }
    const QModelIndex index = conversations->index(row);
    if (m_conversations->currentIndex() != index)
        m_conversations->setCurrentIndex(index);
    m_shift.markRead(id);
    showConversation();
    if (TranscriptModel *transcript = m_shift.transcript(id)) {
        connect(
            transcript, &QAbstractItemModel::rowsInserted, m_transcript,
            [this, transcript] {
                if (m_transcript->model() == transcript)
                    m_transcript->scrollToBottom();
            },
            Qt::UniqueConnection);
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
    m_send->setEnabled(open);
    m_endChat->setEnabled(open);
    m_codeWord->setEnabled(has);
    m_safetyCheck->setEnabled(open);
    m_confidentiality->setEnabled(open);
    m_safetyCheck->setText(has && m_shift.promptGiven(m_current, Shift::Prompt::SafetyCheck)
                               ? tr("&Safety check (given)")
                               : tr("&Safety check"));
    m_confidentiality->setText(has && m_shift.promptGiven(m_current, Shift::Prompt::Confidentiality)
                                   ? tr("Con&fidentiality notice (given)")
                                   : tr("Con&fidentiality notice"));
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
    const QMap<QString, QList<int>> waits = m_shift.session().queueWaits();
    QStringList lines;
    int total = 0;
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        const QLocale locale(it.key());
        const QString language =
            locale.language() == QLocale::C ? it.key() : QLocale::languageToString(locale.language());
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
    if (m_pendingPrompt)
        m_shift.sendPrompt(m_current, *m_pendingPrompt, text);
    else
        m_shift.sendMessage(m_current, text);
    m_pendingPrompt.reset();
    m_drafts.remove(m_current);
    m_composer->clear();
    if (m_typing)
        m_shift.session().setTyping(m_current, false);
    m_typing = false;
    showConversation();
}

void MainWindow::insertPrompt(Shift::Prompt prompt)
{
    const QString text =
        prompt == Shift::Prompt::SafetyCheck
            ? tr("Before we go on: are you worried that anyone else might have access to your device or our "
                 "conversation?")
            : tr("What you share here stays confidential, with some exceptions: if you tell me a child or a "
                 "vulnerable adult is being hurt, I may have to report it. Please ask me if you have questions.");
    m_composer->setPlainText(text);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
    m_pendingPrompt = prompt;
}

void MainWindow::onTranscriptActivated(const QModelIndex &index)
{
    if (index.data(TranscriptModel::DeliveryRole).toInt() == static_cast<int>(TranscriptModel::Delivery::Failed))
        m_shift.retry(m_current, index.data(TranscriptModel::ClientIdRole).toString());
}

void MainWindow::onInactivity(const QString &conversation, int stage)
{
    if (stage >= 2 && m_autoIdleClose) {
        m_shift.sendMessage(conversation, tr("I haven't heard from you for a while, so I'm closing this chat. You "
                                             "can reach us again any time."));
        m_shift.session().end(conversation, true);
    }
    showConversation();
}

void MainWindow::onLockedChanged(bool locked)
{
    if (locked) {
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
    Q_EMIT shiftEnded(wipe.complete);
}

} // namespace advocate
