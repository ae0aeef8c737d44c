// SPDX-License-Identifier: GPL-3.0-only
#include "canned/DraftChecks.h"
#include "canned/CannedLibrary.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QList<DraftChecks::Warning> only(const QList<DraftChecks::Warning> &warnings, DraftChecks::Kind kind)
{
    QList<DraftChecks::Warning> found;
    for (const DraftChecks::Warning &warning : warnings) {
        if (warning.kind == kind)
            found.append(warning);
    }
    return found;
}

QStringList covered(const QString &draft, const QList<DraftChecks::Warning> &warnings)
{
    QStringList out;
    for (const DraftChecks::Warning &warning : warnings)
        out.append(draft.mid(warning.start, warning.length));
    return out;
}

QString longCanned()
{
    return QStringLiteral("Before we go further, I want you to know how privacy works here. What you share with Safe "
                          "Harbor stays confidential. There are a few exceptions, and you can ask me about them at any "
                          "time, and you decide what you share with me.");
}

} // namespace

// Emoji

TEST(DraftChecks, EmojiIsFlaggedWithAReasonAndARemoveFix)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("I hear you 🙏 and I'm here.");
    const QList<DraftChecks::Warning> warnings =
        only(checks.check(draft, QStringLiteral("en")), DraftChecks::Kind::Emoji);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_FALSE(warnings.first().why.isEmpty());
    ASSERT_TRUE(warnings.first().hasFix());
    EXPECT_EQ(DraftChecks::applyFix(draft, warnings.first()), QStringLiteral("I hear you and I'm here."));
}

TEST(DraftChecks, PhoneNumbersAndCopyrightAreNotEmoji)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks.checkEmoji(QStringLiteral("Call 1-800-799-7233 (© Safe Harbor), option #2.")).isEmpty());
}

// Slang

TEST(DraftChecks, SlangIsFoundAsWholeWordsInAnyCase)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("lol that's ok, BRB. Tbh Idk.");
    EXPECT_EQ(
        covered(draft, checks.checkSlang(draft, QStringLiteral("en"))),
        (QStringList{QStringLiteral("lol"), QStringLiteral("BRB"), QStringLiteral("Tbh"), QStringLiteral("Idk")}));
}

TEST(DraftChecks, SlangInsideLongerWordsIsNotSlang)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks
                    .checkSlang(QStringLiteral("A lollipop, your umbrella, brbx, imodium, you are Ursula."),
                                QStringLiteral("en"))
                    .isEmpty());
}

TEST(DraftChecks, AbbreviationsAddressesAndContractionsAreNotSlang)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks
                    .checkSlang(QStringLiteral("In the U.S. write to u@example.org or see example.org/u; we're here."),
                                QStringLiteral("en"))
                    .isEmpty());
}

TEST(DraftChecks, SlangFixExpandsTheAcronymAndCapitalisesAtSentenceStart)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("Idk yet. I can call u later, btw.");
    const QList<DraftChecks::Warning> warnings = checks.checkSlang(draft, QStringLiteral("en"));
    ASSERT_EQ(warnings.size(), 3);
    EXPECT_EQ(warnings.at(0).fix.replacement, QStringLiteral("I don't know"));
    EXPECT_EQ(DraftChecks::applyFix(draft, warnings.at(1)), QStringLiteral("Idk yet. I can call you later, btw."));
    EXPECT_EQ(warnings.at(2).fix.replacement, QStringLiteral("by the way"));
    EXPECT_TRUE(warnings.at(0).why.contains(QStringLiteral("Idk")));
}

TEST(DraftChecks, SlangWithoutASafeExpansionExplainsButOffersNoFix)
{
    const DraftChecks checks;
    const QList<DraftChecks::Warning> warnings = checks.checkSlang(QStringLiteral("omg"), QStringLiteral("en"));
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_FALSE(warnings.first().hasFix());
    EXPECT_FALSE(warnings.first().why.isEmpty());
}

TEST(DraftChecks, SpanishListIsUsedForSpanishAndLeavesTheConjunctionUAlone)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("Siete u ocho días, jaja, xfa escríbeme.");
    EXPECT_EQ(covered(draft, checks.checkSlang(draft, QStringLiteral("es-MX"))),
              (QStringList{QStringLiteral("jaja"), QStringLiteral("xfa")}));
}

