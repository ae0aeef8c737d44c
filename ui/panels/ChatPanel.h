// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/Chat.h"

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace advocate {

class LiveLabel;
class MessageBar;
class PracticeReportPanel;
class Shift;
class TranscriptModel;
class TranscriptView;

// The chat on screen (WS6, WS10, WS11): its header (name, state, language, typing), the silence bar with the one
// check-in and the idle close, the notice reminder, the safety-check and notice prompts with their state, the code
// word, and the transcript. It shows one Chat and acts on it; the compose area sits below it (setComposeArea).
class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    ChatPanel(Shift &shift, TranscriptModel *transcript, QWidget *parent = nullptr);

    // The chat to show; nullptr shows "no chat selected".
    void showChat(Chat *chat);
    Chat *chat() const { return m_chat; }
    // Shows the chat's current state again (it changed).
    void refresh();
    void setComposeArea(QWidget *area);
    TranscriptView *transcriptView() const { return m_transcript; }

Q_SIGNALS:
    // The advocate asked for a prompt's text in the composer, for editing (never sent unseen).
    void promptRequested(advocate::Chat::Prompt prompt);
    void checkInRequested();
    // The advocate wants to hand this chat on (WS12).
    void handOnRequested();
    void idleCloseRequested();
    // The keyboard should go back to the composer.
    void composerFocusRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString chatName() const;

    Shift &m_shift;
    QPointer<Chat> m_chat;
    QVBoxLayout *m_layout = nullptr;
    LiveLabel *m_header = nullptr;
    MessageBar *m_inactivityBar = nullptr;
    QPushButton *m_checkIn = nullptr;
    QPushButton *m_idleClose = nullptr;
    MessageBar *m_noticeBar = nullptr;
    QPushButton *m_noticeInsert = nullptr;
    QPushButton *m_noticeLater = nullptr;
    QPushButton *m_safetyCheck = nullptr;
    QPushButton *m_confidentiality = nullptr;
    LiveLabel *m_noticeStatus = nullptr;
    QLineEdit *m_codeWord = nullptr;
    QPushButton *m_handOn = nullptr;
    QPushButton *m_raiseHand = nullptr; // ask a supervisor (section 17)
    QPushButton *m_whisper = nullptr;
    QPushButton *m_leave = nullptr;   // a supervisor present without answering
    MessageBar *m_offerBar = nullptr; // our offer of this chat waits for an answer
    QPushButton *m_withdraw = nullptr;
    MessageBar *m_noteBar = nullptr; // the note of a chat handed to us
    PracticeReportPanel *m_practiceReport = nullptr;
    TranscriptView *m_transcript = nullptr;
};

} // namespace advocate
