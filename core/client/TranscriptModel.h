// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/Chat.h"

#include <QAbstractListModel>
#include <QPointer>

namespace advocate {

// The transcript of the chat on screen, for the view (requirement WS6): messages both ways and notices, each with
// its author, time and delivery state. It adapts one Chat and holds nothing of its own; text is only ever handed
// out as plain text. Showing another chat, or the chat going away with its shift, resets it.
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        AuthorRole = Qt::UserRole + 1,
        TextRole,
        TimeRole,
        DirectionRole, // MessageDirection as int
        DeliveryRole,  // DeliveryState as int; invalid for survivor messages and notices
        SeqRole,       // 0 until the relay numbered it
        ClientIdRole,
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The chat to show; nullptr shows nothing.
    void setChat(Chat *chat);
    Chat *chat() const { return m_chat; }

private:
    QPointer<Chat> m_chat;
    QMetaObject::Connection m_destroyed;
};

} // namespace advocate
