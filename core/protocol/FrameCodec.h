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
struct DecodeResult
{
    std::optional<Frame> frame;
    ProtocolError error;
    QString type;

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

    // `utf8` is the text frame exactly as received.
    DecodeResult decode(QByteArrayView utf8) const;
    // Binary frames are always refused (RL1); the relay calls this instead of decode() for them.
    DecodeResult decodeBinary() const;

    static QByteArray encode(const Frame &frame);

private:
    ProtocolLimits m_limits;
};

} // namespace advocate
