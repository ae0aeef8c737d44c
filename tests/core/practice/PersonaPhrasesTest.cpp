// SPDX-License-Identifier: GPL-3.0-only
// How a persona recognizes the advocate's safety check and notice (docs/practice.md): the default canned library's
// wordings in both languages, common free-text ones, and neither taken for the other.
#include "practice/PersonaPhrases.h"

#include "canned/CannedLibrary.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QStringList cannedTexts(CannedFlag flag, const QString &language)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    QStringList texts;
    for (const CannedResponse &entry : library.entries()) {
        if (entry.flags.contains(flag))
            texts.append(library.variant(entry, language).text);
    }
    return texts;
}

} // namespace

TEST(PersonaPhrases, TheDefaultLibrarysSafetyChecksAndNoticeAreRecognizedInBothLanguages)
{
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        const QStringList safety = cannedTexts(CannedFlag::SafetyCheck, language);
        const QStringList notice = cannedTexts(CannedFlag::MandatoryReporting, language);
        ASSERT_GE(safety.size(), 2);
        ASSERT_GE(notice.size(), 1);
        for (const QString &text : safety) {
            EXPECT_TRUE(PersonaPhrases::isSafetyCheck(text, language)) << qPrintable(text);
            EXPECT_FALSE(PersonaPhrases::isNotice(text, language)) << qPrintable(text);
        }
        for (const QString &text : notice) {
            EXPECT_TRUE(PersonaPhrases::isNotice(text, language)) << qPrintable(text);
            EXPECT_FALSE(PersonaPhrases::isSafetyCheck(text, language)) << qPrintable(text);
        }
        // The welcome and a check-in are neither.
        const CannedLibrary library = CannedLibrary::shippedDefault();
        for (const QString &id : {QStringLiteral("greeting.welcome"), QStringLiteral("checkin.silence")}) {
            const QString text = library.variant(*library.find(id), language).text;
            EXPECT_FALSE(PersonaPhrases::isSafetyCheck(text, language)) << qPrintable(text);
            EXPECT_FALSE(PersonaPhrases::isNotice(text, language)) << qPrintable(text);
        }
    }
}

TEST(PersonaPhrases, CommonFreeTextWordingsAreRecognized)
{
    EXPECT_TRUE(PersonaPhrases::isSafetyCheck(QStringLiteral("Are you safe right now?"), QStringLiteral("en")));
    EXPECT_TRUE(
        PersonaPhrases::isSafetyCheck(QStringLiteral("Is it SAFE to talk where you are?"), QStringLiteral("en")));
    EXPECT_TRUE(PersonaPhrases::isSafetyCheck(QStringLiteral("¿Estás a salvo ahora?"), QStringLiteral("es")));
    EXPECT_TRUE(PersonaPhrases::isSafetyCheck(QStringLiteral("¿Es seguro hablar ahora? Tu seguridad es lo primero"),
                                              QStringLiteral("es")));
    EXPECT_TRUE(PersonaPhrases::isSafetyCheck(QStringLiteral("estas segura?"), QStringLiteral("es"))) << "no accents";
    EXPECT_TRUE(PersonaPhrases::isNotice(
        QStringLiteral("What you tell me is confidential, but I am a mandated reporter."), QStringLiteral("en")));
    EXPECT_TRUE(
        PersonaPhrases::isNotice(QStringLiteral("I may be required to report harm to a child."), QStringLiteral("en")));
    EXPECT_TRUE(PersonaPhrases::isNotice(QStringLiteral("Esto es confidencial, salvo que la ley me obliga a informar."),
                                         QStringLiteral("es")));
    EXPECT_TRUE(
        PersonaPhrases::isNotice(QStringLiteral("Tengo que informar si un niño corre peligro."), QStringLiteral("es")));
    // English wordings also count in a Spanish chat; Spanish ones not in an English chat.
    EXPECT_TRUE(PersonaPhrases::isSafetyCheck(QStringLiteral("are you safe?"), QStringLiteral("es")));
    EXPECT_FALSE(PersonaPhrases::isSafetyCheck(QStringLiteral("¿estás a salvo?"), QStringLiteral("en")));
    EXPECT_FALSE(PersonaPhrases::isSafetyCheck(QStringLiteral("Thank you for reaching out."), QStringLiteral("en")));
    EXPECT_FALSE(PersonaPhrases::isNotice(QStringLiteral("Thank you for reaching out."), QStringLiteral("en")));
}

TEST(PersonaPhrases, KeywordsMatchAtTheStartOfAWordIgnoringCaseAndAccents)
{
    const QStringList keywords{QStringLiteral("historial"), QStringLiteral("lease")};
    EXPECT_TRUE(PersonaPhrases::containsKeyword(QStringLiteral("Borra el HISTORIAL del navegador"), keywords));
    EXPECT_TRUE(PersonaPhrases::containsKeyword(QStringLiteral("about the lease"), keywords));
    EXPECT_TRUE(PersonaPhrases::containsKeyword(QStringLiteral("leases are hard"), keywords));
    EXPECT_FALSE(PersonaPhrases::containsKeyword(QStringLiteral("please wait"), keywords));
    EXPECT_TRUE(PersonaPhrases::containsKeyword(QStringLiteral("el contrato"), {QStringLiteral("contráto")}));
}
