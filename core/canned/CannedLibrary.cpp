// SPDX-License-Identifier: GPL-3.0-only
#include "CannedLibrary.h"

#include "canned/Placeholders.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace advocate {

namespace {

constexpr int supportedVersion = 1;
constexpr qsizetype maxTextChars = 4000; // a message body's limit (docs/protocol.md)

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[a-z0-9][a-z0-9._-]{0,63}$)"));
    return pattern;
}

const QRegularExpression &shortcutPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[a-z0-9][a-z0-9_-]{0,23}$)"));
    return pattern;
}

const QRegularExpression &languagePattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$)"));
    return pattern;
}

CannedIssue fileIssue(const QString &field, const QString &message)
{
    return {CannedIssue::Severity::Error, QString(), field, message};
}

CannedIssue entryIssue(CannedIssue::Severity severity, const QString &entry, const QString &field, const QString &why)
{
    const QString message =
        severity == CannedIssue::Severity::Error
            ? QCoreApplication::translate("CannedLibrary", "Entry %1, field “%2”: %3 The entry was left out.")
                  .arg(entry, field, why)
            : QCoreApplication::translate("CannedLibrary", "Entry %1, field “%2”: %3").arg(entry, field, why);
    return {severity, entry, field, message};
}

// A per-language object of non-empty strings ("title", "text"). A plain string is taken as the default language.
bool readLanguageMap(const QJsonObject &object, const QString &key, const QString &defaultLanguage,
                     const QString &entryName, QMap<QString, QString> *out, QList<CannedIssue> *issues)
{
    const QJsonValue value = object.value(key);
    if (value.isString() && !value.toString().trimmed().isEmpty()) {
        out->insert(defaultLanguage, value.toString().trimmed());
        return true;
    }
    if (!value.isObject() || value.toObject().isEmpty()) {
        issues->append(entryIssue(
            CannedIssue::Severity::Error, entryName, key,
            value.isUndefined()
                ? QCoreApplication::translate("CannedLibrary", "is missing.")
                : QCoreApplication::translate("CannedLibrary", "must be an object with one text per language.")));
        return false;
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString field = key + u'.' + it.key();
        if (!languagePattern().match(it.key()).hasMatch()) {
            issues->append(entryIssue(
                CannedIssue::Severity::Error, entryName, field,
                QCoreApplication::translate("CannedLibrary", "is not a language tag (such as “en” or “es”).")));
            return false;
        }
        const QString text = it.value().toString().trimmed();
        if (!it.value().isString() || text.isEmpty()) {
            issues->append(entryIssue(CannedIssue::Severity::Error, entryName, field,
                                      QCoreApplication::translate("CannedLibrary", "must be a non-empty text.")));
            return false;
        }
        if (text.size() > maxTextChars) {
            issues->append(entryIssue(
                CannedIssue::Severity::Error, entryName, field,
                QCoreApplication::translate("CannedLibrary", "is longer than a message may be (%1 characters).")
                    .arg(maxTextChars)));
            return false;
        }
        out->insert(it.key(), text);
    }
    return true;
}

// Runs of letters and digits, the unit both of the text index and of the query.
QStringList queryWords(const QString &folded)
{
    QStringList words;
    qsizetype i = 0;
    while (i < folded.size()) {
        if (!folded.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < folded.size() && folded.at(i).isLetterOrNumber())
            ++i;
        words.append(folded.mid(start, i - start));
    }
    return words;
}

bool hasWordStartingWith(const std::vector<QString> &sorted, const QString &prefix)
{
    const auto it = std::lower_bound(sorted.cbegin(), sorted.cend(), prefix);
    return it != sorted.cend() && it->startsWith(prefix);
}

QString primaryLanguage(const QString &tag)
{
    return tag.section(u'-', 0, 0).toLower();
}

} // namespace

QString CannedLibrary::fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        folded.append(c.toCaseFolded());
    }
    return folded;
}

