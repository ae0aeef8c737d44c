// SPDX-License-Identifier: GPL-3.0-only
#include "LiveLabel.h"

namespace advocate {

LiveLabel::LiveLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

void LiveLabel::setText(const QString &text)
{
    QLabel::setText(text);
    // Sends QAccessible::DescriptionChanged, so assistive technology learns of the new text.
    setAccessibleDescription(text);
}

void LiveLabel::clear()
{
    setText(QString());
}

} // namespace advocate
