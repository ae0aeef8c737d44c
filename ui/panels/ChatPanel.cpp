// SPDX-License-Identifier: GPL-3.0-only
#include "ChatPanel.h"

#include "LiveLabel.h"
#include "MessageBar.h"
#include "OfferPanel.h"
#include "PracticeReportPanel.h"
#include "TranscriptView.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"
#include "client/TranscriptModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

ChatPanel::ChatPanel(Shift &shift, TranscriptModel *transcript, QWidget *parent) : QWidget(parent), m_shift(shift)
{
    setObjectName(QStringLiteral("chatPanel"));
    m_layout = new QVBoxLayout(this);
    auto *headerRow = new QHBoxLayout;
    m_header = new LiveLabel(this);
    m_header->setObjectName(QStringLiteral("chatHeader"));
    m_header->setWordWrap(true);
    headerRow->addWidget(m_header, 1);
    // Handing the chat on is about the whole chat: beside its name, not among the prompts.
    m_handOn = new QPushButton(this);
    m_handOn->setObjectName(QStringLiteral("handOnButton"));
    connect(m_handOn, &QPushButton::clicked, this, &ChatPanel::handOnRequested);
    headerRow->addWidget(m_handOn);
    // Asking a supervisor is one keystroke (Ctrl+Shift+H); whispers and leaving are for chats with staff in them.
    m_raiseHand = new QPushButton(this);
    m_raiseHand->setObjectName(QStringLiteral("raiseHandButton"));
    m_raiseHand->setCheckable(true);
    connect(m_raiseHand, &QPushButton::clicked, this, [this](bool raised) {
        if (m_chat)
            m_chat->raiseHand(raised);
    });
    headerRow->addWidget(m_raiseHand);
    m_whisper = new QPushButton(this);
    m_whisper->setObjectName(QStringLiteral("whisperButton"));
    connect(m_whisper, &QPushButton::clicked, this, [this] {
        if (!m_chat)
            return;
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("Whisper"), tr("A note only the staff in this chat see. The survivor never sees it."), QString(),
            &ok);
        if (ok && m_chat)
            m_chat->whisper(text);
    });
    headerRow->addWidget(m_whisper);
    m_leave = new QPushButton(this);
    m_leave->setObjectName(QStringLiteral("leaveChatButton"));
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (m_chat)
            m_shift.supervision().leave(m_chat->id());
    });
    headerRow->addWidget(m_leave);
    m_layout->addLayout(headerRow);

    m_inactivityBar = new MessageBar(QStringLiteral("inactivity"), this);
    m_checkIn = m_inactivityBar->addButton(QStringLiteral("checkInButton"));
    m_idleClose = m_inactivityBar->addButton(QStringLiteral("idleCloseButton"));
    m_layout->addWidget(m_inactivityBar);
    connect(m_checkIn, &QPushButton::clicked, this, &ChatPanel::checkInRequested);
    connect(m_idleClose, &QPushButton::clicked, this, &ChatPanel::idleCloseRequested);

    // The confidentiality / mandatory-reporting notice reminder (issue 6, item 5): gentle, dismissable.
    m_noticeBar = new MessageBar(QStringLiteral("noticeReminder"), this);
    m_noticeInsert = m_noticeBar->addButton(QStringLiteral("noticeInsertButton"));
    m_noticeLater = m_noticeBar->addButton(QStringLiteral("noticeLaterButton"));
    m_layout->addWidget(m_noticeBar);
    connect(m_noticeInsert, &QPushButton::clicked, this,
            [this] { Q_EMIT promptRequested(Chat::Prompt::Confidentiality); });
    connect(m_noticeLater, &QPushButton::clicked, this, [this] {
        if (!m_chat)
            return;
        m_chat->dismissNoticeReminder();
        refresh();
        Q_EMIT composerFocusRequested();
    });

    // Handoff (WS12): our standing offer of this chat, and the note of a chat handed to us.
    m_offerBar = new MessageBar(QStringLiteral("handoffOffer"), this);
    m_withdraw = m_offerBar->addButton(QStringLiteral("withdrawOfferButton"));
    m_layout->addWidget(m_offerBar);
    connect(m_withdraw, &QPushButton::clicked, this, [this] {
        if (m_chat)
            m_shift.handoffs().withdraw(m_chat->id());
    });
    connect(&m_shift.handoffs(), &Handoffs::outgoingChanged, this, [this] { refresh(); });
    m_noteBar = new MessageBar(QStringLiteral("handoffNote"), this);
    m_noteBar->text()->setWordWrap(true);
    m_noteBar->text()->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_layout->addWidget(m_noteBar);
    // A practice chat's report (issue 18): opens by itself when the chat is over; hidden on a live relay.
    m_practiceReport = new PracticeReportPanel(m_shift.practiceReports(), this);
    m_layout->addWidget(m_practiceReport);

    auto *prompts = new QHBoxLayout;
    m_safetyCheck = new QPushButton(this);
    m_safetyCheck->setObjectName(QStringLiteral("safetyCheckButton"));
    m_confidentiality = new QPushButton(this);
    m_confidentiality->setObjectName(QStringLiteral("confidentialityButton"));
    m_noticeStatus = new LiveLabel(this);
    m_noticeStatus->setObjectName(QStringLiteral("noticeStatus"));
    // Its few words on one line, never wrapped or squeezed: the code word field takes what is left.
    m_noticeStatus->setWordWrap(false);
    m_noticeStatus->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    m_codeWord = new QLineEdit(this);
    m_codeWord->setObjectName(QStringLiteral("codeWord"));
    connect(m_safetyCheck, &QPushButton::clicked, this, [this] { Q_EMIT promptRequested(Chat::Prompt::SafetyCheck); });
    connect(m_confidentiality, &QPushButton::clicked, this,
            [this] { Q_EMIT promptRequested(Chat::Prompt::Confidentiality); });
    connect(m_codeWord, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_chat)
            m_chat->setCodeWord(text);
    });
    prompts->addWidget(m_safetyCheck);
    prompts->addWidget(m_confidentiality);
    prompts->addWidget(m_noticeStatus);
    prompts->addWidget(m_codeWord, 1);
    m_codeWord->setMinimumWidth(m_codeWord->fontMetrics().averageCharWidth() * 14);
    m_layout->addLayout(prompts);

    m_transcript = new TranscriptView(this);
    m_transcript->showTranscript(transcript);
    // New rows scroll the transcript down.
    connect(transcript, &QAbstractItemModel::rowsInserted, m_transcript, &QListView::scrollToBottom);
    // Enter on a failed message retries it.
    connect(m_transcript, &QListView::activated, this, [this](const QModelIndex &index) {
        const QVariant delivery = index.data(TranscriptModel::DeliveryRole);
        if (m_chat && delivery.isValid() && delivery.toInt() == static_cast<int>(DeliveryState::Failed))
            m_chat->retry(index.data(TranscriptModel::ClientIdRole).toString());
    });
    m_layout->addWidget(m_transcript, 1);
    retranslate();
}

