// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "practice/PracticeReport.h"

#include <QFrame>
#include <QPointer>

class QPushButton;
class QScrollArea;
class QWidget;

namespace advocate {

class Chat;
class LiveLabel;
class PracticeReports;

// The practice report of the chat on screen (issue 18, docs/practice.md "The practice report"): what happened against
// what the program expects, in readable words, counts and times only. It opens by itself when the chat is over, and
// the advocate (or a supervisor watching, who sees the trainee's report) can open it at any time with its button. Every
// line is a LiveLabel, so a screen reader hears the numbers change, and each can be reached with Tab. On a live relay
// no report exists and the panel stays hidden.
class PracticeReportPanel : public QFrame
{
    Q_OBJECT
public:
    PracticeReportPanel(PracticeReports &reports, QWidget *parent = nullptr);

    // The chat whose report to show; nullptr (or a chat without a report) hides the panel.
    void showChat(Chat *chat);
    // Shows the report again (the chat's state changed).
    void refresh();
    bool detailsShown() const;

private:
    void retranslate();
    void changeEvent(QEvent *event) override;
    void fill(const PracticeReport &report, bool received);
    LiveLabel *addLine(const QString &objectName);

    PracticeReports &m_reports;
    QPointer<Chat> m_chat;
    // The advocate opened (or closed) the report for this chat themselves.
    std::optional<bool> m_openedByHand;
    bool m_chatWasOpen = false;
    QPushButton *m_toggle = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_details = nullptr;
    LiveLabel *m_summary = nullptr;
    LiveLabel *m_firstReply = nullptr;
    LiveLabel *m_safetyCheck = nullptr;
    LiveLabel *m_notice = nullptr;
    LiveLabel *m_checkIns = nullptr;
    LiveLabel *m_warnings = nullptr;
    LiveLabel *m_canned = nullptr;
    LiveLabel *m_handoff = nullptr;
    LiveLabel *m_ending = nullptr;
};

} // namespace advocate
