// SPDX-License-Identifier: GPL-3.0-only
#include "cache/SqlCipherLibrary.h"

#include <gtest/gtest.h>

using advocate::SqlCipherLibrary;

TEST(SqlCipherLibrary, LinkedLibraryIsSqlCipherFourOrNewer)
{
    const SqlCipherLibrary library = SqlCipherLibrary::linked();
    EXPECT_FALSE(library.sqliteVersion.isEmpty());
    ASSERT_FALSE(library.cipherVersion.isEmpty()) << "PRAGMA cipher_version gave nothing: plain SQLite is linked";
    EXPECT_TRUE(library.isSupported()) << qPrintable(library.cipherVersion);
}

TEST(SqlCipherLibrary, VersionCheckAcceptsFourAndNewer)
{
    EXPECT_TRUE(SqlCipherLibrary::isSupportedCipherVersion(QStringLiteral("4.6.1 community")));
    EXPECT_TRUE(SqlCipherLibrary::isSupportedCipherVersion(QStringLiteral("4.0.0")));
    EXPECT_TRUE(SqlCipherLibrary::isSupportedCipherVersion(QStringLiteral("5.0.1 community")));
}

TEST(SqlCipherLibrary, VersionCheckRefusesThreeAndPlainSqlite)
{
    EXPECT_FALSE(SqlCipherLibrary::isSupportedCipherVersion(QStringLiteral("3.4.1")));
    EXPECT_FALSE(SqlCipherLibrary::isSupportedCipherVersion(QString()));
    EXPECT_FALSE(SqlCipherLibrary::isSupportedCipherVersion(QStringLiteral("community")));
}
