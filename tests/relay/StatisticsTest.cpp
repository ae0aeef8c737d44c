// SPDX-License-Identifier: GPL-3.0-only
// The relay's per-day counts (RL10): days of the program's time zone, today and the 30 before kept, and the file
// they are kept in between runs, written whole or not at all.
#include "relay/Statistics.h"

#include "common/ManualClock.h"
#include "common/UtcTime.h"
#include "relay/StatisticsFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;
using namespace std::chrono_literals;

namespace {

QTimeZone chicago()
{
    return QTimeZone(QByteArrayLiteral("America/Chicago"));
}

QMap<QString, qint64> countsOf(const Statistics &statistics, const QDate &date)
{
    for (const frame::StatisticsDay &day : statistics.lastDays(frame::maxStatisticsDays)) {
        if (day.date == date)
            return day.counts;
    }
    return {};
}

} // namespace

TEST(Statistics, CountsGoToTheDayOfTheProgramsTimeZone)
{
    // 03:00 UTC on 2 January is 21:00 on 1 January in Chicago.
    ManualClock clock(utcDateTime(QDate(2026, 1, 2), QTime(3, 0)));
    Statistics statistics(clock, chicago());
    statistics.countOffered(QStringLiteral("es"));
    const QList<frame::StatisticsDay> days = statistics.lastDays(1);
    ASSERT_EQ(days.size(), 1);
    EXPECT_EQ(days.first().date, QDate(2026, 1, 1));
    EXPECT_EQ(days.first().counts,
              (QMap<QString, qint64>{{QStringLiteral("offered"), 1}, {QStringLiteral("language.es"), 1}}));
}

