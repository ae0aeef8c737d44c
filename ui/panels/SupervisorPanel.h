// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QWidget>

#include <QTimer>

class QComboBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace advocate {

class BoardModel;
class LiveLabel;
class Supervision;

// A supervisor's view beside their own chats (WS14): the live board of every conversation (no content), the queues
// with their waits, the colleagues on shift with their load against the cap, the blocks and the service notice, the
// alerts (a colleague's reason for ending a shift with chats open), the actions on the selected conversation:
// join, read along, take over, hand back, whisper, block, and the way to the statistics. Shown for the supervisor role
// only; emptied with the shift. Keyboard: the table takes focus, Enter joins the selected chat, every action is a
// button in tab order.
class SupervisorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SupervisorPanel(Supervision &supervision, QWidget *parent = nullptr);

    QTableView *board() const { return m_table; }

Q_SIGNALS:
    // A content-free alert for the window to raise: a colleague asks for a supervisor (repeated every 30 s while a
    // hand is raised), or a colleague ended a shift with chats open.
    void supervisorNeeded();
    void shiftEndReasonArrived();
    // The supervisor asked for the statistics view.
    void statisticsRequested();

private:
    QString selectedConversation() const;
    void refresh();
    void refreshAlerts();
    void updateActions();
    void whisper();
    void block();
    void setNotice();
    void retranslate();
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    Supervision &m_supervision;
    BoardModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    LiveLabel *m_summary = nullptr;
    LiveLabel *m_queues = nullptr;
    LiveLabel *m_staff = nullptr;
    LiveLabel *m_noticeText = nullptr;
    LiveLabel *m_alertText = nullptr;
    QPushButton *m_join = nullptr;
    QPushButton *m_monitor = nullptr;
    QPushButton *m_takeOver = nullptr;
    QPushButton *m_takeOverRelease = nullptr;
    QPushButton *m_handBack = nullptr;
    QPushButton *m_whisper = nullptr;
    QPushButton *m_block = nullptr;
    QComboBox *m_blocks = nullptr;
    QPushButton *m_unblock = nullptr;
    QPushButton *m_notice = nullptr;
    QPushButton *m_statistics = nullptr;
    QPushButton *m_acknowledge = nullptr;
    // The chat the supervisor selected, kept by id while a board frame replaces the rows (section 17): the board
    // changes every second somewhere, and an action must not lose its chat.
    QString m_keptConversation;
    QTimer m_tick;
    QTimer m_handAlert; // repeats the content-free alert while a hand is raised
};

} // namespace advocate
