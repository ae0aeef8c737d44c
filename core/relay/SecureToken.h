// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>

namespace advocate {

// Random tokens from the OS CSPRNG (libsodium randombytes_buf), base64url without padding.
// 32 bytes (256 bits) for resume and session tokens, fewer for conversation ids.
QString makeSecureToken(int bytes = 32);
// 64 random bits from the same source, never 0 (0 stands for "none").
quint64 makeRandomId();

} // namespace advocate
