// SPDX-License-Identifier: GPL-3.0-only
#include "client/ProgramPlaceholders.h"

namespace advocate {

namespace {

// A per-language value for `language`: the language, its primary tag, the library's default language, its
// primary tag, then the first there is.
QString pick(const QMap<QString, QString> &byLanguage, const QString &language, const QString &defaultLanguage)
{
    for (const QString &candidate :
         {language, language.section(u'-', 0, 0), defaultLanguage, defaultLanguage.section(u'-', 0, 0)}) {
        if (const QString value = byLanguage.value(candidate); !value.isEmpty())
            return value;
    }
    return byLanguage.isEmpty() ? QString() : byLanguage.first();
}

} // namespace

ProgramPlaceholders::Values ProgramPlaceholders::forLanguage(const std::optional<frame::ProgramFacts> &facts,
                                                             const CannedLibrary &library, const QString &language)
{
    Values result;
    if (facts) {
        const QString defaultLanguage = library.defaultLanguage();
        const QHash<QString, QString> fromRelay{
            {QStringLiteral("program"), pick(facts->names, language, defaultLanguage)},
            {QStringLiteral("hotline_phone"), facts->hotlinePhone},
            {QStringLiteral("hours"), pick(facts->hours, language, defaultLanguage)}};
        for (auto it = fromRelay.constBegin(); it != fromRelay.constEnd(); ++it) {
            if (!it.value().isEmpty())
                result.values.insert(it.key(), it.value());
        }
    }
    const QHash<QString, QString> fromLibrary = library.programValues(language);
    for (auto it = fromLibrary.constBegin(); it != fromLibrary.constEnd(); ++it) {
        if (facts)
            result.overridden.append(it.key());
        result.values.insert(it.key(), it.value());
    }
    result.overridden.sort();
    return result;
}

QStringList ProgramPlaceholders::overridden(const std::optional<frame::ProgramFacts> &facts,
                                            const CannedLibrary &library)
{
    // programValues() falls back across languages, so any language shows every name the library sets.
    return forLanguage(facts, library, library.defaultLanguage()).overridden;
}

} // namespace advocate
