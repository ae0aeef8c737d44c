// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/ClientSession.h"
#include "client/Shift.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;

namespace advocate {

class AppLock;
class Composer;
class EndShiftDialog;
class Notifier;
class ScreenLockWatcher;
class TranscriptView;

// The advocate's main window (requirements WS5–WS7, WS10, WS11, WS15–WS17): the queue and "my conversations"
// on the left, the current conversation's transcript and composer on the right, and the lock screen. It owns
// no conversation state: the Shift holds it and the widgets only show it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Shift &shift, QWidget *parent = nullptr);
    ~MainWindow() override;

    AppLock &appLock() { return *m_lock; }
    Notifier &notifier() { return *m_notifier; }
    ScreenLockWatcher &screenLock() { return *m_screenLock; }
    // The per-advocate cap to show until the relay's signed_in brings its own (the relay enforces it).
    void setCap(int cap);
    // Program policy: close automatically at the T2 stage instead of offering the close.
    void setAutoIdleClose(bool automatic) { m_autoIdleClose = automatic; }
    QString currentConversation() const { return m_current; }
    void selectConversation(int row);
    void requestEndShift();

Q_SIGNALS:
    // The shift ended and its cache was wiped (or the wipe reported a problem).
    void shiftEnded(bool wipeComplete);

private:
    QWidget *buildContent();
    QWidget *buildLockPage();
    void sendCurrent();
    void showConversation();
    void showQueue(const QMap<QString, int> &waiting);
    void showSessionState();
    void showCap();
    void updateLength();
    void onInactivity(const QString &conversation, int stage);
    void onLockedChanged(bool locked);
    void tryUnlock();
    void endShiftWith(const QString &reason, frame::OverrideCategory category);
    void showEndResult(const Shift::EndResult &result);
    void onTranscriptActivated(const QModelIndex &index);
    void insertPrompt(Shift::Prompt prompt);
    QString chatName(const QString &conversation) const;

    Shift &m_shift;
    AppLock *m_lock = nullptr;                 // child
    Notifier *m_notifier = nullptr;            // child
    ScreenLockWatcher *m_screenLock = nullptr; // child
    QStackedWidget *m_pages = nullptr;         // central widget
    QWidget *m_content = nullptr;
    // While locked, the content lives here, outside the window: hidden from the screen and the accessibility tree.
    std::unique_ptr<QWidget> m_vault;
    QWidget *m_lockPage = nullptr;
    QLabel *m_shiftStatus = nullptr;
    QLabel *m_connection = nullptr;
    QCheckBox *m_available = nullptr;
    QLabel *m_queue = nullptr;
    QPushButton *m_takeNext = nullptr;
    QLabel *m_capLabel = nullptr;
    QListView *m_conversations = nullptr;
    QLabel *m_chatHeader = nullptr;
    QWidget *m_inactivityBar = nullptr;
    QLabel *m_inactivityText = nullptr;
    QPushButton *m_checkIn = nullptr;
    QPushButton *m_idleClose = nullptr;
    QPushButton *m_safetyCheck = nullptr;
    QPushButton *m_confidentiality = nullptr;
    QLineEdit *m_codeWord = nullptr;
    TranscriptView *m_transcript = nullptr;
    Composer *m_composer = nullptr;
    QLabel *m_length = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_endChat = nullptr;
    QLabel *m_lockAlert = nullptr;
    QLineEdit *m_unlockPassword = nullptr;
    QLabel *m_unlockError = nullptr;
    QPointer<EndShiftDialog> m_endShiftDialog;
    QTimer m_tick;
    QTimer m_typingIdle;
    QString m_current;
    QHash<QString, QString> m_drafts; // memory only
    std::optional<Shift::Prompt> m_pendingPrompt;
    int m_cap = 1;
    int m_waiting = 0;
    bool m_typing = false;
    bool m_autoIdleClose = false;
};

} // namespace advocate
