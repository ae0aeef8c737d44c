// SPDX-License-Identifier: GPL-3.0-only
// Both programs answer --version and --help, with no display and no relay: IT checks an install this way.
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace {

struct ProgramRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ProgramRun runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Prove no display is needed: no X11/Wayland, no platform plugin chosen for the program.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

const QString desk = QStringLiteral(ADVOCATE_DESK_EXE);
const QString relay = QStringLiteral(ADVOCATE_RELAY_EXE);
const QString version = QStringLiteral(ADVOCATE_PROJECT_VERSION);

} // namespace

TEST(CommandLine, DeskAnswersVersionWithoutADisplay)
{
    const ProgramRun run = runProgram(desk, {QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out.trimmed(), QStringLiteral("advocate-desk ") + version);
}

TEST(CommandLine, DeskAnswersHelpWithItsOptions)
{
    const ProgramRun run = runProgram(desk, {QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QLatin1String("--relay <url>"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("--version"))) << qPrintable(run.out);
}

TEST(CommandLine, RelayAnswersVersion)
{
    const ProgramRun run = runProgram(relay, {QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out.trimmed(), QStringLiteral("advocate-relay ") + version);
}

TEST(CommandLine, RelayAnswersHelpWithItsOptions)
{
    const ProgramRun run = runProgram(relay, {QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QLatin1String("--listen <address>"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("--port <port>"))) << qPrintable(run.out);
}

TEST(CommandLine, UnknownOptionIsAnErrorThatNamesIt)
{
    const ProgramRun run = runProgram(relay, {QStringLiteral("--no-such-option")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QLatin1String("no-such-option"))) << qPrintable(run.err);
}

TEST(CommandLine, RelayRefusesANonLoopbackAddressWithoutTls)
{
    const ProgramRun run = runProgram(
        relay, {QStringLiteral("--listen"), QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("TLS"))) << qPrintable(run.err);
}
