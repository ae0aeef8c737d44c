// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArrayView>

namespace advocate {

// The start of one WebSocket frame a client sent, read from the raw bytes (RFC 6455 section 5.2). The relay reads
// it before Qt's WebSocket layer does, because Qt accepts unmasked frames from clients, and section 5.1 says a
// server must close the connection on one.
struct WebSocketFrameHeader
{
    enum class Verdict {
        NeedMore, // the length has not fully arrived (a masked frame may still turn out too long)
        Unmasked, // the MASK bit is clear: known from the second byte on
        TooLong,  // the payload length is over the limit
        Complete, // masked and within the limit: the next frame starts headerBytes + payloadBytes further on
    };
    static constexpr int maxBytes = 14; // 2 + 8 (length) + 4 (masking key)

    Verdict verdict = Verdict::NeedMore;
    int headerBytes = 0;
    quint64 payloadBytes = 0;

    // Reads the header at the start of `bytes` (its masking key need not be there yet); `maxPayloadBytes` is the
    // largest frame payload accepted.
    static WebSocketFrameHeader read(QByteArrayView bytes, quint64 maxPayloadBytes);
};

} // namespace advocate
