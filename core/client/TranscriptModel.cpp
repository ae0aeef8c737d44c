// SPDX-License-Identifier: GPL-3.0-only
#include "TranscriptModel.h"

namespace advocate {

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent) {}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_chat ? 0 : static_cast<int>(m_chat->entries().size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chat::Entry &item = m_chat->entries().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return item.text;
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3").arg(item.author, item.at.toLocalTime().toString(QStringLiteral("HH:mm")), item.text);
    case AuthorRole:
        return item.author;
    case TimeRole:
        return item.at;
    case DirectionRole:
        return static_cast<int>(item.direction);
    case DeliveryRole:
        return item.delivery ? QVariant(static_cast<int>(*item.delivery)) : QVariant();
    case SeqRole:
        return item.seq;
    case ClientIdRole:
        return item.clientId;
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    return {
        {AuthorRole, "author"},     {TextRole, "text"}, {TimeRole, "time"},         {DirectionRole, "direction"},
        {DeliveryRole, "delivery"}, {SeqRole, "seq"},   {ClientIdRole, "clientId"},
    };
}

Qt::ItemFlags TranscriptModel::flags(const QModelIndex &index) const
{
    // Selectable for keyboard reading, but never editable or draggable (no export, WS17).
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

void TranscriptModel::setChat(Chat *chat)
{
    if (chat == m_chat)
        return;
    beginResetModel();
    if (m_chat) {
        disconnect(m_chat, nullptr, this, nullptr);
        disconnect(m_destroyed);
    }
    m_chat = chat;
    if (chat) {
        connect(chat, &Chat::entriesAboutToBeAppended, this,
                [this](int first, int last) { beginInsertRows(QModelIndex(), first, last); });
        connect(chat, &Chat::entriesAppended, this, [this] { endInsertRows(); });
        connect(chat, &Chat::entryChanged, this, [this](int row) {
            const QModelIndex at = index(row);
            Q_EMIT dataChanged(at, at, {DeliveryRole, SeqRole});
        });
        // A chat is destroyed with its shift: the view empties at that moment, not at the next repaint.
        m_destroyed = connect(chat, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_chat = nullptr;
            endResetModel();
        });
    }
    endResetModel();
}

} // namespace advocate
