// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/RelayConfig.h"

#include <QtGlobal>

namespace advocate {

// The per-connection abuse limits of docs/protocol.md sections 7 and 13: the frame-rate token bucket, the count
// of bad frames, the first-frame deadline and the silence deadline. It decides; the router answers and closes.
class ConnectionGuard
{
public:
    // What the guard keeps per connection. It lives in the router's record of the connection, so it goes when
    // the connection does.
    struct State
    {
        int badFrames = 0;
        qint64 anonymousSinceMs = 0; // when the connection opened or went back to having no role
        qint64 lastFrameMs = 0;      // any frame, good or bad
        double tokens = 0;           // frame rate limit (token bucket)
        qint64 tokensAtMs = 0;
    };

    explicit ConnectionGuard(const RelayConfig &config);

    State opened(qint64 nowMs) const;
    // A frame arrived. False when the token bucket is empty: the frame is dropped unread (and is a bad frame).
    bool admitFrame(State &state, qint64 nowMs) const;
    // Counts a bad frame; true when this one reached the limit and the connection must close.
    bool countBadFrame(State &state) const;
    // The connection has no role (again): the first-frame deadline starts over.
    void becameAnonymous(State &state, qint64 nowMs) const;
    // Whether the connection must close: `awaitingFirstFrame` (no role, no sign-in being checked) past the
    // first-frame deadline, or no frame at all for the silence deadline.
    bool isStale(const State &state, bool awaitingFirstFrame, qint64 nowMs) const;

private:
    int m_frameBurst;
    int m_framesPerSecond;
    int m_badFrameLimit;
    qint64 m_firstFrameMs;
    qint64 m_silenceMs;
};

} // namespace advocate
