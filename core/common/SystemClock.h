// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "common/Clock.h"

#include <QElapsedTimer>

namespace advocate {

// The real clock: the system's UTC time and a monotonic timer started at construction.
class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime now() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_timer;
};

} // namespace advocate
