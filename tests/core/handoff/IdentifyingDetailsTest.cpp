// SPDX-License-Identifier: GPL-3.0-only
// The identifying-details checks of the handoff note and the shift log (WS12, WS13): for each kind of detail, in
// English and Spanish, what is found (hits) and what looks close but is not (near misses); the fixes; offsets.
#include "handoff/IdentifyingDetails.h"

#include <gtest/gtest.h>

#include <ostream>

using namespace advocate;
using Kind = DraftChecks::Kind;

void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

constexpr int thisYear = 2026;

const IdentifyingDetails &details()
{
    static const IdentifyingDetails checks(QStringLiteral("US"), thisYear);
    return checks;
}

QString en()
{
    return QStringLiteral("en");
}

QString es()
{
    return QStringLiteral("es");
}

// The text each warning of `kind` covers.
QStringList covered(const QString &text, Kind kind, const QString &language, const QStringList &knownNames = {},
                    const IdentifyingDetails &checks = details())
{
    QStringList out;
    for (const DraftChecks::Warning &warning : checks.check(text, language, knownNames)) {
        if (warning.kind == kind)
            out.append(text.mid(warning.start, warning.length));
    }
    return out;
}

// Every fix applied, last first so that the earlier offsets still hold.
QString withAllFixes(const QString &text, const QList<DraftChecks::Warning> &warnings)
{
    QString fixed = text;
    for (auto it = warnings.crbegin(); it != warnings.crend(); ++it)
        fixed = DraftChecks::applyFix(fixed, *it);
    return fixed;
}

} // namespace

// Phone numbers

TEST(IdentifyingDetails, LocalPhoneNumberIsFoundAndItsFixLeavesAPlaceholder)
{
    const QString text = QStringLiteral("Safe to call 555-0134 after six.");
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), {});
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(warnings.first().kind, Kind::PhoneNumber);
    EXPECT_EQ(text.mid(warnings.first().start, warnings.first().length), QStringLiteral("555-0134"));
    EXPECT_FALSE(warnings.first().why.isEmpty());
    ASSERT_TRUE(warnings.first().hasFix());
    EXPECT_EQ(warnings.first().fix.replacement, IdentifyingDetails::placeholder(Kind::PhoneNumber));
    EXPECT_EQ(DraftChecks::applyFix(text, warnings.first()), QStringLiteral("Safe to call [phone number] after six."));
}

TEST(IdentifyingDetails, PhoneNumbersWithAreaOrCountryCodeAreFoundInEnglishAndSpanish)
{
    EXPECT_EQ(covered(QStringLiteral("Her cell is (202) 555-0134, texts only."), Kind::PhoneNumber, en()),
              QStringList{QStringLiteral("(202) 555-0134")});
    EXPECT_EQ(covered(QStringLiteral("Her sister: +1 202 555 0199"), Kind::PhoneNumber, en()),
              QStringList{QStringLiteral("+1 202 555 0199")});
    EXPECT_EQ(covered(QStringLiteral("Llámela al 555-0134 mañana."), Kind::PhoneNumber, es()),
              QStringList{QStringLiteral("555-0134")});
    EXPECT_EQ(covered(QStringLiteral("Su hermana en Madrid: +34 612 345 678."), Kind::PhoneNumber, es()),
              QStringList{QStringLiteral("+34 612 345 678")});
}

TEST(IdentifyingDetails, DefaultRegionDecidesNumbersWrittenWithoutCountryCode)
{
    const QString text = QStringLiteral("Su número es 612 34 56 78.");
    EXPECT_TRUE(covered(text, Kind::PhoneNumber, es()).isEmpty()); // not a US number
    const IdentifyingDetails spain(QStringLiteral("ES"), thisYear);
    EXPECT_EQ(spain.defaultRegion(), QStringLiteral("ES"));
    EXPECT_EQ(covered(text, Kind::PhoneNumber, es(), {}, spain), QStringList{QStringLiteral("612 34 56 78")});
    EXPECT_EQ(IdentifyingDetails().defaultRegion(), QStringLiteral("US"));
}

