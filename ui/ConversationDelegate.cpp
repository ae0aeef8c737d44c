// SPDX-License-Identifier: GPL-3.0-only
#include "ConversationDelegate.h"

#include "client/ConversationListModel.h"

#include <QApplication>
#include <QPainter>

namespace advocate {

ConversationDelegate::ConversationDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString ConversationDelegate::badgeText(int unread)
{
    if (unread <= 0)
        return {};
    return unread > 99 ? tr("99+") : QString::number(unread);
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool silent = index.data(ConversationListModel::InactivityStageRole).toInt() > 0;
    if (silent && !opt.state.testFlag(QStyle::State_Selected))
        opt.backgroundBrush = opt.palette.brush(QPalette::ToolTipBase);
    const QString badge = badgeText(index.data(ConversationListModel::UnreadRole).toInt());
    const QFontMetrics metrics(opt.font);
    const int badgeWidth = badge.isEmpty() ? 0 : metrics.horizontalAdvance(badge) + metrics.height();
    opt.rect.setRight(opt.rect.right() - badgeWidth - (badge.isEmpty() ? 0 : 6));
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (badge.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect pill(option.rect.right() - badgeWidth - 2, option.rect.center().y() - metrics.height() / 2, badgeWidth,
                     metrics.height());
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.brush(QPalette::Highlight));
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(option.palette.color(QPalette::HighlightedText));
    painter->drawText(pill, Qt::AlignCenter, badge);
    painter->restore();
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), QFontMetrics(option.font).height() + 8));
    return size;
}

} // namespace advocate
