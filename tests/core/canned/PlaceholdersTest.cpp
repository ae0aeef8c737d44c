// SPDX-License-Identifier: GPL-3.0-only
#include "canned/Placeholders.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

const QHash<QString, QString> values{{QStringLiteral("advocate"), QStringLiteral("Sam")},
                                     {QStringLiteral("program"), QStringLiteral("Safe Harbor")},
                                     {QStringLiteral("hotline_phone"), QStringLiteral("555-0100")},
                                     {QStringLiteral("hours"), QStringLiteral("9 to 5")}};

} // namespace

TEST(Placeholders, EveryKnownPlaceholderIsFilled)
{
    const Placeholders::Filled filled =
        Placeholders::fill(QStringLiteral("I'm {advocate} at {program}; call {hotline_phone} ({hours})."), values);
    EXPECT_EQ(filled.text, QStringLiteral("I'm Sam at Safe Harbor; call 555-0100 (9 to 5)."));
    EXPECT_TRUE(filled.complete());
}

TEST(Placeholders, UnknownPlaceholderStaysInTheTextAndIsFlagged)
{
    const Placeholders::Filled filled =
        Placeholders::fill(QStringLiteral("Call {shelter_phone} or {shelter_phone}, {advocate}."), values);
    EXPECT_EQ(filled.text, QStringLiteral("Call {shelter_phone} or {shelter_phone}, Sam."));
    EXPECT_EQ(filled.unknown, QStringList{QStringLiteral("shelter_phone")});
    EXPECT_FALSE(filled.complete());
}

TEST(Placeholders, KnownPlaceholderWithoutAValueIsFlaggedAsMissing)
{
    const Placeholders::Filled filled =
        Placeholders::fill(QStringLiteral("Open {hours}."), {{QStringLiteral("hours"), QStringLiteral("  ")}});
    EXPECT_EQ(filled.text, QStringLiteral("Open {hours}."));
    EXPECT_EQ(filled.missing, QStringList{QStringLiteral("hours")});
    EXPECT_TRUE(filled.unknown.isEmpty());
}

TEST(Placeholders, BracesThatAreNotPlaceholdersAreLeftAlone)
{
    const Placeholders::Filled filled = Placeholders::fill(QStringLiteral("A { spaced } and {Capital} brace"), values);
    EXPECT_EQ(filled.text, QStringLiteral("A { spaced } and {Capital} brace"));
    EXPECT_TRUE(filled.complete());
}

TEST(Placeholders, ValueIsInsertedLiterallyEvenWhenItLooksLikeAPlaceholder)
{
    const Placeholders::Filled filled = Placeholders::fill(
        QStringLiteral("{advocate} {program}"),
        {{QStringLiteral("advocate"), QStringLiteral("{program}")}, {QStringLiteral("program"), QStringLiteral("P")}});
    EXPECT_EQ(filled.text, QStringLiteral("{program} P"));
}
