// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QStyledItemDelegate>

namespace advocate {

// One row of "my conversations" (requirements WS5, WS11): name, state and time since the survivor last wrote,
// an unread badge, and a highlight once the survivor has been silent past T1. No message text, no alias.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConversationDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge text for `unread` messages ("" for none, "99+" above 99).
    static QString badgeText(int unread);
};

} // namespace advocate
