// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>

class QHostAddress;

namespace advocate {

class Clock;

// Tells connections from the same source apart without keeping the source (RL7): a keyed BLAKE2b hash
// (libsodium crypto_generichash) of the peer address under a random secret that lives in memory only and is
// replaced every day, so a key cannot be linked to an address, nor across days. IPv6 addresses count by their
// /64 prefix, which is what one household or phone usually gets.
class SourceKeys
{
public:
    static constexpr qint64 defaultRotationMs = 24LL * 3600 * 1000;
    static constexpr int keyBytes = 16;

    explicit SourceKeys(const Clock &clock, qint64 rotationMs = defaultRotationMs);
    ~SourceKeys();
    SourceKeys(const SourceKeys &) = delete;
    SourceKeys &operator=(const SourceKeys &) = delete;

    QByteArray keyFor(const QHostAddress &address);

private:
    const Clock &m_clock;
    qint64 m_rotationMs;
    qint64 m_rotatedAtMs = 0;
    bool m_haveSecret = false;
    unsigned char m_secret[32] = {}; // crypto_generichash_KEYBYTES
};

} // namespace advocate
