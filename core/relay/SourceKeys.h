// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/RelayConfig.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <deque>

class QHostAddress;

namespace advocate {

class Clock;

// Tells connections from the same source apart without keeping the source (RL7): a keyed BLAKE2b hash
// (libsodium crypto_generichash) of the peer address under a random secret that lives in memory only and is
// replaced every day, so a key cannot be linked to an address, nor across days. IPv6 addresses count by their
// /64 prefix, which is what one household or phone usually gets. The secrets of the last days are kept in memory
// too (retainedSecrets), only so that a supervisor's block (docs/protocol.md section 17), made under an earlier
// secret, still matches for its whole TTL: earlierKeysFor() gives the keys under them.
class SourceKeys
{
public:
    static constexpr qint64 defaultRotationMs = 24LL * 3600 * 1000;
    static constexpr int keyBytes = 16;

    explicit SourceKeys(const Clock &clock, qint64 rotationMs = defaultRotationMs);
    ~SourceKeys();
    SourceKeys(const SourceKeys &) = delete;
    SourceKeys &operator=(const SourceKeys &) = delete;

    // Whether `peer` stands for many people rather than one (docs/protocol.md section 17): a reverse proxy hands on
    // every client's connection from its own address, so a key of it would be every survivor's.
    static bool isShared(const QHostAddress &peer, BehindProxy setting);

    static constexpr int retainedSecrets = 7; // the longest block is 168 h
    QByteArray keyFor(const QHostAddress &address);
    // The keys of the address under the retained earlier secrets, newest first.
    QList<QByteArray> earlierKeysFor(const QHostAddress &address) const;

private:
    using Secret = std::array<unsigned char, 32>; // crypto_generichash_KEYBYTES
    static QByteArray keyUnder(const Secret &secret, const QHostAddress &address);

    const Clock &m_clock;
    qint64 m_rotationMs;
    qint64 m_rotatedAtMs = 0;
    bool m_haveSecret = false;
    Secret m_secret{};
    std::deque<Secret> m_earlier;
};

} // namespace advocate
