// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/StatisticsCsv.h"

#include "protocol/StatisticsCounters.h"

namespace advocate {

QByteArray StatisticsCsv::header()
{
    return QByteArrayLiteral("date,counter,count\n");
}

QByteArray StatisticsCsv::render(const QList<frame::StatisticsDay> &days)
{
    QByteArray csv = header();
    const QStringList &fixed = StatisticsCounters::fixed();
    for (const frame::StatisticsDay &day : days) {
        const QByteArray date = day.date.toString(Qt::ISODate).toLatin1();
        const auto row = [&](const QString &counter, qint64 count) {
            // Counter names are well-formed (letters, digits, '_', '.', '-'): nothing to quote.
            csv += date + ',' + counter.toLatin1() + ',' + QByteArray::number(count) + '\n';
        };
        for (const QString &counter : fixed)
            row(counter, day.counts.value(counter));
        for (auto it = day.counts.constBegin(); it != day.counts.constEnd(); ++it) {
            if (!fixed.contains(it.key()) && StatisticsCounters::isWellFormed(it.key()))
                row(it.key(), it.value());
        }
    }
    return csv;
}

} // namespace advocate
