// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "common/Clock.h"
#include "protocol/Frames.h"

#include <QList>

#include <memory>
#include <optional>

namespace advocate {

// A staff session's `send` frames, paced so that a burst of them stays inside the relay's frame rate limit
// (docs/protocol.md section 13: a bucket of 40 frames refilled at 10 a second by default; a frame over it is dropped
// and counts as a bad frame). Bursts come after a reconnect and after a relay restart, when every message not yet
// delivered goes out again (section 8): without pacing a workstation with more than a bucket of them lost the rest
// and its connection. Up to `burst` go at once, then `perSecond`, which leaves room for acks and typing; in a chat
// written by hand the pacer is never noticed. The order of the sends is kept, also when a batch is sent again while
// part of it still waits. Knows no socket: the session asks what may go now.
class SendPacer
{
public:
    struct Options
    {
        int burst = 20;
        int perSecond = 5;
    };

    SendPacer(std::shared_ptr<const Clock> clock, Options options);

    // Queued behind what waits already (once per conversation and client id).
    void push(const frame::Send &send);
    // A batch sent again in the order it was written (after a reconnect, after a re-claim): those of it already
    // waiting leave their places and the whole batch goes behind what else waits, so it keeps its own order.
    void requeue(const QList<frame::Send> &inOrder);
    // The sends that may go now, in order; each takes one token.
    QList<frame::Send> takeDue();
    // How long until the next one may go; nothing when none waits.
    std::optional<qint64> msUntilNext() const;
    // Forgets what waits (the session ended: its outbox fails every message).
    void clear() { m_waiting.clear(); }
    int waiting() const { return static_cast<int>(m_waiting.size()); }

private:
    void refill();

    std::shared_ptr<const Clock> m_clock;
    Options m_options;
    double m_tokens;
    qint64 m_refilledAtMs;
    QList<frame::Send> m_waiting;
};

} // namespace advocate
