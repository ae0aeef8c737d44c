// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedIssue.h"
#include "canned/CannedResponse.h"
#include "canned/DraftPolicy.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace advocate {

// The canned-response library of requirement WS9 and docs/canned-responses.md: the program's managed file plus
// the advocate's personal entries for the shift. Loading never fails as a whole for a bad entry: every valid
// entry is kept and each problem comes back as a CannedIssue naming the entry and the field.
class CannedLibrary
{
public:
    struct Variant
    {
        QString language; // the language actually used
        QString title;
        QString text;
        bool fallback = false; // true when the asked-for language had no variant
    };

    // Loads the managed file's content. `source` names the file in messages.
    static CannedLibrary fromJson(const QByteArray &json, const QString &source);
    static CannedLibrary fromFile(const QString &path);
    // The library shipped with the workstation (resources/canned/default-library.json, embedded).
    static CannedLibrary shippedDefault();
    static QString shippedDefaultPath();

    const QList<CannedResponse> &entries() const { return m_entries; }
    const QList<CannedIssue> &issues() const { return m_issues; }
    bool hasErrors() const;
    const DraftPolicy &policy() const { return m_policy; }
    QString defaultLanguage() const { return m_defaultLanguage; }
    const CannedResponse *find(const QString &id) const;

    // Personal entries (validated like the file's; an id must not clash). Returns the problems; empty = added.
    QList<CannedIssue> addPersonal(const QJsonObject &entry);
    // The personal entries as JSON for the shift cache, in the file's entry format.
    QByteArray personalEntriesJson() const;
    void removePersonal(const QString &id);

    // Search by shortcut, title and text, case- and accent-insensitive; every word of the query must match, in a
    // title anywhere, in a text at the start of a word ("plan" finds "planning", "lan" does not). Ranked: shortcut
    // prefix, then title, then text; library order within a rank. A leading '/' is ignored.
    QList<const CannedResponse *> search(const QString &query, int limit = 50) const;

    // The variant for a conversation language: exact tag ("es-MX"), its primary language ("es"), the library's
    // defaultLanguage, then the first language the entry has.
    Variant variant(const CannedResponse &entry, const QString &language) const;

    // Folds case and accents for matching ("Más" → "mas").
    static QString fold(QStringView text);

private:
    struct Folded
    {
        QString shortcut;
        QString titles;
        std::vector<QString> textWords; // sorted, unique: texts match at the start of a word
    };

    std::optional<CannedResponse> parseEntry(const QJsonValue &value, qsizetype index, CannedOrigin origin,
                                             QList<CannedIssue> *issues) const;
    void append(const CannedResponse &entry);

    QList<CannedResponse> m_entries;
    QList<Folded> m_folded;
    QList<CannedIssue> m_issues;
    DraftPolicy m_policy;
    QString m_defaultLanguage = QStringLiteral("en");
};

} // namespace advocate
