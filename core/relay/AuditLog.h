// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QFile>
#include <QString>

namespace advocate {

// The relay's only file (RL7): an optional, content-free audit log, one line an event:
//   2026-01-01T09:00:00Z conversation_ended reason=quick_exit seconds=312
// Callers pass only event names and values the relay itself chose (roles, reasons, languages from the config,
// staff account names, counts): never message text, aliases, addresses or user agents.
class AuditLog
{
public:
    // Appends to `path`; errorString() says why not when isOpen() is false.
    explicit AuditLog(const QString &path);

    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_file.errorString(); }
    void record(const QString &line);

private:
    QFile m_file;
};

} // namespace advocate
