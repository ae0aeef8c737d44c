// SPDX-License-Identifier: GPL-3.0-only
#include "CannedText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace advocate {

namespace {

QString languageName(const QString &tag)
{
    const QLocale locale(tag);
    return locale.language() == QLocale::C ? tag : locale.nativeLanguageName();
}

QString braced(const QStringList &names)
{
    QStringList out;
    for (const QString &name : names)
        out.append(u'{' + name + u'}');
    return out.join(QStringLiteral(", "));
}

} // namespace

QString cannedChoiceNotes(const CannedSearchModel::Choice &choice, const QString &chatLanguage)
{
    QStringList notes;
    if (choice.fallback)
        notes.append(QCoreApplication::translate("advocate::CannedText",
                                                 "There is no version in the chat's language (%1); the %2 text is "
                                                 "shown.")
                         .arg(languageName(chatLanguage), languageName(choice.language)));
    if (!choice.missing.isEmpty())
        notes.append(
            QCoreApplication::translate("advocate::CannedText", "No value is set for %1: replace it before sending.")
                .arg(braced(choice.missing)));
    if (!choice.unknown.isEmpty())
        notes.append(
            QCoreApplication::translate("advocate::CannedText", "Unknown placeholder %1: replace it before sending.")
                .arg(braced(choice.unknown)));
    return notes.join(u' ');
}

} // namespace advocate
