// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/DraftChecks.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace advocate {

// Finds identifying details in a handoff note or a shift log as the advocate types (requirements WS12, WS13):
// the next advocate needs what happened and what was promised, not who the survivor is or where they live.
// Advice only, like the composer's draft checks: nothing here blocks. Each warning carries UTF-16 offsets into
// the text, one translated sentence saying why, and a fix that replaces the span with a neutral translated
// placeholder ("[phone number]", "[e-mail]", "[address]", "[date]", "[name]"), applied with
// DraftChecks::applyFix().
//
// The rules, most specific first; where two would cover the same text only the first gives a warning:
//
// 1. E-mail address (Kind::EmailAddress): local part, "@", a domain with at least one dot, ending in a
//    top-level domain of two or more letters. "@rosa" or "5 @ 3pm" are not addresses.
//
// 2. Phone number (Kind::PhoneNumber): libphonenumber's PhoneNumberMatcher at leniency POSSIBLE, with the
//    program's default region (the constructor's argument, "US" unless set) for numbers written without a
//    country code; numbers with "+" and a country code are found whatever the region. POSSIBLE rather than
//    VALID so that a local number without its area code ("call 555-0134") is found too. Not warned:
//    - anything with fewer than 7 digits (ages, times, counts, 911, 741741);
//    - toll-free numbers (for the US 800, 888, …): they are services such as a hotline, not a person.
//    Dates such as 3/14/1990 are excluded by libphonenumber itself.
//
// 3. Birth date (Kind::BirthDate): a date written as 3/14/1990, 14/03/1990, 14.03.1990, 3-14-90, 1990-03-14,
//    "March 14, 1990", "14 March 1990", "14th of March 1990" or "14 de marzo de 1990" (English and Spanish month
//    names and their short forms, in any text), when
//    - its year lies between 1900 and the current year minus 5 (nobody in a note was born last month, but a
//      meeting or a court date often is that recent), or
//    - it comes right after "born", "DOB", "date of birth", "birthday", "nació/nacida/nacido", "fecha de
//      nacimiento" or "cumpleaños" (with "on", "is", "el", ":" and the like between), whatever the year;
//      there a day and month without a year count too ("born March 14", "DOB 3/14").
//    Two-digit years are read as the most recent such year not after the current one. A day or month out of
//    range is not a date. A year alone ("born in 1990") is not warned: an age is not identifying on its own.
//
// 4. Street address (Kind::StreetAddress), English and Spanish forms in any text:
//    - a house number, one to three name words and a street type (and a direction such as "NW"):
//      "123 Main Street", "45 Oak Ave", "12 elm st."; words such as "the", "on", "hour", "mile", "block" cannot be part
//      of the name, so "3 blocks down the street" and "a 10 minute drive" are not addresses;
//    - a capitalised street name with a capitalised street type and no number: "Main Street", "Elm Avenue";
//    - a Spanish street type, a capitalised name (with "de", "del", "la", …) or a number, then a house number:
//      "Calle Mayor 5", "Av. de la Paz 12", "C/ Luna 3", "Calle 45 #12-34"; with no house number only when
//      the type is capitalised too ("la Avenida Reforma");
//    - each of these with what follows it of floor, door or apartment: ", 3º B", ", piso 2", ", apt 4B";
//    - an apartment on its own: "apartment 4B", "apt. 4", "suite 200", "apto. 4", "depto 3B".
//    A number before words without a street type ("12 items", "12 Elm trees") is not an address.
//
// 5. Personal name (Kind::PersonalName):
//    - every name in `knownNames` (e.g. the survivor's chosen name), and each word of a name of several
//      words, as whole words, ignoring case and accents: "Rosa" finds "rosa" and "ROSA", "María" finds
//      "Maria". A known name is warned even where the same word means something else ("rosa" is also pink);
//    - a capitalised word (a capital, then at least one small letter) that does not start a sentence and is
//      not on the `language`'s word list of capitalised non-names (the pronoun "I", days and months,
//      languages, nationalities and a few countries, the program's own words such as "Advocate",
//      "Hotline", "OK", services such as "Police" or "Family Court", apps such as "WhatsApp", titles such as
//      "Mr" or "Sra", the articles of place names ("El Salvador"), and in Spanish "Usted", "Ud." …; English
//      and Spanish lists, both for other languages).
//      A sentence starts at the beginning of the text or of a line, after ".", "!", "?" or "…" (but not
//      after a title such as "Mr." or "Dra." or an initial), after an opening quote, and after the colon of a
//      field label of up to three words that starts a line or sentence and not with a pronoun ("Next step:
//      Call back", but not "She told him: Marcus …"). Words in all capitals are
//      acronyms, not names. Cities and other places are not listed, so "Denver" is warned as a name: a place
//      can narrow down who someone is too. A name at the very start of a sentence is found only if known.
//    Neighbouring names ("Rosa Martínez", "Juan de la Cruz", "Mary-Jane") give one warning.
class IdentifyingDetails
{
public:
    // `defaultRegion`: ISO 3166 region for phone numbers written without a country code ("US", "ES", "MX").
    // `currentYear`: the year the birth-date rule counts back from (the tests fix it).
    explicit IdentifyingDetails(QString defaultRegion = QStringLiteral("US"),
                                int currentYear = QDate::currentDate().year());

    // The warnings for `text`, ordered by position, never two over the same characters. `language` is the
    // text's language tag ("en", "es", "es-MX"; it picks the word list of rule 5).
    QList<DraftChecks::Warning> check(const QString &text, const QString &language,
                                      const QStringList &knownNames = {}) const;

    // The translated placeholder a fix of this kind puts in place of the detail, e.g. "[phone number]".
    static QString placeholder(DraftChecks::Kind kind);

    const QString &defaultRegion() const { return m_defaultRegion; }
    int currentYear() const { return m_currentYear; }

private:
    QString m_defaultRegion;
    int m_currentYear = 0;
};

} // namespace advocate
