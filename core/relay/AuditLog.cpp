// SPDX-License-Identifier: GPL-3.0-only
#include "relay/AuditLog.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace advocate {

AuditLog::AuditLog(const QString &path) : AuditLog(path, Rotation{}) {}

AuditLog::AuditLog(const QString &path, Rotation rotation) : m_path(path), m_rotation(rotation)
{
    m_rotation.keep = qMax(1, m_rotation.keep);
    open();
}

bool AuditLog::open()
{
    // Created owner-only in the same system call: a chmod after opening would leave a moment when the umask's
    // permissions apply. An existing file keeps the permissions its owner gave it.
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        // Only for errorString(): ExistingOnly, so this second try never creates the file with other permissions.
        m_file.setFileName(m_path);
        m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::ExistingOnly);
        m_file.close();
        return false;
    }
    if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return false;
    }
    m_size = m_file.size();
    return true;
}

QString AuditLog::rotatedPath(int generation) const
{
    return m_path + u'.' + QString::number(generation);
}

bool AuditLog::rotate()
{
    m_file.close();
    // Oldest first, so that no rename replaces a file that still has to move. rename() replaces its target.
    for (int generation = m_rotation.keep; generation >= 1; --generation) {
        const QString from = generation == 1 ? m_path : rotatedPath(generation - 1);
        const QByteArray source = QFile::encodeName(from);
        const QByteArray target = QFile::encodeName(rotatedPath(generation));
        if (::rename(source.constData(), target.constData()) != 0 && errno != ENOENT) {
            m_error = QCoreApplication::translate("AuditLog", "Cannot rotate the audit log %1: %2")
                          .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
            open(); // keep appending to what is there; lines are dropped until a rotation succeeds
            return false;
        }
    }
    m_error.clear();
    return open();
}

void AuditLog::record(const QString &line)
{
    if (!m_file.isOpen())
        return;
    QString stamped = QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u' ' + line.simplified() + u'\n';
    if (m_dropped > 0)
        stamped.prepend(QDateTime::currentDateTimeUtc().toString(Qt::ISODate) +
                        QStringLiteral(" audit_lines_dropped count=%1\n").arg(m_dropped));
    const QByteArray bytes = stamped.toUtf8();
    if (m_size > 0 && m_size + bytes.size() > m_rotation.maxBytes && !rotate()) {
        // The bound holds even when the directory refuses the rename: lines are dropped and counted.
        if (m_dropped++ == 0)
            qWarning("%s", qUtf8Printable(m_error));
        return;
    }
    if (!m_file.isOpen())
        return;
    m_dropped = 0;
    m_file.write(bytes);
    m_file.flush();
    m_size += bytes.size();
}

} // namespace advocate
