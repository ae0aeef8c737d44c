// SPDX-License-Identifier: GPL-3.0-only
// Staff accounts: argon2id hashes through libsodium, the account file, and the lock-out on a ManualClock.
#include "relay/StaffAccounts.h"

#include "common/ManualClock.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

const QString password = QStringLiteral("correct horse battery");

class StaffAccountsTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_FALSE(accounts.addUser(QStringLiteral("ana"), Role::Advocate, password)); }

    ManualClock clock;
    StaffAccounts accounts{clock, 5, 15};
};

} // namespace

TEST_F(StaffAccountsTest, StoresAnArgon2idHashNotThePassword)
{
    const StaffAccounts::Account account = accounts.accounts().first();
    EXPECT_TRUE(account.hash.startsWith(QLatin1String("$argon2id$")));
    EXPECT_FALSE(account.hash.contains(password));
}

TEST_F(StaffAccountsTest, RightPasswordSignsInWithTheAccountsRole)
{
    const SignInOutcome outcome = accounts.signInBlocking(QStringLiteral("ana"), password);
    EXPECT_EQ(outcome.role, Role::Advocate);
}

TEST_F(StaffAccountsTest, WrongPasswordUnknownNameAndDisabledAccountAllGiveBadCredentials)
{
    EXPECT_EQ(accounts.signInBlocking(QStringLiteral("ana"), QStringLiteral("nope")).error, ErrorCode::BadCredentials);
    EXPECT_EQ(accounts.signInBlocking(QStringLiteral("nobody"), password).error, ErrorCode::BadCredentials);
    ASSERT_FALSE(accounts.setEnabled(QStringLiteral("ana"), false));
    const SignInOutcome disabled = accounts.signInBlocking(QStringLiteral("ana"), password);
    EXPECT_FALSE(disabled.role);
    EXPECT_EQ(disabled.error, ErrorCode::BadCredentials);
}

TEST_F(StaffAccountsTest, FiveFailuresLockTheAccountForFifteenMinutesEvenWithTheRightPassword)
{
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(accounts.signInBlocking(QStringLiteral("ana"), QStringLiteral("wrong")).error,
                  ErrorCode::BadCredentials);
    EXPECT_FALSE(accounts.isLockedOut(QStringLiteral("ana")));
    accounts.signInBlocking(QStringLiteral("ana"), QStringLiteral("wrong"));
    EXPECT_TRUE(accounts.isLockedOut(QStringLiteral("ana")));
    EXPECT_EQ(accounts.signInBlocking(QStringLiteral("ana"), password).error, ErrorCode::LockedOut);
    clock.advance(std::chrono::minutes(14));
    EXPECT_EQ(accounts.signInBlocking(QStringLiteral("ana"), password).error, ErrorCode::LockedOut);
    clock.advance(std::chrono::minutes(1));
    EXPECT_EQ(accounts.signInBlocking(QStringLiteral("ana"), password).role, Role::Advocate);
}

TEST_F(StaffAccountsTest, ASuccessfulSignInResetsTheFailureCount)
{
    for (int i = 0; i < 4; ++i)
        accounts.signInBlocking(QStringLiteral("ana"), QStringLiteral("wrong"));
    EXPECT_TRUE(accounts.signInBlocking(QStringLiteral("ana"), password).role);
    accounts.signInBlocking(QStringLiteral("ana"), QStringLiteral("wrong"));
    EXPECT_FALSE(accounts.isLockedOut(QStringLiteral("ana")));
}

TEST_F(StaffAccountsTest, LockOutThresholdAndDurationAreConfigurable)
{
    StaffAccounts strict(clock, 2, 1);
    ASSERT_FALSE(strict.addUser(QStringLiteral("ben"), Role::Supervisor, password));
    strict.signInBlocking(QStringLiteral("ben"), QStringLiteral("x"));
    strict.signInBlocking(QStringLiteral("ben"), QStringLiteral("x"));
    EXPECT_EQ(strict.signInBlocking(QStringLiteral("ben"), password).error, ErrorCode::LockedOut);
    clock.advance(std::chrono::minutes(1));
    EXPECT_EQ(strict.signInBlocking(QStringLiteral("ben"), password).role, Role::Supervisor);
}

