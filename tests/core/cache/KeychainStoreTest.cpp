// SPDX-License-Identifier: GPL-3.0-only
// Runs against the real keychain: the Secret Service of gnome-keyring-daemon in the test D-Bus session that
// scripts/test starts. Without that session these tests fail, they do not skip.
#include "cache/KeychainStore.h"

#include <QRandomGenerator>
#include <QTest>

#include <gtest/gtest.h>

#include <optional>

using advocate::KeychainResult;
using advocate::KeychainStatus;
using advocate::KeychainStore;

namespace {

KeychainResult await(const std::function<void(KeychainStore::Callback)> &call)
{
    std::optional<KeychainResult> result;
    call([&result](KeychainResult r) { result = std::move(r); });
    EXPECT_TRUE(QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) << "keychain did not answer";
    return result.value_or(KeychainResult{});
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

    const KeychainResult written = await([&](auto done) { store.write(key, secret, done); });
    ASSERT_TRUE(written.ok()) << qPrintable(written.message);

    const KeychainResult read = await([&](auto done) { store.read(key, done); });
    ASSERT_TRUE(read.ok()) << qPrintable(read.message);
    EXPECT_EQ(read.secret, secret);

    const KeychainResult removed = await([&](auto done) { store.remove(key, done); });
    ASSERT_TRUE(removed.ok()) << qPrintable(removed.message);

    const KeychainResult gone = await([&](auto done) { store.read(key, done); });
    EXPECT_EQ(gone.status, KeychainStatus::NotFound) << qPrintable(gone.message);
    EXPECT_TRUE(gone.secret.isEmpty());
}

TEST_F(KeychainStoreTest, ReadingAMissingKeyIsNotFound)
{
    const KeychainResult read = await([&](auto done) { store.read(key, done); });
    EXPECT_EQ(read.status, KeychainStatus::NotFound) << qPrintable(read.message);
}