CannedLibrary CannedLibrary::fromJson(const QByteArray &json, const QString &source)
{
    CannedLibrary library;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        library.m_issues.append(fileIssue(
            QString(), QCoreApplication::translate("CannedLibrary",
                                                   "The canned-response library %1 is not valid JSON (%2 at byte %3); "
                                                   "no program entries were loaded.")
                           .arg(source, parseError.errorString())
                           .arg(parseError.offset)));
        return library;
    }
    if (!document.isObject()) {
        library.m_issues.append(
            fileIssue(QString(), QCoreApplication::translate("CannedLibrary",
                                                             "The canned-response library %1 must be a JSON object; "
                                                             "no program entries were loaded.")
                                     .arg(source)));
        return library;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.toInt(-1) != supportedVersion) {
        library.m_issues.append(fileIssue(
            QStringLiteral("version"),
            QCoreApplication::translate("CannedLibrary",
                                        "The canned-response library %1 has format version “%2”; this workstation "
                                        "reads version %3. No program entries were loaded.")
                .arg(source, version.isDouble() ? QString::number(version.toDouble()) : version.toVariant().toString())
                .arg(supportedVersion)));
        return library;
    }
    if (root.contains(QStringLiteral("defaultLanguage"))) {
        const QString language = root.value(QStringLiteral("defaultLanguage")).toString();
        if (languagePattern().match(language).hasMatch())
            library.m_defaultLanguage = language;
        else
            library.m_issues.append(fileIssue(
                QStringLiteral("defaultLanguage"),
                QCoreApplication::translate("CannedLibrary",
                                            "Field “defaultLanguage” is not a language tag; “en” is used instead.")));
    }
    if (root.contains(QStringLiteral("policy"))) {
        if (root.value(QStringLiteral("policy")).isObject())
            library.m_policy =
                DraftPolicy::fromJson(root.value(QStringLiteral("policy")).toObject(), &library.m_issues);
        else
            library.m_issues.append(
                fileIssue(QStringLiteral("policy"),
                          QCoreApplication::translate("CannedLibrary",
                                                      "Field “policy” must be an object; the defaults are used.")));
    }
    if (root.contains(QStringLiteral("program")))
        library.readProgram(root.value(QStringLiteral("program")));
    const QJsonValue entries = root.value(QStringLiteral("entries"));
    if (!entries.isArray()) {
        library.m_issues.append(
            fileIssue(QStringLiteral("entries"),
                      QCoreApplication::translate("CannedLibrary",
                                                  "The canned-response library %1 has no “entries” list; no program "
                                                  "entries were loaded.")
                          .arg(source)));
        return library;
    }
    const QJsonArray array = entries.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (std::optional<CannedResponse> entry =
                library.parseEntry(array.at(i), i, CannedOrigin::Program, &library.m_issues))
            library.append(*entry);
    }
    return library;
}

CannedLibrary CannedLibrary::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CannedLibrary library;
        library.m_issues.append(
            fileIssue(QString(), QCoreApplication::translate("CannedLibrary",
                                                             "The canned-response library %1 cannot be read (%2); "
                                                             "no program entries were loaded.")
                                     .arg(path, file.errorString())));
        return library;
    }
    return fromJson(file.readAll(), path);
}

QString CannedLibrary::shippedDefaultPath()
{
    return QStringLiteral(":/canned/default-library.json");
}

CannedLibrary CannedLibrary::shippedDefault()
{
    return fromFile(shippedDefaultPath());
}

CannedLibrary CannedLibrary::loadForWorkstation(const QString &managedPath)
{
    if (managedPath.isEmpty() || !QFileInfo::exists(managedPath)) {
        CannedLibrary library = shippedDefault();
        library.m_source = Source::ShippedDefault;
        library.m_sourcePath = shippedDefaultPath();
        return library;
    }
    CannedLibrary managed = fromFile(managedPath);
    managed.m_sourcePath = managedPath;
    // A file-level problem (unreadable, not JSON, another version, no entries list) is an error without an entry.
    const bool unusable = std::any_of(managed.m_issues.cbegin(), managed.m_issues.cend(), [](const CannedIssue &issue) {
        return issue.isError() && issue.entry.isEmpty() &&
               (issue.field.isEmpty() || issue.field == u"version" || issue.field == u"entries");
    });
    if (!unusable) {
        managed.m_source = Source::Managed;
        return managed;
    }
    CannedLibrary fallback = shippedDefault();
    fallback.m_source = Source::ShippedDefaultAfterError;
    fallback.m_sourcePath = managedPath;
    fallback.m_issues = managed.m_issues + fallback.m_issues;
    return fallback;
}

