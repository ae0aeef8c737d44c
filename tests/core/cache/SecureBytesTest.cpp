// SPDX-License-Identifier: GPL-3.0-only
#include "cache/SecureBytes.h"

#include <gtest/gtest.h>

#include <algorithm>

using advocate::SecureBytes;

TEST(SecureBytes, RandomKeysAreNotZeroAndDifferEachTime)
{
    const SecureBytes first = SecureBytes::random(32);
    const SecureBytes second = SecureBytes::random(32);
    ASSERT_EQ(first.size(), 32u);
    EXPECT_FALSE(std::all_of(first.data(), first.data() + first.size(), [](unsigned char b) { return b == 0; }));
    EXPECT_FALSE(first.equals(second));
}

TEST(SecureBytes, RawKeyTextIsSqlCipherHexForm)
{
    QByteArray bytes = QByteArray::fromHex("00ff10ab");
    const SecureBytes key = SecureBytes::takeFrom(bytes);
    const SecureBytes text = key.toSqlCipherRawKey();
    EXPECT_EQ(QByteArray(reinterpret_cast<const char *>(text.data()), static_cast<qsizetype>(text.size())),
              QByteArray("x'00ff10ab'"));
}

TEST(SecureBytes, TakingFromAByteArrayWipesTheSource)
{
    QByteArray source = QByteArray::fromHex("0102030405060708");
    const SecureBytes taken = SecureBytes::takeFrom(source);
    EXPECT_TRUE(source.isEmpty());
    EXPECT_EQ(taken.copyToByteArray(), QByteArray::fromHex("0102030405060708"));
}

TEST(SecureBytes, MovingLeavesTheSourceEmpty)
{
    SecureBytes first = SecureBytes::random(32);
    const SecureBytes second = std::move(first);
    EXPECT_EQ(second.size(), 32u);
    EXPECT_TRUE(first.isEmpty()); // NOLINT(bugprone-use-after-move): the moved-from state is what is tested
}

TEST(SecureBytes, WipingAByteArrayZeroesEveryCopySharingItsBuffer)
{
    QByteArray secret = QByteArray::fromHex("0102030405060708");
    const QByteArray sharing = secret; // implicitly shared, as a Qt Keychain job's copy is
    SecureBytes::wipe(secret);
    EXPECT_TRUE(secret.isEmpty());
    EXPECT_EQ(sharing, QByteArray(8, '\0')) << sharing.toHex().constData();
}

TEST(SecureBytes, WipingSharedBytesZeroesTheBufferWithoutDetaching)
{
    const QByteArray secret = QByteArray::fromHex("a1a2a3a4");
    const QByteArray sharing = secret;
    SecureBytes::wipeShared(sharing);
    EXPECT_EQ(secret, QByteArray(4, '\0'));
    EXPECT_EQ(secret.constData(), sharing.constData());
}

TEST(SecureBytes, WipingLeavesMemoryTheByteArrayDoesNotOwnAlone)
{
    static const char constant[] = "not a secret";
    QByteArray raw = QByteArray::fromRawData(constant, 12);
    SecureBytes::wipe(raw); // must not write into read-only memory
    QByteArray literal = QByteArrayLiteral("literal");
    SecureBytes::wipe(literal);
    EXPECT_TRUE(raw.isEmpty());
    EXPECT_EQ(QByteArray(constant), QByteArray("not a secret"));
}
