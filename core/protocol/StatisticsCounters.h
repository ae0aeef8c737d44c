// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QString>
#include <QStringList>

namespace advocate {

// The names of the per-day counters of RL10 (docs/protocol.md section 17), shared by the relay that counts, the
// frame that carries them and the CSV export. Each counter is a marginal count or band: none is crossed with
// another (no "Spanish chats that ended in quick exit"), so no row of the statistics describes one conversation.
class StatisticsCounters
{
public:
    // Survivors who opened a session (a place in the queue), in all and per language.
    static QString offered();
    static QString language(const QString &tag);
    // A `start` answered with `busy`: the queue was full, or the chat was closed (hours or a notice).
    static QString turnedAway(bool queueFull);
    // Survivors whose chat a staff member took for the first time, and how long they had waited.
    static QString answered();
    static QString waitBand(qint64 waitedMs);
    // A survivor who left the queue before anyone answered: by quick exit (or the page's "leave"), or by dropping
    // and not coming back within the window.
    static QString abandoned(EndReason how);
    // Conversations that ended, by reason, and how long they had lasted since they were first answered.
    static QString ended(EndReason reason);
    static QString durationBand(qint64 lastedMs);
    static QString transferOffered();
    static QString transferClosed(frame::TransferState outcome);
    static QString requeued(HandoffReason reason);
    static QString supervisorAction(SupervisorAction action);
    static QString shiftEndOverride(frame::OverrideCategory category);

    // Every counter but the per-language ones, in the order of the documentation and the CSV export.
    static const QStringList &fixed();
    // What a counter name may look like on the wire and in the statistics file: a lower-case name, perhaps a dot
    // and a suffix of letters, digits, '_' or '-' (a language tag); at most 64 characters. Newer relays may add
    // names; readers keep the ones they do not know.
    static bool isWellFormed(const QString &name);
};

} // namespace advocate
