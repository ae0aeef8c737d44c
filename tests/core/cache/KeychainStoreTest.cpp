// SPDX-License-Identifier: GPL-3.0-only
// Runs against the real keychain: the Secret Service of gnome-keyring-daemon in the test D-Bus session that
// scripts/test starts. Without that session these tests fail, they do not skip.
#include "cache/KeychainStore.h"
#include "AwaitResult.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

using advocate::KeychainResult;
using advocate::KeychainStatus;
using advocate::KeychainStore;
using advocate::test::await;

namespace {

bool allZero(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c == 0; });
}

class KeychainStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            << "run the tests through scripts/test, which starts a D-Bus session with an unlocked keyring";
    }

    KeychainStore store{QStringLiteral("org.advocatedesk.tests")};
    // A fresh name per run so that a left-over entry from an earlier run cannot make a test pass.
    QString key = QStringLiteral("round-trip-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QChar(u'0'));
};

} // namespace

TEST_F(KeychainStoreTest, WriteReadDeleteRoundTrip)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    // A deep copy: the store wipes the buffer it was given.
    const QByteArray expected(secret.constData(), secret.size());

    const KeychainResult written = await<KeychainResult>([&](auto done) { store.write(key, secret, done); });
    ASSERT_TRUE(written.ok()) << qPrintable(written.message);

    const KeychainResult read = await<KeychainResult>([&](auto done) { store.read(key, done); });
    ASSERT_TRUE(read.ok()) << qPrintable(read.message);
    EXPECT_EQ(read.secret.copyToByteArray(), expected);

    const KeychainResult removed = await<KeychainResult>([&](auto done) { store.remove(key, done); });
    ASSERT_TRUE(removed.ok()) << qPrintable(removed.message);

    const KeychainResult gone = await<KeychainResult>([&](auto done) { store.read(key, done); });
    EXPECT_EQ(gone.status, KeychainStatus::NotFound) << qPrintable(gone.message);
    EXPECT_TRUE(gone.secret.isEmpty());
}

TEST_F(KeychainStoreTest, ReadingAMissingKeyIsNotFound)
{
    const KeychainResult read = await<KeychainResult>([&](auto done) { store.read(key, done); });
    EXPECT_EQ(read.status, KeychainStatus::NotFound) << qPrintable(read.message);
}

TEST_F(KeychainStoreTest, WritingWipesTheSecretInEveryByteArraySharingItsBuffer)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    secret[0] = '\x7f'; // never all zero to begin with
    // Another QByteArray sharing the buffer, as the Qt Keychain job's copy does.
    const QByteArray sharing = secret;
    ASSERT_EQ(sharing.constData(), secret.constData());

    bool answered = false;
    store.write(key, secret, [&](const KeychainResult &written) {
        EXPECT_TRUE(written.ok()) << qPrintable(written.message);
        answered = true;
    });
    // Not before the job ran: Job::start() is queued, wiping now would store zeros.
    EXPECT_FALSE(allZero(sharing));
    ASSERT_TRUE(QTest::qWaitFor([&] { return answered; }, 20000));
    EXPECT_TRUE(allZero(sharing)) << sharing.toHex().constData();
    EXPECT_EQ(sharing.size(), 32);

    // And what was stored was the secret, not the zeros.
    const KeychainResult read = await<KeychainResult>([&](auto done) { store.read(key, done); });
    ASSERT_TRUE(read.ok()) << qPrintable(read.message);
    EXPECT_FALSE(allZero(read.secret.copyToByteArray()));
    await<KeychainResult>([&](auto done) { store.remove(key, done); });
}

TEST_F(KeychainStoreTest, DestroyingTheStoreWhileItsJobRunsIsSafeAndDropsTheCallback)
{
    // Qt Keychain's libsecret backend cannot cancel a job: its GLib callback arrives later and uses the job.
    // The job must outlive the store (AddressSanitizer reports a use after free otherwise).
    for (int started = 0; started < 4; ++started) {
        auto doomed = std::make_unique<KeychainStore>(QStringLiteral("org.advocatedesk.tests"));
        bool destroyed = false;
        bool calledAfterDestruction = false;
        doomed->read(key, [&](const KeychainResult &) { calledAfterDestruction = destroyed; });
        // Let the queued Job::start() run, so that the backend call is in flight, in some rounds.
        for (int i = 0; i < started; ++i)
            QCoreApplication::processEvents();
        doomed.reset();
        destroyed = true;
        // Jobs run one after the other: once this one answered, the destroyed store's job has finished.
        const KeychainResult after = await<KeychainResult>([&](auto done) { store.read(key, done); });
        EXPECT_EQ(after.status, KeychainStatus::NotFound) << qPrintable(after.message);
        QTest::qWait(50); // the job's deleteLater()
        EXPECT_FALSE(calledAfterDestruction) << "the callback of a destroyed store ran";
    }
}
