// SPDX-License-Identifier: GPL-3.0-only
// libFuzzer target for the frame decoders: whatever a client or the relay sends must give a frame or an error
// value, never a crash, a sanitizer report or a hang; and a frame that decodes must re-encode to a stable form.
#include "protocol/FrameCodec.h"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// Whatever decodes must re-encode to a stable form (re-encoding may change escapes, so the second encoding is
// compared with the first); every failure names a code and a sentence, except a valid frame of the other
// direction, which the other decoder must then take.
template <typename Variant>
bool decodesConsistently(const advocate::DecodeResult<Variant> &result,
                         advocate::DecodeResult<Variant> (advocate::FrameCodec::*decode)(QByteArrayView) const)
{
    using advocate::FrameCodec;
    if (!result.ok())
        return result.otherDirection || !result.error.message.isEmpty();
    const QByteArray first = FrameCodec::encode(*result.frame);
    const FrameCodec unlimited(advocate::ProtocolLimits{INT_MAX, INT_MAX});
    const advocate::DecodeResult<Variant> again = (unlimited.*decode)(first);
    return again.ok() && FrameCodec::encode(*again.frame) == first;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using advocate::FrameCodec;
    const FrameCodec codec;
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // The relay's side and the clients' side.
    const auto fromClient = codec.decodeClientFrame(input);
    const auto fromRelay = codec.decodeRelayFrame(input);
    if (!decodesConsistently(fromClient, &FrameCodec::decodeClientFrame) ||
        !decodesConsistently(fromRelay, &FrameCodec::decodeRelayFrame))
        std::abort();
    // A frame is valid in at most one direction, and one reported as the other direction's is valid there.
    if ((fromClient.otherDirection && !fromRelay.ok()) || (fromRelay.otherDirection && !fromClient.ok()))
        std::abort();
    return 0;
}
