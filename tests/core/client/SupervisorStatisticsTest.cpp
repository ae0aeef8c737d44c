// SPDX-License-Identifier: GPL-3.0-only
// A supervisor's client session asks the relay for the per-day counts and gets them (docs/protocol.md section 18);
// DailyCounts, which the desk's statistics view shows, holds today's and sums the 30 days before, says when the relay
// refuses, stalls or is not there, and saves the CSV of the counts whole or not at all.
#include "client/ClientSession.h"
#include "client/DailyCounts.h"

#include "LoopbackRelay.h"
#include "TcpProxy.h"
#include "WireClient.h"
#include "common/SystemClock.h"
#include "protocol/StatisticsCounters.h"
#include "protocol/StatisticsCsv.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;
using advocate::test::TcpProxy;
using advocate::test::WireClient;

TEST(SupervisorStatistics, ASupervisorsSessionReceivesTodaysCountsAndCanExportThem)
{
    LoopbackRelay relay; // "sue" is its supervisor
    ASSERT_TRUE(relay.start());
    WireClient page(relay.url());
    ASSERT_TRUE(page.connectAndGreet());
    page.send(frame::Start{1, 1, std::nullopt, QStringLiteral("es")});
    ASSERT_TRUE(page.next<frame::Session>());

    ClientSession session;
    session.signIn(relay.url(), QStringLiteral("sue"), LoopbackRelay::password);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 30000));
    QSignalSpy received(&session, &ClientSession::statisticsReceived);
    session.requestStatistics(1);
    ASSERT_TRUE(received.wait(10000));
    const auto statistics = received.first().first().value<frame::Statistics>();
    ASSERT_EQ(statistics.days.size(), 1);
    EXPECT_EQ(statistics.days.first().date, relay.clock().now().date());
    EXPECT_EQ(statistics.days.first().counts,
              (QMap<QString, qint64>{{QStringLiteral("offered"), 1}, {QStringLiteral("language.es"), 1}}));
    EXPECT_TRUE(StatisticsCsv::render(statistics.days).contains(",language.es,1\n"));
}

namespace {

constexpr int patience = 30000;

bool signIn(ClientSession &session, const QUrl &url, const QString &user)
{
    session.signIn(url, user, LoopbackRelay::password);
    return QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, patience);
}

// A survivor's page that asks to chat in `language`.
std::unique_ptr<WireClient> start(LoopbackRelay &relay, const QString &language)
{
    auto page = std::make_unique<WireClient>(relay.url());
    EXPECT_TRUE(page->connectAndGreet());
    page->send(frame::Start{1, 1, std::nullopt, language});
    EXPECT_TRUE(page->next<frame::Session>());
    return page;
}

const QString offered = QStringLiteral("offered");

} // namespace

TEST(DailyCountsTest, ASupervisorGetsTodaysCountsAndTheSumOfTheDaysBefore)
{
    LoopbackRelay relay;
    ASSERT_TRUE(relay.start());
    auto yesterday = start(relay, QStringLiteral("es"));
    relay.clock().advance(std::chrono::hours(25));
    auto today = start(relay, QStringLiteral("en"));
    auto again = start(relay, QStringLiteral("en"));

    ClientSession session;
    ASSERT_TRUE(signIn(session, relay.url(), QStringLiteral("sue")));
    SystemClock clock;
    DailyCounts counts(session, clock);
    counts.request();
    EXPECT_EQ(counts.state(), DailyCounts::State::Asking);
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::Received; }, patience));
    EXPECT_EQ(counts.today(), relay.clock().now().date());
    EXPECT_EQ(counts.todayCount(offered), 2);
    EXPECT_EQ(counts.daysBeforeCount(offered), 1);
    EXPECT_EQ(counts.todayCount(QStringLiteral("language.en")), 2);
    EXPECT_EQ(counts.daysBeforeCount(QStringLiteral("language.es")), 1);
    EXPECT_EQ(counts.daysBeforeHeld(), 1);
    // Every counter the CSV lists, known ones first; the languages after them.
    const QStringList counters = counts.counters();
    EXPECT_EQ(counters.mid(0, StatisticsCounters::fixed().size()), StatisticsCounters::fixed());
    EXPECT_TRUE(counters.contains(QStringLiteral("language.es")));
    EXPECT_EQ(counts.csv(), StatisticsCsv::render(counts.days()));
    EXPECT_TRUE(counts.receivedAt().isValid());

    // Asking again keeps what came last until the answer is in.
    counts.request();
    EXPECT_TRUE(counts.hasCounts());
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::Received; }, patience));

    counts.clear();
    EXPECT_EQ(counts.state(), DailyCounts::State::Empty);
    EXPECT_FALSE(counts.hasCounts());
    EXPECT_EQ(counts.todayCount(offered), 0);
    EXPECT_TRUE(counts.csv() == StatisticsCsv::header());
}

TEST(DailyCountsTest, AnAdvocateIsRefusedAndGetsNoCounts)
{
    LoopbackRelay relay;
    ASSERT_TRUE(relay.start());
    auto page = start(relay, QStringLiteral("en"));
    ClientSession session;
    ASSERT_TRUE(signIn(session, relay.url(), QStringLiteral("ana")));
    SystemClock clock;
    DailyCounts counts(session, clock);
    counts.request();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::Refused; }, patience));
    EXPECT_EQ(counts.refusal(), ErrorCode::NotAuthorized);
    EXPECT_FALSE(counts.hasCounts());
}

TEST(DailyCountsTest, AStalledRelayIsNoAnswerAndADroppedConnectionIsUnreachable)
{
    LoopbackRelay relay;
    ASSERT_TRUE(relay.start());
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    ClientSession session;
    ASSERT_TRUE(signIn(session, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())), QStringLiteral("sue")));
    SystemClock clock;
    DailyCounts counts(session, clock, std::chrono::milliseconds(300));

    proxy.pause();
    counts.request();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::NoAnswer; }, patience));
    // The late answer after the network comes back is not taken for an answer nobody waits for any more.
    proxy.resume();
    QTest::qWait(300);
    EXPECT_EQ(counts.state(), DailyCounts::State::NoAnswer);
    EXPECT_FALSE(counts.hasCounts());

    counts.request();
    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::Unreachable; }, patience));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Reconnecting; }, patience));
    counts.request();
    EXPECT_EQ(counts.state(), DailyCounts::State::Unreachable);
}

TEST(DailyCountsTest, TheCsvIsSavedWholeOrNotAtAll)
{
    LoopbackRelay relay;
    ASSERT_TRUE(relay.start());
    auto page = start(relay, QStringLiteral("es"));
    ClientSession session;
    ASSERT_TRUE(signIn(session, relay.url(), QStringLiteral("sue")));
    SystemClock clock;
    DailyCounts counts(session, clock);
    counts.request();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counts.state() == DailyCounts::State::Received; }, patience));

    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("counts.csv"));
    const DailyCounts::SaveResult saved = counts.saveCsv(path);
    EXPECT_TRUE(saved.saved) << qPrintable(saved.problem);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), counts.csv());
    EXPECT_EQ(QDir(folder.path()).entryList(QDir::Files), QStringList{QStringLiteral("counts.csv")}) << "no leftovers";

    const DailyCounts::SaveResult failed = counts.saveCsv(folder.filePath(QStringLiteral("missing/counts.csv")));
    EXPECT_FALSE(failed.saved);
    EXPECT_FALSE(failed.problem.isEmpty());
}
