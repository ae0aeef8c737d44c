// SPDX-License-Identifier: GPL-3.0-only
#include "common/SystemClock.h"

namespace advocate {

SystemClock::SystemClock()
{
    m_timer.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

} // namespace advocate
