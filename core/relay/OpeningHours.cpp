// SPDX-License-Identifier: GPL-3.0-only
#include "relay/OpeningHours.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace advocate {

namespace {

constexpr int minutesPerDay = 24 * 60;

int dayFromName(const QString &name)
{
    static const QStringList names{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                   QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                   QStringLiteral("sun")};
    return static_cast<int>(names.indexOf(name.toLower())) + 1; // 0 when unknown
}

// "HH:MM" (00:00 … 24:00) in minutes, or -1.
int minuteFromTime(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return -1;
    return hours * 60 + minutes;
}

} // namespace

OpeningHours::OpeningHours() : m_zone(QTimeZone::utc()) {}

QString OpeningHours::setSchedule(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("always"), Qt::CaseInsensitive) == 0) {
        m_ranges.clear();
        return {};
    }
    static const QRegularExpression entryPattern(
        QStringLiteral("^([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})$"));
    QList<Range> ranges;
    for (const QString &part : trimmed.split(u',')) {
        const QRegularExpressionMatch match = entryPattern.match(part.trimmed());
        if (!match.hasMatch())
            return QCoreApplication::translate("OpeningHours", "\"%1\" is not like \"mon-fri 09:00-17:00\".")
                .arg(part.trimmed());
        const int first = dayFromName(match.captured(1));
        const int last = match.captured(2).isEmpty() ? first : dayFromName(match.captured(2));
        const int start = minuteFromTime(match.captured(3));
        int end = minuteFromTime(match.captured(4));
        if (first == 0 || last == 0)
            return QCoreApplication::translate("OpeningHours", "Days are mon, tue, wed, thu, fri, sat and sun.");
        if (start < 0 || end < 0 || start >= minutesPerDay)
            return QCoreApplication::translate("OpeningHours", "Times are 00:00 to 24:00.");
        if (end <= start)
            end += minutesPerDay; // runs past midnight
        if (end == start + minutesPerDay && start != 0)
            return QCoreApplication::translate("OpeningHours",
                                               "A range cannot be a whole day long unless it is 00:00-24:00.");
        for (int day = first;; day = day % 7 + 1) {
            ranges.append({day, start, end});
            if (day == last)
                break;
        }
    }
    std::sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) {
        return a.day != b.day ? a.day < b.day : a.startMinute < b.startMinute;
    });
    m_ranges = ranges;
    return {};
}

QString OpeningHours::setHolidays(const QString &text)
{
    QSet<QDate> holidays;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QDate date = QDate::fromString(part.trimmed(), Qt::ISODate);
        if (!date.isValid())
            return QCoreApplication::translate("OpeningHours", "\"%1\" is not a date like 2026-12-25.")
                .arg(part.trimmed());
        holidays.insert(date);
    }
    m_holidays = holidays;
    return {};
}

QString OpeningHours::setTimeZone(const QString &ianaId)
{
    const QTimeZone zone(ianaId.trimmed().toUtf8());
    if (!zone.isValid())
        return QCoreApplication::translate("OpeningHours", "\"%1\" is not a time zone such as America/Chicago.")
            .arg(ianaId.trimmed());
    m_zone = zone;
    return {};
}

QList<QDate> OpeningHours::holidays() const
{
    QList<QDate> sorted(m_holidays.begin(), m_holidays.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

bool OpeningHours::isOpen(const QDateTime &at) const
{
    if (alwaysOpen())
        return true;
    const QDateTime local = at.toTimeZone(m_zone);
    const QDate today = local.date();
    if (isHoliday(today))
        return false;
    const int minute = local.time().hour() * 60 + local.time().minute();
    const int weekday = today.dayOfWeek();
    const int yesterday = weekday == 1 ? 7 : weekday - 1;
    return std::any_of(m_ranges.cbegin(), m_ranges.cend(), [&](const Range &range) {
        if (range.day == weekday)
            return minute >= range.startMinute && minute < range.endMinute;
        // Yesterday's range that runs past midnight.
        return range.day == yesterday && range.endMinute > minutesPerDay && minute < range.endMinute - minutesPerDay;
    });
}

std::optional<QDateTime> OpeningHours::nextOpening(const QDateTime &at) const
{
    if (alwaysOpen())
        return std::nullopt;
    const QDate first = at.toTimeZone(m_zone).date();
    for (int offset = 0; offset <= 400; ++offset) {
        const QDate day = first.addDays(offset);
        if (isHoliday(day))
            continue;
        for (const Range &range : m_ranges) {
            if (range.day != day.dayOfWeek())
                continue;
            const QDateTime start(day, QTime(range.startMinute / 60, range.startMinute % 60), m_zone);
            if (start > at && isOpen(start))
                return start;
        }
    }
    return std::nullopt;
}

} // namespace advocate
