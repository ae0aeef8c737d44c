// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHash>
#include <QList>
#include <QStyledItemDelegate>

namespace advocate {

// Draws one transcript entry: author, time and delivery state on one line, the text below. The text is drawn
// with QPainter::drawText as plain text only (requirement WS6): markup shows as typed, nothing is fetched,
// no link is live.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The heading line of an entry, e.g. "Survivor · 14:02" or "You · 14:03 · Delivered".
    static QString heading(const QModelIndex &index);
    static QString deliveryText(const QVariant &delivery);

private:
    int textHeight(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;

    static constexpr int margin = 6;
    // Heights of entries already measured, per model and row, for one width: transcript rows are only ever
    // appended and their text never changes, so a long conversation is measured once, not at every layout.
    mutable QHash<const QAbstractItemModel *, QList<int>> m_heights;
    mutable int m_measuredWidth = -1;
};

} // namespace advocate
