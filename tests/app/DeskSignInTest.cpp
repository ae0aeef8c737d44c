// SPDX-License-Identifier: GPL-3.0-only
// advocate-desk --user NAME --password-stdin, as scripts/demo runs it: the real desk process signs in to the
// real advocate-relay process without anybody typing, and a wrong password leaves the sign-in dialog open with
// its error. Each desk runs in its own private D-Bus session and keyring (scripts/with-test-keyring), so its
// shift cache key never meets another desk's or the user's own.
#include "RelayPort.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

namespace {

const QString desk = QStringLiteral(ADVOCATE_DESK_EXE);
const QString relay = QStringLiteral(ADVOCATE_RELAY_EXE);
const QString withTestKeyring = QStringLiteral(ADVOCATE_SOURCE_DIR "/scripts/with-test-keyring");
const QByteArray password = "a demo password, long enough";

// A child in its own process group, so that stopping it also stops what it started (D-Bus, keyring, desk).
void startInOwnGroup(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(program, arguments);
}

void stopGroup(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    ::kill(-static_cast<pid_t>(process.processId()), SIGTERM);
    if (!process.waitForFinished(20000)) {
        ::kill(-static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished(5000);
    }
}

class DeskSignInTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(folder.isValid());
        accounts = folder.filePath(QStringLiteral("accounts"));
        QProcess addUser;
        addUser.start(relay, {QStringLiteral("add-user"), QStringLiteral("demo"), QStringLiteral("--role"),
                              QStringLiteral("advocate"), QStringLiteral("--accounts"), accounts});
        addUser.write(password + '\n');
        addUser.closeWriteChannel();
        ASSERT_TRUE(addUser.waitForFinished(60000));
        ASSERT_EQ(addUser.exitCode(), 0) << addUser.readAllStandardError().constData();

        startInOwnGroup(relayProcess, relay,
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--accounts"), accounts});
        port = advocate::test::waitForRelayPort(relayProcess, relayOut);
        ASSERT_NE(port, 0) << relayProcess.readAllStandardError().constData();
    }

    void TearDown() override
    {
        stopGroup(deskProcess);
        stopGroup(relayProcess);
        const QByteArray everything = relayOut + relayProcess.readAll() + deskOut + deskErr;
        EXPECT_FALSE(everything.contains(password)) << "the password reached a program's output";
    }

    // Starts the desk signing in as `demo` with `typed` on stdin.
    void startDesk(const QByteArray &typed)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("ADVOCATE_IN_TEST_KEYRING")); // a private keyring for this desk
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        deskProcess.setProcessEnvironment(environment);
        startInOwnGroup(deskProcess, withTestKeyring,
                        {desk, QStringLiteral("--relay"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(port),
                         QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--password-stdin")});
        deskProcess.write(typed + '\n');
        deskProcess.closeWriteChannel();
    }

    // Waits until the desk's stdout or stderr holds `text`.
    bool deskSays(const QByteArray &text, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
                   [&] {
                       deskOut += deskProcess.readAllStandardOutput();
                       deskErr += deskProcess.readAllStandardError();
                       return deskOut.contains(text) || deskErr.contains(text) ||
                              deskProcess.state() == QProcess::NotRunning;
                   },
                   timeoutMs) &&
               (deskOut.contains(text) || deskErr.contains(text));
    }

    QTemporaryDir folder;
    QString accounts;
    QProcess relayProcess;
    QProcess deskProcess;
    QByteArray relayOut;
    QByteArray deskOut;
    QByteArray deskErr;
    int port = 0;
};

} // namespace

TEST_F(DeskSignInTest, PasswordFromStdinSignsInAndStartsTheShift)
{
    startDesk(password);
    EXPECT_TRUE(deskSays("advocate-desk: signed in as demo; the shift has started."))
        << deskOut.constData() << deskErr.constData();
    EXPECT_EQ(deskProcess.state(), QProcess::Running);
    EXPECT_FALSE(deskErr.contains("sign-in failed")) << deskErr.constData();
}

TEST_F(DeskSignInTest, AWrongPasswordLeavesTheSignInDialogOpenWithItsError)
{
    startDesk("not the password");
    ASSERT_TRUE(deskSays("automatic sign-in failed:")) << deskOut.constData() << deskErr.constData();
    // The line quotes the dialog's own error label.
    EXPECT_TRUE(deskErr.contains("automatic sign-in failed: The user name or password is wrong."))
        << deskErr.constData();
    EXPECT_TRUE(deskErr.contains("The sign-in dialog stays open.")) << deskErr.constData();
    // The desk waits for a person to try again rather than quitting or starting a shift.
    QTest::qWait(500);
    EXPECT_EQ(deskProcess.state(), QProcess::Running);
    deskOut += deskProcess.readAllStandardOutput();
    EXPECT_FALSE(deskOut.contains("signed in as")) << deskOut.constData();
}

TEST_F(DeskSignInTest, PasswordStdinWithoutAUserIsRefused)
{
    QProcess process;
    process.start(desk, {QStringLiteral("--password-stdin")});
    process.closeWriteChannel();
    ASSERT_TRUE(process.waitForFinished(30000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardError().contains("--user")) << "the refusal names the missing option";
}
