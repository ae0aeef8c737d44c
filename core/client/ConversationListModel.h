// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/Chat.h"

#include <QAbstractListModel>
#include <QString>

#include <optional>

namespace advocate {

class Shift;

// "My conversations" (requirement WS5): one row per chat of the shift with its unread count, the time since the
// survivor last wrote, and its state. It adapts the Shift's chats and holds nothing of its own; it holds no
// message text, and its display text never names the survivor (that is for the chat header, on demand).
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        LanguageRole,
        AliasRole,
        UnreadRole,
        LastSurvivorMessageRole,  // QDateTime, invalid until the survivor wrote
        SecondsSinceSurvivorRole, // -1 until the survivor wrote
        StateRole,                // Chat::State as int
        StateTextRole,
        InactivityStageRole, // 0, 1 (T1) or 2 (T2)
        PeerTypingRole,
    };

    explicit ConversationListModel(Shift &shift, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    std::optional<int> rowOf(const QString &id) const;
    // "Chat 3": how the window names a chat (never the survivor's name).
    static QString chatName(int row);

    // The elapsed times moved on: views repaint them.
    void tick();

private:
    void watch(Chat *chat);

    Shift &m_shift;
};

} // namespace advocate
