// SPDX-License-Identifier: GPL-3.0-only
// What the relay tells staff about the queue and their cap reaches the client session, and an end-shift override
// reaches the relay's audit log without the typed reason (WS2, WS5).
#include "client/ClientSession.h"
#include "client/Shift.h"

#include "LoopbackRelay.h"
#include "WireClient.h"
#include "cache/ShiftCache.h"
#include "common/SystemClock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;
using advocate::test::WireClient;

namespace {

std::unique_ptr<WireClient> survivorIn(const LoopbackRelay &relay, const QString &language)
{
    auto page = std::make_unique<WireClient>(relay.url());
    EXPECT_TRUE(page->connectAndGreet());
    page->send(frame::Start{1, 1, std::nullopt, language});
    EXPECT_TRUE(page->next<frame::Session>());
    return page;
}

bool signIn(ClientSession &session, const LoopbackRelay &relay)
{
    session.signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
    return QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 30000);
}

} // namespace

TEST(QueueWaitsAndCap, ClientSessionExposesTheRelaysCap)
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.advocateCap = 3;
    LoopbackRelay relay(config);
    ASSERT_TRUE(relay.start());
    ClientSession session;
    EXPECT_FALSE(session.cap().has_value());
    ASSERT_TRUE(signIn(session, relay));
    EXPECT_EQ(session.cap(), 3);
}

TEST(QueueWaitsAndCap, ClientSessionExposesEachWaitPerLanguage)
{
    LoopbackRelay relay;
    ASSERT_TRUE(relay.start());
    auto first = survivorIn(relay, QStringLiteral("es"));
    relay.clock().advance(std::chrono::seconds(240));
    auto second = survivorIn(relay, QStringLiteral("es"));
    ClientSession session;
    QSignalSpy summaries(&session, &ClientSession::queueSummary);
    ASSERT_TRUE(signIn(session, relay));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !summaries.isEmpty(); }, 10000));
    EXPECT_EQ(session.queueWaits().value(QStringLiteral("es")), (QList<int>{240, 0}));
    relay.clock().advance(std::chrono::seconds(30)); // the relay refreshes the summary so the waits age
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return session.queueWaits().value(QStringLiteral("es")) == (QList<int>{270, 30});
        },
        10000));
}

TEST(QueueWaitsAndCap, AnOverrideIsAuditedOnTheRelayWithoutTheTypedReason)
{
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.auditLogPath = folder.filePath(QStringLiteral("audit.log"));
    LoopbackRelay relay(config);
    ASSERT_TRUE(relay.start());

    ShiftCache::Options options;
    options.directory = folder.filePath(QStringLiteral("cache"));
    options.keychainService = QStringLiteral("org.advocatedesk.tests.client-override");
    options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto clock = std::make_shared<SystemClock>();
    options.clock = clock;
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::optional<CacheResult> started;
    shift.start([&](CacheResult result) { started = result; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.has_value(); }, 30000));
    ASSERT_TRUE(started->ok());
    auto page = survivorIn(relay, QStringLiteral("en"));
    ASSERT_TRUE(signIn(session, relay));
    QSignalSpy added(&shift, &Shift::chatAdded);
    shift.takeNext();
    ASSERT_TRUE(added.wait(10000));

    const QString reason = QStringLiteral("canary-override-reason Rosa is safe now");
    std::optional<Shift::EndResult> ended;
    shift.end(reason, frame::OverrideCategory::Emergency, [&](Shift::EndResult result) { ended = result; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended.has_value(); }, 30000));
    EXPECT_FALSE(ended->refused);

    QString audit;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            QFile file(config.auditLogPath);
            if (file.open(QIODevice::ReadOnly))
                audit = QString::fromUtf8(file.readAll());
            return audit.contains(QLatin1String("shift_end_override"));
        },
        10000));
    EXPECT_TRUE(audit.contains(
        QStringLiteral("shift_end_override user=ana category=emergency reason_chars=%1 open=1").arg(reason.size())))
        << qPrintable(audit);
    EXPECT_FALSE(audit.contains(QLatin1String("canary"))) << qPrintable(audit);
    EXPECT_FALSE(audit.contains(QLatin1String("Rosa"))) << qPrintable(audit);
}
