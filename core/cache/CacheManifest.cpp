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
    QFile file(path);
    const bool present = file.exists();
    if (exists != nullptr)
        *exists = present;
    if (!present || !file.open(QIODevice::ReadOnly) || file.size() > maximumManifestSize)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
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
