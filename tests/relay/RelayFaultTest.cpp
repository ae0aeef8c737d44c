// SPDX-License-Identifier: GPL-3.0-only
// Fault injection, the relay's cases of issue 15 item 2: the real advocate-relay program killed with SIGKILL in the
// middle of a burst of messages in both directions, then either started again on the same port with the same restart
// secret, or replaced by a standby process with the same secret that was already running (the address, a proxy
// here, now leads to it). The workstation's ClientSession and the survivor client come back by themselves; every
// message sent arrives once and in order. Prints a row of the fault table per direction (sent, delivered, lost,
// duplicated, out of order, the time until the chat could continue), as scripts/faults shows it.
#include "RelayPort.h"
#include "TcpProxy.h"
#include "client/ClientSession.h"
#include "client/SurvivorClient.h"
#include "common/SystemClock.h"
#include "relay/RestartTokens.h"
#include "relay/StaffAccounts.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdio>

using namespace advocate;

namespace {

struct Counts
{
    int sent = 0;
    int delivered = 0;
    int lost = 0;
    int duplicated = 0;
    bool inOrder = true;
};

Counts count(const QStringList &sent, const QStringList &received)
{
    Counts c;
    c.sent = static_cast<int>(sent.size());
    const QSet<QString> unique(received.cbegin(), received.cend());
    c.delivered = static_cast<int>(unique.size());
    c.duplicated = static_cast<int>(received.size() - unique.size());
    for (const QString &body : sent)
        c.lost += unique.contains(body) ? 0 : 1;
    QStringList firstSeen;
    for (const QString &body : received) {
        if (!firstSeen.contains(body))
            firstSeen.append(body);
    }
    QStringList expected;
    for (const QString &body : sent) {
        if (unique.contains(body))
            expected.append(body);
    }
    c.inOrder = firstSeen == expected;
    return c;
}

class RelayProcess
{
public:
    RelayProcess(const QString &config, quint16 port)
    {
        QStringList arguments{QStringLiteral("--config"), config};
        if (port != 0)
            arguments << QStringLiteral("--port") << QString::number(port);
        m_process.start(QStringLiteral(ADVOCATE_RELAY_EXE), arguments);
        QByteArray out;
        m_port = advocate::test::waitForRelayPort(m_process, out);
    }
    ~RelayProcess() { kill(); }
    quint16 port() const { return m_port; }
    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill(); // SIGKILL
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

enum class After { Restart, Failover };

// A chat on the relay (restart), or through a proxy in front of it with a standby running (failover), and a burst
// each way with the kill in its middle; the counts are printed and asserted.
void burstAcrossAKill(After after)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const SystemClock clock;
    StaffAccounts accounts(clock);
    ASSERT_FALSE(accounts.addUser(QStringLiteral("ana"), Role::Advocate, QStringLiteral("a good password")));
    ASSERT_FALSE(accounts.save(dir.filePath(QStringLiteral("accounts"))));
    QFile secret(dir.filePath(QStringLiteral("restart-secret")));
    ASSERT_TRUE(secret.open(QIODevice::WriteOnly));
    secret.write(QByteArray(RestartTokens::secretBytes, 'f'));
    secret.close();
    ASSERT_TRUE(secret.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QFile config(dir.filePath(QStringLiteral("relay.conf")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("program_name = Test\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
                                "languages = en\nport = 0\naccount_file = %1\nrestart_secret_file = %2\n")
                     .arg(dir.filePath(QStringLiteral("accounts")), secret.fileName())
                     .toUtf8());
    config.close();

    auto relay = std::make_unique<RelayProcess>(config.fileName(), 0);
    const quint16 port = relay->port();
    ASSERT_NE(port, 0);
    // The standby runs before it is needed; clients reach either through the proxy, the address IT points.
    std::unique_ptr<RelayProcess> standby;
    advocate::test::TcpProxy proxy(port);
    quint16 address = port;
    if (after == After::Failover) {
        standby = std::make_unique<RelayProcess>(config.fileName(), 0);
        ASSERT_NE(standby->port(), 0);
        ASSERT_TRUE(proxy.listen());
        address = proxy.port();
    }
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(address));

    ClientSession::Options deskOptions;
    deskOptions.reconnectDelay = std::chrono::milliseconds(200);
    ClientSession desk(deskOptions);
    QStringList atDesk;
    QObject::connect(&desk, &ClientSession::messageReceived, &desk,
                     [&](const QString &, qint64, Side, const QString &, const QString &body) { atDesk.append(body); });
    QSignalSpy deskStarted(&desk, &ClientSession::conversationStarted);
    SurvivorClient survivor;
    QStringList atSurvivor;
    QElapsedTimer sinceKill;
    qint64 continuedAfterMs = -1;
    QObject::connect(&survivor, &SurvivorClient::messageReceived, &survivor, [&](qint64, const QString &body) {
        atSurvivor.append(body);
        if (sinceKill.isValid() && continuedAfterMs < 0 && body.contains(QStringLiteral("-after-")))
            continuedAfterMs = sinceKill.elapsed();
    });
    SurvivorClient::Options survivorOptions;
    survivorOptions.reconnectDelay = std::chrono::milliseconds(200);
    survivor.start(url, survivorOptions);
    ASSERT_TRUE(QTest::qWaitFor([&] { return survivor.state() == SurvivorClient::State::Waiting; }, 20000));
    desk.signIn(url, QStringLiteral("ana"), QStringLiteral("a good password"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return desk.state() == ClientSession::State::SignedIn; }, 30000));
    desk.takeNext();
    ASSERT_TRUE(QTest::qWaitFor([&] { return deskStarted.size() == 1; }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return survivor.state() == SurvivorClient::State::Chatting; }, 10000));
    const QString id = survivor.conversation();
    QTest::qWait(1500); // the relay renews both tokens within a second of the start: they name the chat now

