// SPDX-License-Identifier: GPL-3.0-only
// The relay's event dispatcher (issue 16): on Linux the relay and these tests run on EpollEventDispatcher
// (RelayTestMain.cpp), so every other test of this suite exercises it with real servers and clients. These check
// what Qt code relies on a dispatcher for: posted events and deleteLater, timers (single-shot, repeating, stopped
// from their own slot, nested event loops), socket notifiers on many sockets at once, wake-ups from other threads,
// and that a closed socket leaves nothing watched behind.
#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#ifdef Q_OS_LINUX
#include "relay/EpollEventDispatcher.h"
#endif

#include <memory>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

#ifdef Q_OS_LINUX
advocate::EpollEventDispatcher *epoll()
{
    return qobject_cast<advocate::EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
}

TEST(EventDispatcherTest, TheRelaysTestsRunOnTheEpollDispatcher)
{
    ASSERT_NE(epoll(), nullptr);
}
#endif

TEST(EventDispatcherTest, PostedEventsAndDeferredDeletesAreDelivered)
{
    int called = 0;
    QMetaObject::invokeMethod(
        qApp, [&called] { ++called; }, Qt::QueuedConnection);
    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    EXPECT_TRUE(QTest::qWaitFor([&] { return called == 1 && doomed.isNull(); }, 2000));
}

TEST(EventDispatcherTest, SingleShotAndRepeatingTimersFireInOrder)
{
    QStringList fired;
    QTimer::singleShot(60ms, qApp, [&fired] { fired.append(QStringLiteral("60")); });
    QTimer::singleShot(20ms, qApp, [&fired] { fired.append(QStringLiteral("20")); });
    QTimer::singleShot(40ms, Qt::PreciseTimer, qApp, [&fired] { fired.append(QStringLiteral("40")); });
    int ticks = 0;
    QTimer repeating;
    repeating.setInterval(10ms);
    QObject::connect(&repeating, &QTimer::timeout, qApp, [&ticks] { ++ticks; });
    repeating.start();
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return fired.size() == 3; }, 2000));
    EXPECT_EQ(fired, (QStringList{QStringLiteral("20"), QStringLiteral("40"), QStringLiteral("60")}));
    EXPECT_GE(clock.elapsed(), 55);
    repeating.stop();
    EXPECT_GE(ticks, 3);
}

TEST(EventDispatcherTest, ATimerStoppedInItsOwnSlotDoesNotFireAgain)
{
    int fired = 0;
    QTimer timer;
    timer.setInterval(5ms);
    QObject::connect(&timer, &QTimer::timeout, qApp, [&] {
        if (++fired == 3)
            timer.stop();
    });
    timer.start();
    QTest::qWait(150);
    EXPECT_EQ(fired, 3);
    EXPECT_EQ(QAbstractEventDispatcher::instance()->registeredTimers(&timer).size(), 0);
}

TEST(EventDispatcherTest, RemainingTimeAndRegisteredTimersAreReported)
{
    QObject owner;
    const int id = owner.startTimer(10s, Qt::PreciseTimer);
    const auto timers = QAbstractEventDispatcher::instance()->registeredTimers(&owner);
    ASSERT_EQ(timers.size(), 1);
    EXPECT_EQ(timers.first().timerId, id);
    EXPECT_EQ(timers.first().interval, 10000);
    const int remaining = QAbstractEventDispatcher::instance()->remainingTime(id);
    EXPECT_GT(remaining, 9000);
    EXPECT_LE(remaining, 10000);
    owner.killTimer(id);
    EXPECT_EQ(QAbstractEventDispatcher::instance()->remainingTime(id), -1);
}

TEST(EventDispatcherTest, ANestedEventLoopInsideATimerSlotKeepsOtherTimersRunning)
{
    int outer = 0;
    int inner = 0;
    QTimer other;
    other.setInterval(5ms);
    QObject::connect(&other, &QTimer::timeout, qApp, [&inner] { ++inner; });
    QTimer::singleShot(5ms, qApp, [&] {
        ++outer;
        other.start();
        QEventLoop loop;
        QTimer::singleShot(100ms, &loop, &QEventLoop::quit);
        loop.exec();
        other.stop();
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return outer == 1 && !other.isActive(); }, 2000));
    EXPECT_GE(inner, 5);
}

TEST(EventDispatcherTest, AnotherThreadWakesTheLoop)
{
    bool delivered = false;
    std::thread poster([&delivered] {
        std::this_thread::sleep_for(50ms);
        QMetaObject::invokeMethod(
            qApp, [&delivered] { delivered = true; }, Qt::QueuedConnection);
    });
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    // Waits for more events with nothing else due: only the post can wake it.
    while (!delivered && clock.elapsed() < 5000)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    poster.join();
    EXPECT_TRUE(delivered);
    EXPECT_LT(clock.elapsed(), 2000);
}

TEST(EventDispatcherTest, ManySocketsEchoAndLeaveNothingWatchedWhenClosed)
{
#ifdef Q_OS_LINUX
    const int watchedBefore = epoll() ? epoll()->watchedDescriptors() : 0;
#endif
    QTcpServer server;
    // All of them at once: the kernel keeps them waiting for accept() rather than dropping their handshakes.
    server.setListenBacklogSize(1024);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> accepted;
    QObject::connect(&server, &QTcpServer::newConnection, qApp, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            // Echoes every byte back: the write notifier goes on and off with each answer.
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            accepted.emplace_back(socket);
        }
    });
    constexpr int clients = 300;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> echoed(clients);
    for (int i = 0; i < clients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QObject::connect(socket.get(), &QTcpSocket::readyRead, qApp,
                         [&echoed, i, raw = socket.get()] { echoed[i] += raw->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
        sockets.push_back(std::move(socket));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return accepted.size() == clients; }, 10000)) << accepted.size();
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < clients; ++i)
            sockets[i]->write(QByteArray::number(i) + ';');
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int i = 0; i < clients; ++i) {
                if (echoed[i] != QByteArray::number(i).append(';').repeated(3))
                    return false;
            }
            return true;
        },
        10000));
    sockets.clear();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return std::all_of(accepted.cbegin(), accepted.cend(),
                               [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; });
        },
        10000));
    accepted.clear();
    server.close();
#ifdef Q_OS_LINUX
    if (epoll()) {
        EXPECT_EQ(epoll()->watchedDescriptors(), watchedBefore);
    }
#endif
}

} // namespace
