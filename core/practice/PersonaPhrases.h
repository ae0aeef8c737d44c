// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>
#include <QStringList>

namespace advocate {

// How a persona recognizes what the advocate did from the text of one message (docs/practice.md, "How branches
// recognize what the advocate did"): per-language phrase lists, matched case- and accent-insensitively anywhere in
// the message. They match the default canned library's safety checks and notice (resources/canned/
// default-library.json, both languages) and common free-text wordings. English phrases also count in a Spanish
// chat (advocates mix), never the other way round.
class PersonaPhrases
{
public:
    static bool isSafetyCheck(const QString &message, const QString &language);
    static bool isNotice(const QString &message, const QString &language);
    // Any of `keywords` in the message, case- and accent-insensitive, at the start of a word.
    static bool containsKeyword(const QString &message, const QStringList &keywords);

    static QStringList safetyCheckPhrases(const QString &language);
    static QStringList noticePhrases(const QString &language);
};

} // namespace advocate
