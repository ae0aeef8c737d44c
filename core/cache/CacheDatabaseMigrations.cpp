// SPDX-License-Identifier: GPL-3.0-only
// CacheDatabase's schema migrations: the steps of CacheSchema that the file does not have yet, each in its own
// transaction with the new `PRAGMA user_version`, and the refusal of a file written by a newer version.
#include "cache/CacheDatabase.h"

#include <QCoreApplication>

namespace advocate {

int CacheDatabase::userVersion()
{
    const QString version = pragma("user_version");
    bool ok = false;
    const int value = version.toInt(&ok);
    return ok ? value : -1;
}

CacheResult CacheDatabase::migrate(std::span<const CacheMigration> steps)
{
    const int current = userVersion();
    if (current < 0)
        return sqliteFailure(
            CacheError::MigrationFailed,
            QCoreApplication::translate("CacheDatabase", "The shift cache's schema version could not be read."));
    const int latest = steps.empty() ? 0 : steps.back().version;
    if (current > latest)
        return CacheResult::failure(
            CacheError::SchemaTooNew,
            QCoreApplication::translate("CacheDatabase",
                                        "The shift cache was written by a newer version of Advocate Desk (schema %1, "
                                        "this version knows up to %2).")
                .arg(current)
                .arg(latest));
    for (const CacheMigration &step : steps) {
        if (step.version <= current)
            continue;
        const CacheResult result = inTransaction(CacheError::MigrationFailed, [this, &step] {
            if (CacheResult applied = exec(step.sql, CacheError::MigrationFailed); !applied.ok())
                return applied;
            const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(step.version) + ';';
            return exec(setVersion.constData(), CacheError::MigrationFailed);
        });
        if (!result.ok())
            return CacheResult::failure(
                CacheError::MigrationFailed,
                QCoreApplication::translate("CacheDatabase",
                                            "Updating the shift cache to schema %1 failed and was undone: %2")
                    .arg(step.version)
                    .arg(result.message));
    }
    return CacheResult::success();
}

} // namespace advocate
