// SPDX-License-Identifier: GPL-3.0-only
#include "PracticeBanner.h"

#include "LiveLabel.h"

#include <QEvent>
#include <QHBoxLayout>

namespace advocate {

PracticeBanner::PracticeBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("practiceBanner"));
    // Colours of its own, the same in light and dark mode, so it never passes for part of a live chat: white on a deep
    // purple (contrast above 9:1, WCAG AAA).
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0x4a, 0x14, 0x8c));
    colours.setColor(QPalette::WindowText, Qt::white);
    setPalette(colours);
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    m_text = new LiveLabel(this);
    m_text->setObjectName(QStringLiteral("practiceBannerText"));
    m_text->setAlignment(Qt::AlignCenter);
    QFont font = m_text->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_text->setFont(font);
    layout->addWidget(m_text, 1);
    hide();
    retranslate();
}

void PracticeBanner::setPractice(bool practice)
{
    const bool changed = practice != m_practice;
    m_practice = practice;
    setVisible(practice);
    retranslate();
    if (changed)
        Q_EMIT mainWindowTitleChanged(mainWindowTitle());
}

QString PracticeBanner::mainWindowTitle() const
{
    return m_practice ? tr("Practice — Advocate Desk") : tr("Advocate Desk");
}

void PracticeBanner::retranslate()
{
    setAccessibleName(tr("Practice mode"));
    m_text->setAccessibleName(tr("Practice banner"));
    // Empty on a live relay: a hidden banner leaves nothing for a screen reader to find.
    if (m_practice)
        m_text->setText(tr("Practice — not a real survivor"));
    else
        m_text->clear();
    setToolTip(m_practice ? tr("This relay runs a practice program: every survivor in it is scripted, for training.")
                          : QString());
}

void PracticeBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace advocate
