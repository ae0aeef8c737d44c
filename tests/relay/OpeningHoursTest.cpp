// SPDX-License-Identifier: GPL-3.0-only
// RL4: the weekly schedule, holidays and time zone of relay.conf, and the config keys of the survivor page.
#include "relay/OpeningHours.h"
#include "relay/RelayConfigFile.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

OpeningHours hours(const QString &schedule, const QString &zone = QStringLiteral("America/Chicago"),
                   const QString &holidays = QString())
{
    OpeningHours result;
    EXPECT_EQ(result.setSchedule(schedule), QString());
    EXPECT_EQ(result.setTimeZone(zone), QString());
    EXPECT_EQ(result.setHolidays(holidays), QString());
    return result;
}

} // namespace

TEST(OpeningHours, WithoutAScheduleTheChatIsAlwaysOpen)
{
    const OpeningHours always;
    EXPECT_TRUE(always.alwaysOpen());
    EXPECT_TRUE(always.isOpen(utc(2026, 12, 25, 3)));
    EXPECT_FALSE(always.nextOpening(utc(2026, 12, 25, 3)).has_value());
}

TEST(OpeningHours, WeekdayHoursAreReadInTheProgramsTimeZone)
{
    const OpeningHours weekdays = hours(QStringLiteral("mon-fri 09:00-17:00"));
    // Monday 30 Nov 2026, Chicago is UTC-6: 09:00 local is 15:00 UTC.
    EXPECT_FALSE(weekdays.isOpen(utc(2026, 11, 30, 14, 59)));
    EXPECT_TRUE(weekdays.isOpen(utc(2026, 11, 30, 15, 0)));
    EXPECT_TRUE(weekdays.isOpen(utc(2026, 11, 30, 22, 59)));
    EXPECT_FALSE(weekdays.isOpen(utc(2026, 11, 30, 23, 0)));
    // Saturday is closed; the next opening is Monday 09:00 Chicago time.
    const std::optional<QDateTime> next = weekdays.nextOpening(utc(2026, 11, 28, 12));
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(next->toUTC(), utc(2026, 11, 30, 15));
}

TEST(OpeningHours, ARangeCanRunPastMidnight)
{
    const OpeningHours evenings = hours(QStringLiteral("sun 18:00-02:00"), QStringLiteral("UTC"));
    EXPECT_TRUE(evenings.isOpen(utc(2026, 11, 29, 23)));    // Sunday night
    EXPECT_TRUE(evenings.isOpen(utc(2026, 11, 30, 1, 59))); // Monday early morning
    EXPECT_FALSE(evenings.isOpen(utc(2026, 11, 30, 2)));
}

TEST(OpeningHours, AHolidayClosesTheWholeDayAndTheNextOpeningSkipsIt)
{
    const OpeningHours everyDay =
        hours(QStringLiteral("mon-sun 00:00-24:00"), QStringLiteral("UTC"), QStringLiteral("2026-12-25, 2027-01-01"));
    EXPECT_TRUE(everyDay.isOpen(utc(2026, 12, 24, 23, 59)));
    EXPECT_FALSE(everyDay.isOpen(utc(2026, 12, 25, 12)));
    EXPECT_EQ(everyDay.nextOpening(utc(2026, 12, 25, 12)), utc(2026, 12, 26, 0));
    EXPECT_EQ(everyDay.holidays().size(), 2);
}

TEST(OpeningHours, BadValuesAreRefusedWithAReason)
{
    OpeningHours value;
    EXPECT_FALSE(value.setSchedule(QStringLiteral("weekdays 9-5")).isEmpty());
    EXPECT_FALSE(value.setSchedule(QStringLiteral("mon 25:00-26:00")).isEmpty());
    EXPECT_FALSE(value.setHolidays(QStringLiteral("25/12/2026")).isEmpty());
    EXPECT_FALSE(value.setTimeZone(QStringLiteral("Mars/Olympus")).isEmpty());
    EXPECT_TRUE(value.alwaysOpen());
}

TEST(RelayConfigFile, ReadsTheSurvivorPageKeysAndTranslations)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse("program_name = Safe Harbor\n"
                                                                  "program_name.es = Puerto Seguro\n"
                                                                  "hotline_phone = 555-0100\n"
                                                                  "notice_text = Read me\n"
                                                                  "notice_text.es = Lea esto\n"
                                                                  "notice_version = 4\n"
                                                                  "languages = en, es\n"
                                                                  "emergency_number = 112\n"
                                                                  "closed_text = Closed now\n"
                                                                  "hours = mon-fri 09:00-17:00, sat 10:00-14:00\n"
                                                                  "holidays = 2026-12-25\n"
                                                                  "time_zone = Europe/Madrid\n"
                                                                  "service_notice_file = /run/x/notice\n"
                                                                  "inactivity_t1_seconds = 30\n"
                                                                  "long_wait_seconds = 45\n");
    ASSERT_TRUE(result.ok()) << qPrintable(result.problems.first().message);
    const RelayConfig &config = result.config;
    EXPECT_EQ(config.emergencyNumber, QStringLiteral("112"));
    EXPECT_EQ(config.closedText, QStringLiteral("Closed now"));
    EXPECT_EQ(config.openingHours.ranges().size(), 6);
    EXPECT_EQ(config.openingHours.timeZone().id(), QByteArrayLiteral("Europe/Madrid"));
    EXPECT_EQ(config.serviceNoticeFile, QStringLiteral("/run/x/notice"));
    EXPECT_EQ(config.inactivityT1Seconds, 30);
    EXPECT_EQ(config.longWaitSeconds, 45);
    EXPECT_EQ(config.textFor(QStringLiteral("notice_text"), config.noticeText, QStringLiteral("es")),
              QStringLiteral("Lea esto"));
    EXPECT_EQ(config.textFor(QStringLiteral("notice_text"), config.noticeText, QStringLiteral("en")),
              QStringLiteral("Read me"));
}

TEST(RelayConfigFile, SurvivorPageKeysReportTheirProblems)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse("program_name = P\nhotline_phone = 1\n"
                                                                  "notice_text = N\nnotice_version = 1\n"
                                                                  "languages = en\n"
                                                                  "hours = sometimes\n"
                                                                  "time_zone = Nowhere/Else\n"
                                                                  "port.es = 80\n"
                                                                  "long_wait_minutes = 5\nlong_wait_seconds = 5\n");
    ASSERT_EQ(result.problems.size(), 4);
    EXPECT_EQ(result.problems.at(0).line, 6);
    EXPECT_EQ(result.problems.at(1).line, 7);
    EXPECT_EQ(result.problems.at(2).line, 8);
    EXPECT_TRUE(result.problems.at(3).message.contains(QLatin1String("not both")));
}
