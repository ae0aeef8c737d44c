// SPDX-License-Identifier: GPL-3.0-only
#include "relay/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace advocate {

namespace {

constexpr int maxEventsPerWait = 256;
constexpr quint64 wakeTag = ~quint64(0);

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

quint64 tagOf(int fd, quint32 generation)
{
    return (quint64(generation) << 32) | quint32(fd);
}

// What poll() would report to each kind of notifier (Qt's UNIX dispatcher).
constexpr std::array<quint32, 3> activatingEvents{
    EPOLLIN | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Read
    EPOLLOUT | EPOLLHUP | EPOLLERR, // QSocketNotifier::Write
    EPOLLPRI | EPOLLHUP | EPOLLERR, // QSocketNotifier::Exception
};
constexpr std::array<quint32, 3> interestOf{EPOLLIN, EPOLLOUT, EPOLLPRI};

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wake >= 0) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = wakeTag;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event) != 0) {
            ::close(m_wake);
            m_wake = -1;
        }
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const int type = static_cast<int>(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    auto [found, inserted] = m_watches.try_emplace(fd);
    Watch &watch = found->second;
    if (inserted)
        watch.generation = ++m_nextGeneration;
    watch.notifiers[type] = notifier;
    if (!watch.dirty) {
        watch.dirty = true;
        m_dirty.push_back(fd);
    }
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const int type = static_cast<int>(notifier->type());
    const auto found = m_watches.find(fd);
    if (found == m_watches.end() || type < 0 || type > 2 || found->second.notifiers[type] != notifier)
        return;
    Watch &watch = found->second;
    watch.notifiers[type] = nullptr;
    if (std::any_of(watch.notifiers.cbegin(), watch.notifiers.cend(), [](const auto *n) { return n != nullptr; })) {
        if (!watch.dirty) {
            watch.dirty = true;
            m_dirty.push_back(fd);
        }
        return;
    }
    // Out of the set now, while the descriptor is still open: its owner may close it next.
    if (watch.interest != 0)
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    if (watch.unwatchable)
        --m_unwatchable;
    m_watches.erase(found);
}

void EpollEventDispatcher::applyInterest()
{
    for (const int fd : m_dirty) {
        const auto found = m_watches.find(fd);
        if (found == m_watches.end() || !found->second.dirty)
            continue;
        Watch &watch = found->second;
        watch.dirty = false;
        quint32 wanted = 0;
        for (std::size_t type = 0; type < watch.notifiers.size(); ++type) {
            if (watch.notifiers[type])
                wanted |= interestOf[type];
        }
        if (wanted == watch.interest || watch.unwatchable)
            continue;
        epoll_event event{};
        event.events = wanted;
        event.data.u64 = tagOf(fd, watch.generation);
        int op = watch.interest == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        int result = epoll_ctl(m_epoll, op, fd, &event);
        if (result != 0 && (errno == ENOENT || errno == EEXIST)) {
            // The descriptor was closed and reopened behind the set's back, or is still in it under the old tag.
            op = errno == ENOENT ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
            result = epoll_ctl(m_epoll, op, fd, &event);
        }
        if (result == 0) {
            watch.interest = wanted;
        } else if (errno == EPERM) {
            watch.unwatchable = true;
            ++m_unwatchable;
        }
    }
    m_dirty.clear();
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    Q_EMIT awake();
    // Every post wakes the dispatcher. A pass that delivers what was posted since the last one does not wait
    // afterwards (the caller's condition may have changed), nor does one that finds more posted meanwhile.
    const bool delivered = m_posted.fetchAndStoreAcquire(0) != 0;
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.loadRelaxed())
        return false;

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !delivered &&
                         m_wakeUpPending.loadAcquire() == 0 && m_unwatchable == 0;
    int timeout = 0;
    if (mayWait) {
        timeout = waitMilliseconds();
        if (timeout != 0)
            Q_EMIT aboutToBlock();
    }
    applyInterest();
    epoll_event events[maxEventsPerWait];
    int ready = 0;
    do {
        ready = epoll_wait(m_epoll, events, maxEventsPerWait, timeout);
    } while (ready < 0 && errno == EINTR);
    ready = std::max(ready, 0);

    int handled = delivered ? 1 : 0;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.u64 == wakeTag) {
            eventfd_t count = 0;
            eventfd_read(m_wake, &count);
            // Read first, then clear: a wakeUp() in between finds the flag set and writes nothing, and what it was
            // for is posted already, so the next pass's sendPostedEvents() finds it.
            m_wakeUpPending.storeRelease(0);
            ++handled;
        }
    }
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers)) {
        handled += dispatchSockets(events, ready);
        handled += dispatchUnwatchable();
    }
    handled += activateTimers();
    return handled > 0;
}

