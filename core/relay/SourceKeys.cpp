// SPDX-License-Identifier: GPL-3.0-only
#include "relay/SourceKeys.h"

#include "common/Clock.h"

#include <QHostAddress>

#include <sodium.h>

namespace advocate {

SourceKeys::SourceKeys(const Clock &clock, qint64 rotationMs) : m_clock(clock), m_rotationMs(rotationMs)
{
    static_assert(sizeof m_secret == crypto_generichash_KEYBYTES);
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

SourceKeys::~SourceKeys()
{
    sodium_memzero(m_secret, sizeof m_secret);
}

QByteArray SourceKeys::keyFor(const QHostAddress &address)
{
    const qint64 now = m_clock.monotonicMs();
    if (!m_haveSecret || now - m_rotatedAtMs >= m_rotationMs) {
        randombytes_buf(m_secret, sizeof m_secret);
        m_rotatedAtMs = now;
        m_haveSecret = true;
    }
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    Q_IPV6ADDR bytes = address.toIPv6Address();
    if (isV4) {
        // IPv4 and IPv4-mapped IPv6 are the same source.
        bytes = Q_IPV6ADDR{};
        bytes[10] = bytes[11] = 0xff;
        bytes[12] = static_cast<quint8>(v4 >> 24);
        bytes[13] = static_cast<quint8>(v4 >> 16);
        bytes[14] = static_cast<quint8>(v4 >> 8);
        bytes[15] = static_cast<quint8>(v4);
    } else {
        for (int i = 8; i < 16; ++i)
            bytes[i] = 0;
    }
    QByteArray key(keyBytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), keyBytes, bytes.c, sizeof bytes.c, m_secret,
                       sizeof m_secret);
    sodium_memzero(bytes.c, sizeof bytes.c);
    return key;
}

} // namespace advocate
