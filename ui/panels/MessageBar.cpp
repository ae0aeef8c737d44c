// SPDX-License-Identifier: GPL-3.0-only
#include "MessageBar.h"

#include "LiveLabel.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace advocate {

MessageBar::MessageBar(const QString &name, QWidget *parent) : QWidget(parent)
{
    setObjectName(name + QStringLiteral("Bar"));
    auto *layout = new QHBoxLayout(this);
    m_text = new LiveLabel(this);
    m_text->setObjectName(name + QStringLiteral("Text"));
    layout->addWidget(m_text, 1);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
}

QPushButton *MessageBar::addButton(const QString &objectName)
{
    auto *button = new QPushButton(this);
    button->setObjectName(objectName);
    layout()->addWidget(button);
    return button;
}

} // namespace advocate
