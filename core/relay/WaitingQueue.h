// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <limits>
#include <optional>

namespace advocate {

// Survivors waiting for an advocate: one FIFO per language (RL3). Identifies survivors by the relay's
// internal session number, never by anything they typed. Times are monotonic milliseconds from a Clock.
class WaitingQueue
{
public:
    using SessionId = quint64;

    explicit WaitingQueue(int limitPerLanguage);

    // False when the language's queue is at its limit (the survivor gets "all advocates are busy").
    bool enqueue(SessionId session, const QString &language, qint64 nowMs);
    // At the front of the language's queue, even a full one: a conversation that comes back (a handoff to the
    // queue, an advocate who dropped) waits behind nobody.
    void enqueueFront(SessionId session, const QString &language, qint64 nowMs);
    bool remove(SessionId session);
    bool contains(SessionId session) const { return m_where.contains(session); }

    // 1-based position in its language's queue, 0 when not waiting. Walks the queue up to the survivor: to learn
    // every survivor's place, walk the room with forEachWaiting() instead.
    int position(SessionId session) const;
    qint64 enqueuedAtMs(SessionId session) const;
    QString languageOf(SessionId session) const;
    // The position times the mean interval between recent assignments in that language (120 s without history).
    int estimatedWaitSeconds(SessionId session) const;
    int estimatedWaitSeconds(const QString &language, int position) const;

    struct Waiting
    {
        SessionId session = 0;
        int position = 0; // 1-based, in its language's queue
        qint64 enqueuedAtMs = 0;
        const QString &language;
    };
    // Every waiting survivor with their place, language by language, each queue front to back: one walk over the
    // room, however many wait. With `firstPlaces`, only that many from the front of each queue.
    template <typename Visit>
    void forEachWaiting(Visit visit, int firstPlaces = std::numeric_limits<int>::max()) const
    {
        for (auto queue = m_queues.cbegin(); queue != m_queues.cend(); ++queue) {
            int position = 0;
            for (auto entry = queue->cbegin(); entry != queue->cend() && position < firstPlaces; ++entry)
                visit(Waiting{entry->session, ++position, entry->enqueuedAtMs, queue.key()});
        }
    }

    // Takes the survivor who has waited longest among `languages` (all languages when empty).
    std::optional<SessionId> takeNext(const QStringList &languages, qint64 nowMs);
    // The same among the survivors for whom `eligible` is true (e.g. only those still connected).
    std::optional<SessionId> takeNext(const QStringList &languages, qint64 nowMs,
                                      const std::function<bool(SessionId)> &eligible);

    QMap<QString, int> waitingPerLanguage() const;
    int size() const { return static_cast<int>(m_where.size()); }
    QList<SessionId> all() const;

private:
    struct Entry
    {
        SessionId session = 0;
        qint64 enqueuedAtMs = 0;
    };

    struct Where
    {
        QString language;
        qint64 enqueuedAtMs = 0;
    };

    int m_limit;
    QMap<QString, std::deque<Entry>> m_queues;
    QHash<SessionId, Where> m_where;
    QMap<QString, std::deque<qint64>> m_recentTakes;
};

} // namespace advocate
