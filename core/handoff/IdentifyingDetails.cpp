// SPDX-License-Identifier: GPL-3.0-only
#include "IdentifyingDetails.h"

#include "handoff/IdentifyingDetailRules.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace advocate {

namespace {

using namespace identifying;

// Orders the rules, most specific first: where two cover the same text, the first gives the warning.
int rank(Kind kind)
{
    switch (kind) {
    case Kind::EmailAddress:
        return 0;
    case Kind::PhoneNumber:
        return 1;
    case Kind::BirthDate:
        return 2;
    case Kind::StreetAddress:
        return 3;
    case Kind::PersonalName:
        return 4;
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return 5;
}

QString why(const Candidate &candidate, const QString &text)
{
    switch (candidate.kind) {
    case Kind::PhoneNumber:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "A phone number leads straight to a person; leave it out of a note "
                                           "that others will read.");
    case Kind::EmailAddress:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "An e-mail address leads straight to a person; leave it out of a note "
                                           "that others will read.");
    case Kind::StreetAddress:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "An address can show where someone lives or can be found; leave it out "
                                           "of a note that others will read.");
    case Kind::BirthDate:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "A date of birth, with a few other details, is enough to identify "
                                           "someone; leave it out of a note that others will read.");
    case Kind::PersonalName:
        if (candidate.knownName) {
            return QCoreApplication::translate("IdentifyingDetails",
                                               "“%1” is a name from this conversation; a note that others will "
                                               "read does not need it.")
                .arg(text.mid(candidate.start, candidate.length()));
        }
        return QCoreApplication::translate("IdentifyingDetails",
                                           "“%1” looks like a person's name; a note that others will read does "
                                           "not need it.")
            .arg(text.mid(candidate.start, candidate.length()));
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return {};
}

} // namespace

IdentifyingDetails::IdentifyingDetails(QString defaultRegion, int currentYear)
    : m_defaultRegion(std::move(defaultRegion)), m_currentYear(currentYear)
{
}

QString IdentifyingDetails::placeholder(DraftChecks::Kind kind)
{
    switch (kind) {
    case Kind::PhoneNumber:
        return QCoreApplication::translate("IdentifyingDetails", "[phone number]");
    case Kind::EmailAddress:
        return QCoreApplication::translate("IdentifyingDetails", "[e-mail]");
    case Kind::StreetAddress:
        return QCoreApplication::translate("IdentifyingDetails", "[address]");
    case Kind::BirthDate:
        return QCoreApplication::translate("IdentifyingDetails", "[date]");
    case Kind::PersonalName:
        return QCoreApplication::translate("IdentifyingDetails", "[name]");
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return {};
}

QList<DraftChecks::Warning> IdentifyingDetails::check(const QString &text, const QString &language,
                                                      const QStringList &knownNames) const
{
    // Most specific rule first, then the longest span; a candidate over characters already taken is dropped.
    const auto keepFree = [](QList<Candidate> candidates, QList<Candidate> *kept) {
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
            if (rank(a.kind) != rank(b.kind))
                return rank(a.kind) < rank(b.kind);
            if (a.length() != b.length())
                return a.length() > b.length();
            return a.start < b.start;
        });
        for (const Candidate &candidate : std::as_const(candidates)) {
            const bool overlaps = std::any_of(kept->cbegin(), kept->cend(), [&](const Candidate &other) {
                return candidate.start < other.end && other.start < candidate.end;
            });
            if (candidate.length() > 0 && !overlaps)
                kept->append(candidate);
        }
    };

    QList<Candidate> found;
    findEmailAddresses(text, &found);
    findPhoneNumbers(text, m_defaultRegion, &found);
    findBirthDates(text, m_currentYear, &found);
    findStreetAddresses(text, &found);
    QList<Candidate> kept;
    keepFree(found, &kept);

    // Names last, and joined only after the words inside an address or an e-mail address are dropped, so that
    // "12 Elm Street Rosa" still warns about "Rosa".
    QList<Candidate> names;
    findKnownNames(text, knownNames, &names);
    findCapitalisedNames(text, language, &names);
    names.removeIf([&](const Candidate &name) {
        return std::any_of(kept.cbegin(), kept.cend(),
                           [&](const Candidate &other) { return name.start < other.end && other.start < name.end; });
    });
    keepFree(joinNeighbouringNames(text, names), &kept);
    std::sort(kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) { return a.start < b.start; });

    QList<DraftChecks::Warning> warnings;
    warnings.reserve(kept.size());
    for (const Candidate &candidate : std::as_const(kept)) {
        const QString replacement = placeholder(candidate.kind);
        warnings.append(
            {candidate.kind,
             candidate.start,
             candidate.length(),
             why(candidate, text),
             {QCoreApplication::translate("IdentifyingDetails", "Replace with “%1”").arg(replacement), replacement}});
    }
    return warnings;
}

} // namespace advocate
