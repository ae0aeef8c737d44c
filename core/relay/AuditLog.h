// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QFile>
#include <QString>

namespace advocate {

// An optional, content-free audit log (RL7), one line an event (the relay's only other file is the per-day counts
// of StatisticsFile):
//   2026-01-01T09:00:00Z transfer_closed user=ana outcome=accepted by=ben
// Callers pass only event names and values the relay itself chose (roles, reasons, languages from the config,
// staff account names, counts): never message text, aliases, addresses or user agents.
//
// The log has a size bound (RL12): before a line would take the file past `maxBytes` the file is rotated, as
// logrotate would: audit.log becomes audit.log.1, audit.log.1 becomes audit.log.2 and so on, the oldest beyond
// `keep` is deleted, and a new audit.log is started (owner-only, like the first). So the log never takes more than
// (keep + 1) × maxBytes on disk.
class AuditLog
{
public:
    struct Rotation
    {
        qint64 maxBytes = 4 * 1024 * 1024;
        int keep = 4; // rotated files kept beside the current one
    };

    // Appends to `path`; errorString() says why not when isOpen() is false.
    explicit AuditLog(const QString &path);
    AuditLog(const QString &path, Rotation rotation);

    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_error.isEmpty() ? m_file.errorString() : m_error; }
    void record(const QString &line);
    qint64 size() const { return m_size; }
    // Lines not written because the log could not be rotated (reported in the first line written afterwards).
    qint64 droppedLines() const { return m_dropped; }

private:
    bool open();
    bool rotate();
    QString rotatedPath(int generation) const;

    QString m_path;
    Rotation m_rotation;
    QFile m_file;
    qint64 m_size = 0;
    qint64 m_dropped = 0;
    QString m_error;
};

} // namespace advocate
