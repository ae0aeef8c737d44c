// SPDX-License-Identifier: GPL-3.0-only
#include "cache/ShiftCacheWriter.h"

#include "cache/SecureBytes.h"

#include <QDir>
#include <QTimeZone>

namespace advocate {

ShiftCacheWriter::ShiftCacheWriter(QString directory, QObject *parent) : QObject(parent), m_files(std::move(directory))
{
}

ShiftCacheWriter::~ShiftCacheWriter() = default;

ShiftCacheWriter::Inspection ShiftCacheWriter::inspect() const
{
    Inspection found;
    found.manifest = CacheManifest::read(m_files.manifestPath(), &found.manifestExists);
    found.databaseExists = m_files.databaseExists();
    found.existingFiles = m_files.existingFiles();
    return found;
}

CacheResult ShiftCacheWriter::create(const SecureBytes &key, const QDateTime &startedAt)
{
    CacheResult result = m_files.ensureDirectory();
    // The manifest comes first: if the program dies between here and the end, start-up finds a record and
    // wipes what was begun instead of finding unexplained files.
    if (result.ok())
        result = CacheManifest(CacheManifest::State::Open, startedAt).write(m_files.manifestPath());
    if (result.ok())
        result = m_files.createDatabaseFile();
    if (result.ok())
        result = finishOpening(m_database.open(m_files.databasePath(), key));
    if (result.ok())
        result = m_database.recordShiftStart(startedAt);
    if (!result.ok())
        m_database.close();
    return result;
}

#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
CacheResult ShiftCacheWriter::createWithoutEncryptionForBenchmark(const QDateTime &startedAt)
{
    CacheResult result = m_files.ensureDirectory();
    if (result.ok())
        result = CacheManifest(CacheManifest::State::Open, startedAt).write(m_files.manifestPath());
    if (result.ok())
        result = m_files.createDatabaseFile();
    if (result.ok())
        result = finishOpening(m_database.openWithoutEncryptionForBenchmark(m_files.databasePath()));
    if (result.ok())
        result = m_database.recordShiftStart(startedAt);
    if (!result.ok())
        m_database.close();
    return result;
}
#endif

CacheResult ShiftCacheWriter::openExisting(const SecureBytes &key)
{
    if (CacheResult permissions = m_files.checkPermissions(); !permissions.ok())
        return permissions;
    return finishOpening(m_database.open(m_files.databasePath(), key));
}

CacheResult ShiftCacheWriter::finishOpening(CacheResult opened)
{
    if (opened.ok())
        opened = m_database.migrate();
    // Opening in WAL mode creates the -wal and -shm files: check that they too are private.
    if (opened.ok())
        opened = m_files.checkPermissions();
    if (!opened.ok())
        m_database.close();
    return opened;
}

bool ShiftCacheWriter::beginWipe()
{
    const bool wasOpen = m_database.isOpen();
    const Inspection found = inspect();
    if (!found.existingFiles.isEmpty()) {
        CacheManifest manifest = found.manifest.value_or(
            CacheManifest(CacheManifest::State::Wiping, QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())));
        manifest.setState(CacheManifest::State::Wiping);
        // A failure here is not fatal: the wipe goes on, and the files it leaves are ciphertext.
        manifest.write(m_files.manifestPath());
    }
    m_database.close();
    return wasOpen;
}

void ShiftCacheWriter::shred(bool keyGone, QStringList &removed, QStringList &left)
{
    m_database.close();
    // While the key may still be in the keychain, the manifest stays (marked "wiping") so that the next
    // start finishes the job.
    m_files.shred(keyGone, removed, left);
}

} // namespace advocate
