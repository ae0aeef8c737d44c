// SPDX-License-Identifier: GPL-3.0-only
// The workstation process itself: the password, the session token, the shift cache key and the chats live in its
// memory, so it must never dump core, as the relay must not (RelayProcessTest).
#include "CoreDumpProbe.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <gtest/gtest.h>

TEST(DeskProcess, TheRunningWorkstationCanNeitherDumpCoreNorBeDumped)
{
#ifndef Q_OS_LINUX
    GTEST_SKIP() << "Linux only";
#endif
    advocate::test::CoreDumpProbe probe;
    QProcess desk;
    // Nothing listens on port 1: the automatic sign-in fails, and the desk waits at its sign-in dialog.
    ASSERT_TRUE(probe.prepare(desk, QStringLiteral(ADVOCATE_DESK_EXE),
                              {QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:1/ws"),
                               QStringLiteral("--user"), QStringLiteral("probe"), QStringLiteral("--password-stdin")}))
        << probe.error().toStdString();
    QProcessEnvironment environment = desk.processEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    // No D-Bus session, so no keyring: this desk never gets as far as a shift cache.
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    desk.setProcessEnvironment(environment);
    desk.start();
    ASSERT_TRUE(desk.waitForStarted(10000)) << desk.errorString().toStdString();
    desk.write("not a real password\n");
    desk.closeWriteChannel();

    // The line that the sign-in failed says the desk is fully up, with its window and dialog, and that a password
    // has been in its memory.
    QByteArray err;
    const bool waiting = QTest::qWaitFor(
        [&] {
            err += desk.readAllStandardError();
            return err.contains("automatic sign-in failed:") || desk.state() == QProcess::NotRunning;
        },
        60000);
    ASSERT_TRUE(waiting && err.contains("automatic sign-in failed:")) << err.constData();
    ASSERT_EQ(desk.state(), QProcess::Running) << err.constData();

    EXPECT_TRUE(probe.cannotDump(desk.processId()));

    desk.terminate();
    EXPECT_TRUE(desk.waitForFinished(30000));
}
