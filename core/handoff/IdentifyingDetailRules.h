// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/DraftChecks.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// The rules of IdentifyingDetails (its header describes each), one family of details per file: contact details
// (ContactDetailRules.cpp: e-mail addresses, and phone numbers through libphonenumber), birth dates
// (BirthDateRule.cpp), street addresses (StreetAddressRule.cpp) and personal names (PersonalNameRule.cpp). Each
// finder appends what it finds to `found`, overlaps and all; IdentifyingDetails::check() ranks them and keeps what
// does not overlap. Internal to advocate_handoff.
namespace advocate::identifying {

using Kind = DraftChecks::Kind;

// One detail found by one rule, before IdentifyingDetails::check() resolves overlaps.
struct Candidate
{
    Kind kind = Kind::PersonalName;
    qsizetype start = 0;
    qsizetype end = 0;
    bool knownName = false;

    qsizetype length() const { return end - start; }
};

// A case-insensitive (unless told otherwise) regular expression with Unicode properties.
QRegularExpression pattern(const QString &source, bool caseInsensitive = true);

// The code point that starts at text[i] and how many UTF-16 units it takes; a lone surrogate stands for itself.
char32_t codePointAt(const QString &text, qsizetype i, qsizetype *units);

void findEmailAddresses(const QString &text, QList<Candidate> *found);
// `region`: ISO 3166 region for numbers written without a country code.
void findPhoneNumbers(const QString &text, const QString &region, QList<Candidate> *found);
// `currentYear`: the year the birth-year range counts back from.
void findBirthDates(const QString &text, int currentYear, QList<Candidate> *found);
void findStreetAddresses(const QString &text, QList<Candidate> *found);
// Each name of `knownNames` (and each word of a name of several words), ignoring case and accents.
void findKnownNames(const QString &text, const QStringList &knownNames, QList<Candidate> *found);
// Capitalised words that start no sentence and are not on `language`'s list of capitalised non-names.
void findCapitalisedNames(const QString &text, const QString &language, QList<Candidate> *found);
// Neighbouring names as one: "Rosa Martínez", "Juan de la Cruz", "Mary-Jane".
QList<Candidate> joinNeighbouringNames(const QString &text, QList<Candidate> names);

} // namespace advocate::identifying
