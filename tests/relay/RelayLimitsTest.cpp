// SPDX-License-Identifier: GPL-3.0-only
// The relay's abuse limits on loopback with real sockets: connection caps, the HTTP deadline, the WebSocket Origin
// check and the bound on unsent output (review findings M1–M3).
#include "WireClient.h"
#include "relay/RelayServer.h"

#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace advocate;
using advocate::test::WireClient;

namespace {

QUrl wsUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
}

// Opens a WebSocket with this Origin header (empty: none) and says whether the relay's hello arrived.
bool greetedWithOrigin(quint16 port, const QString &origin)
{
    QWebSocket socket(origin);
    bool hello = false;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                     [&hello](const QString &text) { hello = text.contains(QLatin1String("\"hello\"")); });
    socket.open(wsUrl(port));
    (void)QTest::qWaitFor([&] { return hello || socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
    if (!hello)
        (void)QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
    return hello;
}

} // namespace

TEST(RelayLimits, OneSourceMayOpenOnlySoManyConnections)
{
    RelayConfig config;
    config.maxConnectionsPerSource = 2;
    RelayServer server(config, nullptr, nullptr);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    WireClient first(wsUrl(server.port()));
    WireClient second(wsUrl(server.port()));
    WireClient third(wsUrl(server.port()));
    ASSERT_TRUE(first.connectAndGreet());
    ASSERT_TRUE(second.connectAndGreet());
    EXPECT_FALSE(third.connectAndGreet(3000));
    EXPECT_EQ(server.connectionCount(), 2);
    // A slot frees when a connection goes.
    first.drop();
    QTest::qWait(300);
    WireClient fourth(wsUrl(server.port()));
    EXPECT_TRUE(fourth.connectAndGreet());
}

TEST(RelayLimits, TheGlobalCapRefusesConnectionsBeyondIt)
{
    RelayConfig config;
    config.maxConnections = 3;
    RelayServer server(config, nullptr, nullptr);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<WireClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<WireClient>(wsUrl(server.port())));
        ASSERT_TRUE(clients.back()->connectAndGreet());
    }
    WireClient extra(wsUrl(server.port()));
    EXPECT_FALSE(extra.connectAndGreet(3000));
}

TEST(RelayLimits, AnHttpConnectionThatNeverFinishesARequestIsClosed)
{
    RelayConfig config;
    config.httpRequestSeconds = 1;
    RelayServer server(config, nullptr, nullptr);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    WireClient webSocket(wsUrl(server.port()));
    ASSERT_TRUE(webSocket.connectAndGreet());

    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, server.port());
    ASSERT_TRUE(slow.waitForConnected(5000));
    slow.write("GET / HTTP/1.1\r\nHost: x\r\n"); // the request never ends (slowloris)
    EXPECT_TRUE(QTest::qWaitFor([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 5000));
    // The deadline is for plain HTTP only: a WebSocket stays.
    QTest::qWait(500);
    EXPECT_TRUE(webSocket.isOpen());
}

TEST(RelayLimits, AWebSocketFromAForeignOriginIsRefusedBeforeTheHandshake)
{
    RelayServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    EXPECT_FALSE(greetedWithOrigin(server.port(), QStringLiteral("https://evil.example")));
    EXPECT_FALSE(greetedWithOrigin(server.port(), QStringLiteral("null")));
    // Answered 403 (RFC 6455 section 10.2) and counted: no socket was ever opened for them.
    EXPECT_EQ(server.refusals().count(Refusal::HttpForbiddenOrigin), 2);
    EXPECT_EQ(server.connectionCount(), 0);
}

TEST(RelayLimits, SameOriginAndNoOriginAreAccepted)
{
    RelayServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    EXPECT_TRUE(greetedWithOrigin(server.port(), QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    EXPECT_TRUE(greetedWithOrigin(server.port(), QString()));
}

TEST(RelayLimits, ASocketThatLetsOutputPileUpIsClosed)
{
    RelayConfig config;
    config.maxPendingWriteBytes = 1024;
    config.frameBurst = 100000; // not about the rate limit
    RelayServer server(config, nullptr, nullptr);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    WireClient client(wsUrl(server.port()));
    ASSERT_TRUE(client.connectAndGreet());
    // Hundreds of pings read in one go queue hundreds of pongs at once: more than the limit before any is sent.
    for (int i = 0; i < 400; ++i)
        client.send(frame::Ping{});
    EXPECT_TRUE(client.waitClosed(5000));
}