TEST(IdentifyingDetails, TimesAgesCountsAndShortDatesAreNotPhoneNumbers)
{
    for (const QString &text :
         {QStringLiteral("We talked at 5:30 on 3/4 about the 2 kids."), QStringLiteral("I'm 25, he is 31."),
          QStringLiteral("She has $1,250 saved and 12,500 steps a day."),
          QStringLiteral("Tengo 25 años; hablamos a las 5:30 el 3/4."),
          QStringLiteral("Case 2024-0456 at 10:30-11:45.")}) {
        EXPECT_TRUE(details().check(text, en(), {}).isEmpty()) << qPrintable(text);
    }
}

TEST(IdentifyingDetails, HotlineAndEmergencyNumbersAreNotWarned)
{
    EXPECT_TRUE(details()
                    .check(QStringLiteral("I gave her the hotline 1-800-799-7233, text 741741, or 911."), en(), {})
                    .isEmpty());
    EXPECT_TRUE(details().check(QStringLiteral("Le di la línea 1-800-799-7233 y el 911."), es(), {}).isEmpty());
}

// E-mail

TEST(IdentifyingDetails, EmailAddressesAreFoundWithoutTheFullStopAfterThem)
{
    EXPECT_EQ(covered(QStringLiteral("Her e-mail is rosa.m+safe@example.org."), Kind::EmailAddress, en()),
              QStringList{QStringLiteral("rosa.m+safe@example.org")});
    EXPECT_EQ(covered(QStringLiteral("Su correo: maría_lópez@correo.example.es, no lo use."), Kind::EmailAddress, es()),
              QStringList{QStringLiteral("maría_lópez@correo.example.es")});
}

TEST(IdentifyingDetails, HandlesAndAtSignsAreNotEmailAddresses)
{
    for (const QString &text : {QStringLiteral("meet @ 5 at the office"), QStringLiteral("she posted as @rosa"),
                                QStringLiteral("correo@ sin dominio"), QStringLiteral("write to us @home.")}) {
        EXPECT_TRUE(covered(text, Kind::EmailAddress, en()).isEmpty()) << qPrintable(text);
    }
}

// Street addresses

TEST(IdentifyingDetails, EnglishStreetAddressesAreFound)
{
    EXPECT_EQ(covered(QStringLiteral("she lives at 12 Elm Street with her mother"), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("12 Elm Street")});
    EXPECT_EQ(covered(QStringLiteral("He moved to 45 Oak Ave, apt 4B last month."), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("45 Oak Ave, apt 4B")});
    EXPECT_EQ(covered(QStringLiteral("the house at 123 5th Avenue"), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("123 5th Avenue")});
    EXPECT_EQ(covered(QStringLiteral("near 9 cherry st."), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("9 cherry st.")});
    EXPECT_EQ(covered(QStringLiteral("she is in apartment 4B now"), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("apartment 4B")});
    EXPECT_EQ(covered(QStringLiteral("works on Main Street downtown"), Kind::StreetAddress, en()),
              QStringList{QStringLiteral("Main Street")});
}

TEST(IdentifyingDetails, NumbersBeforeOrdinaryWordsAreNotAddresses)
{
    for (const QString &text :
         {QStringLiteral("she brought 12 items"), QStringLiteral("it is 3 blocks down the street"),
          QStringLiteral("a 10 minute drive from work"), QStringLiteral("the apartment was cold"),
          QStringLiteral("she has 2 family court dates"), QStringLiteral("a 2 way street"),
          QStringLiteral("he rents 2 apartments"), QStringLiteral("she saw 12 elm trees")}) {
        EXPECT_TRUE(covered(text, Kind::StreetAddress, en()).isEmpty()) << qPrintable(text);
    }
}

TEST(IdentifyingDetails, SpanishStreetAddressesAreFound)
{
    EXPECT_EQ(covered(QStringLiteral("Vive en la Calle Mayor 5 con su madre."), Kind::StreetAddress, es()),
              QStringList{QStringLiteral("Calle Mayor 5")});
    EXPECT_EQ(
        covered(QStringLiteral("su piso está en Av. de la Paz 12, 3º B, cerca del parque"), Kind::StreetAddress, es()),
        QStringList{QStringLiteral("Av. de la Paz 12, 3º B")});
    EXPECT_EQ(covered(QStringLiteral("dejó la casa de C/ Luna 3 ayer"), Kind::StreetAddress, es()),
              QStringList{QStringLiteral("C/ Luna 3")});
    EXPECT_EQ(covered(QStringLiteral("ahora está en el apto. 4 de su prima"), Kind::StreetAddress, es()),
              QStringList{QStringLiteral("apto. 4")});
    EXPECT_EQ(covered(QStringLiteral("en la Calle 45 #12-34 de Bogotá"), Kind::StreetAddress, es()),
              QStringList{QStringLiteral("Calle 45 #12-34")});
    EXPECT_EQ(covered(QStringLiteral("trabaja en la Avenida Reforma"), Kind::StreetAddress, es()),
              QStringList{QStringLiteral("Avenida Reforma")});
}

