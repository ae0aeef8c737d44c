// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "Notifier.h"
#include "canned/CannedSearchModel.h"
#include "canned/DraftChecks.h"
#include "client/ClientSession.h"
#include "client/Shift.h"
#include "client/WorkstationSettings.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class QLineEdit;
class QListView;
class QStackedWidget;

namespace advocate {

class AppLock;
class ChatPanel;
class ComposePanel;
class LiveLabel;
class MainMenus;
class PracticeBanner;
class PracticeChatDialog;
class PracticeSurvivors;
class LockScreen;
class ShiftEndedPage;
class SidePanel;
class StatisticsDialog;
class SupervisorPanel;
class ConversationListModel;
class TranscriptModel;
class CannedContext;
class CannedPicker;
class CannedQuickSearch;
class Composer;
class DraftWarningsPanel;
class EndShiftDialog;
class Notifier;
class ScreenLockWatcher;
class TranscriptView;
class UiLanguage;

// The advocate's main window (requirements WS5–WS11, WS15–WS18): the queue and "my conversations" on the left,
// the current conversation's transcript and composer in the middle, the canned-response panel on the right
// (Ctrl+K), and the lock screen. It owns no conversation state: the Shift holds it and the widgets only show it.
// Every text is set in retranslate(), so switching the language in Settings changes the window at once.
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
    // Enables the language choice in Settings and applies the stored one.
    void setUiLanguage(UiLanguage *language);
    // The name canned responses use for {advocate} (Settings; the signed-in user name until set).
    void setAdvocateName(const QString &name);
    QString advocateName() const;
    // What Settings shows and where each value came from (IT's are locked there).
    void setSettings(const WorkstationSettings &settings) { m_settings = settings; }
    // Shows or hides the canned-response panel; shown, it takes the keyboard.
    void toggleCannedPicker();
    void openSettings();

Q_SIGNALS:
    // The shift ended and its cache was wiped (or the wipe reported a problem).
    void shiftEnded(bool wipeComplete);
    // On the "shift ended" page the advocate asked for a new shift (a new sign-in starts it).
    void newShiftRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildContent();
    void retranslate();
    void onLibraryChanged();
    void closeDialogsForLock();
    // Handoff (WS12) and the shift log (WS13): the dialogs.
    void handOnCurrentChat();
    // The end-shift dialog's "hand them on": the note tool for each open chat in turn.
    void handOnOpenChats();
    void writeShiftLog();
    // A supervisor's statistics view (RL10): one at a time, not modal.
    void openStatistics();
    // Practice (issue 18): start a scripted survivor on the practice relay; one dialog at a time, not modal.
    void openPracticeChat();
    void forgetShift();
    // One alert: the notification, and the lock screen's line while locked.
    void alert(Notifier::Alert alert);
    Chat *currentChat() const;
    void showConversation();
    void showSessionState();
    void onInactivity(const QString &conversation, int stage);
    void onLockedChanged(bool locked);
    void endShiftWith(const QString &reason, frame::OverrideCategory category);
    void showEndResult(const Shift::EndResult &result);
    QString chatName(const QString &conversation) const;

    Shift &m_shift;
    ConversationListModel *m_conversationModel = nullptr; // child
    TranscriptModel *m_transcriptModel = nullptr;         // child
    AppLock *m_lock = nullptr;                            // child
    Notifier *m_notifier = nullptr;                       // child
    ScreenLockWatcher *m_screenLock = nullptr;            // child
    QStackedWidget *m_pages = nullptr;                    // in the central widget, under the practice banner
    PracticeBanner *m_practiceBanner = nullptr;           // above every page (issue 18)
    QWidget *m_content = nullptr;
    // While locked, the content lives here, outside the window: hidden from the screen and the accessibility tree.
    std::unique_ptr<QWidget> m_vault;
    LockScreen *m_lockScreen = nullptr;
    ShiftEndedPage *m_endedPage = nullptr;
    LiveLabel *m_connection = nullptr;
    SidePanel *m_side = nullptr;
    SupervisorPanel *m_supervisorPanel = nullptr;
    ChatPanel *m_chatPanel = nullptr;
    ComposePanel *m_compose = nullptr;
    CannedPicker *m_picker = nullptr;
    CannedContext *m_canned = nullptr; // child
    MainMenus *m_menus = nullptr;      // child of the menu bar
    UiLanguage *m_uiLanguage = nullptr;
    WorkstationSettings m_settings;
    QPointer<EndShiftDialog> m_endShiftDialog;
    QPointer<StatisticsDialog> m_statistics;
    QPointer<PracticeChatDialog> m_practiceChat;
    PracticeSurvivors *m_practiceSurvivors = nullptr; // child
    QTimer m_tick;
    QString m_current;
    QString m_handedOnLast; // the chat whose handoff dialog handOnOpenChats() opened last
    bool m_autoIdleClose = false;
};

} // namespace advocate
