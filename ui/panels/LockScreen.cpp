// SPDX-License-Identifier: GPL-3.0-only
#include "LockScreen.h"

#include "AppLock.h"
#include "LiveLabel.h"

#include <QEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

LockScreen::LockScreen(AppLock &lock, QWidget *parent) : QWidget(parent), m_lock(lock)
{
    setObjectName(QStringLiteral("lockPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_message = new LiveLabel(this);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_alert = new LiveLabel(this);
    m_alert->setObjectName(QStringLiteral("lockAlert"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_unlock = new QPushButton(this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_error = new LiveLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_message, m_alert, m_password, m_unlock, m_error})
        layout->addWidget(widget);
    layout->addStretch();
    retranslate();
}

void LockScreen::enter()
{
    m_alert->clear();
    m_error->clear();
    m_password->clear();
    m_password->setFocus();
}

void LockScreen::leave()
{
    m_password->clear();
    m_alert->clear();
    m_error->clear();
}

void LockScreen::showAlert(const QString &text)
{
    m_alert->setText(text);
}

void LockScreen::tryUnlock()
{
    const QString password = m_password->text();
    m_password->clear();
    if (!m_lock.unlock(password))
        m_error->setText(tr("That password is not right."));
}

void LockScreen::retranslate()
{
    m_message->setAccessibleName(tr("Locked"));
    m_message->setText(tr("Advocate Desk is locked. Chats stay connected. Enter your password to continue."));
    m_alert->setAccessibleName(tr("Alerts while locked"));
    m_password->setAccessibleName(tr("Password to unlock"));
    m_unlock->setText(tr("&Unlock"));
    m_unlock->setAccessibleName(tr("Unlock"));
    m_error->setAccessibleName(tr("Unlock problem"));
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
