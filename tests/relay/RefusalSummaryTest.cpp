// SPDX-License-Identifier: GPL-3.0-only
// Refusals of anonymous clients reach the audit log as one counted line a minute, never one line each
// (issue 15, item 4), on a real relay on loopback.
#include "relay/RelayServer.h"

#include "WireClient.h"
#include "common/ManualClock.h"
#include "relay/Router.h"

#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace advocate;
using advocate::test::WireClient;

namespace {

QStringList auditLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

TEST(RefusalSummary, AFloodOfRefusalsIsOneLineAMinute)
{
    QTemporaryDir dir;
    RelayConfig config;
    config.queueLimit = 1;
    config.maxSurvivorSessionsPerSource = 1000;
    config.auditLogPath = dir.filePath(QStringLiteral("audit.log"));
    ManualClock clock;
    auto server = std::make_unique<RelayServer>(config, &clock, nullptr);
    server->setTickInterval(std::chrono::milliseconds(20));
    ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port()));

    // One survivor waits; the next 20 find the queue full.
    WireClient first(url);
    ASSERT_TRUE(first.connectAndGreet());
    first.send(frame::Start{1, 1, std::nullopt, QStringLiteral("en")});
    ASSERT_TRUE(first.next<frame::Session>());
    for (int i = 0; i < 20; ++i) {
        WireClient refused(url);
        ASSERT_TRUE(refused.connectAndGreet());
        refused.send(frame::Start{1, 1, std::nullopt, QStringLiteral("en")});
        ASSERT_TRUE(refused.next<frame::Busy>());
    }
    // And 30 HTTP requests over the header limit.
    for (int i = 0; i < 30; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->port());
        ASSERT_TRUE(socket.waitForConnected(5000));
        socket.write("GET / HTTP/1.1\r\nHost: relay.test\r\nX-Pad: " + QByteArray(9000, 'a') + "\r\n\r\n");
        ASSERT_TRUE(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000));
    }
    QTest::qWait(100);
    EXPECT_EQ(server->refusals().count(Refusal::QueueFull), 20);
    EXPECT_EQ(server->refusals().count(Refusal::HttpHeadersTooLarge), 30);
    for (const QString &line : auditLines(config.auditLogPath))
        EXPECT_FALSE(line.contains(QLatin1String("queue_full"))) << qPrintable(line); // nothing yet, line by line

    clock.advance(RelayServer::refusalSummaryInterval);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server->refusals().isEmpty(); }, 2000));
    const QStringList lines = auditLines(config.auditLogPath);
    ASSERT_EQ(lines.size(), 1) << qPrintable(lines.join(u'\n'));
    EXPECT_TRUE(lines.first().endsWith(QLatin1String(" refusals seconds=60 http_431=30 queue_full.en=20")))
        << qPrintable(lines.first());

    // A quiet minute writes nothing.
    clock.advance(RelayServer::refusalSummaryInterval);
    QTest::qWait(200);
    EXPECT_EQ(auditLines(config.auditLogPath).size(), 1);
}

TEST(RefusalSummary, WhatIsCountedAtShutdownIsWrittenThen)
{
    QTemporaryDir dir;
    RelayConfig config;
    config.auditLogPath = dir.filePath(QStringLiteral("audit.log"));
    auto server = std::make_unique<RelayServer>(config, nullptr, nullptr);
    ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server->port());
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("BREW / HTTP/1.1\r\nHost: relay.test\r\n\r\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000));
    server.reset();
    const QStringList lines = auditLines(config.auditLogPath);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_TRUE(lines.first().contains(QLatin1String(" refusals seconds=")));
    EXPECT_TRUE(lines.first().endsWith(QLatin1String(" http_405=1")));
}

TEST(RefusalSummary, WhatTheRouterRefusesAnonymousClientsIsCountedNotWrittenLineByLine)
{
    QTemporaryDir dir;
    RelayConfig config;
    config.maxSurvivorSessionsPerSource = 1;
    config.frameBurst = 2;
    config.framesPerSecond = 1;
    config.auditLogPath = dir.filePath(QStringLiteral("audit.log"));
    auto server = std::make_unique<RelayServer>(config, nullptr, nullptr); // no accounts: every sign-in fails
    ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port()));

    WireClient survivor(url);
    ASSERT_TRUE(survivor.connectAndGreet());
    survivor.send(frame::Start{1, 1, std::nullopt, std::nullopt});
    ASSERT_TRUE(survivor.next<frame::Session>());
    WireClient second(url);
    ASSERT_TRUE(second.connectAndGreet());
    second.send(frame::Start{1, 1, std::nullopt, std::nullopt});
    EXPECT_EQ(second.nextError(), ErrorCode::TooManySessions);

    WireClient guesser(url);
    ASSERT_TRUE(guesser.connectAndGreet());
    guesser.send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("guess")});
    EXPECT_EQ(guesser.nextError(), ErrorCode::BadCredentials);

    WireClient flooder(url);
    ASSERT_TRUE(flooder.connectAndGreet());
    for (int i = 0; i < 10; ++i)
        flooder.send(frame::Ping{});
    EXPECT_TRUE(flooder.waitClosed(5000));

    EXPECT_EQ(server->refusals().count(Refusal::TooManySessions), 1);
    EXPECT_EQ(server->refusals().count(Refusal::SignInFailed), 1);
    EXPECT_GE(server->refusals().count(Refusal::RateLimited), 4);
    EXPECT_EQ(server->refusals().count(Refusal::TooManyErrors), 1);

    // A practice survivor on this live relay (issue 18): refused, counted.
    WireClient practice(url);
    ASSERT_TRUE(practice.connectAndGreet());
    frame::Start scripted{1, 1, std::nullopt, std::nullopt};
    scripted.practice = true;
    practice.send(scripted);
    EXPECT_EQ(practice.nextError(), ErrorCode::PracticeMismatch);
    EXPECT_EQ(server->refusals().count(Refusal::PracticeMismatch), 1);
    EXPECT_TRUE(auditLines(config.auditLogPath).isEmpty()) << qPrintable(auditLines(config.auditLogPath).join(u'\n'));
}
