// SPDX-License-Identifier: GPL-3.0-only
#include "relay/SupervisorBoard.h"

#include <algorithm>

namespace advocate {

namespace {

bool sameRest(const frame::Board &a, const frame::Board &b)
{
    return a.queues == b.queues && a.staff == b.staff && a.cap == b.cap && a.blocks == b.blocks && a.notice == b.notice;
}

} // namespace

QList<frame::Board> SupervisorBoard::update(const Rows &rows, const frame::Board &rest, qint64 nowMs)
{
    QList<const Entry *> changed;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto old = m_rows.constFind(it.key());
        if (old == m_rows.cend() || !(old->row == it->row) || old->sinceMs != it->sinceMs)
            changed.append(&*it);
    }
    QStringList removed;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (!rows.contains(it.key()))
            removed.append(it.key());
    }
    const bool restChanged = !m_published || !sameRest(rest, m_rest);
    QList<frame::Board> frames;
    if (!changed.isEmpty() || !removed.isEmpty() || restChanged) {
        m_rest = rest;
        frames = framesOf(changed, removed, false, nowMs);
    }
    m_rows = rows;
    m_published = true;
    return frames;
}

QList<frame::Board> SupervisorBoard::snapshot(qint64 nowMs) const
{
    QList<const Entry *> all;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        all.append(&*it);
    return framesOf(all, {}, true, nowMs);
}

QList<frame::Board> SupervisorBoard::framesOf(const QList<const Entry *> &changed, const QStringList &removed,
                                              bool reset, qint64 nowMs) const
{
    QList<frame::Board> frames;
    qsizetype next = 0;
    do {
        frame::Board board = m_rest;
        board.conversations.clear();
        board.removed.clear();
        board.reset = reset && frames.isEmpty();
        if (frames.isEmpty())
            board.removed = removed;
        const qsizetype end = std::min<qsizetype>(changed.size(), next + frame::maxBoardRowsPerFrame);
        for (; next < end; ++next) {
            frame::BoardRow row = changed.at(next)->row;
            row.sinceSeconds = static_cast<int>(std::max<qint64>(0, nowMs - changed.at(next)->sinceMs) / 1000);
            board.conversations.append(row);
        }
        frames.append(board);
    } while (next < changed.size());
    return frames;
}

} // namespace advocate
