// SPDX-License-Identifier: GPL-3.0-only
// The clients' connection to the relay on its own, against a scripted WebSocket server on loopback that sends
// exactly the frames a test gives it: nothing goes out before the relay's hello, another protocol version is
// refused, frames are decoded and passed on (the other direction's and unknown ones are not), pings while idle, a
// close lets the last frame out first, and a failure says whether TLS was the problem.
#include "client/RelaySocket.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;

namespace {

constexpr int patience = 10000;

// A WebSocket server that stands in for the relay: one connection at a time, what it receives kept in order.
class ScriptedRelay
{
public:
    ScriptedRelay() : m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
    {
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server, [this] {
            m_peer.reset(m_server.nextPendingConnection());
            QObject::connect(m_peer.get(), &QWebSocket::textMessageReceived, m_peer.get(),
                             [this](const QString &text) { received.append(text); });
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &scheme = QStringLiteral("ws")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws").arg(scheme).arg(m_server.serverPort()));
    }
    bool waitForPeer()
    {
        return QTest::qWaitFor([this] { return m_peer && m_peer->state() == QAbstractSocket::ConnectedState; },
                               patience);
    }
    void sendText(const QString &text) { m_peer->sendTextMessage(text); }
    void send(const RelayFrame &frame) { sendText(QString::fromUtf8(FrameCodec::encode(frame))); }
    void hello(int protocol = FrameCodec::protocolVersion)
    {
        send(frame::Hello{protocol, QStringLiteral("scripted"), 16 * 1024, 4000, 1});
    }
    bool peerClosed()
    {
        return QTest::qWaitFor([this] { return !m_peer || m_peer->state() == QAbstractSocket::UnconnectedState; },
                               patience);
    }

    QStringList received;

private:
    QWebSocketServer m_server;
    std::unique_ptr<QWebSocket> m_peer;
};

QString encoded(const ClientFrame &frame)
{
    return QString::fromUtf8(FrameCodec::encode(frame));
}

class RelaySocketTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(relay.listen()); }

    // Opens the socket, lets the relay say hello and waits until the socket is greeted.
    bool openAndGreet()
    {
        socket.open(relay.url());
        if (!relay.waitForPeer())
            return false;
        relay.hello();
        return QTest::qWaitFor([this] { return socket.isGreeted(); }, patience);
    }

    ScriptedRelay relay;
    RelaySocket socket;
};

} // namespace

TEST_F(RelaySocketTest, NothingGoesOutBeforeTheRelaysHelloAndEverythingAfterIt)
{
    QSignalSpy frames(&socket, &RelaySocket::frameReceived);
    bool greetedWhenPassedOn = false;
    QObject::connect(&socket, &RelaySocket::frameReceived, &socket,
                     [&](const RelayFrame &) { greetedWhenPassedOn = socket.isGreeted(); });
    socket.open(relay.url());
    ASSERT_TRUE(relay.waitForPeer());
    socket.send(frame::TakeNext{});
    EXPECT_FALSE(socket.isGreeted());

    relay.hello();
    ASSERT_TRUE(frames.wait(patience));
    const auto hello = std::get<frame::Hello>(frames.first().first().value<RelayFrame>());
    EXPECT_EQ(hello.maxMessageChars, 4000);
    EXPECT_TRUE(greetedWhenPassedOn) << "the hello's receiver may send at once";
    socket.send(frame::Ack{QStringLiteral("c1"), 3});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !relay.received.isEmpty(); }, patience));
    EXPECT_EQ(relay.received, QStringList{encoded(frame::Ack{QStringLiteral("c1"), 3})})
        << "the frame sent before the hello is dropped, not sent late";
}

TEST_F(RelaySocketTest, AHelloInAnotherProtocolVersionIsRefusedAndNothingGoesOut)
{
    RelaySocket::Options options;
    options.protocolVersion = 2;
    socket.setOptions(options);
    QSignalSpy frames(&socket, &RelaySocket::frameReceived);
    QSignalSpy refused(&socket, &RelaySocket::versionRefused);
    socket.open(relay.url());
    ASSERT_TRUE(relay.waitForPeer());
    relay.hello(1);
    ASSERT_TRUE(refused.wait(patience));
    EXPECT_EQ(refused.first().first().toInt(), 1);
    EXPECT_TRUE(frames.isEmpty()) << "the hello is not passed on";
    EXPECT_FALSE(socket.isGreeted());
    socket.send(frame::TakeNext{});
    QTest::qWait(100);
    EXPECT_TRUE(relay.received.isEmpty());
}

TEST_F(RelaySocketTest, RelayFramesArePassedOnButNotTheOtherDirectionsNorUnknownOnes)
{
    ASSERT_TRUE(openAndGreet());
    QSignalSpy frames(&socket, &RelaySocket::frameReceived);
    QSignalSpy undecodable(&socket, &RelaySocket::undecodableFrame);
    relay.sendText(encoded(frame::TakeNext{}));                      // a frame only clients send
    relay.sendText(QStringLiteral(R"({"type":"from_the_future"})")); // not of this protocol
    relay.send(frame::Queued{2, 60});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !frames.isEmpty(); }, patience));
    ASSERT_EQ(frames.size(), 1);
    const auto queued = std::get<frame::Queued>(frames.first().first().value<RelayFrame>());
    EXPECT_EQ(queued.position, 2);
    EXPECT_EQ(queued.estimatedWaitSeconds, 60);
    EXPECT_EQ(undecodable.size(), 1);
}

