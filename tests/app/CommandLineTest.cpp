// SPDX-License-Identifier: GPL-3.0-only
// Both programs answer --version and --help, with no display and no relay: IT checks an install this way.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct ProgramRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ProgramRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Prove no display is needed: no X11/Wayland, no platform plugin chosen for the program.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
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
    EXPECT_TRUE(run.out.startsWith(QLatin1String("Usage: advocate-desk [options]"))) << qPrintable(run.out);
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
    EXPECT_TRUE(run.out.startsWith(QLatin1String("Usage: advocate-relay [options]"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("--listen <address>"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("--port <port>"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("statistics --config FILE [--days N] [--csv]"))) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(QLatin1String("privacy-statement --config FILE [--lang es]"))) << qPrintable(run.out);
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

namespace {

QStringList accountsArgs(const QTemporaryDir &dir, QStringList arguments)
{
    return arguments << QStringLiteral("--accounts") << dir.filePath(QStringLiteral("accounts"));
}

} // namespace

TEST(CommandLine, RelayAddUserReadsThePasswordFromStdinAndListUsersShowsTheAccount)
{
    QTemporaryDir dir;
    const ProgramRun added = runProgram(relay,
                                        accountsArgs(dir, {QStringLiteral("add-user"), QStringLiteral("ana"),
                                                           QStringLiteral("--role"), QStringLiteral("supervisor")}),
                                        "a long enough password\n");
    ASSERT_EQ(added.exitCode, 0) << qPrintable(added.err);
    QFile file(dir.filePath(QStringLiteral("accounts")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    EXPECT_TRUE(stored.contains("ana:supervisor:enabled:$argon2id$"));
    EXPECT_FALSE(stored.contains("a long enough password"));

    const ProgramRun listed = runProgram(relay, accountsArgs(dir, {QStringLiteral("list-users")}));
    EXPECT_EQ(listed.exitCode, 0) << qPrintable(listed.err);
    EXPECT_EQ(listed.out.trimmed(), QStringLiteral("ana\tsupervisor\tenabled"));
}

TEST(CommandLine, RelaySetRoleAndDisableChangeTheAccount)
{
    QTemporaryDir dir;
    ASSERT_EQ(runProgram(relay,
                         accountsArgs(dir, {QStringLiteral("add-user"), QStringLiteral("ben"), QStringLiteral("--role"),
                                            QStringLiteral("advocate")}),
                         "another good password\n")
                  .exitCode,
              0);
    EXPECT_EQ(runProgram(relay, accountsArgs(dir, {QStringLiteral("set-role"), QStringLiteral("ben"),
                                                   QStringLiteral("--role"), QStringLiteral("admin")}))
                  .exitCode,
              0);
    EXPECT_EQ(runProgram(relay, accountsArgs(dir, {QStringLiteral("disable"), QStringLiteral("ben")})).exitCode, 0);
    const ProgramRun listed = runProgram(relay, accountsArgs(dir, {QStringLiteral("list-users")}));
    EXPECT_EQ(listed.out.trimmed(), QStringLiteral("ben\tadmin\tdisabled"));
}

TEST(CommandLine, RelayAddUserRefusesAnUnknownRoleAndAnExistingName)
{
    QTemporaryDir dir;
    EXPECT_EQ(runProgram(relay,
                         accountsArgs(dir, {QStringLiteral("add-user"), QStringLiteral("cy"), QStringLiteral("--role"),
                                            QStringLiteral("survivor")}),
                         "password123\n")
                  .exitCode,
              2);
    ASSERT_EQ(runProgram(relay,
                         accountsArgs(dir, {QStringLiteral("add-user"), QStringLiteral("cy"), QStringLiteral("--role"),
                                            QStringLiteral("advocate")}),
                         "password123\n")
                  .exitCode,
              0);
    const ProgramRun again = runProgram(relay,
                                        accountsArgs(dir, {QStringLiteral("add-user"), QStringLiteral("cy"),
                                                           QStringLiteral("--role"), QStringLiteral("advocate")}),
                                        "password123\n");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QLatin1String("already"))) << qPrintable(again.err);
}

TEST(CommandLine, RelayCheckConfigPassesTheShippedExample)
{
    const ProgramRun run = runProgram(relay, {QStringLiteral("check-config"), QStringLiteral("--config"),
                                              QStringLiteral(ADVOCATE_SOURCE_DIR "/packaging/relay/relay.conf.example"),
                                              QStringLiteral("--accounts"), QStringLiteral("/dev/null")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QLatin1String("no problems"))) << qPrintable(run.out);
}

TEST(CommandLine, RelayPrintsThePrivacyStatementOfTheShippedExampleInEnglishAndSpanish)
{
    const QString example = QStringLiteral(ADVOCATE_SOURCE_DIR "/packaging/relay/relay.conf.example");
    const ProgramRun english =
        runProgram(relay, {QStringLiteral("privacy-statement"), QStringLiteral("--config"), example});
    EXPECT_EQ(english.exitCode, 0) << qPrintable(english.err);
    EXPECT_TRUE(english.out.startsWith(QLatin1String("Privacy statement: Safe Harbor Hotline\n")))
        << qPrintable(english.out);
    EXPECT_TRUE(english.out.contains(QLatin1String("(at most 12 hours)"))) << qPrintable(english.out);
    const ProgramRun spanish = runProgram(relay, {QStringLiteral("privacy-statement"), QStringLiteral("--config"),
                                                  example, QStringLiteral("--lang"), QStringLiteral("es")});
    EXPECT_EQ(spanish.exitCode, 0) << qPrintable(spanish.err);
    EXPECT_TRUE(spanish.out.startsWith(QStringLiteral("Declaración de privacidad: "))) << qPrintable(spanish.out);
    const ProgramRun other = runProgram(relay, {QStringLiteral("privacy-statement"), QStringLiteral("--config"),
                                                example, QStringLiteral("--lang"), QStringLiteral("fr")});
    EXPECT_EQ(other.exitCode, 2);
    EXPECT_EQ(runProgram(relay, {QStringLiteral("privacy-statement")}).exitCode, 2);
}

// The service gets its restart secret as --restart-secret (packaging/relay/restart-secret.conf): the statement printed
// for it says what that relay does, and a secret the relay would refuse is refused here too.
TEST(CommandLine, RelaysPrivacyStatementFollowsTheRestartSecretGivenOnTheCommandLine)
{
    const QString example = QStringLiteral(ADVOCATE_SOURCE_DIR "/packaging/relay/relay.conf.example");
    const QStringList statement{QStringLiteral("privacy-statement"), QStringLiteral("--config"), example};
    const ProgramRun without = runProgram(relay, statement);
    EXPECT_TRUE(without.out.contains(QLatin1String("every open chat ends"))) << qPrintable(without.out);
    QTemporaryDir dir;
    QFile secret(dir.filePath(QStringLiteral("restart-secret")));
    ASSERT_TRUE(secret.open(QIODevice::WriteOnly));
    secret.write(QByteArray(32, 'k'));
    secret.close();
    ASSERT_TRUE(secret.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const ProgramRun with =
        runProgram(relay, statement + QStringList{QStringLiteral("--restart-secret"), secret.fileName()});
    EXPECT_EQ(with.exitCode, 0) << qPrintable(with.err);
    EXPECT_TRUE(with.out.contains(QLatin1String("your chat can go on with the same advocate"))) << qPrintable(with.out);
    EXPECT_FALSE(with.out.contains(QLatin1String("every open chat ends")));
    ASSERT_TRUE(secret.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const ProgramRun readable =
        runProgram(relay, statement + QStringList{QStringLiteral("--restart-secret"), secret.fileName()});
    EXPECT_EQ(readable.exitCode, 1);
    EXPECT_TRUE(readable.out.isEmpty()) << "no statement for a relay that would not start";
    EXPECT_FALSE(readable.err.isEmpty());
}

TEST(CommandLine, RelayCheckConfigReportsEveryProblemWithItsLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("relay.conf"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("program_name = X\nadvocate_cap = 9\nrouting = maybe\n");
    file.close();
    const ProgramRun run = runProgram(relay, {QStringLiteral("check-config"), QStringLiteral("--config"), path});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(path + QStringLiteral(":2: "))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(path + QStringLiteral(":3: "))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QLatin1String("notice_text"))) << qPrintable(run.err);
}
