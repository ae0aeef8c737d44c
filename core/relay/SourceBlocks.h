// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>

namespace advocate {

// The sources a supervisor blocked (docs/protocol.md section 17, RL7): each block is the keyed hash of a
// survivor's source (SourceKeys; never the address) with its expiry and who set it, in memory only, dropped at
// expiry and by a restart. A block's id is random and says nothing about the source.
class SourceBlocks
{
public:
    // Returns the new block's id.
    QString add(const QByteArray &sourceKey, const QString &by, qint64 expiresAtMs);
    bool remove(const QString &block);
    // Whether any of the keys of one connection's source (under today's and earlier secrets) is blocked.
    bool isBlocked(const QList<QByteArray> &sourceKeys, qint64 nowMs) const;
    // Drops the expired blocks; returns how many.
    int expire(qint64 nowMs);
    QList<frame::BlockEntry> entries(qint64 nowMs) const;
    int size() const { return static_cast<int>(m_blocks.size()); }

private:
    struct Entry
    {
        QByteArray sourceKey;
        QString by;
        qint64 expiresAtMs = 0;
    };
    std::map<QString, Entry> m_blocks;
};

} // namespace advocate
