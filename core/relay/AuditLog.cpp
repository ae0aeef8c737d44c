// SPDX-License-Identifier: GPL-3.0-only
#include "relay/AuditLog.h"

#include <QDateTime>

#include <fcntl.h>
#include <unistd.h>

namespace advocate {

AuditLog::AuditLog(const QString &path) : m_file(path)
{
    // Created owner-only in the same system call: a chmod after opening would leave a moment when the umask's
    // permissions apply. An existing file keeps the permissions its owner gave it.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        // Only for errorString(): ExistingOnly, so this second try never creates the file with other permissions.
        m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::ExistingOnly);
        m_file.close();
        return;
    }
    if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text, QFileDevice::AutoCloseHandle))
        ::close(fd);
}

void AuditLog::record(const QString &line)
{
    if (!m_file.isOpen())
        return;
    const QString stamped = QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u' ' + line.simplified() + u'\n';
    m_file.write(stamped.toUtf8());
    m_file.flush();
}

} // namespace advocate
