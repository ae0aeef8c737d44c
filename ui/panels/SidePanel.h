// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QMap>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;

namespace advocate {

class ConversationListModel;
class LiveLabel;
class Shift;

// The left side of the window (WS5): the shift's status line, availability, the queue per language with the
// longest wait (no alias, no content), "take next", the open chats against the cap, and "my conversations".
class SidePanel : public QWidget
{
    Q_OBJECT
public:
    SidePanel(Shift &shift, ConversationListModel *conversations, QWidget *parent = nullptr);

    QListView *conversationList() const { return m_conversations; }
    // A sentence for the advocate about the shift (availability, refusals, cache problems, the shift's end).
    void showStatus(const QString &text);
    // The per-advocate cap to show until the relay's signed_in brings its own (the relay enforces it).
    void setCap(int cap);
    int cap() const { return m_cap; }
    void showCap();
    // From the relay's queue_summary; an empty map clears the queue (the shift ended).
    void showQueue(const QMap<QString, int> &waiting);
    // The session's state changed: "take next" follows it.
    void showSessionState();
    // The shift ended: not available, nobody shown waiting.
    void forgetShift();

Q_SIGNALS:
    void conversationChosen(int row);
    // More survivors wait than at the last summary (for the one "new chat waiting" alert).
    void survivorJoinedQueue();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    static QString languageName(const QString &tag);

    Shift &m_shift;
    LiveLabel *m_status = nullptr;
    QCheckBox *m_available = nullptr;
    LiveLabel *m_queue = nullptr;
    QPushButton *m_takeNext = nullptr;
    LiveLabel *m_capLabel = nullptr;
    QLabel *m_listTitle = nullptr;
    QListView *m_conversations = nullptr;
    QMap<QString, int> m_lastWaiting;
    int m_waiting = 0;
    int m_cap = 1;
};

} // namespace advocate
