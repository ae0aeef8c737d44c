// SPDX-License-Identifier: GPL-3.0-only
// The statistics of docs/protocol.md section 17 on the wire and in the CSV export: counts and bands under fixed
// names, checked like every other frame.
#include "protocol/FrameCodec.h"
#include "protocol/StatisticsCounters.h"
#include "protocol/StatisticsCsv.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

DecodeResult<RelayFrame> decodeRelay(const QByteArray &json)
{
    return FrameCodec().decodeRelayFrame(json);
}

DecodeResult<ClientFrame> decodeClient(const QByteArray &json)
{
    return FrameCodec().decodeClientFrame(json);
}

frame::StatisticsDay day(int dayOfMonth, const QMap<QString, qint64> &counts)
{
    return frame::StatisticsDay{QDate(2026, 3, dayOfMonth), counts};
}

} // namespace

TEST(StatisticsFrames, GetStatisticsSurvivesTheWireWithAndWithoutDays)
{
    const DecodeResult withDays = decodeClient(FrameCodec::encode(frame::GetStatistics{7}));
    ASSERT_TRUE(withDays.ok()) << qPrintable(withDays.error.message);
    EXPECT_EQ(std::get<frame::GetStatistics>(*withDays.frame).days, 7);
    const DecodeResult all = decodeClient(FrameCodec::encode(frame::GetStatistics{}));
    ASSERT_TRUE(all.ok());
    EXPECT_FALSE(std::get<frame::GetStatistics>(*all.frame).days.has_value());
}

TEST(StatisticsFrames, GetStatisticsAsksForOneToThirtyOneDays)
{
    EXPECT_EQ(decodeClient(R"({"type":"get_statistics","days":0})").error.field, QStringLiteral("days"));
    EXPECT_EQ(decodeClient(R"({"type":"get_statistics","days":32})").error.code, ErrorCode::BadField);
    EXPECT_EQ(decodeClient(R"({"type":"get_statistics","days":"7"})").error.code, ErrorCode::BadField);
    EXPECT_TRUE(decodeClient(R"({"type":"get_statistics","days":31})").ok());
}

TEST(StatisticsFrames, StatisticsSurviveTheWireAndCountersOfZeroAreLeftOut)
{
    const frame::Statistics sent{
        QStringLiteral("America/Chicago"),
        {day(1, {{QStringLiteral("offered"), 3}, {QStringLiteral("language.es"), 1}, {QStringLiteral("answered"), 0}}),
         day(2, {})}};
    const QByteArray wire = FrameCodec::encode(sent);
    EXPECT_FALSE(wire.contains("answered")) << wire.constData();
    const DecodeResult decoded = decodeRelay(wire);
    ASSERT_TRUE(decoded.ok()) << qPrintable(decoded.error.message);
    const auto &received = std::get<frame::Statistics>(*decoded.frame);
    EXPECT_EQ(received.timeZone, QStringLiteral("America/Chicago"));
    ASSERT_EQ(received.days.size(), 2);
    EXPECT_EQ(received.days.at(0), day(1, {{QStringLiteral("offered"), 3}, {QStringLiteral("language.es"), 1}}));
    EXPECT_EQ(received.days.at(1), day(2, {}));
}

TEST(StatisticsFrames, AStatisticsFrameHoldsDatesWholeCountsAndWellFormedNamesOnly)
{
    const auto withCounts = [](const QByteArray &counts, const QByteArray &date = "2026-03-01") {
        return decodeRelay(R"({"type":"statistics","timeZone":"UTC","days":[{"date":")" + date + R"(","counts":)" +
                           counts + "}]}");
    };
    EXPECT_TRUE(withCounts(R"({"offered":2,"supervisor.take_over":1,"language.zh-Hant":4})").ok());
    EXPECT_EQ(withCounts(R"({"offered":-1})").error.field, QStringLiteral("days"));
    EXPECT_EQ(withCounts(R"({"offered":1.5})").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"({"offered":"2"})").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"({"Rosa called":1})").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"({"language.e s":1})").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"({"offered":1})", "2026-02-30").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"({"offered":1})", "01/03/2026").error.code, ErrorCode::BadField);
    EXPECT_EQ(withCounts(R"([1])").error.code, ErrorCode::BadField);
    QByteArray many = "[";
    for (int i = 0; i <= frame::maxStatisticsDays; ++i)
        many += QByteArray(i > 0 ? "," : "") + R"({"date":"2026-03-01","counts":{}})";
    EXPECT_EQ(decodeRelay(R"({"type":"statistics","timeZone":"UTC","days":)" + many + "]}").error.field,
              QStringLiteral("days"));
}