void CannedLibrary::readProgram(const QJsonValue &program)
{
    if (!program.isObject()) {
        m_issues.append(fileIssue(
            QStringLiteral("program"),
            QCoreApplication::translate("CannedLibrary", "Field “program” must be an object; the placeholders "
                                                         "{program}, {hotline_phone} and {hours} stay unfilled.")));
        return;
    }
    const QJsonObject object = program.toObject();
    // JSON key → placeholder name.
    const std::array<std::pair<QString, QString>, 3> keys{
        {{QStringLiteral("name"), QStringLiteral("program")},
         {QStringLiteral("hotline_phone"), QStringLiteral("hotline_phone")},
         {QStringLiteral("hours"), QStringLiteral("hours")}}};
    for (const auto &[key, placeholder] : keys) {
        if (!object.contains(key))
            continue;
        const QJsonValue value = object.value(key);
        const QString field = QStringLiteral("program.") + key;
        QMap<QString, QString> values;
        bool valid = true;
        if (value.isString()) {
            values.insert(QString(), value.toString().trimmed());
        } else if (value.isObject()) {
            const QJsonObject perLanguage = value.toObject();
            for (auto it = perLanguage.constBegin(); it != perLanguage.constEnd() && valid; ++it) {
                valid = languagePattern().match(it.key()).hasMatch() && it.value().isString();
                values.insert(it.key(), it.value().toString().trimmed());
            }
        } else {
            valid = false;
        }
        if (!valid) {
            m_issues.append(fileIssue(field, QCoreApplication::translate("CannedLibrary",
                                                                         "Field “%1” must be a text or an object of "
                                                                         "one text per language; {%2} stays unfilled.")
                                                 .arg(field, placeholder)));
            continue;
        }
        m_program.insert(placeholder, values);
    }
}

QHash<QString, QString> CannedLibrary::programValues(const QString &language) const
{
    QHash<QString, QString> values;
    const QStringList order{language, primaryLanguage(language), QString(), m_defaultLanguage,
                            primaryLanguage(m_defaultLanguage)};
    for (auto it = m_program.constBegin(); it != m_program.constEnd(); ++it) {
        const QMap<QString, QString> &perLanguage = it.value();
        QString value;
        for (const QString &candidate : order) {
            value = perLanguage.value(candidate);
            if (!value.isEmpty())
                break;
        }
        if (value.isEmpty() && !perLanguage.isEmpty())
            value = perLanguage.first();
        if (!value.isEmpty())
            values.insert(it.key(), value);
    }
    return values;
}

bool CannedLibrary::hasErrors() const
{
    return CannedIssue::anyError(m_issues);
}

