// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Statistics.h"

#include "common/Clock.h"

#include <algorithm>

namespace advocate {

Statistics::Statistics(const Clock &clock, const QTimeZone &zone) : m_clock(clock), m_zone(zone) {}

QDate Statistics::today() const
{
    return m_clock.now().toTimeZone(m_zone).date();
}

void Statistics::count(const QString &counter)
{
    const QDate date = today();
    ++m_days[date][counter];
    ++m_revision;
    dropOutsideWindow(date);
}

void Statistics::countOffered(const QString &language)
{
    count(StatisticsCounters::offered());
    count(StatisticsCounters::language(language));
}

void Statistics::countTurnedAway(bool queueFull)
{
    count(StatisticsCounters::turnedAway(queueFull));
}

void Statistics::countAnswered(qint64 waitedMs)
{
    count(StatisticsCounters::answered());
    count(StatisticsCounters::waitBand(waitedMs));
}

void Statistics::countAbandoned(EndReason how)
{
    count(StatisticsCounters::abandoned(how));
}

void Statistics::countEnded(EndReason reason, qint64 lastedMs)
{
    count(StatisticsCounters::ended(reason));
    count(StatisticsCounters::durationBand(lastedMs));
}

void Statistics::countTransferOffered()
{
    count(StatisticsCounters::transferOffered());
}

void Statistics::countTransferClosed(frame::TransferState outcome)
{
    count(StatisticsCounters::transferClosed(outcome));
}

void Statistics::countRequeued(HandoffReason reason)
{
    count(StatisticsCounters::requeued(reason));
}

void Statistics::countSupervisorAction(SupervisorAction action)
{
    count(StatisticsCounters::supervisorAction(action));
}

void Statistics::countShiftEndOverride(frame::OverrideCategory category)
{
    count(StatisticsCounters::shiftEndOverride(category));
}

void Statistics::touch()
{
    const QDate date = today();
    if (m_days.try_emplace(date).second)
        ++m_revision;
    dropOutsideWindow(date);
}

void Statistics::dropOutsideWindow(const QDate &today)
{
    // Days well after today go too: a wall clock that was set far ahead and then back must not leave a day that
    // nobody can reach. Tomorrow stays, for a clock stepped back across midnight.
    const QDate oldest = today.addDays(1 - frame::maxStatisticsDays);
    for (auto it = m_days.begin(); it != m_days.end();) {
        if (it->first < oldest || it->first > today.addDays(1)) {
            it = m_days.erase(it);
            ++m_revision;
        } else {
            ++it;
        }
    }
}

QList<frame::StatisticsDay> Statistics::lastDays(int days) const
{
    const QDate last = today();
    const QDate first = last.addDays(1 - std::clamp(days, 1, frame::maxStatisticsDays));
    QList<frame::StatisticsDay> result;
    for (auto it = m_days.lower_bound(first); it != m_days.end() && it->first <= last; ++it)
        result.append(frame::StatisticsDay{it->first, it->second});
    return result;
}

void Statistics::add(const QList<frame::StatisticsDay> &days)
{
    const QDate date = today();
    const QDate oldest = date.addDays(1 - frame::maxStatisticsDays);
    for (const frame::StatisticsDay &day : days) {
        if (day.date < oldest || day.date > date.addDays(1))
            continue;
        QMap<QString, qint64> &counts = m_days[day.date];
        for (auto it = day.counts.constBegin(); it != day.counts.constEnd(); ++it)
            counts[it.key()] += it.value();
        ++m_revision;
    }
}

} // namespace advocate