TEST(Statistics, MidnightInTheProgramsTimeZoneStartsANewDay)
{
    ManualClock clock(utcDateTime(QDate(2026, 1, 2), QTime(5, 59))); // 23:59 in Chicago
    Statistics statistics(clock, chicago());
    statistics.countAnswered(30'000);
    clock.advance(2min);
    statistics.countAnswered(90'000);
    statistics.countAnswered(90'000);
    EXPECT_EQ(countsOf(statistics, QDate(2026, 1, 1)),
              (QMap<QString, qint64>{{QStringLiteral("answered"), 1}, {QStringLiteral("wait.under_1_min"), 1}}));
    EXPECT_EQ(countsOf(statistics, QDate(2026, 1, 2)),
              (QMap<QString, qint64>{{QStringLiteral("answered"), 2}, {QStringLiteral("wait.1_to_5_min"), 2}}));
}

TEST(Statistics, TodayAndTheThirtyDaysBeforeAreKeptThenTheOldestGoes)
{
    ManualClock clock;
    Statistics statistics(clock, QTimeZone::utc());
    const QDate first = statistics.today();
    statistics.countEnded(EndReason::QuickExit, 1000);
    clock.advance(24h * 30);
    statistics.touch();
    QList<frame::StatisticsDay> days = statistics.lastDays(frame::maxStatisticsDays);
    ASSERT_EQ(days.size(), 2);
    EXPECT_EQ(days.first().date, first);
    EXPECT_EQ(days.first().counts.value(QStringLiteral("ended.quick_exit")), 1);
    EXPECT_EQ(statistics.lastDays(30).size(), 1) << "the last 30 days, today included, no longer reach the first";

    clock.advance(24h);
    statistics.touch();
    days = statistics.lastDays(frame::maxStatisticsDays);
    ASSERT_EQ(days.size(), 2);
    EXPECT_EQ(days.first().date, first.addDays(30));
    EXPECT_EQ(days.last().date, first.addDays(31));
}

TEST(Statistics, ADayTheRelayRanShowsEvenWithNothingCounted)
{
    ManualClock clock;
    Statistics statistics(clock, QTimeZone::utc());
    EXPECT_TRUE(statistics.lastDays(1).isEmpty());
    const quint64 before = statistics.revision();
    statistics.touch();
    ASSERT_EQ(statistics.lastDays(1).size(), 1);
    EXPECT_TRUE(statistics.lastDays(1).first().counts.isEmpty());
    EXPECT_GT(statistics.revision(), before);
    const quint64 touched = statistics.revision();
    statistics.touch();
    EXPECT_EQ(statistics.revision(), touched) << "nothing new to write";
}

TEST(Statistics, CountsReadBackAreAddedAndDaysOutsideTheWindowLeftOut)
{
    ManualClock clock;
    Statistics statistics(clock, QTimeZone::utc());
    const QDate today = statistics.today();
    statistics.countTransferOffered();
    statistics.add({{today, {{QStringLiteral("transfer.offered"), 2}}},
                    {today.addDays(-3), {{QStringLiteral("offered"), 5}}},
                    {today.addDays(-31), {{QStringLiteral("offered"), 7}}},
                    {today.addDays(40), {{QStringLiteral("offered"), 9}}}});
    const QList<frame::StatisticsDay> days = statistics.lastDays(frame::maxStatisticsDays);
    ASSERT_EQ(days.size(), 2);
    EXPECT_EQ(days.at(0), (frame::StatisticsDay{today.addDays(-3), {{QStringLiteral("offered"), 5}}}));
    EXPECT_EQ(days.at(1), (frame::StatisticsDay{today, {{QStringLiteral("transfer.offered"), 3}}}));
}

TEST(Statistics, EveryKindOfEventHasItsCounter)
{
    ManualClock clock;
    Statistics statistics(clock, QTimeZone::utc());
    statistics.countTurnedAway(true);
    statistics.countTurnedAway(false);
    statistics.countAbandoned(EndReason::QuickExit);
    statistics.countAbandoned(EndReason::Disconnected);
    statistics.countEnded(EndReason::IdleClosed, 40 * 60 * 1000);
    statistics.countTransferClosed(frame::TransferState::Expired);
    statistics.countRequeued(HandoffReason::Dropped);
    statistics.countSupervisorAction(SupervisorAction::Whisper);
    statistics.countShiftEndOverride(frame::OverrideCategory::RelayDown);
    const QMap<QString, qint64> expected{
        {QStringLiteral("turned_away.queue_full"), 1}, {QStringLiteral("turned_away.closed"), 1},
        {QStringLiteral("abandoned.quick_exit"), 1},   {QStringLiteral("abandoned.disconnected"), 1},
        {QStringLiteral("ended.idle_closed"), 1},      {QStringLiteral("duration.30_to_60_min"), 1},
        {QStringLiteral("transfer.expired"), 1},       {QStringLiteral("requeued.dropped"), 1},
        {QStringLiteral("supervisor.whisper"), 1},     {QStringLiteral("shift_end_override.relay_down"), 1}};
    EXPECT_EQ(countsOf(statistics, statistics.today()), expected);
}

// --- The statistics file ---

TEST(StatisticsFile, WhatIsWrittenIsReadBackAndOnlyItsOwnerMayReadIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statistics.json"));
    const QList<frame::StatisticsDay> days{
        {QDate(2026, 3, 1), {{QStringLiteral("offered"), 4}, {QStringLiteral("language.es"), 2}}},
        {QDate(2026, 3, 2), {}}};
    ASSERT_TRUE(StatisticsFile::write(path, days).isEmpty());
    const StatisticsFile::Loaded loaded = StatisticsFile::read(path);
    EXPECT_TRUE(loaded.error.isEmpty()) << qPrintable(loaded.error);
    EXPECT_EQ(loaded.days, days);
    EXPECT_EQ(QFile(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("statistics.json")})
        << "no temporary file is left behind";
}

TEST(StatisticsFile, AMissingFileIsNoCountsAndNoError)
{
    QTemporaryDir dir;
    const StatisticsFile::Loaded loaded = StatisticsFile::read(dir.filePath(QStringLiteral("none.json")));
    EXPECT_TRUE(loaded.error.isEmpty());
    EXPECT_TRUE(loaded.days.isEmpty());
}

TEST(StatisticsFile, AWriteReplacesTheFileWholeSoAReaderNeverSeesHalfOfIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statistics.json"));
    ASSERT_TRUE(StatisticsFile::write(path, {{QDate(2026, 3, 1), {{QStringLiteral("offered"), 1}}}}).isEmpty());
    QFile reader(path);
    ASSERT_TRUE(reader.open(QIODevice::ReadOnly));
    const QByteArray before = StatisticsFile::encode({{QDate(2026, 3, 1), {{QStringLiteral("offered"), 1}}}});

    QList<frame::StatisticsDay> more;
    for (int d = 1; d <= 28; ++d)
        more.append({QDate(2026, 2, d), {{QStringLiteral("offered"), d}, {QStringLiteral("answered"), d}}});
    ASSERT_TRUE(StatisticsFile::write(path, more).isEmpty());
    // A file written in place would have been cut short under the open reader; a new file renamed over the old
    // one leaves the reader with the whole old one.
    EXPECT_EQ(reader.readAll(), before);
    EXPECT_EQ(StatisticsFile::read(path).days, more);
}

TEST(StatisticsFile, AFileThatIsNotOursIsRefusedWithAReasonAndNoCounts)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statistics.json"));
    const QList<QByteArray> broken{
        "not json at all",
        "",
        R"({"format":"something-else","version":1,"days":[]})",
        R"({"format":"advocate-relay-statistics","version":2,"days":[]})",
        R"({"format":"advocate-relay-statistics","version":1,"days":{}})",
        R"({"format":"advocate-relay-statistics","version":1,"days":[{"date":"2026-03-01","counts":{"offered":1}},)"
        R"({"date":"2026-03-02","counts":{"offered":-4}}]})",
        R"({"format":"advocate-relay-statistics","version":1,"days":[{"date":"yesterday","counts":{}}]})",
        R"({"format":"advocate-relay-statistics","version":1,"days":[{"date":"2026-03-01","counts":{"Rosa S.":1}}]})",
    };
    for (const QByteArray &content : broken) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const StatisticsFile::Loaded loaded = StatisticsFile::read(path);
        EXPECT_TRUE(loaded.error.contains(path)) << content.constData() << " gave: " << qPrintable(loaded.error);
        EXPECT_TRUE(loaded.days.isEmpty()) << content.constData();
    }
}

TEST(StatisticsFile, AnUnreadableFileIsSetAsideNotOverwritten)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statistics.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("garbage");
    file.close();
    const QString aside = StatisticsFile::setAside(path);
    EXPECT_EQ(aside, path + QStringLiteral(".unreadable"));
    EXPECT_FALSE(QFile::exists(path));
    QFile kept(aside);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("garbage"));
}