const CannedResponse *CannedLibrary::find(const QString &id) const
{
    for (const CannedResponse &entry : m_entries) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

std::optional<CannedResponse> CannedLibrary::parseEntry(const QJsonValue &value, qsizetype index, CannedOrigin origin,
                                                        QList<CannedIssue> *issues) const
{
    const QString position = QStringLiteral("#%1").arg(index + 1);
    if (!value.isObject()) {
        issues->append(entryIssue(CannedIssue::Severity::Error, position, QString(),
                                  QCoreApplication::translate("CannedLibrary", "is not a JSON object.")));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    CannedResponse entry;
    entry.origin = origin;

    const QJsonValue id = object.value(QStringLiteral("id"));
    if (!id.isString() || !idPattern().match(id.toString()).hasMatch()) {
        issues->append(entryIssue(
            CannedIssue::Severity::Error, position, QStringLiteral("id"),
            id.isUndefined() ? QCoreApplication::translate("CannedLibrary", "is missing.")
                             : QCoreApplication::translate("CannedLibrary",
                                                           "must be lower-case letters, digits, '.', '_' or '-' (at "
                                                           "most 64).")));
        return std::nullopt;
    }
    entry.id = id.toString();
    const QString name = QStringLiteral("“%1”").arg(entry.id);
    if (find(entry.id) != nullptr) {
        issues->append(entryIssue(CannedIssue::Severity::Error, name, QStringLiteral("id"),
                                  QCoreApplication::translate("CannedLibrary", "is already used by another entry.")));
        return std::nullopt;
    }

    const QJsonValue category = object.value(QStringLiteral("category"));
    const std::optional<CannedCategory> parsedCategory = cannedCategoryFromName(category.toString());
    if (!parsedCategory) {
        QStringList names;
        for (const CannedCategory known : allCannedCategories())
            names.append(cannedCategoryName(known));
        issues->append(entryIssue(CannedIssue::Severity::Error, name, QStringLiteral("category"),
                                  category.isUndefined()
                                      ? QCoreApplication::translate("CannedLibrary", "is missing.")
                                      : QCoreApplication::translate("CannedLibrary", "must be one of: %1.")
                                            .arg(names.join(QStringLiteral(", ")))));
        return std::nullopt;
    }
    entry.category = *parsedCategory;

    if (object.contains(QStringLiteral("shortcut"))) {
        const QJsonValue shortcut = object.value(QStringLiteral("shortcut"));
        if (!shortcut.isString() || !shortcutPattern().match(shortcut.toString()).hasMatch()) {
            issues->append(entryIssue(CannedIssue::Severity::Error, name, QStringLiteral("shortcut"),
                                      QCoreApplication::translate("CannedLibrary",
                                                                  "must be one word of lower-case letters, digits, "
                                                                  "'_' or '-' (at most 24).")));
            return std::nullopt;
        }
        entry.shortcut = shortcut.toString();
        for (const CannedResponse &other : m_entries) {
            if (other.shortcut == entry.shortcut) {
                issues->append(entryIssue(
                    CannedIssue::Severity::Error, name, QStringLiteral("shortcut"),
                    QCoreApplication::translate("CannedLibrary", "is already used by entry “%1”.").arg(other.id)));
                return std::nullopt;
            }
        }
    }

    if (!readLanguageMap(object, QStringLiteral("title"), m_defaultLanguage, name, &entry.titles, issues) ||
        !readLanguageMap(object, QStringLiteral("text"), m_defaultLanguage, name, &entry.texts, issues))
        return std::nullopt;

    if (object.contains(QStringLiteral("flags"))) {
        const QJsonValue flags = object.value(QStringLiteral("flags"));
        if (!flags.isArray()) {
            issues->append(entryIssue(CannedIssue::Severity::Error, name, QStringLiteral("flags"),
                                      QCoreApplication::translate("CannedLibrary", "must be a list of flag names.")));
            return std::nullopt;
        }
        const QJsonArray array = flags.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::optional<CannedFlag> flag = cannedFlagFromName(array.at(i).toString());
            if (!flag) {
                // Unknown flags are left out rather than the entry, so a newer file still works here.
                issues->append(entryIssue(CannedIssue::Severity::Warning, name, QStringLiteral("flags[%1]").arg(i),
                                          QCoreApplication::translate("CannedLibrary",
                                                                      "is not a flag this workstation knows; it is "
                                                                      "ignored.")));
                continue;
            }
            if (!entry.flags.contains(*flag))
                entry.flags.append(*flag);
        }
    }

    const QStringList known = Placeholders::knownNames();
    for (auto it = entry.texts.constBegin(); it != entry.texts.constEnd(); ++it) {
        const QStringList names = Placeholders::namesIn(it.value());
        for (const QString &placeholder : names) {
            if (!known.contains(placeholder))
                issues->append(entryIssue(CannedIssue::Severity::Warning, name, QStringLiteral("text.") + it.key(),
                                          QCoreApplication::translate("CannedLibrary",
                                                                      "uses the unknown placeholder {%1}; it will be "
                                                                      "left in the text for the advocate to replace.")
                                              .arg(placeholder)));
        }
    }
    return entry;
}

void CannedLibrary::append(const CannedResponse &entry)
{
    Folded folded;
    folded.shortcut = fold(entry.shortcut);
    folded.titles = fold(QStringList(entry.titles.values()).join(u'\n'));
    const QString texts = fold(QStringList(entry.texts.values()).join(u'\n'));
    for (const QString &word : queryWords(texts))
        folded.textWords.push_back(word);
    std::sort(folded.textWords.begin(), folded.textWords.end());
    folded.textWords.erase(std::unique(folded.textWords.begin(), folded.textWords.end()), folded.textWords.end());
    m_entries.append(entry);
    m_folded.append(folded);
}

QList<CannedIssue> CannedLibrary::addPersonal(const QJsonObject &entry)
{
    QList<CannedIssue> issues;
    std::optional<CannedResponse> parsed = parseEntry(entry, m_entries.size(), CannedOrigin::Personal, &issues);
    if (parsed)
        append(*parsed);
    return issues;
}

void CannedLibrary::removePersonal(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id && m_entries.at(i).origin == CannedOrigin::Personal) {
            m_entries.removeAt(i);
            m_folded.removeAt(i);
            return;
        }
    }
}

