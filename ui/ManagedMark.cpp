// SPDX-License-Identifier: GPL-3.0-only
#include "ManagedMark.h"

#include <QAction>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace advocate {

QString ManagedMark::explanation()
{
    return QCoreApplication::translate("ManagedMark", "Set by your IT department.");
}

QIcon ManagedMark::lockIcon(const QPalette &palette)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor ink = palette.color(QPalette::WindowText);
        const qreal unit = size / 16.0;
        // The shackle, then the body over its feet.
        painter.setPen(QPen(ink, 1.8 * unit));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(4.5 * unit, 1.5 * unit, 7 * unit, 9 * unit), 0, 180 * 16);
        painter.drawLine(QPointF(4.5 * unit, 6 * unit), QPointF(4.5 * unit, 8 * unit));
        painter.drawLine(QPointF(11.5 * unit, 6 * unit), QPointF(11.5 * unit, 8 * unit));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawRoundedRect(QRectF(2.5 * unit, 7.5 * unit, 11 * unit, 7.5 * unit), unit, unit);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void ManagedMark::markReadOnly(QLineEdit *field)
{
    field->setReadOnly(true);
    field->setCursorPosition(0); // the start of an address or a key says more than its end
    field->setToolTip(explanation());
    field->setAccessibleDescription(explanation());
    QAction *lock = field->addAction(lockIcon(field->palette()), QLineEdit::TrailingPosition);
    lock->setObjectName(field->objectName() + QStringLiteral("Lock"));
    lock->setToolTip(explanation());
}

void ManagedMark::markDisabled(QWidget *control)
{
    control->setEnabled(false);
    control->setToolTip(explanation());
    control->setAccessibleDescription(explanation());
}

QWidget *ManagedMark::lockNote(QWidget *parent)
{
    auto *note = new QWidget(parent);
    auto *icon = new QLabel(note);
    const int height = icon->fontMetrics().height();
    icon->setPixmap(lockIcon(note->palette()).pixmap(height, height));
    auto *text = new QLabel(explanation(), note);
    text->setTextFormat(Qt::PlainText);
    auto *row = new QHBoxLayout(note);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(icon);
    row->addWidget(text, 1);
    note->setToolTip(explanation());
    return note;
}

} // namespace advocate
