// SPDX-License-Identifier: GPL-3.0-only
#include "cache/SqlCipherLibrary.h"

#include <sqlite3.h>

namespace advocate {

namespace {
int storeFirstColumn(void *target, int columns, char **values, char ** /*names*/)
{
    if (columns > 0 && values[0] != nullptr)
        *static_cast<QString *>(target) = QString::fromUtf8(values[0]);
    return 0;
}
} // namespace

SqlCipherLibrary SqlCipherLibrary::linked()
{
    SqlCipherLibrary library;
    library.sqliteVersion = QString::fromLatin1(sqlite3_libversion());
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK)
        sqlite3_exec(db, "PRAGMA cipher_version;", storeFirstColumn, &library.cipherVersion, nullptr);
    sqlite3_close(db);
    return library;
}

bool SqlCipherLibrary::isSupportedCipherVersion(const QString &cipherVersion)
{
    const QVersionNumber version = QVersionNumber::fromString(cipherVersion.trimmed());
    return !version.isNull() && version.majorVersion() >= minimumMajorVersion;
}

} // namespace advocate
