// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheResults.h"

#include <QString>

namespace advocate {

// The exclusive lock on a shift cache folder: one ShiftCache at a time, in this process or another, may
// resume, write, start over or wipe the cache in it. It is an flock() on `<folder>/.lock`, which the kernel
// releases when the holder exits in any way (including SIGKILL), so a crash never leaves the folder locked.
// POSIX; the Windows port replaces this class's .cpp.
class CacheFolderLock
{
public:
    explicit CacheFolderLock(QString directory);
    ~CacheFolderLock();
    CacheFolderLock(const CacheFolderLock &) = delete;
    CacheFolderLock &operator=(const CacheFolderLock &) = delete;

    static QString fileName();

    // Takes the lock (the folder must exist). Does nothing if it is already held. CacheError::InUse when
    // another holder has it; the caller must then touch nothing in the folder.
    CacheResult acquire();
    bool isHeld() const { return m_fd >= 0; }
    // Removes the lock file, then the folder if it is empty, then lets the lock go: after a complete wipe the
    // folder leaves nothing behind. Someone who opened the lock file before it was removed notices that it
    // is no longer the file at that path and tries again (see acquire()).
    void releaseAndRemoveFolder();
    void release();

private:
    QString m_directory;
    int m_fd = -1;
};

} // namespace advocate
