// SPDX-License-Identifier: GPL-3.0-only
// The relay process itself: message text lives in its memory, so it must never dump core (review finding M4).
#include "CoreDumpProbe.h"
#include "RelayPort.h"

#include <QProcess>

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
