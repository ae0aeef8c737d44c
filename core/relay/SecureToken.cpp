// SPDX-License-Identifier: GPL-3.0-only
#include "relay/SecureToken.h"

#include <QByteArray>

#include <sodium.h>

namespace advocate {

QString makeSecureToken(int bytes)
{
    // sodium_init() is idempotent and thread-safe; randombytes_buf reads the kernel's CSPRNG.
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    QByteArray random(bytes, Qt::Uninitialized);
    randombytes_buf(random.data(), static_cast<size_t>(random.size()));
    const QString token =
        QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(random.data(), static_cast<size_t>(random.size()));
    return token;
}

quint64 makeRandomId()
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    quint64 id = 0;
    while (id == 0)
        randombytes_buf(&id, sizeof id);
    return id;
}

} // namespace advocate
