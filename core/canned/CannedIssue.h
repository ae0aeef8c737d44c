// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace advocate {

// One problem found while loading a canned-response library, as a value. The entry is named by its id when it
// has a usable one, else by its 1-based position ("#3"); the field by its JSON path inside the entry
// ("text.es", "category") or, for the file and the policy, from the top ("policy.slang.en[2]").
struct CannedIssue
{
    enum class Severity {
        Error,   // the entry (or the policy value) was not taken; everything else was
        Warning, // taken, but something in it will not work as written (e.g. an unknown placeholder)
    };

    Severity severity = Severity::Error;
    QString entry; // empty for problems of the file or the policy
    QString field;
    QString message; // one human sentence, translated, naming entry and field

    bool isError() const { return severity == Severity::Error; }
    // Whether any of `issues` is an error (something was left out), not only warnings.
    static bool anyError(const QList<CannedIssue> &issues)
    {
        return std::any_of(issues.cbegin(), issues.cend(), [](const CannedIssue &issue) { return issue.isError(); });
    }
};

} // namespace advocate
