// SPDX-License-Identifier: GPL-3.0-only
// A supervisor's client session asks the relay for the per-day counts and gets them (docs/protocol.md section 17);
// the desk's statistics view and CSV export build on this.
#include "client/ClientSession.h"

#include "LoopbackRelay.h"
#include "WireClient.h"
#include "protocol/StatisticsCsv.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;
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
