// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QIcon>
#include <QString>

class QLineEdit;
class QPalette;
class QWidget;

namespace advocate {

// How a control shows a value IT set for the computer (requirement PK2): a lock, and "Set by your IT department."
// as its tooltip and accessible description, so sighted users and screen readers alike learn why it cannot change.
class ManagedMark
{
public:
    static QString explanation();
    // A padlock drawn in the palette's text colour, so it follows light and dark themes without an icon theme.
    static QIcon lockIcon(const QPalette &palette);

    // Read-only with the lock at its end.
    static void markReadOnly(QLineEdit *field);
    // Disabled, with the explanation; the caller shows lockNote() beside it.
    static void markDisabled(QWidget *control);
    // The lock and the explanation as visible text, for beside a disabled control.
    static QWidget *lockNote(QWidget *parent);
};

} // namespace advocate
