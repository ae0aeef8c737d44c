// SPDX-License-Identifier: GPL-3.0-only
#include "ConversationListModel.h"

#include "Shift.h"
#include "common/Clock.h"

namespace advocate {

ConversationListModel::ConversationListModel(Shift &shift, QObject *parent) : QAbstractListModel(parent), m_shift(shift)
{
    connect(&shift, &Shift::chatAboutToBeAdded, this, [this](int row) { beginInsertRows(QModelIndex(), row, row); });
    connect(&shift, &Shift::chatAdded, this, [this](Chat *chat) {
        endInsertRows();
        watch(chat);
    });
    connect(&shift, &Shift::chatsAboutToBeCleared, this, [this] { beginResetModel(); });
    connect(&shift, &Shift::chatsCleared, this, [this] { endResetModel(); });
    for (Chat *chat : shift.chats())
        watch(chat);
}

void ConversationListModel::watch(Chat *chat)
{
    connect(chat, &Chat::changed, this, [this, chat] {
        const int row = static_cast<int>(m_shift.chats().indexOf(chat));
        if (row < 0)
            return;
        const QModelIndex at = index(row);
        Q_EMIT dataChanged(at, at);
    });
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shift.chats().size());
}

QString ConversationListModel::chatName(int row, const QString &alias)
{
    // One multi-argument arg(): a name that contains "%1" is shown as typed.
    return alias.isEmpty() ? tr("Chat %1").arg(row + 1) : tr("Chat %1 · %2").arg(QString::number(row + 1), alias);
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chat &item = *m_shift.chats().at(index.row());
    const QDateTime last = item.lastSurvivorMessage();
    const qint64 seconds = last.isValid() ? last.secsTo(m_shift.clock().now()) : qint64(-1);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QString text = tr("%1 · %2").arg(chatName(index.row(), item.alias()), Chat::stateText(item.state()));
        if (item.unread() > 0)
            text += tr(" · %n unread", nullptr, item.unread());
        if (seconds >= 0)
            text += tr(" · survivor wrote %1 min ago").arg(seconds / 60);
        return text;
    }
    case IdRole:
        return item.id();
    case LanguageRole:
        return item.language();
    case AliasRole:
        return item.alias();
    case UnreadRole:
        return item.unread();
    case LastSurvivorMessageRole:
        return last;
    case SecondsSinceSurvivorRole:
        return seconds;
    case StateRole:
        return static_cast<int>(item.state());
    case StateTextRole:
        return Chat::stateText(item.state());
    case InactivityStageRole:
        return item.inactivityStage();
    case PeerTypingRole:
        return item.peerTyping();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "id"},
            {LanguageRole, "language"},
            {AliasRole, "alias"},
            {UnreadRole, "unread"},
            {LastSurvivorMessageRole, "lastSurvivorMessage"},
            {SecondsSinceSurvivorRole, "secondsSinceSurvivor"},
            {StateRole, "state"},
            {StateTextRole, "stateText"},
            {InactivityStageRole, "inactivityStage"},
            {PeerTypingRole, "peerTyping"}};
}

std::optional<int> ConversationListModel::rowOf(const QString &id) const
{
    const QList<Chat *> &chats = m_shift.chats();
    for (int row = 0; row < chats.size(); ++row) {
        if (chats.at(row)->id() == id)
            return row;
    }
    return std::nullopt;
}

void ConversationListModel::tick()
{
    if (m_shift.chats().isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(static_cast<int>(m_shift.chats().size()) - 1),
                       {SecondsSinceSurvivorRole, Qt::DisplayRole});
}

} // namespace advocate
