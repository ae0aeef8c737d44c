// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QObject>

namespace advocate {

// Tells when the operating system locks the screen (requirement WS15), where the platform says so: on Linux the
// freedesktop and GNOME screen-saver D-Bus signals on the session bus. Elsewhere it stays silent and the idle
// timer and the shortcut still lock.
class ScreenLockWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ScreenLockWatcher(QObject *parent = nullptr);

    // False where no screen-lock signal could be subscribed to.
    bool isWatching() const { return m_watching; }

Q_SIGNALS:
    void screenLocked();

private Q_SLOTS:
    // Called by D-Bus (QtDBus connects by signature, hence a slot).
    void onActiveChanged(bool active);

private:
    bool m_watching = false;
};

} // namespace advocate