QJsonObject CannedLibrary::toJson(const CannedResponse &entry)
{
    QJsonObject titles;
    for (auto it = entry.titles.constBegin(); it != entry.titles.constEnd(); ++it)
        titles.insert(it.key(), it.value());
    QJsonObject texts;
    for (auto it = entry.texts.constBegin(); it != entry.texts.constEnd(); ++it)
        texts.insert(it.key(), it.value());
    QJsonArray flags;
    for (const CannedFlag flag : entry.flags)
        flags.append(cannedFlagName(flag));
    QJsonObject object{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("category"), cannedCategoryName(entry.category)},
                       {QStringLiteral("title"), titles},
                       {QStringLiteral("text"), texts},
                       {QStringLiteral("flags"), flags}};
    if (!entry.shortcut.isEmpty())
        object.insert(QStringLiteral("shortcut"), entry.shortcut);
    return object;
}

QByteArray CannedLibrary::personalEntriesJson() const
{
    QJsonArray array;
    for (const CannedResponse &entry : m_entries) {
        if (entry.origin == CannedOrigin::Personal)
            array.append(toJson(entry));
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray CannedLibrary::personalEntryJson(const QString &id) const
{
    const CannedResponse *entry = find(id);
    if (!entry || entry->origin != CannedOrigin::Personal)
        return {};
    return QJsonDocument(toJson(*entry)).toJson(QJsonDocument::Compact);
}

QList<const CannedResponse *> CannedLibrary::search(const QString &query, int limit) const
{
    QString trimmed = query.trimmed();
    if (trimmed.startsWith(u'/'))
        trimmed.remove(0, 1);
    const QString folded = fold(trimmed).simplified();
    const QStringList words = queryWords(folded);

    // rank 0: the shortcut starts with the whole query; 1: every word in a title; 2: every word in title or text.
    std::array<QList<const CannedResponse *>, 3> ranked;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Folded &f = m_folded.at(i);
        if (words.isEmpty()) {
            ranked[1].append(&m_entries.at(i));
            continue;
        }
        if (!f.shortcut.isEmpty() && f.shortcut.startsWith(folded)) {
            ranked[0].append(&m_entries.at(i));
            continue;
        }
        bool inTitles = true;
        bool inEither = true;
        for (const QString &word : words) {
            const bool title = f.titles.contains(word);
            inTitles = inTitles && title;
            inEither = inEither && (title || hasWordStartingWith(f.textWords, word) || f.shortcut.startsWith(word));
            if (!inEither)
                break;
        }
        if (inTitles)
            ranked[1].append(&m_entries.at(i));
        else if (inEither)
            ranked[2].append(&m_entries.at(i));
    }
    QList<const CannedResponse *> results;
    for (const auto &rank : ranked) {
        for (const CannedResponse *entry : rank) {
            if (results.size() >= limit)
                return results;
            results.append(entry);
        }
    }
    return results;
}

CannedLibrary::Variant CannedLibrary::variant(const CannedResponse &entry, const QString &language) const
{
    QStringList order{language, primaryLanguage(language), m_defaultLanguage, primaryLanguage(m_defaultLanguage)};
    for (const QString &candidate : order) {
        if (!candidate.isEmpty() && entry.texts.contains(candidate)) {
            const QString title = entry.titles.value(candidate, entry.titles.value(m_defaultLanguage));
            return {candidate, title.isEmpty() && !entry.titles.isEmpty() ? entry.titles.first() : title,
                    entry.texts.value(candidate), primaryLanguage(candidate) != primaryLanguage(language)};
        }
    }
    if (entry.texts.isEmpty())
        return {};
    const QString first = entry.texts.firstKey();
    return {first, entry.titles.value(first, entry.titles.isEmpty() ? QString() : entry.titles.first()),
            entry.texts.first(), primaryLanguage(first) != primaryLanguage(language)};
}

} // namespace advocate
