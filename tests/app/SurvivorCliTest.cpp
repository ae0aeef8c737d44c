// SPDX-License-Identifier: GPL-3.0-only
// advocate-survivor, the command-line survivor of scripts/demo, as a process against the real advocate-relay:
// it queues, holds what is typed while waiting, and leaves with /exit; it refuses to run without --relay.
#include "RelayPort.h"

#include <QProcess>
#include <QTest>

#include <gtest/gtest.h>

namespace {

const QString relay = QStringLiteral(ADVOCATE_RELAY_EXE);
const QString survivor = QStringLiteral(ADVOCATE_SURVIVOR_EXE);

class SurvivorCliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        relayProcess.start(relay, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                   QStringLiteral("0")});
        QByteArray out;
        port = advocate::test::waitForRelayPort(relayProcess, out);
        ASSERT_NE(port, 0) << relayProcess.readAllStandardError().constData();
    }

    void TearDown() override
    {
        relayProcess.terminate();
        relayProcess.waitForFinished(10000);
    }

    QProcess relayProcess;
    int port = 0;
};

} // namespace

TEST_F(SurvivorCliTest, WaitsInTheQueueHoldsTypedLinesAndLeavesWithExit)
{
    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port),
                         QStringLiteral("--alias"), QStringLiteral("Rosa")});
    QByteArray out;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            out += cli.readAllStandardOutput();
            return out.contains("you are number 1 in line") || cli.state() == QProcess::NotRunning;
        },
        30000))
        << out.constData() << cli.readAllStandardError().constData();
    cli.write("is anyone there\n");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            out += cli.readAllStandardOutput();
            return out.contains("(It will be sent when an advocate joins.)");
        },
        10000))
        << out.constData();
    cli.write("/exit\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 10000));
    out += cli.readAllStandardOutput();
    EXPECT_EQ(cli.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().constData();
    EXPECT_TRUE(out.contains("You left with quick exit.")) << out.constData();
}

TEST_F(SurvivorCliTest, TheEndOfInputLeavesTheQueue)
{
    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)});
    cli.closeWriteChannel();
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().constData();
}

TEST_F(SurvivorCliTest, WithoutRelayItExplainsAndExitsWithUsageError)
{
    QProcess cli;
    cli.start(survivor, QStringList{});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 2);
    EXPECT_TRUE(cli.readAllStandardError().contains("--relay"));
}

TEST_F(SurvivorCliTest, ARelayThatIsNotThereIsAnError)
{
    relayProcess.terminate();
    ASSERT_TRUE(relayProcess.waitForFinished(10000));
    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 1);
    EXPECT_TRUE(cli.readAllStandardError().contains("cannot be reached"));
}
