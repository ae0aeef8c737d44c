// SPDX-License-Identifier: GPL-3.0-only
// libFuzzer target for the relay's frame decoder: whatever a client sends must give a frame or an error value,
// never a crash, a sanitizer report or a hang; and a frame that decodes must re-encode to a stable form.
#include "protocol/FrameCodec.h"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using advocate::FrameCodec;
    const FrameCodec codec;
    const advocate::DecodeResult result =
        codec.decode(QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    if (!result.ok()) {
        // Every failure names a code and a sentence.
        if (result.error.message.isEmpty())
            std::abort();
        return 0;
    }
    // Re-encoding may change escapes, so compare the second encoding with the first.
    const QByteArray first = FrameCodec::encode(*result.frame);
    const FrameCodec unlimited(advocate::ProtocolLimits{INT_MAX, INT_MAX});
    const advocate::DecodeResult again = unlimited.decode(first);
    if (!again.ok() || FrameCodec::encode(*again.frame) != first)
        std::abort();
    return 0;
}
