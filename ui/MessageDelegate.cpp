// SPDX-License-Identifier: GPL-3.0-only
#include "MessageDelegate.h"

#include "client/TranscriptModel.h"

#include <QApplication>
#include <QPainter>

namespace advocate {

MessageDelegate::MessageDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString MessageDelegate::deliveryText(const QVariant &delivery)
{
    if (!delivery.isValid())
        return {}; // survivor messages and notices
    switch (static_cast<DeliveryState>(delivery.toInt())) {
    case DeliveryState::Sending:
        return tr("Sending");
    case DeliveryState::Sent:
        return tr("Sent");
    case DeliveryState::Delivered:
        return tr("Delivered");
    case DeliveryState::Failed:
        return tr("Failed: press Enter to retry");
    }
    return {};
}

QString MessageDelegate::heading(const QModelIndex &index)
{
    QString text = tr("%1 · %2").arg(
        index.data(TranscriptModel::AuthorRole).toString(),
        index.data(TranscriptModel::TimeRole).toDateTime().toLocalTime().toString(QStringLiteral("HH:mm")));
    const QString delivery = deliveryText(index.data(TranscriptModel::DeliveryRole));
    if (!delivery.isEmpty())
        text += tr(" · %1").arg(delivery);
    return text;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the style draws background and focus only; the text is ours, as plain text
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto direction = static_cast<MessageDirection>(index.data(TranscriptModel::DirectionRole).toInt());
    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    painter->save();
    QFont headingFont = option.font;
    headingFont.setBold(true);
    painter->setFont(headingFont);
    const QPalette::ColorRole textRole =
        option.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    painter->setPen(option.palette.color(textRole));
    const int headingHeight = QFontMetrics(headingFont).height();
    painter->drawText(QRect(area.left(), area.top(), area.width(), headingHeight), Qt::AlignLeft | Qt::TextSingleLine,
                      heading(index));
    QFont bodyFont = option.font;
    if (direction == MessageDirection::System)
        bodyFont.setItalic(true);
    painter->setFont(bodyFont);
    painter->drawText(QRect(area.left(), area.top() + headingHeight, area.width(), area.height() - headingHeight),
                      Qt::AlignLeft | Qt::TextWordWrap | Qt::TextExpandTabs,
                      index.data(TranscriptModel::TextRole).toString());
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = qMax(100, (option.widget ? option.widget->width() : option.rect.width()) - 2 * margin - 24);
    QFont headingFont = option.font;
    headingFont.setBold(true);
    return {width, QFontMetrics(headingFont).height() + textHeight(option, index, width) + 2 * margin};
}

int MessageDelegate::textHeight(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    if (width != m_measuredWidth) {
        m_heights.clear();
        m_measuredWidth = width;
    }
    const QAbstractItemModel *model = index.model();
    if (!m_heights.contains(model))
        connect(model, &QObject::destroyed, this, [this, model] { m_heights.remove(model); });
    QList<int> &heights = m_heights[model];
    if (index.row() < heights.size() && heights.at(index.row()) >= 0)
        return heights.at(index.row());
    const int height =
        QFontMetrics(option.font)
            .boundingRect(QRect(0, 0, width, 100000), Qt::AlignLeft | Qt::TextWordWrap | Qt::TextExpandTabs,
                          index.data(TranscriptModel::TextRole).toString())
            .height();
    if (heights.size() <= index.row())
        heights.resize(index.row() + 1, -1);
    heights[index.row()] = height;
    return height;
}

} // namespace advocate