TEST_F(RelaySocketTest, PingsWhileTheConnectionIsIdle)
{
    RelaySocket::Options options;
    options.pingInterval = std::chrono::milliseconds(20);
    socket.setOptions(options);
    socket.open(relay.url());
    ASSERT_TRUE(relay.waitForPeer());
    QTest::qWait(100);
    EXPECT_TRUE(relay.received.isEmpty()) << "no pings before the hello";
    relay.hello();
    ASSERT_TRUE(QTest::qWaitFor([&] { return relay.received.size() >= 2; }, patience));
    EXPECT_EQ(relay.received.first(), encoded(frame::Ping{}));
}

TEST_F(RelaySocketTest, ARelayThatAnswersNothingIsAskedOnceAndThenTakenForGone)
{
    // A stalled network: the relay's side stays open but nothing comes back.
    RelaySocket::Options options;
    options.answerTimeout = std::chrono::milliseconds(100);
    socket.setOptions(options);
    ASSERT_TRUE(openAndGreet());
    QSignalSpy disconnected(&socket, &RelaySocket::disconnected);
    socket.send(frame::Typing{QStringLiteral("c1"), true}); // a frame the relay does not answer
    ASSERT_TRUE(disconnected.wait(patience));
    EXPECT_FALSE(socket.isOpen());
    EXPECT_EQ(relay.received, (QStringList{encoded(frame::Typing{QStringLiteral("c1"), true}), encoded(frame::Ping{})}))
        << "one ping asked whether the relay is still there";
}

TEST_F(RelaySocketTest, AnyFrameFromTheRelayKeepsTheConnection)
{
    RelaySocket::Options options;
    options.answerTimeout = std::chrono::milliseconds(100);
    socket.setOptions(options);
    ASSERT_TRUE(openAndGreet());
    QSignalSpy disconnected(&socket, &RelaySocket::disconnected);
    socket.send(frame::Typing{QStringLiteral("c1"), true});
    // The relay answers the ping that asks: the connection stays, and nothing more is asked until the next send.
    ASSERT_TRUE(QTest::qWaitFor([&] { return relay.received.size() == 2; }, patience));
    EXPECT_EQ(relay.received.last(), encoded(frame::Ping{}));
    relay.send(frame::Pong{});
    QTest::qWait(500);
    EXPECT_TRUE(disconnected.isEmpty());
    EXPECT_TRUE(socket.isOpen());
    EXPECT_EQ(relay.received.size(), 2);
}

TEST_F(RelaySocketTest, CloseLetsTheLastFrameReachTheRelayFirst)
{
    ASSERT_TRUE(openAndGreet());
    QSignalSpy disconnected(&socket, &RelaySocket::disconnected);
    socket.send(frame::QuickExit{});
    socket.close();
    ASSERT_TRUE(!disconnected.isEmpty() || disconnected.wait(patience));
    EXPECT_FALSE(socket.isOpen());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !relay.received.isEmpty(); }, patience));
    EXPECT_EQ(relay.received, QStringList{encoded(frame::QuickExit{})});
    EXPECT_TRUE(relay.peerClosed());
}

TEST_F(RelaySocketTest, AbortDropsTheConnectionWithoutASignal)
{
    ASSERT_TRUE(openAndGreet());
    QSignalSpy disconnected(&socket, &RelaySocket::disconnected);
    socket.abort();
    EXPECT_FALSE(socket.isOpen());
    EXPECT_TRUE(relay.peerClosed());
    QTest::qWait(50);
    EXPECT_TRUE(disconnected.isEmpty());
}

// Qt reports a refused connection with failed(), or (Qt 6.4) with disconnected() alone.
TEST_F(RelaySocketTest, ARelayNobodyListensOnEndsTheConnectionWithoutATlsProblem)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    QSignalSpy failed(&socket, &RelaySocket::failed);
    QSignalSpy disconnected(&socket, &RelaySocket::disconnected);
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty() || !disconnected.isEmpty(); }, patience));
    EXPECT_FALSE(socket.tlsProblem());
    EXPECT_FALSE(socket.isGreeted());
}

TEST_F(RelaySocketTest, WssToAServerThatDoesNotSpeakTlsFailsAsATlsProblem)
{
    // Like a plain HTTP server: it reads the TLS client hello as a bad request and closes the connection.
    QTcpServer plain;
    ASSERT_TRUE(plain.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        QTcpSocket *peer = plain.nextPendingConnection();
        QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer] {
            peer->readAll();
            peer->disconnectFromHost();
        });
    });
    QSignalSpy failed(&socket, &RelaySocket::failed);
    socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(plain.serverPort())));
    ASSERT_TRUE(failed.wait(patience));
    EXPECT_TRUE(socket.tlsProblem());
    EXPECT_FALSE(socket.isGreeted());
}
