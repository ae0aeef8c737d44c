// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>
#include <QVersionNumber>

namespace advocate {

// What the linked SQLite library says about itself. The shift cache refuses to run on a library that is
// not SQLCipher 4 or newer (requirement WS3): SQLCipher 3 has weaker defaults, and plain SQLite would
// write conversation text in the clear.
struct SqlCipherLibrary
{
    QString sqliteVersion;
    // Empty when the library answers no `PRAGMA cipher_version`, i.e. it is plain SQLite.
    QString cipherVersion;

    static SqlCipherLibrary linked();

    static constexpr int minimumMajorVersion = 4;
    // True when `cipherVersion` (e.g. "4.6.1 community") is SQLCipher 4 or newer.
    static bool isSupportedCipherVersion(const QString &cipherVersion);
    bool isSupported() const { return isSupportedCipherVersion(cipherVersion); }
};

} // namespace advocate
