// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "handoff/HandoffNote.h"
#include "protocol/Frames.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace advocate {

class Chat;
class CheckedTextEdit;
class Handoffs;
class LiveLabel;

// "Hand this chat on" (WS12): to a colleague on shift, to the supervisors or back to the queue, with the structured
// handoff note (summary, safety concerns, what was promised, next step) and the code word. Each field warns about
// identifying details as the advocate types. Offering changes nothing yet: the chat stays the advocate's until the
// colleague accepts (or, for the queue, until the relay confirms).
class HandoffDialog : public QDialog
{
    Q_OBJECT
public:
    HandoffDialog(Handoffs &handoffs, Chat &chat, const QString &chatName, int maxNoteChars, QWidget *parent = nullptr);

    HandoffNote note() const;
    frame::TransferTarget target() const;
    QString colleague() const;
    // Offers the chat as the form says (what the Offer button does).
    void offer();

private:
    void fillRoster();
    void updateState();

    Handoffs &m_handoffs;
    QPointer<Chat> m_chat;
    int m_maxNoteChars;
    QRadioButton *m_toColleague = nullptr;
    QComboBox *m_colleagues = nullptr;
    QRadioButton *m_toSupervisors = nullptr;
    QRadioButton *m_toQueue = nullptr;
    CheckedTextEdit *m_summary = nullptr;
    CheckedTextEdit *m_safety = nullptr;
    CheckedTextEdit *m_promised = nullptr;
    CheckedTextEdit *m_nextStep = nullptr;
    QLineEdit *m_codeWord = nullptr;
    LiveLabel *m_length = nullptr;
    QPushButton *m_offer = nullptr;
};

} // namespace advocate
