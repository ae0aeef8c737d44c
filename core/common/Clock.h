// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDateTime>

namespace advocate {

// The time every timer-driven rule reads (relay inactivity, queue waits and lock-out; stale shift caches),
// injected so that tests can move time by hand (house style, habit 7). Real code uses SystemClock, tests
// ManualClock.
class Clock
{
public:
    virtual ~Clock() = default;
    // Current wall-clock time in UTC, for what people read (message times, cache age).
    virtual QDateTime now() const = 0;
    // Milliseconds on a clock that never goes back, for durations; only differences mean anything.
    virtual qint64 monotonicMs() const = 0;
};

} // namespace advocate
