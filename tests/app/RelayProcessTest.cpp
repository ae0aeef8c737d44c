// SPDX-License-Identifier: GPL-3.0-only
// The relay process itself: message text lives in its memory, so it must never dump core (review finding M4).
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// "Max core file size  <soft>  <hard>  bytes" from /proc/<pid>/limits.
QStringList coreLimits(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            return QString::fromLatin1(line.mid(26))
                .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    }
    return {};
}

} // namespace

TEST(RelayProcess, TheRunningRelayCanNeitherDumpCoreNorBeDumped)
{
#ifndef Q_OS_LINUX
    GTEST_SKIP() << "Linux only";
#endif
    QProcess relay;
    relay.setProgram(QStringLiteral(ADVOCATE_RELAY_EXE));
    relay.setArguments({QStringLiteral("--port"), QStringLiteral("0")});
    const bool asRoot = geteuid() == 0;
    // Start it with core dumps allowed (as a shell with `ulimit -c unlimited` would), and, when the test runs as
    // root, as another user, because /proc/<pid> of a non-dumpable process belongs to root.
    relay.setChildProcessModifier([asRoot] {
        rlimit core{};
        getrlimit(RLIMIT_CORE, &core);
        core.rlim_cur = core.rlim_max;
        setrlimit(RLIMIT_CORE, &core);
        if (asRoot) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(99);
        }
    });
    relay.start();
    ASSERT_TRUE(relay.waitForStarted(10000));
    QByteArray out;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            out += relay.readAllStandardOutput();
            return out.contains("listening on") || relay.state() == QProcess::NotRunning;
        },
        30000))
        << relay.readAllStandardError().constData();
    ASSERT_TRUE(out.contains("listening on")) << relay.readAllStandardError().constData();

    const QStringList limits = coreLimits(relay.processId());
    ASSERT_GE(limits.size(), 2);
    EXPECT_EQ(limits.at(0), QStringLiteral("0")) << "soft";
    EXPECT_EQ(limits.at(1), QStringLiteral("0")) << "hard";
    // PR_SET_DUMPABLE 0 hands /proc/<pid> to root: it no longer belongs to the user the relay runs as.
    const uint runsAs = asRoot ? 65534u : geteuid();
    EXPECT_NE(QFileInfo(QStringLiteral("/proc/%1/status").arg(relay.processId())).ownerId(), runsAs);

    relay.terminate();
    EXPECT_TRUE(relay.waitForFinished(30000));
}
