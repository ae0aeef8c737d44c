// SPDX-License-Identifier: GPL-3.0-only
// The router's statistics handler (docs/protocol.md section 18), beside Router.cpp's conversations. The counts
// themselves are taken where things happen (Router.cpp, RouterSurvivors.cpp, RouterHandoffs.cpp); this answers a
// supervisor who asks.
#include "relay/Router.h"

namespace advocate {

void Router::on(const FrameRequest &request, const frame::GetStatistics &get)
{
    m_statistics.touch();
    send(request.connection, frame::Statistics{QString::fromUtf8(m_statistics.timeZone().id()),
                                               m_statistics.lastDays(get.days.value_or(frame::maxStatisticsDays))});
}

} // namespace advocate
