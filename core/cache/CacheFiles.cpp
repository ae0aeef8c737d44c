// SPDX-License-Identifier: GPL-3.0-only
#include "cache/CacheFiles.h"

#include "cache/CacheFolderLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace advocate {

namespace {

constexpr auto databaseName = "shift-cache.sqlcipher";
constexpr auto manifestName = "shift-cache.manifest";
constexpr std::array databaseSuffixes{"", "-journal", "-wal", "-shm"};

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool overwriteWithZeros(int fd, QString &error)
{
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0) {
        error = errnoText();
        return false;
    }
    static const std::array<char, 64 * 1024> zeros{};
    off_t remaining = info.st_size;
    while (remaining > 0) {
        const auto chunk = static_cast<size_t>(std::min<off_t>(remaining, zeros.size()));
        const ssize_t written = ::write(fd, zeros.data(), chunk);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            error = errnoText();
            return false;
        }
        remaining -= written;
    }
    if (::fsync(fd) != 0) {
        error = errnoText();
        return false;
    }
    return true;
}

} // namespace

CacheFiles::CacheFiles(QString directory) : m_directory(std::move(directory)) {}

QString CacheFiles::databasePath() const
{
    return QDir(m_directory).filePath(QLatin1String(databaseName));
}

QString CacheFiles::manifestPath() const
{
    return QDir(m_directory).filePath(QLatin1String(manifestName));
}

QStringList CacheFiles::databaseFilePaths() const
{
    QStringList paths;
    for (const char *suffix : databaseSuffixes)
        paths.append(databasePath() + QLatin1String(suffix));
    return paths;
}

QStringList CacheFiles::allFilePaths() const
{
    return databaseFilePaths() << manifestPath() << manifestPath() + QLatin1String(".tmp");
}

QStringList CacheFiles::existingFiles() const
{
    QStringList existing;
    for (const QString &path : allFilePaths()) {
        if (modeOf(path) >= 0)
            existing.append(path);
    }
    return existing;
}

bool CacheFiles::databaseExists() const
{
    return modeOf(databasePath()) >= 0;
}

CacheResult CacheFiles::ensureDirectory() const
{
    const QString parent = QFileInfo(m_directory).absolutePath();
    if (!QFileInfo(parent).isDir() && !QDir().mkpath(parent))
        return CacheResult::failure(CacheError::FileSystem,
                                    QCoreApplication::translate("CacheFiles", "Could not create the folder %1.")
                                        .arg(QDir::toNativeSeparators(parent)));
    // The last component is made 0700 from the start (the umask can only take bits away), never made with
    // looser bits and tightened later. An existing entry is checked below, not trusted.
    const QByteArray name = QFile::encodeName(m_directory);
    if (::mkdir(name.constData(), 0700) == 0) {
        // A umask that removed the owner's own bits would make the folder unusable: restore exactly 0700 on
        // the folder just made (through a descriptor, so that it is that folder).
        const int fd = ::open(name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) {
            ::fchmod(fd, 0700);
            ::close(fd);
        }
    } else if (errno != EEXIST) {
        return CacheResult::failure(CacheError::FileSystem,
                                    QCoreApplication::translate("CacheFiles", "Could not create the folder %1: %2")
                                        .arg(QDir::toNativeSeparators(m_directory), errnoText()));
    }
    return checkDirectory();
}

CacheResult CacheFiles::checkDirectory() const
{
    // O_NOFOLLOW: a symbolic link in place of the folder is refused, not followed to wherever it points.
    const int fd = ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat info
    {
    };
    const bool isPrivate = fd >= 0 && ::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::geteuid() &&
                           (info.st_mode & 07777) == 0700;
    if (fd >= 0)
        ::close(fd);
    if (!isPrivate)
        return CacheResult::failure(
            CacheError::FilePermissions,
            QCoreApplication::translate("CacheFiles", "%1 is not a private folder of yours (it must be a real folder, "
                                                      "not a link, with mode 0700); the shift cache will not use it.")
                .arg(QDir::toNativeSeparators(m_directory)));
    return CacheResult::success();
}

CacheResult CacheFiles::createDatabaseFile() const
{
    const QByteArray path = QFile::encodeName(databasePath());
    // O_EXCL: an existing file is never overwritten. SQLite gives its journal, WAL and WAL-index files the
    // mode of the database file, so creating this one 0600 makes all of them 0600 regardless of the umask.
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const CacheError error = errno == EEXIST ? CacheError::ExistingCache : CacheError::FileSystem;
        return CacheResult::failure(error, QCoreApplication::translate("CacheFiles", "Could not create %1: %2")
                                               .arg(QDir::toNativeSeparators(databasePath()), errnoText()));
    }
    // The umask may have removed bits but never adds them; fchmod makes the mode exactly 0600.
    const bool modeSet = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!modeSet)
        return CacheResult::failure(CacheError::FilePermissions,
                                    QCoreApplication::translate("CacheFiles", "Could not make %1 private to you: %2")
                                        .arg(QDir::toNativeSeparators(databasePath()), errnoText()));
    syncDirectory(m_directory);
    return CacheResult::success();
}

CacheResult CacheFiles::checkPermissions() const
{
    for (const QString &path : existingFiles()) {
        struct stat info
        {
        };
        const bool regular = ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISREG(info.st_mode);
        if (!regular || (info.st_mode & 07777) != 0600 || info.st_uid != ::geteuid())
            return CacheResult::failure(
                CacheError::FilePermissions,
                QCoreApplication::translate("CacheFiles",
                                            "%1 is not a private file of yours (it must have mode 0600); the "
                                            "shift cache will not use it.")
                    .arg(QDir::toNativeSeparators(path)));
    }
    return CacheResult::success();
}

CacheFiles::ShredReport CacheFiles::shred(bool includeManifest) const
{
    ShredReport report;
    const QStringList paths = includeManifest ? allFilePaths() : databaseFilePaths();
    for (const QString &path : paths) {
        const QByteArray name = QFile::encodeName(path);
        struct stat info
        {
        };
        if (::lstat(name.constData(), &info) != 0)
            continue;
        // Overwrite only what is, at the moment it is open, a private regular file of ours with no other name:
        // O_NOFOLLOW refuses a symbolic link planted in the folder, O_NONBLOCK keeps a FIFO from blocking the
        // open, and the checks run on the open descriptor (fstat), not on the name, so nothing can be swapped in
        // between. A second hard link would be a name outside our reach for the same data.
        bool overwritten = false;
        const int fd = ::open(name.constData(), O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) {
            struct stat opened
            {
            };
            if (::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode) && opened.st_nlink == 1 &&
                opened.st_uid == ::geteuid()) {
                QString ignored; // unlinking goes ahead anyway: the content is ciphertext under a deleted key
                overwritten = overwriteWithZeros(fd, ignored);
            }
            ::close(fd);
        }
        if (::unlink(name.constData()) == 0)
            (overwritten ? report.overwritten : report.unlinkedOnly).append(QFileInfo(path).fileName());
    }
    syncDirectory(m_directory);
    const QDir folder(m_directory);
    const QString keptManifest = includeManifest ? QString() : QFileInfo(manifestPath()).fileName();
    for (const QString &name :
         folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        if (name != CacheFolderLock::fileName() && name != keptManifest)
            report.left.append(name);
    }
    return report;
}

int CacheFiles::modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

void CacheFiles::syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace advocate
