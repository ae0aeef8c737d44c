// SPDX-License-Identifier: GPL-3.0-only
// The relay on loopback with a free port, reached by a real WebSocket client and a real HTTP client.
#include "relay/RelayServer.h"
#include "WireClient.h"

#include "TestCertificate.h"
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <gtest/gtest.h>

#include <memory>

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
    advocate::test::WireClient client(url(QStringLiteral("ws"), QStringLiteral("/ws")));
    ASSERT_TRUE(client.connectAndGreet());
    const QList<advocate::frame::Hello> hellos = client.all<advocate::frame::Hello>();
    ASSERT_EQ(hellos.size(), 1);
    EXPECT_EQ(hellos.first().protocol, RelayServer::protocolVersion);
    EXPECT_TRUE(hellos.first().server.startsWith(QLatin1String("advocate-relay ")));
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
    EXPECT_EQ(reply->rawHeader("Content-Security-Policy"),
              QByteArrayLiteral("default-src 'self'; frame-ancestors 'none'"));
    EXPECT_EQ(reply->rawHeader("X-Frame-Options"), QByteArrayLiteral("DENY"));
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

namespace {

// Sends `request` as it is, byte for byte (a browser or QNetworkAccessManager would normalise the path), and
// returns the whole answer.
QByteArray rawHttp(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray answer;
    const bool complete = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        },
        5000);
    QTest::qWait(complete ? 50 : 0);
    answer += socket.readAll();
    return answer;
}

} // namespace

TEST_F(RelayServerTest, SurvivorPageFilesAreServedByName)
{
    const QByteArray answer = rawHttp(server.port(), "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 200")) << answer.left(200).constData();
    EXPECT_TRUE(answer.contains("Cache-Control: no-store")) << answer.left(400).constData();
}

TEST_F(RelayServerTest, PathTraversalNeverLeavesTheSurvivorPage)
{
    for (const QByteArray &path : {QByteArray("/../../../../etc/passwd"), QByteArray("/%2e%2e/%2e%2e/etc/passwd"),
                                   QByteArray("/..%2f..%2fetc%2fpasswd"), QByteArray("/%2e%2e%2f%2e%2e%2fetc/hostname"),
                                   QByteArray("/web/../index.html"), QByteArray("/.%2e/index.html"),
                                   QByteArray("/..\\..\\etc\\passwd"), QByteArray("/%00index.html")}) {
        const QByteArray answer = rawHttp(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        // A real "not found", not an empty answer or a timeout that would hide a hang.
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 404")) << path.constData() << ": " << answer.left(200).constData();
        EXPECT_FALSE(answer.contains("root:")) << path.constData();
    }
}

TEST_F(RelayServerTest, NotFoundAnswersCarryThePrivacyHeadersAndNoCookie)
{
    const QByteArray answer = rawHttp(server.port(), "GET /no-such-file.js HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 404")) << answer.left(200).constData();
    EXPECT_TRUE(answer.contains("Referrer-Policy: no-referrer"));
    EXPECT_FALSE(answer.toLower().contains("set-cookie"));
}

TEST(RelayServerTls, WssWithACertificateMadeAtTestTimeCarriesTheHello)
{
    QTemporaryDir dir;
    const advocate::test::TestCertificate made = advocate::test::makeTestCertificate(dir);
    ASSERT_TRUE(made.error.isEmpty()) << qPrintable(made.error);
    const QString &certificate = made.certificate;
    const QString &key = made.key;

    RelayServer server;
    ASSERT_TRUE(server.useTls(certificate, key)) << qPrintable(server.errorString());
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());

    QWebSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(certificate));
    socket.setSslConfiguration(tls);
    QString received;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                     [&received](const QString &text) { received = text; });
    socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(server.port())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !received.isEmpty(); }, 15000)) << qPrintable(socket.errorString());
    EXPECT_TRUE(received.contains(QLatin1String("\"type\":\"hello\"")));
}

TEST(RelayServerTls, WithTlsTheRelayMayBindBeyondLoopback)
{
    RelayServer server;
    EXPECT_FALSE(server.useTls(QStringLiteral("/nonexistent.crt"), QStringLiteral("/nonexistent.key")));
    EXPECT_FALSE(server.listen(QHostAddress::AnyIPv4, 0));
}
