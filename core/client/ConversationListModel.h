// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/Chat.h"

#include <QAbstractListModel>
#include <QString>

#include <optional>

namespace advocate {

class Shift;

// "My conversations" (requirement WS5): one row per chat of the shift with the name the survivor chose (if any), its
// unread count, the time since the survivor last wrote, and its state. It adapts the Shift's chats and holds
// nothing of its own, and no message text.
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
    // How the window names a chat: "Chat 3", or "Chat 3 · Rosa" with the name the survivor chose on the page (WS10).
    // Notifications never use it (WS16).
    static QString chatName(int row, const QString &alias = QString());

    // The elapsed times moved on: views repaint them.
    void tick();

private:
    void watch(Chat *chat);

    Shift &m_shift;
};

} // namespace advocate
