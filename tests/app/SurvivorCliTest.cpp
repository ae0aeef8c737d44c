// SPDX-License-Identifier: GPL-3.0-only
// advocate-survivor, the command-line survivor of scripts/demo, as a process against the real advocate-relay:
// it queues, holds what is typed while waiting, and leaves with /exit; it refuses to run without --relay; with
// --practice it chats with a practice relay only (issue 18); with --persona it plays a scripted survivor there.
#include "RelayPort.h"
#include "WireClient.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

#include <utility>

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

// Issue 18 item 2: the shipped personas, listed with their titles in English or Spanish.
TEST_F(SurvivorCliTest, ListPersonasPrintsEveryShippedPersonaWithItsTitle)
{
    for (const auto &[language, title] :
         {std::pair{QStringLiteral("en"), QByteArray("quick-exit (en, es): Leaves by quick exit")},
          std::pair{QStringLiteral("es"), QByteArray("quick-exit (en, es): Sale con salida rápida")}}) {
        QProcess cli;
        cli.start(survivor, {QStringLiteral("--list-personas"), QStringLiteral("--language"), language});
        ASSERT_TRUE(cli.waitForFinished(30000));
        EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().constData();
        const QByteArray out = cli.readAllStandardOutput();
        EXPECT_TRUE(out.contains(title)) << out.constData();
        for (const char *name :
             {"monitored-phone", "child-in-danger", "goes-silent", "abusive-contact", "open-at-shift-end"})
            EXPECT_TRUE(out.contains(name)) << name;
    }
}

TEST_F(SurvivorCliTest, AnUnknownPersonaOrLanguageIsRefused)
{
    const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(port);
    QProcess unknown;
    unknown.start(survivor, {QStringLiteral("--relay"), url, QStringLiteral("--persona"), QStringLiteral("nobody")});
    ASSERT_TRUE(unknown.waitForFinished(30000));
    EXPECT_EQ(unknown.exitCode(), 2);
    EXPECT_TRUE(unknown.readAllStandardError().contains("There is no persona named \xe2\x80\x9cnobody\xe2\x80\x9d"));
    EXPECT_FALSE(unknown.readAllStandardOutput().contains("Connecting")) << "refused before connecting";

    QProcess french;
    french.start(survivor, {QStringLiteral("--relay"), url, QStringLiteral("--persona"), QStringLiteral("quick-exit"),
                            QStringLiteral("--language"), QStringLiteral("fr")});
    ASSERT_TRUE(french.waitForFinished(30000));
    EXPECT_EQ(french.exitCode(), 2);
    EXPECT_TRUE(french.readAllStandardError().contains("has no fr version"));
}

// --persona implies --practice: the live relay of the fixture refuses it.
TEST_F(SurvivorCliTest, APersonaIsRefusedByALiveRelay)
{
    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port),
                         QStringLiteral("--persona"), QStringLiteral("goes-silent")});
    ASSERT_TRUE(cli.waitForFinished(30000));
    const QByteArray err = cli.readAllStandardError();
    EXPECT_TRUE(err.contains("This relay serves real survivors")) << err.constData();
    EXPECT_EQ(cli.exitCode(), 1);
}

// The whole persona as a process on a practice relay process, with a scripted advocate: the safety check, a reply,
// then the persona leaves with quick exit and the process exits 0.
TEST_F(SurvivorCliTest, APersonaPlaysOnAPracticeRelayUntilItsQuickExit)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString accounts = dir.filePath(QStringLiteral("accounts"));
    QProcess addUser;
    addUser.start(relay, {QStringLiteral("add-user"), QStringLiteral("ana"), QStringLiteral("--role"),
                          QStringLiteral("advocate"), QStringLiteral("--accounts"), accounts});
    addUser.write("correct horse battery\n");
    addUser.closeWriteChannel();
    ASSERT_TRUE(addUser.waitForFinished(60000));
    ASSERT_EQ(addUser.exitCode(), 0) << addUser.readAllStandardError().constData();
    QFile conf(dir.filePath(QStringLiteral("practice.conf")));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    conf.write("practice = on\nprogram_name = Practice\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
               "languages = en\nlisten = 127.0.0.1\nport = 0\naccount_file = " +
               accounts.toUtf8() + "\n");
    conf.close();
    QProcess practiceRelay;
    practiceRelay.start(relay, {QStringLiteral("--config"), conf.fileName()});
    QByteArray relayOut;
    const int practicePort = advocate::test::waitForRelayPort(practiceRelay, relayOut);
    ASSERT_NE(practicePort, 0) << practiceRelay.readAllStandardError().constData();
    const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(practicePort);

    QProcess cli;
    cli.start(survivor, {QStringLiteral("--relay"), url, QStringLiteral("--persona"), QStringLiteral("quick-exit"),
                         QStringLiteral("--pace"), QStringLiteral("0.01")});
    QByteArray out;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            out += cli.readAllStandardOutput();
            return out.contains("you are number 1 in line") || cli.state() == QProcess::NotRunning;
        },
        30000));
    EXPECT_TRUE(out.contains("Playing the persona \xe2\x80\x9cLeaves by quick exit\xe2\x80\x9d (quick-exit, en)"))
        << out.constData();
    ASSERT_TRUE(out.contains("you are number 1 in line")) << out.constData() << cli.readAllStandardError().constData();

    advocate::test::WireClient ana{QUrl(url)};
    ASSERT_TRUE(ana.connectAndGreet());
    ana.send(advocate::frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse battery")});
    ASSERT_TRUE(ana.next<advocate::frame::SignedIn>(30000));
    ana.send(advocate::frame::TakeNext{});
    const auto started = ana.next<advocate::frame::ConversationStarted>();
    ASSERT_TRUE(started);
    ana.send(
        advocate::frame::Send{started->conversation, QStringLiteral("a1"), QStringLiteral("Are you safe right now?")});
    // The opening's two lines and the two after the safety check.
    ASSERT_TRUE(QTest::qWaitFor([&] { return ana.all<advocate::frame::Message>().size() >= 4; }, 30000))
        << cli.readAllStandardOutput().constData();
    ana.send(advocate::frame::Send{started->conversation, QStringLiteral("a2"), QStringLiteral("Okay. I'm here.")});
    const auto ended = ana.next<advocate::frame::Ended>(30000);
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->reason, advocate::EndReason::QuickExit);
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 30000));
    out += cli.readAllStandardOutput();
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().constData();
    EXPECT_TRUE(out.contains("Maya (persona): he's not here right now. I'm ok for the moment")) << out.constData();
    EXPECT_TRUE(out.contains("Maya (persona): he's back")) << out.constData();
    EXPECT_TRUE(out.contains("You left with quick exit.")) << out.constData();
    practiceRelay.terminate();
    practiceRelay.waitForFinished(10000);
}
