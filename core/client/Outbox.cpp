// SPDX-License-Identifier: GPL-3.0-only
#include "Outbox.h"

#include <algorithm>

namespace advocate {

Outbox::Outbox(std::shared_ptr<const Clock> clock, std::chrono::milliseconds sendTimeout, QObject *parent)
    : QObject(parent), m_clock(std::move(clock)), m_sendTimeout(sendTimeout)
{
    // Often enough that a late message fails soon after its timeout, and at least every second.
    m_check.setInterval(
        std::min<std::chrono::milliseconds>(m_sendTimeout / 4 + std::chrono::milliseconds(1), std::chrono::seconds(1)));
    connect(&m_check, &QTimer::timeout, this, &Outbox::checkAge);
}

void Outbox::add(const QString &conversation, const QString &clientId, const QString &body)
{
    m_entries.append({conversation, clientId, body, m_clock->monotonicMs()});
    m_check.start();
}

QList<Outbox::Entry> Outbox::resend()
{
    const qint64 now = m_clock->monotonicMs();
    for (Entry &entry : m_entries)
        entry.sentAtMs = now;
    if (!m_entries.isEmpty())
        m_check.start();
    return m_entries;
}

void Outbox::settle(const QString &conversation, const QString &clientId, qint64 seq)
{
    const auto same = [&](const Entry &entry) {
        return entry.clientId == clientId && entry.conversation == conversation;
    };
    if (const auto found = std::find_if(m_entries.begin(), m_entries.end(), same); found != m_entries.end()) {
        Entry accepted = *found;
        m_entries.erase(found);
        accepted.seq = seq;
        if (seq > 0)
            m_accepted.append(accepted);
    } else if (const auto again = std::find_if(m_accepted.begin(), m_accepted.end(), same);
               again != m_accepted.end() && seq > 0) {
        again->seq = seq; // sent again after a relay restart: its new seq
    }
    if (m_entries.isEmpty())
        m_check.stop();
}

void Outbox::confirmDelivered(const QString &conversation, qint64 seq)
{
    m_accepted.removeIf([&](const Entry &entry) { return entry.conversation == conversation && entry.seq <= seq; });
}

QList<Outbox::Entry> Outbox::resendAfterReclaim(const QString &conversation)
{
    QList<Entry> again;
    for (const Entry &entry : std::as_const(m_accepted)) {
        if (entry.conversation == conversation)
            again.append(entry);
    }
    const qint64 now = m_clock->monotonicMs();
    for (Entry &entry : m_entries) {
        if (entry.conversation != conversation)
            continue;
        entry.sentAtMs = now;
        again.append(entry);
    }
    return again;
}

void Outbox::fail(const QString &conversation)
{
    m_accepted.removeIf([&](const Entry &entry) { return entry.conversation == conversation; });
    failWhere([&](const Entry &entry) { return entry.conversation == conversation; });
}

void Outbox::failAll()
{
    m_accepted.clear();
    failWhere([](const Entry &) { return true; });
}

void Outbox::checkAge()
{
    if (!m_connected)
        return; // while reconnecting, the outbox waits for the connection
    const qint64 limit = m_clock->monotonicMs() - m_sendTimeout.count();
    failWhere([&](const Entry &entry) { return entry.sentAtMs <= limit; });
}

template <typename Predicate>
void Outbox::failWhere(Predicate drop)
{
    // Out of the list first: a slot of failed() may add to the outbox again (a retry).
    QList<Entry> lost;
    m_entries.removeIf([&](const Entry &entry) {
        if (!drop(entry))
            return false;
        lost.append(entry);
        return true;
    });
    if (m_entries.isEmpty())
        m_check.stop();
    for (const Entry &entry : std::as_const(lost))
        Q_EMIT failed(entry.conversation, entry.clientId);
}

} // namespace advocate