void ChatPanel::setComposeArea(QWidget *area)
{
    m_layout->addWidget(area);
}

void ChatPanel::showChat(Chat *chat)
{
    if (chat != m_chat) {
        m_chat = chat;
        // setText, unlike clear(), drops the undo history: no code word of another chat comes back with Ctrl+Z.
        m_codeWord->setText(chat ? chat->codeWord() : QString());
        m_transcript->scrollToBottom();
    }
    refresh();
}

QString ChatPanel::chatName() const
{
    const qsizetype row = m_shift.chats().indexOf(m_chat.data());
    return row < 0 ? QString() : ConversationListModel::chatName(static_cast<int>(row), m_chat->alias());
}

void ChatPanel::refresh()
{
    m_practiceReport->showChat(m_chat);
    const Chat *chat = m_chat;
    const bool has = chat != nullptr;
    const bool open = has && chat->isOpen();
    const int stage = has ? chat->inactivityStage() : 0;
    if (has) {
        QString header = tr("%1 · %2 · language %3").arg(chatName(), Chat::stateText(chat->state()), chat->language());
        if (chat->peerTyping())
            header += tr(" · survivor is typing…");
        for (const QString &colleague : chat->colleaguesTyping())
            header += tr(" · %1 is typing…").arg(colleague);
        m_header->setText(header);
    } else {
        m_header->setText(tr("No chat selected. Take the next chat from the queue."));
        if (!m_codeWord->text().isEmpty())
            m_codeWord->setText(QString());
    }
    m_codeWord->setEnabled(has);
    // A code word can arrive after the chat is shown (it moves with a handoff); never while the advocate edits it.
    if (has && !m_codeWord->hasFocus() && m_codeWord->text() != chat->codeWord())
        m_codeWord->setText(chat->codeWord());
    const std::optional<Handoffs::Outgoing> offered = has ? m_shift.handoffs().outgoing(chat->id()) : std::nullopt;
    const bool answering = has && chat->participation() == Participation::Answering;
    m_handOn->setEnabled(open && answering && !offered);
    m_raiseHand->setEnabled(open && answering);
    m_raiseHand->setChecked(has && chat->handRaised());
    bool othersPresent = false;
    if (has) {
        for (const frame::Presence &presence : chat->staffPresent())
            othersPresent = othersPresent || presence.participation != Participation::Answering;
    }
    m_whisper->setVisible(open && (othersPresent || !answering));
    m_leave->setVisible(open && !answering);
    if (has && !answering)
        m_header->setText(m_header->text() + QStringLiteral(" · ") +
                          (chat->participation() == Participation::Joined       ? tr("you joined")
                           : chat->participation() == Participation::Monitoring ? tr("you read along silently")
                                                                                : tr("you read along")));
    m_offerBar->setVisible(open && offered.has_value());
    if (offered)
        m_offerBar->text()->setText(tr("You offered this chat to a colleague. It stays yours until they accept."));
    const QString note = has ? OfferPanel::readableNote(chat->handoffNote()) : QString();
    m_noteBar->setVisible(!note.isEmpty());
    m_noteBar->text()->setText(note.isEmpty() ? QString()
                                              : tr("Handoff note from %1:\n%2").arg(chat->handedFrom(), note));
    m_safetyCheck->setEnabled(open);
    m_confidentiality->setEnabled(open);
    m_safetyCheck->setText(has && chat->promptGiven(Chat::Prompt::SafetyCheck) ? tr("Safety c&heck (given)")
                                                                               : tr("Safety c&heck"));
    m_confidentiality->setText(has && chat->promptGiven(Chat::Prompt::Confidentiality)
                                   ? tr("Con&fidentiality notice (given)")
                                   : tr("Con&fidentiality notice"));
    const NoticeReminder::State notice = has ? chat->noticeState() : NoticeReminder::State::NotYetDue;
    m_noticeStatus->setText(!has                                     ? QString()
                            : notice == NoticeReminder::State::Given ? tr("Notice: given")
                                                                     : tr("Notice: not given yet"));
    m_noticeBar->setVisible(open && notice == NoticeReminder::State::Due);
    m_inactivityBar->setVisible(open && stage > 0);
    m_checkIn->setEnabled(open && stage >= 1 && chat->checkInOffered());
    m_idleClose->setVisible(stage >= 2);
    if (stage == 1)
        m_inactivityBar->text()->setText(tr("The survivor has been silent for a while. You can send one check-in."));
    else if (stage >= 2)
        m_inactivityBar->text()->setText(tr("Still no answer. You can close the chat with the closing message."));
}

