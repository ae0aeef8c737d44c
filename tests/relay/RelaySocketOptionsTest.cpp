// SPDX-License-Identifier: GPL-3.0-only
// Socket options on the connections the relay accepts, read from the kernel on a real relay on loopback (issue 16).
// Relay frames are small and each answers something the other side waits for; with Nagle's algorithm a frame
// written while an earlier one is unacknowledged waits for the peer's delayed ACK (tens of milliseconds or more).
#include "relay/RelayServer.h"

#include "TestCertificate.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <algorithm>

using namespace advocate;

namespace {

#ifdef Q_OS_UNIX
// The relay's end of the connection whose client end has local port `clientPort`. The test process holds both
// ends, so the relay's descriptor is found among this process's own: bound to the relay's port, peer the client.
int relaySideDescriptor(quint16 relayPort, quint16 clientPort)
{
    const long openMax = sysconf(_SC_OPEN_MAX);
    const int limit = static_cast<int>(std::clamp<long>(openMax, 1024, 65536));
    for (int fd = 0; fd < limit; ++fd) {
        sockaddr_in local{};
        socklen_t length = sizeof local;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length) != 0 || local.sin_family != AF_INET)
            continue;
        sockaddr_in peer{};
        length = sizeof peer;
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0 || peer.sin_family != AF_INET)
            continue;
        if (ntohs(local.sin_port) == relayPort && ntohs(peer.sin_port) == clientPort)
            return fd;
    }
    return -1;
}

// -1 when the option cannot be read.
int noDelay(int fd)
{
    int value = 0;
    socklen_t length = sizeof value;
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &length) != 0)
        return -1;
    return value != 0 ? 1 : 0;
}
#endif

} // namespace

TEST(RelaySockets, AnAcceptedHttpConnectionHasNagleOff)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "reads the accepted descriptor with POSIX calls";
#else
    RelayServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    ASSERT_TRUE(client.waitForConnected(5000));
    // The relay accepts, and sets its options, within one pass of its event loop.
    int fd = -1;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            fd = relaySideDescriptor(server.port(), client.localPort());
            return fd >= 0;
        },
        5000));
    EXPECT_EQ(noDelay(fd), 1);
    // The client's own socket is left as it is: the descriptor found is the relay's.
    EXPECT_EQ(noDelay(static_cast<int>(client.socketDescriptor())), 0);
#endif
}

TEST(RelaySockets, AnUpgradedWebSocketConnectionHasNagleOff)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "reads the accepted descriptor with POSIX calls";
#else
    RelayServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());
    QWebSocket client;
    bool hello = false;
    QObject::connect(&client, &QWebSocket::textMessageReceived, &client,
                     [&hello](const QString &text) { hello = text.contains(QLatin1String("\"hello\"")); });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return hello; }, 5000)) << qPrintable(client.errorString());
    ASSERT_EQ(server.connectionCount(), 1);
    const int fd = relaySideDescriptor(server.port(), client.localPort());
    ASSERT_GE(fd, 0);
    EXPECT_EQ(noDelay(fd), 1);
#endif
}

TEST(RelaySockets, AWssConnectionHasNagleOff)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "reads the accepted descriptor with POSIX calls";
#else
    QTemporaryDir dir;
    const advocate::test::TestCertificate made = advocate::test::makeTestCertificate(dir);
    ASSERT_TRUE(made.error.isEmpty()) << qPrintable(made.error);
    const QString &certificate = made.certificate;
    const QString &key = made.key;
    RelayServer server;
    ASSERT_TRUE(server.useTls(certificate, key)) << qPrintable(server.errorString());
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());

    QWebSocket client;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(certificate));
    client.setSslConfiguration(tls);
    bool hello = false;
    QObject::connect(&client, &QWebSocket::textMessageReceived, &client,
                     [&hello](const QString &text) { hello = text.contains(QLatin1String("\"hello\"")); });
    client.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(server.port())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return hello; }, 15000)) << qPrintable(client.errorString());
    const int fd = relaySideDescriptor(server.port(), client.localPort());
    ASSERT_GE(fd, 0);
    EXPECT_EQ(noDelay(fd), 1);
#endif
}
