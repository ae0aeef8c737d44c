// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace advocate {

// The optional file of the relay's per-day counts (config `statistics_file`, docs/protocol.md section 17): JSON,
//   {"format":"advocate-relay-statistics","version":1,"days":[{"date":"2026-01-01","counts":{"offered":3,…}},…]}
// Counts only, as Statistics holds them; written whole and atomically (a temporary file renamed over the old one),
// owner-only, so a reader never sees half a file.
class StatisticsFile
{
public:
    static constexpr qint64 maxFileBytes = 1024 * 1024;

    struct Loaded
    {
        QList<frame::StatisticsDay> days;
        // Empty when the file was read or does not exist (yet); otherwise why it cannot be used.
        QString error;
    };

    static Loaded read(const QString &path);
    static QByteArray encode(const QList<frame::StatisticsDay> &days);
    // An error message, or an empty string when written.
    static QString write(const QString &path, const QList<frame::StatisticsDay> &days);
    // Moves a file that cannot be read out of the way (to `path`.unreadable, replacing an older one), so that the
    // next write keeps it for whoever looks into it. Returns where it went, or an empty string when it could not
    // be moved.
    static QString setAside(const QString &path);
};

} // namespace advocate
