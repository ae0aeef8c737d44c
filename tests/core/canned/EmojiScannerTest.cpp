// SPDX-License-Identifier: GPL-3.0-only
#include "canned/EmojiScanner.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

// The emoji found, as the text they cover.
QStringList emojiIn(const QString &text)
{
    QStringList found;
    for (const EmojiScanner::Span &span : EmojiScanner::find(text))
        found.append(text.mid(span.start, span.length));
    return found;
}

} // namespace

TEST(EmojiScanner, FindsAPlainSmiley)
{
    EXPECT_EQ(emojiIn(QStringLiteral("okay 😊 then")), QStringList{QStringLiteral("😊")});
}

TEST(EmojiScanner, SkinToneModifierBelongsToItsEmoji)
{
    EXPECT_EQ(emojiIn(QStringLiteral("👍🏽 sure")), QStringList{QStringLiteral("👍🏽")});
}

TEST(EmojiScanner, ZwjFamilyIsOneEmoji)
{
    const QString family = QStringLiteral("👩\u200D👩\u200D👧");
    EXPECT_EQ(emojiIn(QStringLiteral("the ") + family), QStringList{family});
}

TEST(EmojiScanner, ZwjWithGenderSignAndSelectorIsOneEmoji)
{
    const QString runner = QStringLiteral("🏃🏻\u200D♀\uFE0F");
    EXPECT_EQ(emojiIn(runner + QStringLiteral("!")), QStringList{runner});
}

TEST(EmojiScanner, FlagIsOnePairOfRegionalIndicators)
{
    EXPECT_EQ(emojiIn(QStringLiteral("🇲🇽🇺🇸")), (QStringList{QStringLiteral("🇲🇽"), QStringLiteral("🇺🇸")}));
}

TEST(EmojiScanner, SubdivisionTagFlagIsOneEmoji)
{
    const QString wales = QStringLiteral("🏴\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F");
    EXPECT_EQ(emojiIn(wales), QStringList{wales});
}

TEST(EmojiScanner, KeycapSequencesAreEmoji)
{
    EXPECT_EQ(emojiIn(QStringLiteral("press 1\uFE0F\u20E3 or #\u20E3")),
              (QStringList{QStringLiteral("1\uFE0F\u20E3"), QStringLiteral("#\u20E3")}));
}

TEST(EmojiScanner, HeartAndSunWithSelectorAreEmoji)
{
    EXPECT_EQ(emojiIn(QStringLiteral("❤\uFE0F ☀\uFE0F")),
              (QStringList{QStringLiteral("❤\uFE0F"), QStringLiteral("☀\uFE0F")}));
}

TEST(EmojiScanner, DefaultEmojiPresentationInTheBasicPlaneIsFound)
{
    EXPECT_EQ(emojiIn(QStringLiteral("done ✅ ⭐")), (QStringList{QStringLiteral("✅"), QStringLiteral("⭐")}));
}

TEST(EmojiScanner, NewerPictographsAreFound)
{
    EXPECT_EQ(emojiIn(QStringLiteral("🫶")), QStringList{QStringLiteral("🫶")});
}

TEST(EmojiScanner, TextSymbolsWithoutSelectorAreNotEmoji)
{
    EXPECT_TRUE(emojiIn(QStringLiteral("© 2026 Safe Harbor® ™ → ☎ ✓ ★ ‼ 1-800-799-7233 #3 *note")).isEmpty());
}

TEST(EmojiScanner, TextPresentationSelectorKeepsAnEmojiAsText)
{
    EXPECT_TRUE(emojiIn(QStringLiteral("⌚\uFE0E")).isEmpty());
}

TEST(EmojiScanner, AccentsAndOtherScriptsAreNotEmoji)
{
    EXPECT_TRUE(emojiIn(QStringLiteral("¿Cómo estás? Ñandú, 你好, Привет, مرحبا")).isEmpty());
}

TEST(EmojiScanner, CopyrightSignWithSelectorIsAnEmoji)
{
    EXPECT_EQ(emojiIn(QStringLiteral("©\uFE0F")), QStringList{QStringLiteral("©\uFE0F")});
}
