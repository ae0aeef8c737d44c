// SPDX-License-Identifier: GPL-3.0-only
#include "common/UtcTime.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

// 2026-01-01T09:00:00.250Z
constexpr qint64 newYearMorningMs = 1767258000250;

} // namespace

TEST(UtcTime, FromMSecsSinceEpochIsTheSameInstantPrintedInUtc)
{
    const QDateTime at = utcFromMSecsSinceEpoch(newYearMorningMs);
    ASSERT_TRUE(at.isValid());
    EXPECT_EQ(at.toMSecsSinceEpoch(), newYearMorningMs);
    EXPECT_EQ(at.offsetFromUtc(), 0);
    EXPECT_EQ(at.toString(Qt::ISODateWithMs), QStringLiteral("2026-01-01T09:00:00.250Z"));
}

TEST(UtcTime, DateAndTimeAreReadAsUtc)
{
    const QDateTime at = utcDateTime(QDate(2026, 1, 1), QTime(9, 0, 0, 250));
    EXPECT_EQ(at.toMSecsSinceEpoch(), newYearMorningMs);
    EXPECT_EQ(at.toString(Qt::ISODate), QStringLiteral("2026-01-01T09:00:00Z"));
    EXPECT_EQ(at, utcFromMSecsSinceEpoch(newYearMorningMs));
}
