// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "relay/RefusalCounts.h"

namespace advocate {

// Where the router's decisions go: frames to send on a connection, and connections to close. The relay server
// writes them to WebSockets; tests record them.
class RouterSink
{
public:
    using ConnectionId = quint64;

    virtual ~RouterSink() = default;
    virtual void send(ConnectionId connection, const RelayFrame &frame) = 0;
    // `policyViolation`: close with WebSocket code 1008 rather than a normal close.
    virtual void close(ConnectionId connection, bool policyViolation) = 0;
    // A content-free event for the audit log (see AuditLog); ignored unless the sink keeps one.
    virtual void audit(const QString &event) { Q_UNUSED(event) }
    // Something refused to an anonymous client: counted, never a line of its own (see RefusalCounts). `label` is a
    // language of the program's config or empty.
    virtual void refused(Refusal refusal, const QString &label)
    {
        Q_UNUSED(refusal)
        Q_UNUSED(label)
    }
};

} // namespace advocate
