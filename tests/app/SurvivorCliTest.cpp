// SPDX-License-Identifier: GPL-3.0-only
// advocate-survivor, the command-line survivor of scripts/demo, as a process against the real advocate-relay:
// it queues, holds what is typed while waiting, and leaves with /exit; it refuses to run without --relay; with
// --practice it chats with a practice relay only (issue 18).
#include "RelayPort.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
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
        EXPECT_FALSE(out.contains("practice")) << "a live relay never calls itself a practice one";
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

// Issue 18: --practice marks the survivor practice; a live relay refuses it and says why.
TEST_F(SurvivorCliTest, APracticeSurvivorIsRefusedByALiveRelay)
{
    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port),
                         QStringLiteral("--practice")});
    ASSERT_TRUE(cli.waitForFinished(30000));
    const QByteArray err = cli.readAllStandardError();
    EXPECT_TRUE(err.contains("This relay serves real survivors")) << err.constData();
    EXPECT_FALSE(cli.readAllStandardOutput().contains("in line"));
    EXPECT_EQ(cli.exitCode(), 1) << "a refused start is a failure for a script that runs the client";
}

// And a practice relay (practice = on) queues it, while it refuses the same client without --practice.
TEST_F(SurvivorCliTest, APracticeRelayQueuesAPracticeSurvivorOnly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile conf(dir.filePath(QStringLiteral("practice.conf")));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    conf.write("practice = on\nprogram_name = Practice\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
               "languages = en\nlisten = 127.0.0.1\nport = 0\n");
    conf.close();
    QProcess practiceRelay;
    practiceRelay.start(relay, {QStringLiteral("--config"), conf.fileName()});
    QByteArray relayOut;
    const int practicePort = advocate::test::waitForRelayPort(practiceRelay, relayOut);
    ASSERT_NE(practicePort, 0) << practiceRelay.readAllStandardError().constData();
    EXPECT_TRUE(relayOut.contains("advocate-relay: a practice relay (practice = on)")) << relayOut.constData();
    const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(practicePort);

    QProcess unmarked;
    unmarked.start(survivor, {QStringLiteral("--relay"), url});
    ASSERT_TRUE(unmarked.waitForFinished(30000));
    EXPECT_TRUE(unmarked.readAllStandardError().contains("This is a practice relay"));
    EXPECT_EQ(unmarked.exitCode(), 1);

    QProcess marked;
    marked.start(survivor, {QStringLiteral("--relay"), url, QStringLiteral("--practice")});
    QByteArray out;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            out += marked.readAllStandardOutput();
            return out.contains("you are number 1 in line") || marked.state() == QProcess::NotRunning;
        },
        30000));
    EXPECT_TRUE(out.contains("you are number 1 in line"))
        << out.constData() << marked.readAllStandardError().constData();
    marked.write("/exit\n");
    EXPECT_TRUE(marked.waitForFinished(10000));
    practiceRelay.terminate();
    practiceRelay.waitForFinished(10000);
}
