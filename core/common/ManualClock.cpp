// SPDX-License-Identifier: GPL-3.0-only
#include "common/ManualClock.h"

#include <QMutexLocker>

namespace advocate {

ManualClock::ManualClock(QDateTime start) : m_now(std::move(start)) {}

QDateTime ManualClock::now() const
{
    const QMutexLocker locker(&m_mutex);
    return m_now;
}

qint64 ManualClock::monotonicMs() const
{
    const QMutexLocker locker(&m_mutex);
    return m_monotonicMs;
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    if (by.count() <= 0)
        return;
    const QMutexLocker locker(&m_mutex);
    m_now = m_now.addMSecs(by.count());
    m_monotonicMs += by.count();
}

void ManualClock::set(QDateTime time)
{
    const QMutexLocker locker(&m_mutex);
    m_now = std::move(time);
}

} // namespace advocate
