// SPDX-License-Identifier: GPL-3.0-only
// The library shipped in resources/canned: it loads cleanly, speaks both languages everywhere, covers every
// category, and its own wording passes the draft checks it asks advocates to follow.
#include "canned/CannedLibrary.h"
#include "canned/DraftChecks.h"
#include "canned/Placeholders.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QString describe(const QList<CannedIssue> &issues)
{
    QStringList lines;
    for (const CannedIssue &issue : issues)
        lines.append(issue.message);
    return lines.join(u'\n');
}

} // namespace

TEST(DefaultLibrary, LoadsWithoutAnyIssue)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    EXPECT_TRUE(library.issues().isEmpty()) << qPrintable(describe(library.issues()));
    EXPECT_GE(library.entries().size(), 9);
}

TEST(DefaultLibrary, EveryEntryHasEnglishAndSpanishTitleAndText)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    ASSERT_FALSE(library.entries().isEmpty());
    for (const CannedResponse &entry : library.entries()) {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            EXPECT_FALSE(entry.texts.value(language).isEmpty()) << qPrintable(entry.id + u' ' + language);
            EXPECT_FALSE(entry.titles.value(language).isEmpty()) << qPrintable(entry.id + u' ' + language);
        }
    }
}

TEST(DefaultLibrary, EveryCategoryHasAnEntry)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    for (const CannedCategory category : allCannedCategories()) {
        const bool present = std::any_of(library.entries().cbegin(), library.entries().cend(),
                                         [&](const CannedResponse &entry) { return entry.category == category; });
        EXPECT_TRUE(present) << qPrintable(cannedCategoryName(category));
    }
}

TEST(DefaultLibrary, SafetyCheckAsksTheRequiredQuestionInBothLanguages)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const CannedResponse *entry = library.find(QStringLiteral("safety.device"));
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(entry->hasFlag(CannedFlag::SafetyCheck));
    EXPECT_TRUE(entry->texts.value(QStringLiteral("en"))
                    .contains(QStringLiteral("Are you worried that anyone else might have access to your device or our "
                                             "conversation?")));
    EXPECT_TRUE(entry->texts.value(QStringLiteral("es")).contains(QStringLiteral("¿Te preocupa")));
}

TEST(DefaultLibrary, NoticeAndClosingCarryTheirFlags)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const CannedResponse *notice = library.find(QStringLiteral("notice.confidentiality"));
    const CannedResponse *closing = library.find(QStringLiteral("closing.reach-again"));
    ASSERT_NE(notice, nullptr);
    ASSERT_NE(closing, nullptr);
    EXPECT_TRUE(notice->hasFlag(CannedFlag::MandatoryReporting));
    EXPECT_TRUE(closing->hasFlag(CannedFlag::Closing));
    EXPECT_TRUE(closing->texts.value(QStringLiteral("en")).contains(QStringLiteral("{hotline_phone}")));
}

TEST(DefaultLibrary, TransferSaysAnotherAdvocateWillBeSpeakingWithYou)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const CannedResponse *entry = library.find(QStringLiteral("transfer.shift-change"));
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(entry->texts.value(QStringLiteral("en"))
                    .contains(QStringLiteral("another advocate will be speaking "
                                             "with you")));
}

TEST(DefaultLibrary, OwnWordingPassesEveryDraftCheck)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const DraftChecks checks(library.policy());
    const QHash<QString, QString> values{{QStringLiteral("advocate"), QStringLiteral("Sam")},
                                         {QStringLiteral("program"), QStringLiteral("Safe Harbor")},
                                         {QStringLiteral("hotline_phone"), QStringLiteral("555-0100")},
                                         {QStringLiteral("hours"), QStringLiteral("Monday to Friday, 9 to 5")}};
    for (const CannedResponse &entry : library.entries()) {
        for (auto it = entry.texts.constBegin(); it != entry.texts.constEnd(); ++it) {
            const Placeholders::Filled filled = Placeholders::fill(it.value(), values);
            EXPECT_TRUE(filled.complete()) << qPrintable(entry.id);
            const QList<DraftChecks::Warning> warnings = checks.check(filled.text, it.key());
            for (const DraftChecks::Warning &warning : warnings)
                ADD_FAILURE() << qPrintable(entry.id + u' ' + it.key() + QStringLiteral(": ") + warning.why);
        }
    }
}

TEST(DefaultLibrary, ShippedPolicyListsMatchTheBuiltInDefaults)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    EXPECT_EQ(library.policy().slang, DraftPolicy::defaultSlang());
    EXPECT_EQ(library.policy().acronyms, DraftPolicy::defaultAcronyms());
}
