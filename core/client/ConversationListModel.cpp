// SPDX-License-Identifier: GPL-3.0-only
#include "ConversationListModel.h"

#include "common/Clock.h"

namespace advocate {

ConversationListModel::ConversationListModel(std::shared_ptr<const Clock> clock, QObject *parent)
    : QAbstractListModel(parent), m_clock(std::move(clock))
{
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString ConversationListModel::stateText(State state)
{
    switch (state) {
    case State::Active:
        return tr("Active");
    case State::SurvivorIdle:
        return tr("Survivor idle");
    case State::SurvivorDisconnected:
        return tr("Survivor disconnected");
    case State::QuickExit:
        return tr("Left via quick exit");
    case State::Ended:
        return tr("Ended");
    }
    return {};
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &item = m_rows.at(index.row());
    const qint64 seconds =
        item.lastSurvivorMessage.isValid() ? item.lastSurvivorMessage.secsTo(m_clock->now()) : qint64(-1);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString name = tr("Chat %1").arg(index.row() + 1);
        QString text = tr("%1 · %2").arg(name, stateText(item.state));
        if (item.unread > 0)
            text += tr(" · %n unread", nullptr, item.unread);
        if (seconds >= 0)
            text += tr(" · survivor wrote %1 min ago").arg(seconds / 60);
        return text;
    }
    case IdRole:
        return item.id;
    case LanguageRole:
        return item.language;
    case AliasRole:
        return item.alias;
    case UnreadRole:
        return item.unread;
    case LastSurvivorMessageRole:
        return item.lastSurvivorMessage;
    case SecondsSinceSurvivorRole:
        return seconds;
    case StateRole:
        return static_cast<int>(item.state);
    case StateTextRole:
        return stateText(item.state);
    case InactivityStageRole:
        return item.inactivityStage;
    case PeerTypingRole:
        return item.peerTyping;
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

void ConversationListModel::add(const QString &id, const QString &language, const QString &alias)
{
    if (rowOf(id))
        return;
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows(QModelIndex(), at, at);
    Row item;
    item.id = id;
    item.language = language;
    item.alias = alias;
    item.openedAt = m_clock->now();
    m_rows.append(item);
    endInsertRows();
}

std::optional<int> ConversationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return std::nullopt;
}

int ConversationListModel::openCount() const
{
    return static_cast<int>(openIds().size());
}

QStringList ConversationListModel::openIds() const
{
    QStringList open;
    for (const Row &item : m_rows) {
        if (item.state != State::Ended && item.state != State::QuickExit)
            open.append(item.id);
    }
    return open;
}

void ConversationListModel::survivorWrote(const QString &id, const QDateTime &at, bool counted)
{
    const auto found = rowOf(id);
    if (!found)
        return;
    Row &item = m_rows[*found];
    item.lastSurvivorMessage = at;
    if (counted)
        ++item.unread;
    item.inactivityStage = 0;
    if (item.state == State::SurvivorIdle || item.state == State::SurvivorDisconnected)
        item.state = State::Active;
    changed(*found, {UnreadRole, LastSurvivorMessageRole, SecondsSinceSurvivorRole, InactivityStageRole, StateRole,
                     StateTextRole, Qt::DisplayRole});
}

void ConversationListModel::markRead(const QString &id)
{
    const auto found = rowOf(id);
    if (!found || m_rows.at(*found).unread == 0)
        return;
    m_rows[*found].unread = 0;
    changed(*found, {UnreadRole, Qt::DisplayRole});
}

void ConversationListModel::setPeerConnected(const QString &id, bool connected)
{
    const auto found = rowOf(id);
    if (!found)
        return;
    Row &item = m_rows[*found];
    if (item.state == State::Ended || item.state == State::QuickExit)
        return;
    item.state =
        connected ? (item.inactivityStage > 0 ? State::SurvivorIdle : State::Active) : State::SurvivorDisconnected;
    changed(*found, {StateRole, StateTextRole, Qt::DisplayRole});
}

void ConversationListModel::setPeerTyping(const QString &id, bool active)
{
    const auto found = rowOf(id);
    if (!found)
        return;
    m_rows[*found].peerTyping = active;
    changed(*found, {PeerTypingRole});
}

void ConversationListModel::setInactivity(const QString &id, int stage)
{
    const auto found = rowOf(id);
    if (!found)
        return;
    Row &item = m_rows[*found];
    if (item.state == State::Ended || item.state == State::QuickExit)
        return;
    item.inactivityStage = stage;
    if (item.state == State::Active)
        item.state = State::SurvivorIdle;
    changed(*found, {InactivityStageRole, StateRole, StateTextRole, Qt::DisplayRole});
}

void ConversationListModel::setEnded(const QString &id, EndReason reason)
{
    const auto found = rowOf(id);
    if (!found)
        return;
    Row &item = m_rows[*found];
    item.state = reason == EndReason::QuickExit ? State::QuickExit : State::Ended;
    item.endReason = reason;
    item.peerTyping = false;
    changed(*found, {StateRole, StateTextRole, PeerTypingRole, Qt::DisplayRole});
}

void ConversationListModel::tick()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1),
                       {SecondsSinceSurvivorRole, Qt::DisplayRole});
}

void ConversationListModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

} // namespace advocate
