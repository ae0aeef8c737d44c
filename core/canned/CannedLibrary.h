// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedIssue.h"
#include "canned/CannedResponse.h"
#include "canned/DraftPolicy.h"

#include <QByteArray>
#include <QHash>
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

    // Where the workstation's library came from (loadForWorkstation).
    enum class Source {
        Managed,                  // the program's file at the managed path
        ShippedDefault,           // no program file is deployed
        ShippedDefaultAfterError, // the program's file is deployed but could not be used as a whole; see issues()
    };

    // Loads the managed file's content. `source` names the file in messages.
    static CannedLibrary fromJson(const QByteArray &json, const QString &source);
    static CannedLibrary fromFile(const QString &path);
    // The library shipped with the workstation (resources/canned/default-library.json, embedded).
    static CannedLibrary shippedDefault();
    static QString shippedDefaultPath();
    // The workstation's library: the file at `managedPath` when it exists and its entries list could be read
    // (bad entries are left out and reported), else the shipped default. A file that exists but cannot be used
    // as a whole falls back to the shipped default and keeps the file's problems in issues(), so the advocate
    // sees them and still has a working library.
    static CannedLibrary loadForWorkstation(const QString &managedPath);
    Source source() const { return m_source; }
    QString sourcePath() const { return m_sourcePath; }

    const QList<CannedResponse> &entries() const { return m_entries; }
    const QList<CannedIssue> &issues() const { return m_issues; }
    bool hasErrors() const;
    const DraftPolicy &policy() const { return m_policy; }
    // The policy with IT's managed switches applied over the file's (WorkstationSettings::applyTo).
    void setPolicy(const DraftPolicy &policy) { m_policy = policy; }
    QString defaultLanguage() const { return m_defaultLanguage; }
    // The program's values for {program}, {hotline_phone} and {hours} (the file's "program" object) in a
    // conversation language, with the same fallback as variant(). {advocate} is the caller's to add.
    QHash<QString, QString> programValues(const QString &language) const;
    const CannedResponse *find(const QString &id) const;

    // Personal entries (validated like the file's; an id must not clash). Returns the problems; empty = added.
    QList<CannedIssue> addPersonal(const QJsonObject &entry);
    // The personal entries as JSON for the shift cache, in the file's entry format.
    QByteArray personalEntriesJson() const;
    // One personal entry as a JSON object (compact), or empty when `id` is not a personal entry.
    QByteArray personalEntryJson(const QString &id) const;
    // An entry in the file's entry format.
    static QJsonObject toJson(const CannedResponse &entry);
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

    void readProgram(const QJsonValue &program);

    QList<CannedResponse> m_entries;
    // Placeholder name → language tag → value; the key "" holds a value given for every language.
    QHash<QString, QMap<QString, QString>> m_program;
    Source m_source = Source::Managed;
    QString m_sourcePath;
    QList<Folded> m_folded;
    QList<CannedIssue> m_issues;
    DraftPolicy m_policy;
    QString m_defaultLanguage = QStringLiteral("en");
};

} // namespace advocate
