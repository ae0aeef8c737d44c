// SPDX-License-Identifier: GPL-3.0-only
// The relay process itself: message text lives in its memory, so it must never dump core (review finding M4); and
// it stops cleanly when told to.
#include "CoreDumpProbe.h"
#include "RelayPort.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

TEST(RelayProcess, TheRunningRelayCanNeitherDumpCoreNorBeDumped)
{
#ifndef Q_OS_LINUX
    GTEST_SKIP() << "Linux only";
#endif
    advocate::test::CoreDumpProbe probe;
    QProcess relay;
    ASSERT_TRUE(
        probe.prepare(relay, QStringLiteral(ADVOCATE_RELAY_EXE), {QStringLiteral("--port"), QStringLiteral("0")}))
        << probe.error().toStdString();
    relay.start();
    ASSERT_TRUE(relay.waitForStarted(10000)) << relay.errorString().toStdString();
    QByteArray out;
    ASSERT_NE(advocate::test::waitForRelayPort(relay, out), 0)
        << out.constData() << relay.readAllStandardError().constData();

    EXPECT_TRUE(probe.cannotDump(relay.processId()));

    relay.terminate();
    EXPECT_TRUE(relay.waitForFinished(30000));
}

TEST(RelayProcess, SigtermStopsTheRelayCleanlySoItWritesWhatItStillHolds)
{
    // systemctl stop and restart send SIGTERM: the relay ends its event loop, and on the way out writes the
    // refusals it has counted since the last minute's line (and its other files) instead of dying mid-way.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString auditPath = dir.filePath(QStringLiteral("audit.log"));
    QFile config(dir.filePath(QStringLiteral("relay.conf")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("program_name = P\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
                                "languages = en\nport = 0\naudit_log = %1\n")
                     .arg(auditPath)
                     .toUtf8());
    config.close();
    QProcess relay;
    relay.start(QStringLiteral(ADVOCATE_RELAY_EXE), {QStringLiteral("--config"), config.fileName()});
    QByteArray out;
    const quint16 port = advocate::test::waitForRelayPort(relay, out);
    ASSERT_NE(port, 0) << out.constData() << relay.readAllStandardError().constData();

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("BREW / HTTP/1.1\r\nHost: relay.test\r\n\r\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000));

    relay.terminate();
    ASSERT_TRUE(relay.waitForFinished(30000));
    EXPECT_EQ(relay.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(relay.exitCode(), 0);
    QFile audit(auditPath);
    ASSERT_TRUE(audit.open(QIODevice::ReadOnly));
    EXPECT_TRUE(audit.readAll().contains(" http_405=1"));
}
