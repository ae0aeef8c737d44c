// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>

#include <array>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

class QSocketNotifier;
struct epoll_event;

namespace advocate {

// The relay's event dispatcher on Linux: the cost of a wake-up does not grow with the number of open sockets.
// Qt's own dispatchers (glib's, and the UNIX one) hand every registered descriptor to poll() on every wake-up, and
// glib walks them all again in user space; with 10,000 survivors waiting that was most of the relay's CPU while
// nobody said anything (issue 16). Here the descriptors live in an epoll set, level-triggered like poll(), so a
// wake-up costs what became ready. Interest changes (a socket's write notifier goes on and off with every flush)
// are applied once, just before the next wait, so a notifier switched on and off within one pass costs nothing.
//
// The rest follows Qt's UNIX dispatcher: posted events are sent at the start of every pass; a pass waits only when
// asked to and nothing was posted since the last one (every post wakes the dispatcher, through an eventfd);
// POLLIN/HUP/ERR activate read notifiers, OUT/HUP/ERR write ones, PRI/HUP/ERR exception ones; each due timer fires at
// most once a pass and never while its own timerEvent is still running (a nested event loop), and a late repeating
// timer skips ahead rather than firing in a burst. Timer ids come from Qt (QAbstractEventDispatcher::registerTimer).
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel gave no epoll or eventfd descriptor: install Qt's default dispatcher instead.
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }
    // Descriptors in the epoll set now (for tests).
    int watchedDescriptors() const { return static_cast<int>(m_watches.size()); }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        std::array<QSocketNotifier *, 3> notifiers{}; // by QSocketNotifier::Type: Read, Write, Exception
        quint32 interest = 0;                         // the events the epoll set holds for it; 0: not in the set
        quint32 generation = 0;                       // tells a reused descriptor from the one that was closed
        bool dirty = false;                           // interest to be brought up to date before the next wait
        bool unwatchable = false;                     // epoll refused it (a regular file): always ready, as poll()
    };
    struct Timer
    {
        qint64 intervalNs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueNs = 0;
        bool delivering = false;
    };

    void applyInterest();
    int dispatchSockets(const epoll_event *events, int count);
    int dispatchUnwatchable();
    // Sends SockAct to the notifiers of `fd` that `events` activate, while the descriptor is the same one.
    int activate(int fd, quint32 generation, quint32 events);
    int activateTimers();
    // Milliseconds until the next timer is due, rounded up; -1 with no timer.
    int waitMilliseconds() const;
    void unschedule(int timerId, const Timer &timer);

    int m_epoll = -1;
    int m_wake = -1;            // eventfd: wakeUp() from any thread
    QAtomicInt m_wakeUpPending; // the eventfd has been written and not read yet
    QAtomicInt m_posted;        // wakeUp() was called since the last pass began
    QAtomicInt m_interrupted;
    std::unordered_map<int, Watch> m_watches; // by descriptor
    std::vector<int> m_dirty;
    quint32 m_nextGeneration = 0;
    int m_unwatchable = 0;
    std::unordered_map<int, Timer> m_timers;     // by timer id
    std::set<std::pair<qint64, int>> m_schedule; // (due, timer id), soonest first
};

} // namespace advocate
