// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheDatabase.h"
#include "cache/CacheFiles.h"
#include "cache/CacheFolderLock.h"
#include "cache/CacheManifest.h"

#include <QObject>

#include <optional>

namespace advocate {

class SecureBytes;

// The shift cache's worker: lives on ShiftCache's writer thread and does all of the cache's disk work
// there (the SQLCipher connection, the manifest, shredding). ShiftCache calls it only through queued
// invocations, so its functions always run on that thread.
//
// It also holds the folder's lock (CacheFolderLock): taken by the first lockAndInspect() or beginWipe() and
// kept until the writer is destroyed, or until the folder is left empty and removed (a complete wipe, or
// a start that failed before writing anything).
class ShiftCacheWriter : public QObject
{
    Q_OBJECT
public:
    explicit ShiftCacheWriter(QString directory, CacheDatabase::Options databaseOptions = {},
                              QObject *parent = nullptr);
    ~ShiftCacheWriter() override;

    // What an earlier shift left in the folder.
    struct Inspection
    {
        // Not ok when the folder is not a private folder of ours or another ShiftCache holds it; then
        // nothing else below was looked at.
        CacheResult access;
        bool manifestExists = false;
        std::optional<CacheManifest> manifest; // nullopt if missing or unreadable
        bool databaseExists = false;
        QStringList existingFiles;
    };
    Inspection inspect() const;
    // Creates the folder if needed, checks it and takes its lock, then inspects it.
    Inspection lockAndInspect();
    // If nothing but the lock file is in the folder: removes both and lets the lock go.
    void releaseIfEmpty();

    // New shift: folder (0700), manifest, database file (0600), open with `key`, schema, shift row.
    CacheResult create(const SecureBytes &key, const QDateTime &startedAt);
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
    CacheResult createWithoutEncryptionForBenchmark(const QDateTime &startedAt);
#endif
    struct Opened
    {
        CacheResult result;
        // The start time recorded inside the encrypted database (nullopt if it has none).
        std::optional<QDateTime> shiftStartedAt;
    };
    // Earlier shift: open with `key`, update the schema if needed.
    Opened openExisting(const SecureBytes &key);

    struct WipeStart
    {
        CacheResult access; // as Inspection::access; when not ok nothing was touched
        bool databaseWasOpen = false;
    };
    // First step of a wipe: takes the folder's lock, records that a wipe began (if there is anything to
    // wipe) and closes the database.
    WipeStart beginWipe();
    // Last step of a wipe: shreds the database files and, when `keyGone`, the manifest too. When nothing is
    // left, removes the lock file and the folder.
    CacheFiles::ShredReport shred(bool keyGone);

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
    CacheFolderLock m_lock;
    CacheDatabase m_database;
};

} // namespace advocate
