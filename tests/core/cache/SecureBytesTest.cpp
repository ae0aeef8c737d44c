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
