// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace advocate {

// Fills {advocate}, {program}, {hotline_phone} and {hours} in a canned text. A placeholder the workstation does
// not know, or a known one without a value, is left in the text as written and reported, so the advocate sees
// it in the composer before anything is sent (nothing is ever sent by inserting).
class Placeholders
{
public:
    struct Filled
    {
        QString text;
        QStringList unknown; // names not in knownNames(), in order of first appearance
        QStringList missing; // known names with no value given

        bool complete() const { return unknown.isEmpty() && missing.isEmpty(); }
    };

    static QStringList knownNames();
    // Every {name} in the text (name: a lower-case letter, then lower-case letters, digits or '_').
    static QStringList namesIn(const QString &text);
    static Filled fill(const QString &text, const QHash<QString, QString> &values);
};

} // namespace advocate