TEST(DraftChecks, UnknownLanguageIsCheckedAgainstEveryList)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("brb jaja");
    EXPECT_EQ(checks.checkSlang(draft, QStringLiteral("fr")).size(), 2);
}

TEST(DraftChecks, ProgramSlangListReplacesTheDefault)
{
    DraftPolicy policy;
    policy.slang.insert(QStringLiteral("en"), {{QStringLiteral("ikr"), QString()}});
    const DraftChecks checks(policy);
    EXPECT_EQ(checks.checkSlang(QStringLiteral("ikr"), QStringLiteral("en")).size(), 1);
    EXPECT_TRUE(checks.checkSlang(QStringLiteral("lol"), QStringLiteral("en")).isEmpty());
}

// Shouting

TEST(DraftChecks, AllCapitalsMessageIsShoutingWithASentenceCaseFix)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("PLEASE CALL THE POLICE NOW. I WILL WAIT.");
    const QList<DraftChecks::Warning> warnings = checks.checkShouting(draft);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(DraftChecks::applyFix(draft, warnings.first()),
              QStringLiteral("Please call the police now. I will wait."));
}

TEST(DraftChecks, ShoutedStretchInsideNormalTextIsFound)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("I understand. YOU NEED TO LEAVE RIGHT AWAY if you can, and then call us.");
    const QList<DraftChecks::Warning> warnings = checks.checkShouting(draft);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(draft.mid(warnings.first().start, warnings.first().length),
              QStringLiteral("YOU NEED TO LEAVE RIGHT AWAY"));
    EXPECT_EQ(warnings.first().fix.replacement, QStringLiteral("You need to leave right away"));
}

TEST(DraftChecks, AcronymsAreNotShouting)
{
    const DraftChecks checks;
    EXPECT_TRUE(
        checks.checkShouting(QStringLiteral("The FBI, ICE and the DV program can help with a TRO or PFA.")).isEmpty());
    EXPECT_TRUE(checks.checkShouting(QStringLiteral("VAWA NNEDV LGBTQ SSN HIV")).isEmpty());
}

TEST(DraftChecks, ShortCapitalsAndSingleEmphasisAreNotShouting)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks.checkShouting(QStringLiteral("OK")).isEmpty());
    EXPECT_TRUE(checks.checkShouting(QStringLiteral("NO WAY")).isEmpty());
    EXPECT_TRUE(checks.checkShouting(QStringLiteral("This is NOT your fault, and you deserve support.")).isEmpty());
}

TEST(DraftChecks, ShoutingFixKeepsAcronymsInCapitals)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("PLEASE ASK THE ER FOR A DV ADVOCATE");
    const QList<DraftChecks::Warning> warnings = checks.checkShouting(draft);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(DraftChecks::applyFix(draft, warnings.first()), QStringLiteral("Please ask the ER for a DV advocate"));
}

TEST(DraftChecks, SpanishCapitalsAreShoutingToo)
{
    const DraftChecks checks;
    const QString draft = QStringLiteral("¡LLAMA AHORA MISMO A EMERGENCIAS!");
    const QList<DraftChecks::Warning> warnings = checks.checkShouting(draft);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(DraftChecks::applyFix(draft, warnings.first()), QStringLiteral("¡Llama ahora mismo a emergencias!"));
}

// Long canned text sent unchanged

TEST(DraftChecks, LongCannedTextSentUnchangedIsFlagged)
{
    const DraftChecks checks;
    const QList<DraftChecks::Warning> warnings =
        checks.checkUnchangedCanned(QStringLiteral("  ") + longCanned() + QStringLiteral("\n"), {longCanned()});
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_FALSE(warnings.first().why.isEmpty());
    EXPECT_FALSE(warnings.first().hasFix());
}

TEST(DraftChecks, EditedCannedTextIsNotFlagged)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks.checkUnchangedCanned(QStringLiteral("Thank you for telling me. ") + longCanned(), {longCanned()})
                    .isEmpty());
}

