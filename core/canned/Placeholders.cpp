// SPDX-License-Identifier: GPL-3.0-only
#include "Placeholders.h"

#include <QRegularExpression>

namespace advocate {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\{([a-z][a-z0-9_]*)\})"));
    return pattern;
}

} // namespace

QStringList Placeholders::knownNames()
{
    return {QStringLiteral("advocate"), QStringLiteral("program"), QStringLiteral("hotline_phone"),
            QStringLiteral("hours")};
}

QStringList Placeholders::namesIn(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

Placeholders::Filled Placeholders::fill(const QString &text, const QHash<QString, QString> &values)
{
    static const QStringList known = knownNames();
    Filled filled;
    qsizetype copiedUpTo = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        filled.text.append(QStringView(text).mid(copiedUpTo, match.capturedStart() - copiedUpTo));
        copiedUpTo = match.capturedEnd();
        const QString value = values.value(name).trimmed();
        if (!known.contains(name)) {
            if (!filled.unknown.contains(name))
                filled.unknown.append(name);
            filled.text.append(match.captured(0));
        } else if (value.isEmpty()) {
            if (!filled.missing.contains(name))
                filled.missing.append(name);
            filled.text.append(match.captured(0));
        } else {
            filled.text.append(value);
        }
    }
    filled.text.append(QStringView(text).mid(copiedUpTo));
    return filled;
}

} // namespace advocate