TEST(IdentifyingDetails, SpanishStreetWordsWithoutAnAddressAreNotAddresses)
{
    for (const QString &text : {QStringLiteral("estuvo en la calle 3 horas"), QStringLiteral("la calle está oscura"),
                                QStringLiteral("en el camino Rosa lloró"), QStringLiteral("esperó en la plaza 2 horas"),
                                QStringLiteral("tiene 12 cosas en el apartamento")}) {
        EXPECT_TRUE(covered(text, Kind::StreetAddress, es()).isEmpty()) << qPrintable(text);
    }
}

// Birth dates

TEST(IdentifyingDetails, DatesAfterBirthWordsAreFoundInEnglish)
{
    EXPECT_EQ(covered(QStringLiteral("she was born 3/14/1990 in the city"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("3/14/1990")});
    EXPECT_EQ(covered(QStringLiteral("DOB: 1990-03-14"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("1990-03-14")});
    EXPECT_EQ(covered(QStringLiteral("her birthday is March 14"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("March 14")});
    EXPECT_EQ(covered(QStringLiteral("DOB 3/14"), Kind::BirthDate, en()), QStringList{QStringLiteral("3/14")});
    // After "born" any year counts: a baby's date of birth identifies too.
    EXPECT_EQ(covered(QStringLiteral("the baby was born on 2/3/2025"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("2/3/2025")});
}

TEST(IdentifyingDetails, FullDatesWithABirthYearAreFoundWithoutABirthWord)
{
    EXPECT_EQ(covered(QStringLiteral("she mentioned March 14, 1990 twice"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("March 14, 1990")});
    EXPECT_EQ(covered(QStringLiteral("on the form: 14/03/1990"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("14/03/1990")});
    EXPECT_EQ(covered(QStringLiteral("the 14th of March 1990"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("14th of March 1990")});
    EXPECT_EQ(covered(QStringLiteral("and 3-14-90 on the card"), Kind::BirthDate, en()),
              QStringList{QStringLiteral("3-14-90")});
}

TEST(IdentifyingDetails, DatesOfBirthAreFoundInSpanish)
{
    EXPECT_EQ(covered(QStringLiteral("nació el 14 de marzo de 1990 en Puebla"), Kind::BirthDate, es()),
              QStringList{QStringLiteral("14 de marzo de 1990")});
    EXPECT_EQ(covered(QStringLiteral("fecha de nacimiento: 14/03/1990"), Kind::BirthDate, es()),
              QStringList{QStringLiteral("14/03/1990")});
    EXPECT_EQ(covered(QStringLiteral("su cumpleaños es el 14 de marzo"), Kind::BirthDate, es()),
              QStringList{QStringLiteral("14 de marzo")});
    EXPECT_EQ(covered(QStringLiteral("dijo 14 de marzo de 1990"), Kind::BirthDate, es()),
              QStringList{QStringLiteral("14 de marzo de 1990")});
}

TEST(IdentifyingDetails, RecentOrPartialDatesWithoutBirthWordsAreNotBirthDates)
{
    for (const QString &text : {QStringLiteral("the meeting on 3/14/2026"), QStringLiteral("court on 3/14 at 9"),
                                QStringLiteral("she left on March 14, 2024"), QStringLiteral("born in 1990, she says"),
                                QStringLiteral("la cita es el 14 de marzo de 2026"),
                                QStringLiteral("desde 1990 vive aquí"), QStringLiteral("router at 10.0.0.1"),
                                QStringLiteral("on 31/31/1990"), QStringLiteral("she may 5 times call")}) {
        EXPECT_TRUE(covered(text, Kind::BirthDate, en()).isEmpty()) << qPrintable(text);
        EXPECT_TRUE(covered(text, Kind::BirthDate, es()).isEmpty()) << qPrintable(text);
    }
}

// Personal names

TEST(IdentifyingDetails, CapitalisedWordInsideASentenceIsAName)
{
    const QString text = QStringLiteral("She said Marcus took her phone.");
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), {});
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_EQ(warnings.first().kind, Kind::PersonalName);
    EXPECT_EQ(text.mid(warnings.first().start, warnings.first().length), QStringLiteral("Marcus"));
    EXPECT_TRUE(warnings.first().why.contains(QStringLiteral("Marcus")));
    EXPECT_EQ(DraftChecks::applyFix(text, warnings.first()), QStringLiteral("She said [name] took her phone."));
}

TEST(IdentifyingDetails, CapitalAtTheStartOfASentenceIsNotAName)
{
    for (const QString &text :
         {QStringLiteral("Marcus"), QStringLiteral("She is safe. Tonight she stays in."),
          QStringLiteral("Is she safe? Yes. Plan made!\nTomorrow call back."), QStringLiteral("- Needs legal aid")}) {
        EXPECT_TRUE(covered(text, Kind::PersonalName, en()).isEmpty()) << qPrintable(text);
    }
}

TEST(IdentifyingDetails, ColonAfterAFieldLabelStartsASentenceButNotAfterSomeoneSpeaking)
{
    EXPECT_TRUE(covered(QStringLiteral("Next step: Call back tomorrow."), Kind::PersonalName, en()).isEmpty());
    EXPECT_TRUE(
        covered(QStringLiteral("Está a salvo. Próximo paso: Llamar mañana."), Kind::PersonalName, es()).isEmpty());
    EXPECT_EQ(covered(QStringLiteral("She told him: Marcus has the car."), Kind::PersonalName, en()),
              QStringList{QStringLiteral("Marcus")});
    EXPECT_EQ(covered(QStringLiteral("Ella dijo: Marcos tiene el coche."), Kind::PersonalName, es()),
              QStringList{QStringLiteral("Marcos")});
}

TEST(IdentifyingDetails, CommonCapitalisedWordsAreNotNames)
{
    for (const QString &text :
         {QStringLiteral("On Monday I said OK to the Hotline plan in March."),
          QStringLiteral("she speaks Spanish, is Mexican and moved from Mexico in June"),
          QStringLiteral("he took her phone and her WhatsApp, so she asked the Advocate and the Police"),
          QStringLiteral("she has a TRO, called CPS and goes to Family Court with Mom"),
          QStringLiteral("she said \"Help me\" twice"),
          QStringLiteral("she is from El Salvador and asked about the Crisis Text Line")}) {
        EXPECT_TRUE(covered(text, Kind::PersonalName, en()).isEmpty()) << qPrintable(text);
    }
    for (const QString &text : {QStringLiteral("le dije que Usted puede llamar el Lunes en Español"),
                                QStringLiteral("es Mexicana, vino de México y habló con la Policía"),
                                QStringLiteral("le di el número de la Línea Nacional y habló con la Lic. del DIF")}) {
        EXPECT_TRUE(covered(text, Kind::PersonalName, es()).isEmpty()) << qPrintable(text);
    }
}

TEST(IdentifyingDetails, NameInSpanishTextIsFound)
{
    EXPECT_EQ(covered(QStringLiteral("Hablé con Maria ayer por la tarde."), Kind::PersonalName, es()),
              QStringList{QStringLiteral("Maria")});
    EXPECT_EQ(covered(QStringLiteral("Su pareja, José Luis, le quitó el teléfono."), Kind::PersonalName, es()),
              QStringList{QStringLiteral("José Luis")});
}

TEST(IdentifyingDetails, KnownNameIsFoundInAnyCaseAndWithoutAccents)
{
    const QStringList rosa{QStringLiteral("Rosa")};
    EXPECT_EQ(covered(QStringLiteral("talked with rosa about a plan"), Kind::PersonalName, en(), rosa),
              QStringList{QStringLiteral("rosa")});
    EXPECT_EQ(covered(QStringLiteral("Rosa is safe tonight. ROSA will call."), Kind::PersonalName, en(), rosa),
              (QStringList{QStringLiteral("Rosa"), QStringLiteral("ROSA")}));
    const QStringList maria{QStringLiteral("María")};
    EXPECT_EQ(covered(QStringLiteral("Maria dijo que maría no puede hablar."), Kind::PersonalName, es(), maria),
              (QStringList{QStringLiteral("Maria"), QStringLiteral("maría")}));
    const QList<DraftChecks::Warning> warnings = details().check(QStringLiteral("talked with rosa"), en(), rosa);
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_TRUE(warnings.first().why.contains(QStringLiteral("rosa")));
}

TEST(IdentifyingDetails, KnownNameIsMatchedAsAWholeWordOnly)
{
    const QStringList ana{QStringLiteral("Ana")};
    EXPECT_TRUE(
        covered(QStringLiteral("she ate a banana with anabel's kids"), Kind::PersonalName, en(), ana).isEmpty());
    EXPECT_EQ(covered(QStringLiteral("she and ana's kids"), Kind::PersonalName, en(), ana),
              QStringList{QStringLiteral("ana")});
}

TEST(IdentifyingDetails, KnownNameOfSeveralWordsIsFoundWholeAndByItsParts)
{
    const QStringList known{QStringLiteral("Rosa María Martínez")};
    EXPECT_EQ(
        covered(QStringLiteral("rosa maria martinez called; later martínez said"), Kind::PersonalName, en(), known),
        (QStringList{QStringLiteral("rosa maria martinez"), QStringLiteral("martínez")}));
}

TEST(IdentifyingDetails, NeighbouringNamesGiveOneWarning)
{
    EXPECT_EQ(covered(QStringLiteral("she was with Juan de la Cruz today"), Kind::PersonalName, en()),
              QStringList{QStringLiteral("Juan de la Cruz")});
    EXPECT_EQ(covered(QStringLiteral("it was Mary-Jane and Juan M. López"), Kind::PersonalName, en()),
              (QStringList{QStringLiteral("Mary-Jane"), QStringLiteral("Juan M. López")}));
    EXPECT_EQ(covered(QStringLiteral("she talked to Mr. Smith"), Kind::PersonalName, en()),
              QStringList{QStringLiteral("Smith")});
    // The known first name at the start joins the surname after it.
    EXPECT_EQ(covered(QStringLiteral("Rosa Martínez llamó."), Kind::PersonalName, es(), {QStringLiteral("Rosa")}),
              QStringList{QStringLiteral("Rosa Martínez")});
}

// Across rules

TEST(IdentifyingDetails, EachCharacterIsCoveredByAtMostOneWarningTheMostSpecific)
{
    const QString text = QStringLiteral("Write to Rosa at rosa.lopez@example.org or 12 Rosa Street, born 3/14/1990.");
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), {QStringLiteral("Rosa")});
    ASSERT_EQ(warnings.size(), 4);
    EXPECT_EQ(warnings.at(0).kind, Kind::PersonalName);
    EXPECT_EQ(warnings.at(1).kind, Kind::EmailAddress);
    EXPECT_EQ(text.mid(warnings.at(1).start, warnings.at(1).length), QStringLiteral("rosa.lopez@example.org"));
    EXPECT_EQ(warnings.at(2).kind, Kind::StreetAddress);
    EXPECT_EQ(text.mid(warnings.at(2).start, warnings.at(2).length), QStringLiteral("12 Rosa Street"));
    EXPECT_EQ(warnings.at(3).kind, Kind::BirthDate);
    for (qsizetype i = 1; i < warnings.size(); ++i)
        EXPECT_LE(warnings.at(i - 1).start + warnings.at(i - 1).length, warnings.at(i).start);
}

TEST(IdentifyingDetails, NameRightAfterAnAddressIsStillWarned)
{
    const QString text = QStringLiteral("she lives at 12 Elm Street Rosa said");
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), {});
    ASSERT_EQ(warnings.size(), 2);
    EXPECT_EQ(text.mid(warnings.at(0).start, warnings.at(0).length), QStringLiteral("12 Elm Street"));
    EXPECT_EQ(warnings.at(1).kind, Kind::PersonalName);
    EXPECT_EQ(text.mid(warnings.at(1).start, warnings.at(1).length), QStringLiteral("Rosa"));
}

TEST(IdentifyingDetails, ApplyingEveryFixRemovesEveryDetail)
{
    const QString text = QStringLiteral(
        "Summary: talked with rosa; her ex Marcus Hill has her phone. She can be reached at (202) 555-0134 or "
        "rosa.h@example.org. Staying at 45 Oak Ave, apt 4B. DOB 3/14/1990.");
    const QStringList known{QStringLiteral("Rosa")};
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), known);
    ASSERT_EQ(warnings.size(), 6);
    const QString fixed = withAllFixes(text, warnings);
    EXPECT_EQ(fixed, QStringLiteral("Summary: talked with [name]; her ex [name] has her phone. She can be reached "
                                    "at [phone number] or [e-mail]. Staying at [address]. DOB [date]."));
    EXPECT_TRUE(details().check(fixed, en(), known).isEmpty());

    const QString spanish = QStringLiteral(
        "Habló con Maria. Vive en Calle Mayor 5, 3º B; su teléfono es +34 612 345 678 y nació el 14 de marzo de "
        "1990.");
    const QString spanishFixed = withAllFixes(spanish, details().check(spanish, es(), {}));
    EXPECT_EQ(spanishFixed, QStringLiteral("Habló con [name]. Vive en [address]; su teléfono es [phone number] y "
                                           "nació el [date]."));
}