TEST(StatisticsCounters, WaitAndDurationBandsHaveTheDocumentedEdges)
{
    const auto minutes = [](double m) { return qint64(m * 60 * 1000); };
    EXPECT_EQ(StatisticsCounters::waitBand(0), QStringLiteral("wait.under_1_min"));
    EXPECT_EQ(StatisticsCounters::waitBand(minutes(1) - 1), QStringLiteral("wait.under_1_min"));
    EXPECT_EQ(StatisticsCounters::waitBand(minutes(1)), QStringLiteral("wait.1_to_5_min"));
    EXPECT_EQ(StatisticsCounters::waitBand(minutes(5)), QStringLiteral("wait.5_to_15_min"));
    EXPECT_EQ(StatisticsCounters::waitBand(minutes(15)), QStringLiteral("wait.15_to_30_min"));
    EXPECT_EQ(StatisticsCounters::waitBand(minutes(30)), QStringLiteral("wait.30_min_and_more"));
    EXPECT_EQ(StatisticsCounters::durationBand(minutes(4.9)), QStringLiteral("duration.under_5_min"));
    EXPECT_EQ(StatisticsCounters::durationBand(minutes(5)), QStringLiteral("duration.5_to_15_min"));
    EXPECT_EQ(StatisticsCounters::durationBand(minutes(15)), QStringLiteral("duration.15_to_30_min"));
    EXPECT_EQ(StatisticsCounters::durationBand(minutes(30)), QStringLiteral("duration.30_to_60_min"));
    EXPECT_EQ(StatisticsCounters::durationBand(minutes(60 * 24)), QStringLiteral("duration.60_min_and_more"));
}

TEST(StatisticsCounters, EveryFixedCounterIsWellFormedAndListedOnce)
{
    const QStringList &fixed = StatisticsCounters::fixed();
    EXPECT_EQ(fixed.size(), 41);
    EXPECT_EQ(QSet<QString>(fixed.cbegin(), fixed.cend()).size(), fixed.size());
    for (const QString &name : fixed)
        EXPECT_TRUE(StatisticsCounters::isWellFormed(name)) << qPrintable(name);
    for (const SupervisorAction action :
         {SupervisorAction::Join, SupervisorAction::Whisper, SupervisorAction::TakeOver, SupervisorAction::HandBack,
          SupervisorAction::Monitor, SupervisorAction::Block, SupervisorAction::Unblock, SupervisorAction::SetNotice,
          SupervisorAction::ClearNotice}) {
        EXPECT_TRUE(fixed.contains(StatisticsCounters::supervisorAction(action)));
        EXPECT_EQ(supervisorActionFromName(supervisorActionName(action)), action);
    }
    EXPECT_FALSE(supervisorActionFromName(QStringLiteral("read_transcript")));
    // Only quick exit and a drop end a wait for a first answer.
    EXPECT_EQ(StatisticsCounters::abandoned(EndReason::SurvivorEnded), QStringLiteral("abandoned.disconnected"));
}

TEST(StatisticsCsv, HasAHeaderThenEveryFixedCounterPerDayThenTheOthersByName)
{
    const QByteArray csv = StatisticsCsv::render({day(1, {{QStringLiteral("offered"), 3},
                                                          {QStringLiteral("language.es"), 1},
                                                          {QStringLiteral("language.en"), 2},
                                                          {QStringLiteral("wait.1_to_5_min"), 2}}),
                                                  day(2, {})});
    const QList<QByteArray> lines = csv.split('\n');
    const qsizetype rowsPerDay = StatisticsCounters::fixed().size();
    ASSERT_EQ(lines.size(), 1 + rowsPerDay + 2 + rowsPerDay + 1); // the last line ends in LF
    EXPECT_EQ(lines.at(0), QByteArray("date,counter,count"));
    EXPECT_EQ(lines.at(1), QByteArray("2026-03-01,offered,3"));
    EXPECT_EQ(lines.at(2), QByteArray("2026-03-01,answered,0"));
    EXPECT_TRUE(lines.contains("2026-03-01,wait.1_to_5_min,2"));
    EXPECT_EQ(lines.at(rowsPerDay + 1), QByteArray("2026-03-01,language.en,2"));
    EXPECT_EQ(lines.at(rowsPerDay + 2), QByteArray("2026-03-01,language.es,1"));
    EXPECT_EQ(lines.at(rowsPerDay + 3), QByteArray("2026-03-02,offered,0"));
    EXPECT_TRUE(lines.last().isEmpty());
    for (qsizetype i = 1; i + 1 < lines.size(); ++i)
        EXPECT_EQ(lines.at(i).count(','), 2) << lines.at(i).constData();
}

TEST(StatisticsCsv, NoDaysIsTheHeaderAlone)
{
    EXPECT_EQ(StatisticsCsv::render({}), QByteArray("date,counter,count\n"));
}
