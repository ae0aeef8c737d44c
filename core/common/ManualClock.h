// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "common/Clock.h"
#include "common/UtcTime.h"

#include <QMutex>

#include <chrono>

namespace advocate {

// A clock that moves only when told to, for tests. Thread-safe: a test may advance it while a worker reads.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = utcDateTime(QDate(2026, 1, 1), QTime(9, 0)));

    QDateTime now() const override;
    qint64 monotonicMs() const override;

    // Moves both the wall clock and the monotonic clock forward (a negative step is ignored).
    void advance(std::chrono::milliseconds by);
    // Sets the wall clock only (as when the system time is changed); the monotonic clock does not move.
    void set(QDateTime time);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace advocate