int EpollEventDispatcher::dispatchSockets(const epoll_event *events, int count)
{
    int handled = 0;
    for (int i = 0; i < count; ++i) {
        const quint64 tag = events[i].data.u64;
        if (tag != wakeTag)
            handled += activate(static_cast<int>(quint32(tag)), quint32(tag >> 32), events[i].events);
    }
    return handled;
}

int EpollEventDispatcher::dispatchUnwatchable()
{
    if (m_unwatchable == 0)
        return 0;
    std::vector<std::pair<int, quint32>> ready;
    for (const auto &[fd, watch] : m_watches) {
        if (watch.unwatchable)
            ready.emplace_back(fd, watch.generation);
    }
    int handled = 0;
    for (const auto &[fd, generation] : ready)
        handled += activate(fd, generation, EPOLLIN | EPOLLOUT); // a regular file is always readable and writable
    return handled;
}

int EpollEventDispatcher::activate(int fd, quint32 generation, quint32 events)
{
    int activated = 0;
    for (std::size_t type = 0; type < activatingEvents.size(); ++type) {
        if (!(events & activatingEvents[type]))
            continue;
        // Looked up again for each notifier: an earlier one may have closed the socket or replaced its notifiers.
        const auto found = m_watches.find(fd);
        if (found == m_watches.end() || found->second.generation != generation)
            break;
        if (QSocketNotifier *notifier = found->second.notifiers[type]) {
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            ++activated;
        }
    }
    return activated;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId <= 0 || !object)
        return;
    qint64 intervalMs = std::max<qint64>(0, interval);
    if (timerType == Qt::VeryCoarseTimer && intervalMs > 0)
        intervalMs = std::max<qint64>(1000, (intervalMs + 500) / 1000 * 1000); // whole seconds, as Qt does
    if (const auto old = m_timers.find(timerId); old != m_timers.end()) {
        unschedule(timerId, old->second);
        m_timers.erase(old);
    }
    Timer timer;
    timer.intervalNs = intervalMs * 1000000;
    timer.type = timerType;
    timer.object = object;
    timer.dueNs = nowNs() + timer.intervalNs;
    m_timers.emplace(timerId, timer);
    m_schedule.emplace(timer.dueNs, timerId);
}

void EpollEventDispatcher::unschedule(int timerId, const Timer &timer)
{
    m_schedule.erase({timer.dueNs, timerId});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return false;
    unschedule(timerId, found->second);
    m_timers.erase(found);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            unschedule(it->first, it->second);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, static_cast<int>(timer.intervalNs / 1000000), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return -1;
    return static_cast<int>(std::max<qint64>(0, found->second.dueNs - nowNs()) / 1000000);
}

int EpollEventDispatcher::waitMilliseconds() const
{
    // A timer whose timerEvent is still running (this pass is a nested event loop's) is not waited for.
    const auto next = std::find_if(m_schedule.cbegin(), m_schedule.cend(),
                                   [this](const auto &entry) { return !m_timers.at(entry.second).delivering; });
    if (next == m_schedule.cend())
        return -1;
    const qint64 left = next->first - nowNs();
    if (left <= 0)
        return 0;
    // Rounded up: waking a little early would only cost a pass that finds nothing due.
    return static_cast<int>(std::min<qint64>((left + 999999) / 1000000, 24 * 3600 * 1000));
}

int EpollEventDispatcher::activateTimers()
{
    if (m_schedule.empty())
        return 0;
    const qint64 now = nowNs();
    std::vector<int> due;
    for (auto it = m_schedule.cbegin(); it != m_schedule.cend() && it->first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (const int id : due) {
        // Each timer event may start, stop or restart any timer: look it up again.
        const auto found = m_timers.find(id);
        if (found == m_timers.end() || found->second.dueNs > now || found->second.delivering)
            continue;
        Timer &timer = found->second;
        unschedule(id, timer);
        timer.dueNs += timer.intervalNs;
        if (timer.dueNs <= now && timer.intervalNs > 0)
            timer.dueNs = now + timer.intervalNs; // late: skip ahead rather than fire in a burst
        else if (timer.intervalNs == 0)
            timer.dueNs = now;
        m_schedule.emplace(timer.dueNs, id);
        timer.delivering = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer.object, &event);
        ++fired;
        if (const auto again = m_timers.find(id); again != m_timers.end())
            again->second.delivering = false;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    m_posted.storeRelease(1);
    if (m_wakeUpPending.testAndSetAcquire(0, 1))
        eventfd_write(m_wake, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

} // namespace advocate
