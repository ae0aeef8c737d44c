// SPDX-License-Identifier: GPL-3.0-only
#include "relay/SourceBlocks.h"

#include "relay/SecureToken.h"

#include <algorithm>

namespace advocate {

namespace {
constexpr int blockIdBytes = 12;
}

QString SourceBlocks::add(const QByteArray &sourceKey, const QString &by, qint64 expiresAtMs)
{
    const QString id = makeSecureToken(blockIdBytes);
    m_blocks[id] = Entry{sourceKey, by, expiresAtMs};
    return id;
}

bool SourceBlocks::remove(const QString &block)
{
    return m_blocks.erase(block) > 0;
}

bool SourceBlocks::isBlocked(const QList<QByteArray> &sourceKeys, qint64 nowMs) const
{
    return std::any_of(m_blocks.cbegin(), m_blocks.cend(), [&](const auto &entry) {
        return entry.second.expiresAtMs > nowMs && !entry.second.sourceKey.isEmpty() &&
               sourceKeys.contains(entry.second.sourceKey);
    });
}

int SourceBlocks::expire(qint64 nowMs)
{
    return static_cast<int>(
        std::erase_if(m_blocks, [nowMs](const auto &entry) { return entry.second.expiresAtMs <= nowMs; }));
}

QList<frame::BlockEntry> SourceBlocks::entries(qint64 nowMs) const
{
    QList<frame::BlockEntry> list;
    for (const auto &[id, entry] : m_blocks)
        list.append(
            frame::BlockEntry{id, entry.by, static_cast<int>(std::max<qint64>(0, entry.expiresAtMs - nowMs) / 1000)});
    return list;
}

} // namespace advocate
