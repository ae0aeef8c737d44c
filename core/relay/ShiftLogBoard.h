// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>

namespace advocate {

// The shift log (WS13, docs/protocol.md section 16), in memory only: entries for the next shift, each an opaque
// body with its author and time, and who has acknowledged it. An entry goes when everyone on shift but its
// author has acknowledged it (at least one has), or when it is older than the program's limit.
class ShiftLogBoard
{
public:
    struct Entry
    {
        QString id;
        QString author;
        QString body;
        qint64 postedAtWallMs = 0; // for the reader: when it was written
        qint64 postedAtMs = 0;     // monotonic, for the expiry
        QSet<QString> acknowledgedBy;
    };

    const Entry &post(const QString &author, const QString &body, qint64 wallMs, qint64 nowMs);
    // The entries `user` has still to read: not their own, not acknowledged, oldest first.
    QList<const Entry *> unreadBy(const QString &user) const;
    // False when the entry is unknown (perhaps just expired) or was acknowledged already.
    bool acknowledge(const QString &entry, const QString &user);
    // Drops the entries every user in `onShift` but the author has acknowledged (at least one user has); the ids.
    QStringList dropRead(const QStringList &onShift);
    QStringList dropExpired(qint64 nowMs, qint64 maxAgeMs);
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    std::map<QString, Entry> m_entries;
};

} // namespace advocate
