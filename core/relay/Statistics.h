// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "protocol/StatisticsCounters.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

#include <map>

namespace advocate {

class Clock;

// The relay's aggregate statistics (RL10): per day of the program's time zone, counts and bands only
// (StatisticsCounters names them). Nothing per conversation: a count goes up and that is all that is kept, no id,
// alias, staff name, address or time finer than the day. Today and the 30 days before it are kept
// (frame::maxStatisticsDays); older days are dropped. Memory only; RelayServer writes them to the optional
// statistics file (StatisticsFile) and reads them back at start.
class Statistics
{
public:
    Statistics(const Clock &clock, const QTimeZone &zone);

    // The router's lifecycle points (docs/protocol.md section 17 says what each counts).
    void countOffered(const QString &language);
    void countTurnedAway(bool queueFull);
    void countAnswered(qint64 waitedMs);
    void countAbandoned(EndReason how);
    void countEnded(EndReason reason, qint64 lastedMs);
    void countTransferOffered();
    void countTransferClosed(frame::TransferState outcome);
    void countRequeued(HandoffReason reason);
    void countSupervisorAction(SupervisorAction action);
    void countShiftEndOverride(frame::OverrideCategory category);

    // Today gets a record even with nothing counted (a day the relay ran shows as zeros, not as missing), and
    // days outside the window go.
    void touch();
    // The last `days` days (1 … maxStatisticsDays) the relay holds, oldest first, today last.
    QList<frame::StatisticsDay> lastDays(int days) const;
    // Adds counts read back from the statistics file; days outside the window are left out.
    void add(const QList<frame::StatisticsDay> &days);
    // Goes up with every change, so the writer knows when there is something new to write.
    quint64 revision() const { return m_revision; }
    QDate today() const;
    const QTimeZone &timeZone() const { return m_zone; }

private:
    void count(const QString &counter);
    void dropOutsideWindow(const QDate &today);

    const Clock &m_clock;
    QTimeZone m_zone;
    std::map<QDate, QMap<QString, qint64>> m_days;
    quint64 m_revision = 0;
};

} // namespace advocate
