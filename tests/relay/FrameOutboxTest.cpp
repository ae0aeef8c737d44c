// SPDX-License-Identifier: GPL-3.0-only
// The relay's frames on their way out (issue 16): FrameOutbox frames JSON as WebSocket text frames itself (RFC 6455
// section 5.2, unmasked, the shortest length encoding) and writes each connection's frames of one pass of the event
// loop in one go. Checked on a real TCP connection on loopback, read byte for byte on the other end.
#include "relay/FrameOutbox.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;

namespace {

struct Pair
{
    QTcpServer server;
    std::unique_ptr<QTcpSocket> relaySide;
    QTcpSocket clientSide;

    bool connect()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        clientSide.connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!server.waitForNewConnection(5000))
            return false;
        relaySide.reset(server.nextPendingConnection());
        return relaySide && QTest::qWaitFor([this] { return clientSide.state() == QAbstractSocket::ConnectedState; });
    }
};

// Reads whole frames off the raw bytes: (FIN and opcode byte, payload).
QList<std::pair<quint8, QByteArray>> framesIn(QByteArray bytes)
{
    QList<std::pair<quint8, QByteArray>> frames;
    while (bytes.size() >= 2) {
        const auto first = quint8(bytes[0]);
        quint64 length = quint8(bytes[1]) & 0x7f;
        int header = 2;
        EXPECT_EQ(quint8(bytes[1]) & 0x80, 0) << "a server's frames are not masked";
        if (length == 126) {
            length = (quint64(quint8(bytes[2])) << 8) | quint8(bytes[3]);
            header = 4;
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(bytes[2 + i]);
            header = 10;
        }
        if (bytes.size() < header + qsizetype(length))
            break;
        frames.append({first, bytes.mid(header, qsizetype(length))});
        bytes.remove(0, header + qsizetype(length));
    }
    return frames;
}

// Reads from `socket` until `count` whole frames have arrived; their bytes.
QByteArray readFrames(QTcpSocket &socket, qsizetype count)
{
    QByteArray received;
    const bool arrived = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return framesIn(received).size() >= count;
        },
        5000);
    EXPECT_TRUE(arrived) << framesIn(received).size() << " of " << count << " frames";
    return received;
}

} // namespace

TEST(FrameOutbox, HeadersUseTheShortestLengthEncoding)
{
    EXPECT_EQ(FrameOutbox::textFrameHeader(0), QByteArray::fromHex("8100"));
    EXPECT_EQ(FrameOutbox::textFrameHeader(125), QByteArray::fromHex("817d"));
    EXPECT_EQ(FrameOutbox::textFrameHeader(126), QByteArray::fromHex("817e007e"));
    EXPECT_EQ(FrameOutbox::textFrameHeader(65535), QByteArray::fromHex("817effff"));
    EXPECT_EQ(FrameOutbox::textFrameHeader(65536), QByteArray::fromHex("817f0000000000010000"));
}

TEST(FrameOutbox, TheFramesOfOnePassLeaveInOrderInOneWrite)
{
    Pair pair;
    ASSERT_TRUE(pair.connect());
    FrameOutbox outbox(FrameOutbox::Limits{1024 * 1024, 64 * 1024 * 1024});
    outbox.attach(1, pair.relaySide.get());
    int writes = 0;
    QObject::connect(pair.relaySide.get(), &QTcpSocket::bytesWritten, pair.relaySide.get(), [&writes] { ++writes; });
    const QList<QByteArray> payloads{QByteArray("{\"type\":\"pong\"}"), QByteArray(300, 'a'), QByteArray(5000, 'b'),
                                     QByteArray("{}")};
    for (const QByteArray &payload : payloads)
        ASSERT_TRUE(outbox.append(1, payload));
    EXPECT_EQ(outbox.unsentBytes(), 17 + 304 + 5004 + 4);
    const auto frames = framesIn(readFrames(pair.clientSide, payloads.size()));
    ASSERT_EQ(frames.size(), payloads.size());
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        EXPECT_EQ(frames.at(i).first, 0x81) << i; // FIN, text
        EXPECT_EQ(frames.at(i).second, payloads.at(i)) << i;
    }
    EXPECT_EQ(writes, 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return outbox.unsentBytes() == 0; }, 5000));
}

TEST(FrameOutbox, AFrameOver64KiBHasTheLongLength)
{
    Pair pair;
    ASSERT_TRUE(pair.connect());
    FrameOutbox outbox(FrameOutbox::Limits{1024 * 1024, 64 * 1024 * 1024});
    outbox.attach(1, pair.relaySide.get());
    const QByteArray payload(70000, 'b');
    ASSERT_TRUE(outbox.append(1, payload));
    const QByteArray received = readFrames(pair.clientSide, 1);
    EXPECT_EQ(received.left(10), QByteArray::fromHex("817f0000000000011170"));
    EXPECT_EQ(framesIn(received).first().second, payload);
}

TEST(FrameOutbox, AConnectionOverItsLimitIsAbortedAndGetsNoMore)
{
    Pair pair;
    ASSERT_TRUE(pair.connect());
    FrameOutbox outbox(FrameOutbox::Limits{1000, 64 * 1024 * 1024});
    outbox.attach(1, pair.relaySide.get());
    EXPECT_TRUE(outbox.append(1, QByteArray(600, 'a')));
    EXPECT_FALSE(outbox.append(1, QByteArray(600, 'b')));
    EXPECT_FALSE(outbox.append(1, QByteArray(10, 'c')));
    EXPECT_EQ(outbox.abortedForOutput(), 1);
    EXPECT_EQ(outbox.unsentBytes(), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return pair.clientSide.state() == QAbstractSocket::UnconnectedState; }, 5000));
}

// Item 5 of the issue: the unsent output of all connections together has a bound too. Past it, the connections with
// the most unsent output go first, and the others keep theirs.
TEST(FrameOutbox, OverTheTotalTheConnectionWithTheMostUnsentIsAbortedAndTheOthersKeepTheirs)
{
    Pair slowest, slow, quick;
    ASSERT_TRUE(slowest.connect() && slow.connect() && quick.connect());
    FrameOutbox outbox(FrameOutbox::Limits{1024 * 1024, 500 * 1024});
    outbox.attach(1, slowest.relaySide.get());
    outbox.attach(2, slow.relaySide.get());
    outbox.attach(3, quick.relaySide.get());
    EXPECT_TRUE(outbox.append(1, QByteArray(300 * 1024, 'a')));
    EXPECT_TRUE(outbox.append(2, QByteArray(150 * 1024, 'b')));
    EXPECT_TRUE(outbox.append(3, QByteArray(100 * 1024, 'c'))); // 550 KiB in all: the 300 KiB go
    EXPECT_EQ(outbox.abortedForOutput(), 1);
    EXPECT_LE(outbox.unsentBytes(), 500 * 1024);
    EXPECT_FALSE(outbox.append(1, QByteArray("{}")));
    EXPECT_TRUE(outbox.append(3, QByteArray("{}")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return slowest.clientSide.state() == QAbstractSocket::UnconnectedState; }, 5000));
    const auto frames = framesIn(readFrames(quick.clientSide, 2));
    ASSERT_EQ(frames.size(), 2);
    EXPECT_EQ(frames.first().second, QByteArray(100 * 1024, 'c'));
    EXPECT_EQ(slow.clientSide.state(), QAbstractSocket::ConnectedState);
}