TEST_F(StaffAccountsTest, SavedFileLoadsBackWithOwnerOnlyPermissions)
{
    ASSERT_FALSE(accounts.setRole(QStringLiteral("ana"), Role::Supervisor));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts"));
    ASSERT_FALSE(accounts.save(path));
    EXPECT_EQ(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    StaffAccounts loaded(clock);
    EXPECT_TRUE(loaded.load(path).isEmpty());
    ASSERT_EQ(loaded.accounts().size(), 1);
    EXPECT_EQ(loaded.accounts().first().role, Role::Supervisor);
    EXPECT_EQ(loaded.signInBlocking(QStringLiteral("ana"), password).role, Role::Supervisor);
}

TEST_F(StaffAccountsTest, EveryBadLineOfTheFileIsReportedWithItsNumber)
{
    StaffAccounts parsed(clock);
    const QByteArray text = "# comment\n"
                            "ana:advocate:enabled:$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\n"
                            "bad line\n"
                            "ben:survivor:enabled:$argon2id$x\n"
                            "cy:admin:maybe:$argon2id$x\n"
                            "di:admin:enabled:$2b$10$bcrypt\n"
                            "ana:admin:enabled:$argon2id$x\n"
                            "no spaces:admin:enabled:$argon2id$x\n";
    const QList<StaffAccounts::Problem> problems = parsed.parse(text);
    ASSERT_EQ(problems.size(), 6);
    QList<int> lines;
    for (const StaffAccounts::Problem &problem : problems)
        lines.append(problem.line);
    EXPECT_EQ(lines, (QList<int>{3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(parsed.accounts().size(), 1);
}

TEST_F(StaffAccountsTest, RefusesDuplicateNamesShortPasswordsAndTheSurvivorRole)
{
    EXPECT_TRUE(accounts.addUser(QStringLiteral("ana"), Role::Advocate, password));
    EXPECT_TRUE(accounts.addUser(QStringLiteral("eve"), Role::Advocate, QStringLiteral("short")));
    EXPECT_TRUE(accounts.addUser(QStringLiteral("eve"), Role::Survivor, password));
    EXPECT_TRUE(accounts.addUser(QStringLiteral("e:ve"), Role::Advocate, password));
}

TEST_F(StaffAccountsTest, SignInChecksThePasswordOffTheEventLoopAndAnswersOnIt)
{
    std::optional<SignInOutcome> answer;
    accounts.signIn(QStringLiteral("ana"), password, [&answer](const SignInOutcome &outcome) {
        EXPECT_EQ(QThread::currentThread(), QCoreApplication::instance()->thread());
        answer = outcome;
    });
    EXPECT_FALSE(answer.has_value()); // not before the event loop runs
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 30000));
    EXPECT_EQ(answer->role, Role::Advocate);
}

TEST_F(StaffAccountsTest, ARunningRelaySeesAnAccountDisabledInTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts"));
    ASSERT_FALSE(accounts.save(path));
    StaffAccounts running(clock);
    ASSERT_TRUE(running.load(path).isEmpty());
    EXPECT_TRUE(running.isEnabled(QStringLiteral("ana")));
    EXPECT_FALSE(running.isEnabled(QStringLiteral("nobody")));

    // What `advocate-relay disable ana` does, from another process.
    ASSERT_FALSE(accounts.setEnabled(QStringLiteral("ana"), false));
    ASSERT_FALSE(accounts.save(path));
    clock.advance(std::chrono::seconds(1));
    EXPECT_FALSE(running.isEnabled(QStringLiteral("ana")));
}