TEST(IdentifyingDetails, OffsetsAreUtf16AfterEmojiAndAccents)
{
    const QString text = QStringLiteral(
        "💜🏳️‍🌈 Ñandú señaló: llame al 555-0134, escriba a ána@example.org; Jose\u0301 vive aquí.");
    const QList<DraftChecks::Warning> warnings = details().check(text, es(), {QStringLiteral("José")});
    ASSERT_EQ(warnings.size(), 3);
    EXPECT_EQ(warnings.at(0).kind, Kind::PhoneNumber);
    EXPECT_EQ(warnings.at(0).start, text.indexOf(QStringLiteral("555-0134")));
    EXPECT_EQ(warnings.at(0).length, 8);
    EXPECT_EQ(warnings.at(1).kind, Kind::EmailAddress);
    EXPECT_EQ(warnings.at(1).start, text.indexOf(QStringLiteral("ána@")));
    EXPECT_EQ(warnings.at(2).kind, Kind::PersonalName);
    EXPECT_EQ(text.mid(warnings.at(2).start, warnings.at(2).length), QStringLiteral("Jose\u0301"));
    EXPECT_EQ(
        withAllFixes(text, warnings),
        QStringLiteral(
            "💜🏳️‍🌈 Ñandú señaló: llame al [phone number], escriba a [e-mail]; [name] vive aquí."));
}

