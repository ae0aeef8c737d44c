// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QByteArray>
#include <QList>

namespace advocate {

// The CSV export of the per-day counts (docs/protocol.md section 17), the same from `advocate-relay statistics
// --csv` and from the desk: counts only, never anything of a conversation. UTF-8, lines end in LF, a header line
//   date,counter,count
// then, for each day oldest first, one row per counter: every counter of StatisticsCounters::fixed() in its order
// (0 included), then the days' other counters (the per-language ones, and any a newer relay adds), by name.
class StatisticsCsv
{
public:
    static QByteArray header();
    static QByteArray render(const QList<frame::StatisticsDay> &days);
};

} // namespace advocate
