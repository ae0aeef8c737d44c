// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QMap>
#include <QString>

namespace advocate {

// What the supervisors' board last showed (docs/protocol.md section 17), to send only what changed: conversation
// rows keyed by id, each with the moment its `sinceSeconds` counts from, and the small rest (queues, staff,
// blocks, notice) sent whole. Holds no content and no alias; memory only.
class SupervisorBoard
{
public:
    struct Entry
    {
        frame::BoardRow row; // sinceSeconds is filled in when a frame is made
        qint64 sinceMs = 0;
    };
    using Rows = QMap<QString, Entry>;

    // The frames that bring a board up to date with `rows` and `rest` (its conversation fields unused): none
    // when nothing changed. Remembers them as published.
    QList<frame::Board> update(const Rows &rows, const frame::Board &rest, qint64 nowMs);
    // The whole board, for a supervisor who just signed in: the first frame has `reset`.
    QList<frame::Board> snapshot(qint64 nowMs) const;
    bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QList<frame::Board> framesOf(const QList<const Entry *> &changed, const QStringList &removed, bool reset,
                                 qint64 nowMs) const;

    Rows m_rows;
    frame::Board m_rest;
    bool m_published = false;
};

} // namespace advocate
