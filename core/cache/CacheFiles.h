// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheResults.h"

#include <QString>
#include <QStringList>

namespace advocate {

// The files of one shift cache in its folder, and the file-system work done on them: creating them
// readable by the user only, checking that they stayed so, and shredding them (overwrite with zeros, flush
// to disk, unlink). POSIX; the Windows and macOS ports replace this class's .cpp.
class CacheFiles
{
public:
    explicit CacheFiles(QString directory);

    const QString &directory() const { return m_directory; }
    QString databasePath() const;
    QString manifestPath() const;
    // The database and every file SQLite may keep next to it (rollback journal, WAL, WAL index).
    QStringList databaseFilePaths() const;
    // Everything a wipe removes: the database files and the manifest (with its temporary twin).
    QStringList allFilePaths() const;
    QStringList existingFiles() const;
    bool databaseExists() const;

    // Creates the folder with mode 0700 if it is missing (its parents with the usual modes), then checks it as
    // checkDirectory() does.
    CacheResult ensureDirectory() const;
    // The folder must be a real folder (not a symbolic link), owned by this user, with mode 0700.
    CacheResult checkDirectory() const;
    // Creates the empty database file with mode 0600; fails if it already exists (never overwrite).
    CacheResult createDatabaseFile() const;
    // Every existing cache file must be a regular file with mode 0600.
    CacheResult checkPermissions() const;

    struct ShredReport
    {
        QStringList overwritten;  // overwritten with zeros, flushed and unlinked
        QStringList unlinkedOnly; // unlinked without an overwrite (see WipeResult::filesUnlinkedWithoutOverwrite)
        QStringList left;         // everything still in the folder afterwards except the lock file
    };
    // Overwrites each existing database file (and, with `includeManifest`, the manifest) with zeros, flushes
    // it, unlinks it and flushes the folder; then lists what is still in the folder, including files the
    // cache does not know (those are reported, never deleted). A manifest kept on purpose is not listed.
    ShredReport shred(bool includeManifest) const;

    // Permission bits of `path` (e.g. 0600), or -1 if it does not exist.
    static int modeOf(const QString &path);
    // Flushes the folder entry so that a rename or unlink survives a power cut.
    static void syncDirectory(const QString &directory);

private:
    QString m_directory;
};

} // namespace advocate
