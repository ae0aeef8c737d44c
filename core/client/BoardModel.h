// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "client/Supervision.h"

namespace advocate {

// The supervisor's board as a table (WS14): one row per conversation — what needs attention, its state, language,
// how long it has run or waited, who answers and who else is in it —, raised hands first. No content, no alias. It
// adapts the shift's Supervision and holds nothing of its own but the order it last showed.
class BoardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Needs, State, Language, Time, Advocate, Present, ColumnCount };
    enum Roles {
        ConversationRole = Qt::UserRole + 1,
        SortRole, // what the column sorts by (seconds for the time, a rank for the needs)
    };

    explicit BoardModel(Supervision &supervision, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The elapsed times moved on: views repaint them.
    void tick();
    // "2 min", "1 h 5 min": how the board and the queue line show a wait or a duration.
    static QString duration(int seconds);
    static QString flagText(frame::BoardFlag flag);
    static QString participationText(Participation participation);

private:
    void reload();

    Supervision &m_supervision;
    QList<Supervision::Row> m_rows;
};

} // namespace advocate
