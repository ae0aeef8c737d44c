// SPDX-License-Identifier: GPL-3.0-only
#include "cache/ShiftCacheWriter.h"

#include "cache/SecureBytes.h"

#include <QDir>
#include <QTimeZone>

namespace advocate {

ShiftCacheWriter::ShiftCacheWriter(QString directory, CacheDatabase::Options databaseOptions, QObject *parent)
    : QObject(parent), m_files(directory), m_lock(directory), m_database(std::move(databaseOptions))
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

ShiftCacheWriter::Inspection ShiftCacheWriter::lockAndInspect()
{
    CacheResult access = m_files.ensureDirectory();
    if (access.ok())
        access = m_lock.acquire();
    if (!access.ok()) {
        Inspection refused;
        refused.access = access;
        return refused;
    }
    return inspect();
}

void ShiftCacheWriter::releaseIfEmpty()
{
    const QStringList entries =
        QDir(m_files.directory()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (entries.isEmpty() || entries == QStringList{CacheFolderLock::fileName()})
        m_lock.releaseAndRemoveFolder();
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

ShiftCacheWriter::Opened ShiftCacheWriter::openExisting(const SecureBytes &key)
{
    Opened opened;
    opened.result = m_files.checkDirectory();
    if (opened.result.ok())
        opened.result = m_files.checkPermissions();
    if (opened.result.ok())
        opened.result = finishOpening(m_database.open(m_files.databasePath(), key));
    if (opened.result.ok())
        opened.shiftStartedAt = m_database.shiftStartedAt();
    return opened;
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

ShiftCacheWriter::WipeStart ShiftCacheWriter::beginWipe()
{
    WipeStart start;
    start.databaseWasOpen = m_database.isOpen();
    const Inspection found = lockAndInspect();
    start.access = found.access;
    if (!start.access.ok())
        return start; // another ShiftCache's folder, or not ours at all: hands off
    if (!found.existingFiles.isEmpty()) {
        CacheManifest manifest = found.manifest.value_or(
            CacheManifest(CacheManifest::State::Wiping, QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())));
        manifest.setState(CacheManifest::State::Wiping);
        // A failure here is not fatal: the wipe goes on, and the files it leaves are ciphertext.
        manifest.write(m_files.manifestPath());
    }
    m_database.close();
    return start;
}

CacheFiles::ShredReport ShiftCacheWriter::shred(bool keyGone)
{
    m_database.close();
    // While the key may still be in the keychain, the manifest stays (marked "wiping") so that the next
    // start finishes the job.
    CacheFiles::ShredReport report = m_files.shred(keyGone);
    // The lock file goes last, with the folder; until then no other ShiftCache can step in.
    if (keyGone && report.left.isEmpty())
        m_lock.releaseAndRemoveFolder();
    return report;
}

} // namespace advocate
