// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "protocol/ProtocolError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace advocate {

// The limits of docs/protocol.md, section 1; the relay's program config may change them.
struct ProtocolLimits
{
    int maxFrameBytes = 16 * 1024;
    int maxMessageChars = 4000;
};

// What decoding a frame gave: a typed frame, or an error with its code. `type` is the frame's type name when
// it could be read, so an error frame can say what it answers.
template <typename FrameVariant>
struct DecodeResult
{
    std::optional<FrameVariant> frame;
    ProtocolError error;
    QString type;
    // A valid frame the other side sends (a client sent `hello`, the relay sent `send`): no frame. The relay
    // refuses it (not_authorized); clients ignore it.
    bool otherDirection = false;

    bool ok() const { return frame.has_value(); }
};

// Decodes WebSocket text frames into typed frames with full validation, and encodes typed frames back.
// Stateless apart from its limits; never logs and never puts frame content into an error message.
class FrameCodec
{
public:
    static constexpr int protocolVersion = 1;

    explicit FrameCodec(ProtocolLimits limits = {});

    const ProtocolLimits &limits() const { return m_limits; }

    // `utf8` is the text frame exactly as received: by the relay from a client, or by a client from the relay.
    DecodeResult<ClientFrame> decodeClientFrame(QByteArrayView utf8) const;
    DecodeResult<RelayFrame> decodeRelayFrame(QByteArrayView utf8) const;
    // Binary frames are always refused (RL1); the relay calls this instead of decodeClientFrame() for them.
    DecodeResult<ClientFrame> decodeBinary() const;

    static QByteArray encode(const ClientFrame &frame);
    static QByteArray encode(const RelayFrame &frame);

private:
    ProtocolLimits m_limits;
};

} // namespace advocate
