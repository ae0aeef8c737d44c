// SPDX-License-Identifier: GPL-3.0-only
#include "relay/WebSocketFrameHeader.h"

namespace advocate {

WebSocketFrameHeader WebSocketFrameHeader::read(QByteArrayView bytes, quint64 maxPayloadBytes)
{
    WebSocketFrameHeader header;
    if (bytes.size() < 2)
        return header;
    const auto byte = [&bytes](qsizetype i) { return static_cast<quint8>(bytes.at(i)); };
    if ((byte(1) & 0x80) == 0) {
        header.verdict = Verdict::Unmasked;
        return header;
    }
    const quint8 shortLength = byte(1) & 0x7f;
    const int lengthBytes = shortLength == 127 ? 8 : shortLength == 126 ? 2 : 0;
    header.headerBytes = 2 + lengthBytes + 4;
    if (bytes.size() < 2 + lengthBytes) {
        header.verdict = Verdict::NeedMore;
        return header;
    }
    quint64 length = shortLength;
    if (lengthBytes > 0) {
        length = 0;
        for (int i = 0; i < lengthBytes; ++i)
            length = (length << 8) | byte(2 + i);
    }
    if (length > maxPayloadBytes) {
        header.verdict = Verdict::TooLong;
        return header;
    }
    header.payloadBytes = length;
    header.verdict = Verdict::Complete; // the masking key's bytes are not needed to know where the frame ends
    return header;
}

} // namespace advocate
