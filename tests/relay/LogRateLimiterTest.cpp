// SPDX-License-Identifier: GPL-3.0-only
// No kind of log line can flood the relay's journal (issue 15, item 4): lines past the rate of their category are
// held back and counted, and the count is written once instead.
#include "relay/LogRateLimiter.h"

#include "common/ManualClock.h"

#include <QLoggingCategory>
#include <QStringList>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QStringList captured;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured.append(message);
}

Q_LOGGING_CATEGORY(floodCategory, "advocate.test.flood")

} // namespace

TEST(LogRateLimiter, ACategoryMayWriteItsBurstThenItsRate)
{
    ManualClock clock;
    LogRateLimiter limiter(clock, LogRateLimiter::Limits{3, 6}); // 3 at once, then one every 10 s
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(limiter.admit(QStringLiteral("qt.network")));
    EXPECT_FALSE(limiter.admit(QStringLiteral("qt.network")));
    EXPECT_TRUE(limiter.admit(QStringLiteral("default"))); // another category has its own budget
    clock.advance(std::chrono::seconds(9));
    EXPECT_FALSE(limiter.admit(QStringLiteral("qt.network")));
    clock.advance(std::chrono::seconds(1));
    EXPECT_TRUE(limiter.admit(QStringLiteral("qt.network")));
    EXPECT_EQ(limiter.takeHeldBackReport(),
              QStringList{QStringLiteral("advocate-relay: 2 log lines of category qt.network held back (more than 6 "
                                         "a minute)")});
    EXPECT_TRUE(limiter.takeHeldBackReport().isEmpty());
}

TEST(LogRateLimiter, TheInstalledHandlerHoldsBackAFloodAndReportsItsSize)
{
    ManualClock clock;
    LogRateLimiter limiter(clock, LogRateLimiter::Limits{5, 5});
    captured.clear();
    const QtMessageHandler original = qInstallMessageHandler(capture);
    LogRateLimiter::installMessageHandler(&limiter);
    for (int i = 0; i < 10000; ++i)
        qCWarning(floodCategory, "a line a client could cause %d", i);
    qWarning("an unrelated warning");
    LogRateLimiter::reportHeldBack();
    LogRateLimiter::installMessageHandler(nullptr);
    qInstallMessageHandler(original);

    ASSERT_EQ(captured.size(), 5 + 1 + 1) << qPrintable(captured.join(u'\n'));
    EXPECT_EQ(captured.at(4), QStringLiteral("a line a client could cause 4"));
    EXPECT_EQ(captured.at(5), QStringLiteral("an unrelated warning"));
    EXPECT_EQ(captured.at(6), QStringLiteral("advocate-relay: 9995 log lines of category advocate.test.flood held back "
                                             "(more than 5 a minute)"));
}
