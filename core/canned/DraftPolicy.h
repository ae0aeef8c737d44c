// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedIssue.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace advocate {

// The program's switches for the draft checks (requirement WS8) and the notice reminder, read from the
// "policy" object of the canned-response library (docs/canned-responses.md). Missing values keep the defaults.
struct DraftPolicy
{
    struct SlangTerm
    {
        QString term;      // matched as a whole word, case-insensitive
        QString expansion; // the fix; empty when there is no safe replacement (the warning then only explains)

        bool operator==(const SlangTerm &) const = default;
    };

    bool emojiCheck = true;
    bool slangCheck = true;
    bool shoutingCheck = true;
    bool unchangedCannedCheck = true;

    // Per primary language ("en", "es"). A draft in a language without a list is checked against every list.
    QMap<QString, QList<SlangTerm>> slang = defaultSlang();
    // Upper-case words that are not shouting (and are never lower-cased by the fix).
    QStringList acronyms = defaultAcronyms();
    int shoutingMinLetters = 12;
    int shoutingUpperPercent = 70;
    int longCannedMinChars = 200;
    int noticeReminderMinutes = 10;

    static QMap<QString, QList<SlangTerm>> defaultSlang();
    static QStringList defaultAcronyms();

    // Reads the "policy" object; a bad value is reported (field "policy.…") and its default kept.
    static DraftPolicy fromJson(const QJsonObject &policy, QList<CannedIssue> *issues);
};

} // namespace advocate
