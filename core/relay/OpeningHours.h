// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace advocate {

// When the program's chat is open (requirement RL4): a weekly schedule in the program's time zone, minus
// holidays (whole local days). No schedule means open around the clock. A range whose end is not after its
// start runs past midnight into the next day ("sun 18:00-02:00").
//
// Schedule text, as in relay.conf.example:  always  |  mon-fri 09:00-17:00, sat 10:00-14:00, sun 18:00-02:00
class OpeningHours
{
public:
    struct Range
    {
        int day = 1;         // 1 = Monday … 7 = Sunday (QDate::dayOfWeek)
        int startMinute = 0; // minutes after local midnight
        int endMinute = 0;   // may exceed 1440 for a range that runs past midnight

        bool operator==(const Range &) const = default;
    };

    // Open around the clock, in UTC.
    OpeningHours();

    // Each returns an error message, or an empty string when the value was taken.
    QString setSchedule(const QString &text);
    QString setHolidays(const QString &text);
    QString setTimeZone(const QString &ianaId);

    bool alwaysOpen() const { return m_ranges.isEmpty(); }
    const QList<Range> &ranges() const { return m_ranges; }
    QList<QDate> holidays() const;
    QTimeZone timeZone() const { return m_zone; }

    bool isOpen(const QDateTime &at) const;
    // The next time the chat opens after `at` (looking a little over a year ahead); nullopt when always open
    // or when no opening is found.
    std::optional<QDateTime> nextOpening(const QDateTime &at) const;

private:
    bool isHoliday(const QDate &localDate) const { return m_holidays.contains(localDate); }

    QList<Range> m_ranges;
    QSet<QDate> m_holidays;
    QTimeZone m_zone;
};

} // namespace advocate
