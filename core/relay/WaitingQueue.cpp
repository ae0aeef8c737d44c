// SPDX-License-Identifier: GPL-3.0-only
#include "relay/WaitingQueue.h"

#include <algorithm>

namespace advocate {

namespace {

constexpr int defaultIntervalSeconds = 120;
constexpr std::size_t historySize = 10;

} // namespace

WaitingQueue::WaitingQueue(int limitPerLanguage) : m_limit(limitPerLanguage) {}

bool WaitingQueue::enqueue(SessionId session, const QString &language, qint64 nowMs)
{
    if (m_where.contains(session))
        return true;
    std::deque<Entry> &queue = m_queues[language];
    if (static_cast<int>(queue.size()) >= m_limit)
        return false;
    queue.push_back({session, nowMs});
    m_where.insert(session, Where{language, nowMs});
    return true;
}

void WaitingQueue::enqueueFront(SessionId session, const QString &language, qint64 nowMs)
{
    remove(session);
    m_queues[language].push_front({session, nowMs});
    m_where.insert(session, Where{language, nowMs});
}

bool WaitingQueue::remove(SessionId session)
{
    const auto found = m_where.constFind(session);
    if (found == m_where.constEnd())
        return false;
    std::deque<Entry> &queue = m_queues[found->language];
    queue.erase(std::remove_if(queue.begin(), queue.end(), [session](const Entry &e) { return e.session == session; }),
                queue.end());
    m_where.erase(found);
    return true;
}

int WaitingQueue::position(SessionId session) const
{
    const auto found = m_where.constFind(session);
    if (found == m_where.constEnd())
        return 0;
    // constFind, not operator[]: on a const QMap that returns the language's whole queue by value.
    const auto queue = m_queues.constFind(found->language);
    if (queue == m_queues.constEnd())
        return 0;
    const auto it =
        std::find_if(queue->cbegin(), queue->cend(), [session](const Entry &e) { return e.session == session; });
    return it == queue->cend() ? 0 : static_cast<int>(it - queue->cbegin()) + 1;
}

qint64 WaitingQueue::enqueuedAtMs(SessionId session) const
{
    const auto found = m_where.constFind(session);
    return found == m_where.constEnd() ? 0 : found->enqueuedAtMs;
}

QString WaitingQueue::languageOf(SessionId session) const
{
    const auto found = m_where.constFind(session);
    return found == m_where.constEnd() ? QString() : found->language;
}

int WaitingQueue::estimatedWaitSeconds(SessionId session) const
{
    const auto found = m_where.constFind(session);
    return found == m_where.constEnd() ? 0 : estimatedWaitSeconds(found->language, position(session));
}

int WaitingQueue::estimatedWaitSeconds(const QString &language, int position) const
{
    if (position <= 0)
        return 0;
    qint64 intervalMs = defaultIntervalSeconds * 1000;
    const auto takes = m_recentTakes.constFind(language);
    if (takes != m_recentTakes.constEnd() && takes->size() >= 2)
        intervalMs = std::max<qint64>(1000, (takes->back() - takes->front()) / static_cast<qint64>(takes->size() - 1));
    return static_cast<int>(position * intervalMs / 1000);
}

std::optional<WaitingQueue::SessionId> WaitingQueue::takeNext(const QStringList &languages, qint64 nowMs)
{
    return takeNext(languages, nowMs, [](SessionId) { return true; });
}

std::optional<WaitingQueue::SessionId> WaitingQueue::takeNext(const QStringList &languages, qint64 nowMs,
                                                              const std::function<bool(SessionId)> &eligible)
{
    QString bestLanguage;
    std::optional<Entry> best;
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it) {
        if (it->empty() || (!languages.isEmpty() && !languages.contains(it.key())))
            continue;
        // The longest-waiting eligible survivor of this language (FIFO among the eligible).
        const auto first = std::find_if(it->cbegin(), it->cend(), [&](const Entry &e) { return eligible(e.session); });
        if (first == it->cend())
            continue;
        if (!best || first->enqueuedAtMs < best->enqueuedAtMs) {
            best = *first;
            bestLanguage = it.key();
        }
    }
    if (!best)
        return std::nullopt;
    std::deque<Entry> &queue = m_queues[bestLanguage];
    queue.erase(std::find_if(queue.begin(), queue.end(), [&](const Entry &e) { return e.session == best->session; }));
    m_where.remove(best->session);
    std::deque<qint64> &takes = m_recentTakes[bestLanguage];
    takes.push_back(nowMs);
    if (takes.size() > historySize)
        takes.pop_front();
    return best->session;
}

QMap<QString, int> WaitingQueue::waitingPerLanguage() const
{
    QMap<QString, int> counts;
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it)
        counts.insert(it.key(), static_cast<int>(it->size()));
    return counts;
}

QList<WaitingQueue::SessionId> WaitingQueue::all() const
{
    QList<SessionId> sessions;
    for (const std::deque<Entry> &queue : m_queues) {
        for (const Entry &entry : queue)
            sessions.append(entry.session);
    }
    return sessions;
}

} // namespace advocate
