// SPDX-License-Identifier: GPL-3.0-only
#include "MainMenus.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace advocate {

namespace {

QAction *addAction(QMenu *menu, const char *objectName)
{
    QAction *action = menu->addAction(QString());
    action->setObjectName(QLatin1String(objectName));
    return action;
}

} // namespace

MainMenus::MainMenus(QMenuBar &bar) : QObject(&bar)
{
    m_shiftMenu = bar.addMenu(QString());
    m_lock = addAction(m_shiftMenu, "lockAction");
    m_lock->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_lock, &QAction::triggered, this, &MainMenus::lockRequested);
    m_shiftLog = addAction(m_shiftMenu, "shiftLogAction");
    connect(m_shiftLog, &QAction::triggered, this, &MainMenus::shiftLogRequested);
    m_endShift = addAction(m_shiftMenu, "endShiftAction");
    connect(m_endShift, &QAction::triggered, this, &MainMenus::endShiftRequested);

    m_toolsMenu = bar.addMenu(QString());
    m_canned = addAction(m_toolsMenu, "cannedAction");
    connect(m_canned, &QAction::triggered, this, &MainMenus::cannedResponsesRequested);
    m_settings = addAction(m_toolsMenu, "settingsAction");
    connect(m_settings, &QAction::triggered, this, &MainMenus::settingsRequested);
    m_practiceChat = addAction(m_toolsMenu, "practiceChatAction");
    connect(m_practiceChat, &QAction::triggered, this, &MainMenus::practiceChatRequested);
    setPractice(false);
    retranslate();
}

void MainMenus::setOnShift(bool onShift)
{
    m_endShift->setEnabled(onShift);
    m_lock->setEnabled(onShift);
}

void MainMenus::setPractice(bool practice)
{
    m_practiceChat->setVisible(practice);
    m_practiceChat->setEnabled(practice);
}

void MainMenus::retranslate()
{
    m_shiftMenu->setTitle(tr("&Shift"));
    m_lock->setText(tr("&Lock"));
    m_endShift->setText(tr("&End shift…"));
    m_shiftLog->setText(tr("Shift log for the ne&xt shift…"));
    m_toolsMenu->setTitle(tr("T&ools"));
    m_canned->setText(tr("&Canned responses"));
    m_settings->setText(tr("S&ettings…"));
    m_practiceChat->setText(tr("Start a &practice chat…"));
    // After the texts, so that no text's mnemonic can stand in for a shortcut.
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_canned->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
}

} // namespace advocate
