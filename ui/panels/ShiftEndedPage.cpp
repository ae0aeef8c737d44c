// SPDX-License-Identifier: GPL-3.0-only
#include "ShiftEndedPage.h"

#include "LiveLabel.h"

#include <QEvent>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

ShiftEndedPage::ShiftEndedPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("shiftEndedPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_text = new LiveLabel(this);
    m_text->setObjectName(QStringLiteral("shiftEndedText"));
    m_text->setAlignment(Qt::AlignHCenter);
    // A fixed width for the wrapped text (an aligned label shrinks to one line's width and cuts the rest off).
    m_text->setFixedWidth(520);
    m_newShift = new QPushButton(this);
    m_newShift->setObjectName(QStringLiteral("newShiftButton"));
    m_quit = new QPushButton(this);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    connect(m_newShift, &QPushButton::clicked, this, &ShiftEndedPage::newShiftRequested);
    connect(m_quit, &QPushButton::clicked, this, &ShiftEndedPage::quitRequested);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_text, m_newShift, m_quit})
        layout->addWidget(widget, 0, Qt::AlignHCenter);
    layout->addStretch();
    retranslate();
}

void ShiftEndedPage::showResult(const QString &text)
{
    m_text->setText(text);
    // A layout that aligns a widget gives it its size hint's height, not the height its wrapped text needs at the
    // fixed width: the wipe report's second line was cut off.
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
    m_newShift->setFocus();
}

void ShiftEndedPage::retranslate()
{
    m_text->setAccessibleName(tr("Shift ended"));
    m_newShift->setText(tr("Start a &new shift"));
    m_newShift->setAccessibleName(tr("Start a new shift (sign in again)"));
    m_quit->setText(tr("&Quit"));
    m_quit->setAccessibleName(tr("Quit Advocate Desk"));
}

void ShiftEndedPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
