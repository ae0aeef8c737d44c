// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;

namespace advocate {

// The main window's menu bar: Shift (lock, the shift log for the next shift, end shift) and Tools (canned responses,
// settings; on a practice relay, start a practice chat), with their mnemonics and shortcuts. It owns the actions and
// says which one was chosen; the window does the rest. Its texts and shortcuts are set in retranslate().
class MainMenus : public QObject
{
    Q_OBJECT
public:
    // Builds the menus into `bar` (which owns this); tests find the actions by object name.
    explicit MainMenus(QMenuBar &bar);

    // Off shift there is nothing to lock or end.
    void setOnShift(bool onShift);
    // Signed in to a practice relay (issue 18): Tools offers to start a practice chat; otherwise it is not there.
    void setPractice(bool practice);
    // The texts in the current language; the window calls it on a language change.
    void retranslate();

Q_SIGNALS:
    void lockRequested();
    void shiftLogRequested();
    void endShiftRequested();
    void cannedResponsesRequested();
    void settingsRequested();
    void practiceChatRequested();

private:
    QMenu *m_shiftMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_endShift = nullptr;
    QAction *m_shiftLog = nullptr;
    QAction *m_canned = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_practiceChat = nullptr;
};

} // namespace advocate
