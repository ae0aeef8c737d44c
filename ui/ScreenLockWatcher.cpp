// SPDX-License-Identifier: GPL-3.0-only
#include "ScreenLockWatcher.h"

#if defined(ADVOCATE_HAVE_DBUS)
#include <QDBusConnection>
#endif

namespace advocate {

ScreenLockWatcher::ScreenLockWatcher(QObject *parent) : QObject(parent)
{
#if defined(ADVOCATE_HAVE_DBUS)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    const bool freedesktop = bus.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
                                         QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"),
                                         this, SLOT(onActiveChanged(bool)));
    const bool gnome =
        bus.connect(QString(), QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
                    QStringLiteral("ActiveChanged"), this, SLOT(onActiveChanged(bool)));
    m_watching = freedesktop || gnome;
#endif
}

void ScreenLockWatcher::onActiveChanged(bool active)
{
    if (active)
        Q_EMIT screenLocked();
}

} // namespace advocate