TEST(DraftChecks, ShortCannedTextSentUnchangedIsFine)
{
    const DraftChecks checks;
    const QString shortText = QStringLiteral("I'm still here whenever you're ready.");
    EXPECT_TRUE(checks.checkUnchangedCanned(shortText, {shortText}).isEmpty());
}

TEST(DraftChecks, TypedTextIsNeverAnUnchangedCannedText)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks.checkUnchangedCanned(longCanned(), {}).isEmpty());
}

// Policy

TEST(DraftChecks, EachCheckCanBeSwitchedOffByPolicy)
{
    const QString draft = QStringLiteral("OMG PLEASE LISTEN TO ME CAREFULLY 😊");
    const QString canned = draft;
    DraftPolicy policy;
    policy.longCannedMinChars = 10;
    EXPECT_EQ(DraftChecks(policy).check(draft, QStringLiteral("en"), {canned}).size(), 4);

    DraftPolicy off = policy;
    off.emojiCheck = false;
    off.slangCheck = false;
    off.shoutingCheck = false;
    off.unchangedCannedCheck = false;
    EXPECT_TRUE(DraftChecks(off).check(draft, QStringLiteral("en"), {canned}).isEmpty());

    for (int which = 0; which < 4; ++which) {
        DraftPolicy one = policy;
        one.emojiCheck = which != 0;
        one.slangCheck = which != 1;
        one.shoutingCheck = which != 2;
        one.unchangedCannedCheck = which != 3;
        const QList<DraftChecks::Warning> warnings = DraftChecks(one).check(draft, QStringLiteral("en"), {canned});
        EXPECT_EQ(warnings.size(), 3) << which;
        EXPECT_TRUE(only(warnings, static_cast<DraftChecks::Kind>(which)).isEmpty()) << which;
    }
}

TEST(DraftChecks, OrdinaryWarmMessageHasNoWarnings)
{
    const DraftChecks checks;
    EXPECT_TRUE(checks
                    .check(QStringLiteral("Thank you for telling me. What you're feeling makes sense, and none of "
                                          "this is your fault. Would it help to talk about a plan for tonight?"),
                           QStringLiteral("en"))
                    .isEmpty());
    EXPECT_TRUE(checks
                    .check(QStringLiteral("Gracias por contarme. Lo que sientes tiene sentido, y nada de esto es "
                                          "tu culpa. ¿Te ayudaría pensar en un plan para esta noche?"),
                           QStringLiteral("es"))
                    .isEmpty());
}

TEST(DraftChecks, AnInsertedTextCountsAsKeptWhenAddedToOrLightlyReworded)
{
    const QString notice =
        QStringLiteral("What you share stays confidential, with a few exceptions that I will explain.");
    EXPECT_TRUE(DraftChecks::keptFrom(notice, notice));
    EXPECT_TRUE(DraftChecks::keptFrom(notice, notice + QStringLiteral(" Does that make sense?")));
    EXPECT_TRUE(DraftChecks::keptFrom(notice, QStringLiteral("WHAT you share stays confidential, with some exceptions "
                                                             "I will explain now.")));
}

TEST(DraftChecks, AnInsertedTextReplacedByOtherWordsIsNotKept)
{
    const QString notice =
        QStringLiteral("What you share stays confidential, with a few exceptions that I will explain.");
    EXPECT_FALSE(DraftChecks::keptFrom(notice, QStringLiteral("ok")));
    EXPECT_FALSE(DraftChecks::keptFrom(notice, QStringLiteral("How are you feeling right now?")));
    EXPECT_FALSE(DraftChecks::keptFrom(notice, QString()));
    EXPECT_FALSE(DraftChecks::keptFrom(QString(), notice));
}

TEST(DraftChecks, TwoTextsThatShareOnlyCommonWordsAreNotTakenForEachOther)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const QString safety = library.find(QStringLiteral("safety.device"))->texts.value(QStringLiteral("en"));
    const QString notice = library.find(QStringLiteral("notice.confidentiality"))->texts.value(QStringLiteral("en"));
    EXPECT_FALSE(DraftChecks::keptFrom(safety, notice));
    EXPECT_FALSE(DraftChecks::keptFrom(notice, safety));
    EXPECT_TRUE(DraftChecks::keptFrom(notice, notice));
}