void ChatPanel::retranslate()
{
    m_header->setAccessibleName(tr("Current chat"));
    m_inactivityBar->text()->setAccessibleName(tr("Survivor silence"));
    m_checkIn->setText(tr("Send &check-in"));
    m_checkIn->setAccessibleName(tr("Send check-in"));
    m_idleClose->setText(tr("C&lose chat"));
    m_idleClose->setAccessibleName(tr("Close chat after silence"));
    m_noticeBar->text()->setAccessibleName(tr("Reminder about the confidentiality notice"));
    m_noticeBar->text()->setText(NoticeReminder::reminderText());
    m_noticeInsert->setText(tr("Insert the &notice"));
    m_noticeInsert->setAccessibleName(tr("Insert the confidentiality and mandatory-reporting notice for editing"));
    m_noticeLater->setText(tr("&Remind me later"));
    m_noticeLater->setAccessibleName(tr("Remind me later about the notice"));
    m_noticeStatus->setAccessibleName(tr("Confidentiality notice status"));
    m_safetyCheck->setAccessibleName(tr("Insert the safety check"));
    m_confidentiality->setAccessibleName(tr("Insert the confidentiality and mandatory-reporting notice"));
    m_codeWord->setAccessibleName(tr("Code word for this chat (kept in memory only)"));
    m_codeWord->setPlaceholderText(tr("Code word"));
    m_handOn->setText(tr("Hand on to a collea&gue…"));
    m_handOn->setAccessibleName(tr("Hand this chat on to a colleague, the supervisors or the queue"));
    m_raiseHand->setText(tr("Ask a supervisor"));
    // After setText, which replaces a button's shortcut with its mnemonic.
    m_raiseHand->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_raiseHand->setAccessibleName(tr("Ask a supervisor for help with this chat (Ctrl+Shift+H)"));
    m_whisper->setText(tr("Whisper…"));
    m_whisper->setAccessibleName(tr("Whisper to the staff in this chat; the survivor never sees it"));
    m_leave->setText(tr("Leave chat"));
    m_leave->setAccessibleName(tr("Leave this chat; the advocate keeps it"));
    m_withdraw->setText(tr("&Withdraw the offer"));
    m_withdraw->setAccessibleName(tr("Withdraw the offer of this chat"));
    m_offerBar->text()->setAccessibleName(tr("Handoff offer"));
    m_noteBar->text()->setAccessibleName(tr("Handoff note"));
    refresh();
}

void ChatPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
