// SPDX-License-Identifier: GPL-3.0-only
#include "TranscriptModel.h"

namespace advocate {

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent) {}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &item = m_entries.at(index.row());
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
        return static_cast<int>(item.delivery);
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

bool TranscriptModel::append(const Entry &entry)
{
    if (entry.seq > 0 && holdsSeq(entry.seq))
        return false;
    if (!entry.clientId.isEmpty() && rowOfClientId(entry.clientId))
        return false;
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    remember(row, entry);
    endInsertRows();
    return true;
}

void TranscriptModel::appendAll(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(entries.size()) - 1);
    m_entries.append(entries);
    for (int row = first; row < m_entries.size(); ++row)
        remember(row, m_entries.at(row));
    endInsertRows();
}

void TranscriptModel::markAccepted(const QString &clientId, qint64 seq)
{
    const auto row = rowOfClientId(clientId);
    if (!row)
        return;
    Entry &item = m_entries[*row];
    item.seq = seq;
    m_seqs.insert(seq);
    if (item.delivery != Delivery::Delivered)
        item.delivery = Delivery::Sent;
    changed(*row, {SeqRole, DeliveryRole});
}

void TranscriptModel::markDeliveredUpTo(qint64 seq)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &item = m_entries[row];
        if (item.direction == MessageDirection::FromAdvocate && item.seq > 0 && item.seq <= seq &&
            item.delivery != Delivery::Delivered) {
            item.delivery = Delivery::Delivered;
            changed(row, {DeliveryRole});
        }
    }
}

void TranscriptModel::markFailed(const QString &clientId)
{
    const auto row = rowOfClientId(clientId);
    if (!row || m_entries.at(*row).seq > 0)
        return;
    m_entries[*row].delivery = Delivery::Failed;
    changed(*row, {DeliveryRole});
}

void TranscriptModel::markSending(const QString &clientId)
{
    const auto row = rowOfClientId(clientId);
    if (!row)
        return;
    m_entries[*row].delivery = Delivery::Sending;
    changed(*row, {DeliveryRole});
}

std::optional<int> TranscriptModel::rowOfClientId(const QString &clientId) const
{
    const auto found = m_rowOfClientId.constFind(clientId);
    if (found == m_rowOfClientId.constEnd())
        return std::nullopt;
    return *found;
}

bool TranscriptModel::holdsSeq(qint64 seq) const
{
    return m_seqs.contains(seq);
}

void TranscriptModel::remember(int row, const Entry &entry)
{
    if (!entry.clientId.isEmpty())
        m_rowOfClientId.insert(entry.clientId, row);
    if (entry.seq > 0)
        m_seqs.insert(entry.seq);
}

void TranscriptModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

} // namespace advocate
