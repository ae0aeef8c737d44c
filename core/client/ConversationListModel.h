// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace advocate {

class Clock;

// "My conversations" (requirement WS5): one row per conversation of this shift with its unread count, the
// time since the survivor last wrote, and its state. Holds no message text.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State {
        Active,
        SurvivorIdle,         // the relay reported inactivity
        SurvivorDisconnected, // the survivor's page dropped and may come back
        QuickExit,            // the survivor left with quick exit
        Ended,                // ended for any other reason
    };
    Q_ENUM(State)

    enum Roles {
        IdRole = Qt::UserRole + 1,
        LanguageRole,
        AliasRole,
        UnreadRole,
        LastSurvivorMessageRole,  // QDateTime, invalid until the survivor wrote
        SecondsSinceSurvivorRole, // -1 until the survivor wrote
        StateRole,                // State as int
        StateTextRole,
        InactivityStageRole, // 0, 1 (T1) or 2 (T2)
        PeerTypingRole,
    };

    struct Row
    {
        QString id;
        QString language;
        QString alias;
        int unread = 0;
        QDateTime openedAt;
        QDateTime lastSurvivorMessage;
        State state = State::Active;
        std::optional<EndReason> endReason;
        int inactivityStage = 0;
        bool peerTyping = false;
    };

    explicit ConversationListModel(std::shared_ptr<const Clock> clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString stateText(State state);

    void add(const QString &id, const QString &language, const QString &alias);
    std::optional<int> rowOf(const QString &id) const;
    const Row &row(int row) const { return m_rows.at(row); }
    QString idAt(int row) const { return m_rows.at(row).id; }
    int openCount() const;
    QStringList openIds() const;

    void survivorWrote(const QString &id, const QDateTime &at, bool counted);
    void markRead(const QString &id);
    void setPeerConnected(const QString &id, bool connected);
    void setPeerTyping(const QString &id, bool active);
    void setInactivity(const QString &id, int stage);
    void setEnded(const QString &id, EndReason reason);
    // The elapsed times moved on: views repaint them.
    void tick();

private:
    void changed(int row, const QList<int> &roles);

    std::shared_ptr<const Clock> m_clock;
    QList<Row> m_rows;
};

} // namespace advocate
