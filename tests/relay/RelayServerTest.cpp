// SPDX-License-Identifier: GPL-3.0-only
// The relay on loopback with a free port, reached by a real WebSocket client and a real HTTP client.
#include "relay/RelayServer.h"
#include "client/RelayConnection.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using advocate::RelayConnection;
using advocate::RelayServer;

namespace {

class RelayServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());
    }

    QUrl url(const QString &scheme, const QString &path) const
    {
        QUrl result;
        result.setScheme(scheme);
        result.setHost(QStringLiteral("127.0.0.1"));
        result.setPort(server.port());
        result.setPath(path);
        return result;
    }

    RelayServer server;
};

} // namespace

TEST_F(RelayServerTest, ClientReceivesHelloWithProtocolVersion)
{
    RelayConnection connection;
    connection.open(url(QStringLiteral("ws"), QStringLiteral("/ws")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.state() != RelayConnection::State::Connecting; }, 10000));
    ASSERT_EQ(connection.state(), RelayConnection::State::Connected) << qPrintable(connection.errorString());
    EXPECT_EQ(connection.serverProtocol(), RelayServer::protocolVersion);
    EXPECT_TRUE(connection.serverName().startsWith(QLatin1String("advocate-relay ")));
}

TEST_F(RelayServerTest, SurvivorPageIsServedWithPrivacyHeadersAndNoCookie)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
        network.get(QNetworkRequest(url(QStringLiteral("http"), QStringLiteral("/")))));
    ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    EXPECT_EQ(reply->error(), QNetworkReply::NoError) << qPrintable(reply->errorString());
    EXPECT_TRUE(reply->readAll().contains("<!DOCTYPE html>"));
    EXPECT_EQ(reply->rawHeader("Cache-Control"), QByteArrayLiteral("no-store"));
    EXPECT_EQ(reply->rawHeader("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    EXPECT_EQ(reply->rawHeader("Content-Security-Policy"), QByteArrayLiteral("default-src 'self'"));
    EXPECT_FALSE(reply->hasRawHeader("Set-Cookie"));
}

TEST_F(RelayServerTest, PlainGetOfTheWebSocketEndpointIsToldToUpgrade)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
        network.get(QNetworkRequest(url(QStringLiteral("http"), QStringLiteral("/ws")))));
    ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 426);
}

TEST(RelayServer, ClientAddressLoggingCannotBeTurnedOnByRules)
{
    RelayServer::silenceClientAddressLogging();
    QLoggingCategory::setFilterRules(QStringLiteral("qt.httpserver*=true\nqt.websockets*=true"));
    const QLoggingCategory httpServer("qt.httpserver");
    const QLoggingCategory webSockets("qt.websockets");
    EXPECT_FALSE(httpServer.isDebugEnabled());
    EXPECT_FALSE(webSockets.isDebugEnabled());
    EXPECT_FALSE(httpServer.isInfoEnabled());
    QLoggingCategory::setFilterRules(QString());
}

TEST(RelayServer, RefusesNonLoopbackAddressWithoutTls)
{
    RelayServer server;
    EXPECT_FALSE(server.listen(QHostAddress::AnyIPv4, 0));
    EXPECT_TRUE(server.errorString().contains(QLatin1String("TLS"))) << qPrintable(server.errorString());
}

TEST(RelayConnection, UnreachableRelayFailsWithAMessage)
{
    // Take a free port and close it again, so nothing listens there.
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    RelayConnection connection;
    connection.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.state() == RelayConnection::State::Failed; }, 10000));
    EXPECT_TRUE(connection.errorString().contains(QLatin1String("Cannot reach the relay")))
        << qPrintable(connection.errorString());
}

TEST(RelayConnection, NonWebSocketAddressIsRefused)
{
    RelayConnection connection;
    connection.open(QUrl(QStringLiteral("http://127.0.0.1:1/")));
    EXPECT_EQ(connection.state(), RelayConnection::State::Failed);
    EXPECT_FALSE(connection.errorString().isEmpty());
}
