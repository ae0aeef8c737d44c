// SPDX-License-Identifier: GPL-3.0-only
#include "Notifier.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace advocate {

Notifier::Notifier(QObject *parent) : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(tr("Advocate Desk"));
        m_tray->show();
    }
}

Notifier::~Notifier() = default;

QString Notifier::text(Alert alert)
{
    switch (alert) {
    case Alert::NewChatWaiting:
        return tr("New chat waiting");
    case Alert::NewChat:
        return tr("New chat");
    case Alert::NewMessage:
        return tr("New message");
    case Alert::ShiftEndingSoon:
        return tr("Shift ending soon");
    case Alert::SupervisorNeeded:
        return tr("A colleague asks for a supervisor");
    case Alert::ShiftEndReason:
        return tr("A colleague ended a shift with chats open");
    }
    return {};
}

void Notifier::notify(Alert alert)
{
    m_last = text(alert);
    if (m_tray) {
        m_tray->setToolTip(tr("Advocate Desk: %1").arg(m_last));
        m_tray->showMessage(tr("Advocate Desk"), m_last, QSystemTrayIcon::Information, 5000);
    }
    QApplication::alert(nullptr);
    Q_EMIT notified(m_last);
}

} // namespace advocate
