// SPDX-License-Identifier: GPL-3.0-only
#include "BoardModel.h"

namespace advocate {

BoardModel::BoardModel(Supervision &supervision, QObject *parent)
    : QAbstractTableModel(parent), m_supervision(supervision)
{
    connect(&m_supervision, &Supervision::boardChanged, this, &BoardModel::reload);
    reload();
}

void BoardModel::reload()
{
    beginResetModel();
    m_rows = m_supervision.rows();
    endResetModel();
}

void BoardModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Time), index(static_cast<int>(m_rows.size()) - 1, Time));
}

int BoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BoardModel::duration(int seconds)
{
    const int minutes = seconds / 60;
    if (minutes < 1)
        return tr("under 1 min");
    if (minutes < 60)
        return tr("%n min", nullptr, minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString BoardModel::flagText(frame::BoardFlag flag)
{
    switch (flag) {
    case frame::BoardFlag::HandRaised:
        return tr("Hand raised");
    case frame::BoardFlag::OfferPending:
        return tr("Offer pending");
    case frame::BoardFlag::CheckInDue:
        return tr("Check-in due");
    case frame::BoardFlag::SurvivorAway:
        return tr("Survivor away");
    case frame::BoardFlag::AdvocateAway:
        return tr("Advocate disconnected");
    }
    return QString();
}

QString BoardModel::participationText(Participation participation)
{
    switch (participation) {
    case Participation::Answering:
        return tr("answering");
    case Participation::Joined:
        return tr("joined");
    case Participation::Observing:
        return tr("observing");
    case Participation::Monitoring:
        return tr("monitoring");
    }
    return QString();
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Supervision::Row &held = m_rows.at(index.row());
    const frame::BoardRow &row = held.row;
    if (role == ConversationRole)
        return row.conversation;
    const int seconds = m_supervision.secondsOf(held);
    if (role == SortRole) {
        switch (index.column()) {
        case Needs:
            return row.flags.contains(frame::BoardFlag::HandRaised) ? 0 : row.flags.isEmpty() ? 2 : 1;
        case Time:
            return seconds;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Needs: {
        QStringList flags;
        for (const frame::BoardFlag flag : row.flags)
            flags.append(flagText(flag));
        return flags.isEmpty() ? (role == Qt::AccessibleTextRole ? tr("Nothing needed") : QString())
                               : flags.join(QStringLiteral(", "));
    }
    case State:
        return row.waiting ? tr("Waiting in the queue") : tr("Active");
    case Language:
        return row.language;
    case Time:
        return row.waiting ? tr("waiting %1").arg(duration(seconds)) : duration(seconds);
    case Advocate:
        return row.advocate.value_or(role == Qt::AccessibleTextRole ? tr("Nobody yet") : QString());
    case Present: {
        QStringList present;
        for (const frame::Presence &presence : row.present)
            present.append(tr("%1 (%2)").arg(presence.user, participationText(presence.participation)));
        return present.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant BoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (section) {
    case Needs:
        return tr("Needs");
    case State:
        return tr("State");
    case Language:
        return tr("Language");
    case Time:
        return tr("Time");
    case Advocate:
        return tr("Advocate");
    case Present:
        return tr("Also in the chat");
    default:
        return {};
    }
}

} // namespace advocate
