// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace advocate {

// What a supervisor reads for each of the relay's per-day counters (docs/protocol.md section 18) in the statistics
// view, in the interface language, and the group each is shown under. A counter a newer relay added keeps its name.
class StatisticsLabels
{
    Q_DECLARE_TR_FUNCTIONS(advocate::StatisticsLabels)
public:
    enum class Group { Chats, Waits, Durations, Endings, Handoffs, SupervisorActions, ShiftEnds, Languages, Other };

    // In the order the view shows them.
    static QList<Group> groups();
    static Group groupOf(const QString &counter);
    static QString groupName(Group group);
    static QString label(const QString &counter);
};

} // namespace advocate
