// SPDX-License-Identifier: GPL-3.0-only
#include "ShiftLogPanel.h"

#include "LiveLabel.h"
#include "client/Handoffs.h"

#include <QEvent>
#include <QLocale>
#include <QPushButton>

namespace advocate {

ShiftLogPanel::ShiftLogPanel(Handoffs &handoffs, QWidget *parent)
    : MessageBar(QStringLiteral("shiftLog"), parent), m_handoffs(handoffs)
{
    text()->setWordWrap(true);
    m_acknowledge = addButton(QStringLiteral("acknowledgeShiftLog"));
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (!m_handoffs.shiftLog().isEmpty())
            m_handoffs.acknowledge(m_handoffs.shiftLog().first().entry);
    });
    connect(&m_handoffs, &Handoffs::shiftLogChanged, this, &ShiftLogPanel::refresh);
    refresh();
}

void ShiftLogPanel::refresh()
{
    text()->setAccessibleName(tr("Shift log from the previous shift"));
    m_acknowledge->setText(tr("I have read it"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the shift log note"));
    const QList<Handoffs::LogEntry> &entries = m_handoffs.shiftLog();
    setVisible(!entries.isEmpty());
    if (entries.isEmpty()) {
        text()->clear();
        return;
    }
    const Handoffs::LogEntry &entry = entries.first();
    text()->setText(
        tr("Shift log from %1 (%2):\n%3")
            .arg(entry.author, QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat), entry.body));
}

void ShiftLogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    MessageBar::changeEvent(event);
}

} // namespace advocate
