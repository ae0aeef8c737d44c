// SPDX-License-Identifier: GPL-3.0-only
#include "AppLock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>
#include <QRandomGenerator>

#include <array>

namespace advocate {

AppLock::AppLock(std::chrono::milliseconds idleTimeout, QObject *parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeout);
    connect(&m_idle, &QTimer::timeout, this, &AppLock::lock);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void AppLock::setPassword(const QString &password)
{
    std::array<quint32, 4> salt{};
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    m_salt = QByteArray(static_cast<const char *>(static_cast<const void *>(salt.data())), sizeof(salt));
    m_hash = hash(password);
}

QByteArray AppLock::hash(const QString &password) const
{
    // Many rounds so that the in-memory hash is not a shortcut to the password.
    QByteArray digest = m_salt + password.toUtf8();
    for (int i = 0; i < 20000; ++i)
        digest = QCryptographicHash::hash(m_salt + digest, QCryptographicHash::Sha256);
    return digest;
}

void AppLock::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_idle.stop();
    Q_EMIT lockedChanged(true);
}

bool AppLock::unlock(const QString &password)
{
    if (!m_locked)
        return true;
    if (m_hash.isEmpty() || hash(password) != m_hash)
        return false;
    m_locked = false;
    if (m_armed)
        m_idle.start();
    Q_EMIT lockedChanged(false);
    return true;
}

void AppLock::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idle.setInterval(timeout);
    if (m_idle.isActive())
        m_idle.start();
}

void AppLock::arm()
{
    m_armed = true;
    if (!m_locked)
        m_idle.start();
}

void AppLock::disarm()
{
    m_armed = false;
    m_idle.stop();
}

bool AppLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_armed && !m_locked)
            m_idle.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace advocate
