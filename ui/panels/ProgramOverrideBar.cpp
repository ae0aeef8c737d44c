// SPDX-License-Identifier: GPL-3.0-only
#include "ProgramOverrideBar.h"

#include "LiveLabel.h"
#include "client/Shift.h"

#include <QEvent>

namespace advocate {

ProgramOverrideBar::ProgramOverrideBar(Shift &shift, QWidget *parent)
    : MessageBar(QStringLiteral("programOverride"), parent), m_shift(shift)
{
    hide();
    connect(&m_shift, &Shift::programOverridesChanged, this, &ProgramOverrideBar::refresh);
    refresh();
}

void ProgramOverrideBar::refresh()
{
    const QStringList names = m_shift.programOverrides();
    setVisible(!names.isEmpty());
    if (names.isEmpty()) {
        text()->clear();
        return;
    }
    QStringList placeholders;
    for (const QString &name : names)
        placeholders.append(u'{' + name + u'}');
    text()->setText(
        tr("The canned-response library sets %1 itself, so canned texts may not say what the survivor page says. "
           "This is meant for testing only: tell your supervisor or IT.")
            .arg(placeholders.join(QStringLiteral(", "))));
    text()->setAccessibleName(tr("Canned-response library warning"));
}

void ProgramOverrideBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    MessageBar::changeEvent(event);
}

} // namespace advocate
