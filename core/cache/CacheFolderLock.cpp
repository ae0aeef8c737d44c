// SPDX-License-Identifier: GPL-3.0-only
#include "cache/CacheFolderLock.h"

#include "cache/CacheFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace advocate {

CacheFolderLock::CacheFolderLock(QString directory) : m_directory(std::move(directory)) {}

CacheFolderLock::~CacheFolderLock()
{
    release();
}

QString CacheFolderLock::fileName()
{
    return QStringLiteral(".lock");
}

CacheResult CacheFolderLock::acquire()
{
    if (isHeld())
        return CacheResult::success();
    const QByteArray path = QFile::encodeName(QDir(m_directory).filePath(fileName()));
    const auto failed = [this](CacheError error) {
        return CacheResult::failure(
            error, QCoreApplication::translate("CacheFolderLock", "Could not lock the folder %1: %2")
                       .arg(QDir::toNativeSeparators(m_directory), QString::fromLocal8Bit(std::strerror(errno))));
    };
    // A few rounds at most: each retry means another holder removed the lock file between our open() and
    // flock(), which happens only at the very end of its wipe.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
        if (fd < 0)
            return failed(errno == ELOOP ? CacheError::FilePermissions : CacheError::FileSystem);
        struct stat opened
        {
        };
        if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_uid != ::geteuid()) {
            ::close(fd);
            return CacheResult::failure(
                CacheError::FilePermissions,
                QCoreApplication::translate("CacheFolderLock",
                                            "%1 is not a private file of yours; the shift cache will not use it.")
                    .arg(QDir::toNativeSeparators(QFile::decodeName(path))));
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(fd);
            if (error == EWOULDBLOCK)
                return CacheResult::failure(
                    CacheError::InUse,
                    QCoreApplication::translate("CacheFolderLock",
                                                "The shift cache in %1 is in use by another Advocate Desk (another "
                                                "window or program instance); close it first. Nothing was changed.")
                        .arg(QDir::toNativeSeparators(m_directory)));
            errno = error;
            return failed(CacheError::FileSystem);
        }
        struct stat atPath
        {
        };
        if (::lstat(path.constData(), &atPath) == 0 && atPath.st_dev == opened.st_dev &&
            atPath.st_ino == opened.st_ino) {
            m_fd = fd;
            return CacheResult::success();
        }
        ::close(fd); // locked a file that was removed meanwhile: nobody else can see that lock
    }
    errno = EAGAIN;
    return failed(CacheError::InUse);
}

void CacheFolderLock::releaseAndRemoveFolder()
{
    if (!isHeld())
        return;
    // While the lock is still held: the file first, then the folder (fails, as it should, if anything else
    // is in it), then the lock itself.
    ::unlink(QFile::encodeName(QDir(m_directory).filePath(fileName())).constData());
    ::rmdir(QFile::encodeName(m_directory).constData());
    CacheFiles::syncDirectory(QFileInfo(m_directory).absolutePath());
    release();
}

void CacheFolderLock::release()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the only descriptor of the open file releases the flock
    m_fd = -1;
}

} // namespace advocate