    // A burst in both directions, under the relay's per-connection frame rate (a send and an ack each time).
    constexpr int messages = 30;
    constexpr int killAt = 12;
    QStringList fromDesk;
    QStringList fromSurvivor;
    for (int i = 1; i <= messages; ++i) {
        const QString phase = i <= killAt ? QStringLiteral("before") : QStringLiteral("after");
        fromDesk.append(QStringLiteral("d-%1-%2").arg(phase).arg(i));
        desk.send(id, fromDesk.last());
        fromSurvivor.append(QStringLiteral("s-%1-%2").arg(phase).arg(i));
        survivor.send(fromSurvivor.last());
        if (i == killAt) {
            relay->kill(); // mid-burst: what was in flight is lost with the process
            sinceKill.start();
            if (after == After::Restart) {
                relay = std::make_unique<RelayProcess>(config.fileName(), port);
                ASSERT_EQ(relay->port(), port);
            } else {
                proxy.setTarget(standby->port());
            }
        }
        QTest::qWait(300);
    }
    // Counted either way: what did not arrive within the time is lost.
    const bool allArrived =
        QTest::qWaitFor([&] { return atDesk.size() >= messages && atSurvivor.size() >= messages; }, 30000);
    QTest::qWait(1000); // anything sent twice would come now

    const Counts toDesk = count(fromSurvivor, atDesk);
    const Counts toSurvivor = count(fromDesk, atSurvivor);
    const QByteArray name = after == After::Restart ? "relay-killed-restarted" : "relay-killed-failover";
    const QByteArray fault = after == After::Restart ? "SIGKILL mid-burst, started again with the same secret"
                                                     : "SIGKILL mid-burst, standby with the same secret";
    const QByteArray continued =
        continuedAfterMs < 0 ? QByteArray("never") : QByteArray::number(continuedAfterMs / 1000.0, 'f', 1) + " s";
    std::printf("| %s | %s | advocate → survivor | %d | %d | %d | %d | %d | %s |\n"
                "| | | survivor → advocate | %d | %d | %d | %d | %d | |\n",
                name.constData(), fault.constData(), toSurvivor.sent, toSurvivor.delivered, toSurvivor.lost,
                toSurvivor.duplicated, toSurvivor.inOrder ? 0 : 1, continued.constData(), toDesk.sent, toDesk.delivered,
                toDesk.lost, toDesk.duplicated, toDesk.inOrder ? 0 : 1);
    EXPECT_TRUE(allArrived);
    EXPECT_EQ(toDesk.lost, 0);
    EXPECT_EQ(toDesk.duplicated, 0);
    EXPECT_TRUE(toDesk.inOrder);
    EXPECT_EQ(toSurvivor.lost, 0);
    EXPECT_EQ(toSurvivor.duplicated, 0);
    EXPECT_TRUE(toSurvivor.inOrder);
    EXPECT_GE(continuedAfterMs, 0);
}

} // namespace

TEST(RelayFault, KilledWithSigkillMidBurstAndRestartedWithTheSameSecretLosesAndDuplicatesNothing)
{
    burstAcrossAKill(After::Restart);
}

TEST(RelayFault, KilledWithSigkillMidBurstAndFailedOverToAStandbyLosesAndDuplicatesNothing)
{
    burstAcrossAKill(After::Failover);
}
