// SPDX-License-Identifier: GPL-3.0-only
#include "relay/SourceKeys.h"

#include "common/Clock.h"

#include <QHostAddress>

#include <sodium.h>

namespace advocate {

SourceKeys::SourceKeys(const Clock &clock, qint64 rotationMs) : m_clock(clock), m_rotationMs(rotationMs)
{
    static_assert(std::tuple_size_v<Secret> == crypto_generichash_KEYBYTES);
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

SourceKeys::~SourceKeys()
{
    sodium_memzero(m_secret.data(), m_secret.size());
    for (Secret &secret : m_earlier)
        sodium_memzero(secret.data(), secret.size());
}

QByteArray SourceKeys::keyFor(const QHostAddress &address)
{
    const qint64 now = m_clock.monotonicMs();
    if (!m_haveSecret || now - m_rotatedAtMs >= m_rotationMs) {
        if (m_haveSecret) {
            m_earlier.push_front(m_secret);
            while (m_earlier.size() > retainedSecrets) {
                sodium_memzero(m_earlier.back().data(), m_earlier.back().size());
                m_earlier.pop_back();
            }
        }
        randombytes_buf(m_secret.data(), m_secret.size());
        m_rotatedAtMs = now;
        m_haveSecret = true;
    }
    return keyUnder(m_secret, address);
}

bool SourceKeys::isShared(const QHostAddress &peer, BehindProxy setting)
{
    switch (setting) {
    case BehindProxy::On:
        return true;
    case BehindProxy::Off:
        return false;
    case BehindProxy::Auto:
        break;
    }
    // A dual-stack listener sees IPv4 peers as IPv4-mapped IPv6 addresses.
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).isLoopback() : peer.isLoopback();
}

QList<QByteArray> SourceKeys::earlierKeysFor(const QHostAddress &address) const
{
    QList<QByteArray> keys;
    for (const Secret &secret : m_earlier)
        keys.append(keyUnder(secret, address));
    return keys;
}

QByteArray SourceKeys::keyUnder(const Secret &secret, const QHostAddress &address)
{
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
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), keyBytes, bytes.c, sizeof bytes.c, secret.data(),
                       secret.size());
    sodium_memzero(bytes.c, sizeof bytes.c);
    return key;
}

} // namespace advocate
