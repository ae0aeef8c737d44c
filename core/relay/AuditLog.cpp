// SPDX-License-Identifier: GPL-3.0-only
#include "relay/AuditLog.h"

#include <QDateTime>

namespace advocate {

AuditLog::AuditLog(const QString &path) : m_file(path)
{
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
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
