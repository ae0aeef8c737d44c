// SPDX-License-Identifier: GPL-3.0-only
#include "cache/CacheManifest.h"

#include "cache/CacheFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace advocate {

namespace {
constexpr int formatVersion = 1;
constexpr qint64 maximumManifestSize = 4096;

QLatin1String stateName(CacheManifest::State state)
{
    return state == CacheManifest::State::Wiping ? QLatin1String("wiping") : QLatin1String("open");
}
} // namespace

CacheManifest::CacheManifest(State state, QDateTime shiftStartedAt)
    : m_state(state), m_shiftStartedAt(std::move(shiftStartedAt))
{
}

std::optional<CacheManifest> CacheManifest::read(const QString &path, bool *exists)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat entry
    {
    };
    const bool present = ::lstat(name.constData(), &entry) == 0;
    if (exists != nullptr)
        *exists = present;
    if (!present)
        return std::nullopt;
    // Like the writer: never follow a symbolic link, and read only a regular file of ours (checked on the
    // open descriptor). O_NONBLOCK keeps a FIFO planted in its place from blocking the writer thread.
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct stat info
    {
    };
    QByteArray bytes;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
        info.st_size <= maximumManifestSize) {
        bytes.resize(maximumManifestSize + 1);
        qsizetype total = 0;
        for (;;) {
            const ssize_t got = ::read(fd, bytes.data() + total, static_cast<size_t>(bytes.size() - total));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            total += got;
            if (total == bytes.size())
                break;
        }
        bytes.truncate(total > maximumManifestSize ? 0 : total);
    }
    ::close(fd);
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    if (json.value(QLatin1String("format")).toInt() != formatVersion)
        return std::nullopt;
    const QString state = json.value(QLatin1String("state")).toString();
    const QDateTime started =
        QDateTime::fromString(json.value(QLatin1String("shiftStartedAt")).toString(), Qt::ISODateWithMs);
    if (!started.isValid() || (state != stateName(State::Open) && state != stateName(State::Wiping)))
        return std::nullopt;
    return CacheManifest(state == stateName(State::Wiping) ? State::Wiping : State::Open, started.toUTC());
}

CacheResult CacheManifest::write(const QString &path) const
{
    QJsonObject json;
    json.insert(QLatin1String("format"), formatVersion);
    json.insert(QLatin1String("state"), stateName(m_state));
    json.insert(QLatin1String("shiftStartedAt"), m_shiftStartedAt.toUTC().toString(Qt::ISODateWithMs));
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);

    const QString temporary = path + QLatin1String(".tmp");
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const auto failed = [&path] {
        return CacheResult::failure(
            CacheError::FileSystem,
            QCoreApplication::translate("CacheManifest", "Could not write %1: %2")
                .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno))));
    };
    const int fd = ::open(temporaryName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed();
    bool written = ::fchmod(fd, 0600) == 0 && ::write(fd, bytes.constData(), static_cast<size_t>(bytes.size())) ==
                                                  static_cast<ssize_t>(bytes.size());
    written = ::fsync(fd) == 0 && written;
    ::close(fd);
    if (!written || std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0) {
        const CacheResult result = failed();
        ::unlink(temporaryName.constData());
        return result;
    }
    CacheFiles::syncDirectory(QFileInfo(path).absolutePath());
    return CacheResult::success();
}

} // namespace advocate
