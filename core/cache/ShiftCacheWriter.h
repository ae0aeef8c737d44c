// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheDatabase.h"
#include "cache/CacheFiles.h"
#include "cache/CacheManifest.h"

#include <QObject>

#include <optional>

namespace advocate {

class SecureBytes;

// The shift cache's worker: lives on ShiftCache's writer thread and does all of the cache's disk work
// there (the SQLCipher connection, the manifest, shredding). ShiftCache calls it only through queued
// invocations, so its functions always run on that thread.
class ShiftCacheWriter : public QObject
{
    Q_OBJECT
public:
    explicit ShiftCacheWriter(QString directory, QObject *parent = nullptr);
    ~ShiftCacheWriter() override;

    // What an earlier shift left in the folder.
    struct Inspection
    {
        bool manifestExists = false;
        std::optional<CacheManifest> manifest; // nullopt if missing or unreadable
        bool databaseExists = false;
        QStringList existingFiles;
    };
    Inspection inspect() const;

    // New shift: folder (0700), manifest, database file (0600), open with `key`, schema, shift row.
    CacheResult create(const SecureBytes &key, const QDateTime &startedAt);
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
    CacheResult createWithoutEncryptionForBenchmark(const QDateTime &startedAt);
#endif
    // Earlier shift: open with `key`, update the schema if needed.
    CacheResult openExisting(const SecureBytes &key);

    // First step of a wipe: records that a wipe began (if there is anything to wipe) and closes the
    // database. Returns whether the database was open.
    bool beginWipe();
    // Last step of a wipe: shreds the database files and, when `keyGone`, the manifest too.
    void shred(bool keyGone, QStringList &removed, QStringList &left);

    void closeDatabase()
    {
        m_database.close();
    }
    CacheDatabase &database()
    {
        return m_database;
    }
    const CacheFiles &files() const
    {
        return m_files;
    }

private:
    CacheResult finishOpening(CacheResult opened);

    CacheFiles m_files;
    CacheDatabase m_database;
};

} // namespace advocate
