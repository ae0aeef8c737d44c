// SPDX-License-Identifier: GPL-3.0-only
#include "relay/ConnectionGuard.h"

#include <algorithm>

namespace advocate {

ConnectionGuard::ConnectionGuard(const RelayConfig &config)
    : m_frameBurst(config.frameBurst), m_framesPerSecond(config.framesPerSecond), m_badFrameLimit(config.badFrameLimit),
      m_firstFrameMs(qint64(config.firstFrameSeconds) * 1000), m_silenceMs(qint64(config.silenceSeconds) * 1000)
{
}

ConnectionGuard::State ConnectionGuard::opened(qint64 nowMs) const
{
    State state;
    state.anonymousSinceMs = state.lastFrameMs = state.tokensAtMs = nowMs;
    state.tokens = m_frameBurst;
    return state;
}

bool ConnectionGuard::admitFrame(State &state, qint64 nowMs) const
{
    state.lastFrameMs = nowMs;
    const double refill = double(nowMs - state.tokensAtMs) * m_framesPerSecond / 1000.0;
    state.tokens = std::min<double>(m_frameBurst, state.tokens + refill);
    state.tokensAtMs = nowMs;
    if (state.tokens < 1)
        return false;
    state.tokens -= 1;
    return true;
}

bool ConnectionGuard::countBadFrame(State &state) const
{
    return ++state.badFrames >= m_badFrameLimit;
}

void ConnectionGuard::becameAnonymous(State &state, qint64 nowMs) const
{
    state.anonymousSinceMs = nowMs;
}

bool ConnectionGuard::isStale(const State &state, bool awaitingFirstFrame, qint64 nowMs) const
{
    const bool anonymousTooLong = awaitingFirstFrame && nowMs - state.anonymousSinceMs >= m_firstFrameMs;
    return anonymousTooLong || nowMs - state.lastFrameMs >= m_silenceMs;
}

} // namespace advocate