TEST(IdentifyingDetails, OrdinaryNotesHaveNoWarnings)
{
    EXPECT_TRUE(details()
                    .check(QStringLiteral("Caller is safe tonight and has a plan. I promised a call-back window "
                                          "tomorrow between 5 and 7. Next step: check in about the protective "
                                          "order and the 2 kids."),
                           en(), {QStringLiteral("Rosa")})
                    .isEmpty());
    EXPECT_TRUE(details()
                    .check(QStringLiteral("Está a salvo esta noche y tiene un plan. Le prometí llamar mañana entre "
                                          "las 5 y las 7. Siguiente paso: preguntar por la orden de protección."),
                           es(), {QStringLiteral("Rosa")})
                    .isEmpty());
    EXPECT_TRUE(details().check(QString(), en(), {}).isEmpty());
}

TEST(IdentifyingDetails, EveryWarningHasATranslatedReasonAndAPlaceholderFix)
{
    const QString text = QStringLiteral("her friend Dana, 555-0134, dana@example.org, 12 Elm Street, born 3/4/1990");
    const QList<DraftChecks::Warning> warnings = details().check(text, en(), {});
    ASSERT_EQ(warnings.size(), 5);
    for (const DraftChecks::Warning &warning : warnings) {
        EXPECT_FALSE(warning.why.isEmpty());
        EXPECT_TRUE(warning.hasFix());
        EXPECT_EQ(warning.fix.replacement, IdentifyingDetails::placeholder(warning.kind));
        EXPECT_TRUE(warning.fix.label.contains(warning.fix.replacement));
    }
    EXPECT_EQ(IdentifyingDetails::placeholder(Kind::EmailAddress), QStringLiteral("[e-mail]"));
    EXPECT_EQ(IdentifyingDetails::placeholder(Kind::StreetAddress), QStringLiteral("[address]"));
    EXPECT_EQ(IdentifyingDetails::placeholder(Kind::BirthDate), QStringLiteral("[date]"));
    EXPECT_TRUE(IdentifyingDetails::placeholder(Kind::Emoji).isEmpty());
}
