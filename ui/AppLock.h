// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace advocate {

// When the workstation locks (requirement WS15): after a stretch without keyboard or mouse input, on request
// (shortcut, OS screen lock). Unlocking needs the advocate's password, which is kept only as a salted hash in
// memory for the shift.
class AppLock : public QObject
{
    Q_OBJECT
public:
    explicit AppLock(std::chrono::milliseconds idleTimeout = std::chrono::minutes(5), QObject *parent = nullptr);

    void setPassword(const QString &password);
    bool isLocked() const { return m_locked; }
    void lock();
    // True (and unlocked) when `password` is the advocate's.
    bool unlock(const QString &password);
    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const { return std::chrono::milliseconds(m_idle.interval()); }
    // Starts watching for idleness (after sign-in).
    void arm();
    void disarm();

Q_SIGNALS:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QByteArray hash(const QString &password) const;

    QTimer m_idle;
    QByteArray m_salt;
    QByteArray m_hash;
    bool m_locked = false;
    bool m_armed = false;
};

} // namespace advocate
