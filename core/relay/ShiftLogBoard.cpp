// SPDX-License-Identifier: GPL-3.0-only
#include "relay/ShiftLogBoard.h"

#include "relay/SecureToken.h"

#include <algorithm>

namespace advocate {

namespace {

constexpr int entryIdBytes = 16;

} // namespace

const ShiftLogBoard::Entry &ShiftLogBoard::post(const QString &author, const QString &body, qint64 wallMs, qint64 nowMs)
{
    Entry entry{makeSecureToken(entryIdBytes), author, body, wallMs, nowMs, {}};
    const QString id = entry.id;
    return m_entries.insert_or_assign(id, std::move(entry)).first->second;
}

QList<const ShiftLogBoard::Entry *> ShiftLogBoard::unreadBy(const QString &user) const
{
    QList<const Entry *> unread;
    for (const auto &[id, entry] : m_entries) {
        if (entry.author != user && !entry.acknowledgedBy.contains(user))
            unread.append(&entry);
    }
    std::sort(unread.begin(), unread.end(),
              [](const Entry *a, const Entry *b) { return a->postedAtMs < b->postedAtMs; });
    return unread;
}

bool ShiftLogBoard::acknowledge(const QString &entry, const QString &user)
{
    const auto found = m_entries.find(entry);
    if (found == m_entries.end() || found->second.author == user || found->second.acknowledgedBy.contains(user))
        return false;
    found->second.acknowledgedBy.insert(user);
    return true;
}

QStringList ShiftLogBoard::dropRead(const QStringList &onShift)
{
    QStringList dropped;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const Entry &entry = it->second;
        const bool allRead = std::all_of(onShift.cbegin(), onShift.cend(), [&](const QString &user) {
            return user == entry.author || entry.acknowledgedBy.contains(user);
        });
        if (allRead && !entry.acknowledgedBy.isEmpty()) {
            dropped.append(it->first);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return dropped;
}

QStringList ShiftLogBoard::dropExpired(qint64 nowMs, qint64 maxAgeMs)
{
    QStringList dropped;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->second.postedAtMs >= maxAgeMs) {
            dropped.append(it->first);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return dropped;
}

} // namespace advocate
