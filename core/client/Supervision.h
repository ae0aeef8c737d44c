// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/DailyCounts.h"
#include "protocol/Frames.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

namespace advocate {

class Shift;

// The workstation's side of supervision (WS14, docs/protocol.md section 17) for a supervisor: the board the relay
// keeps up to date (every conversation's row — no content —, the queues, the colleagues on shift, blocks and the
// service notice), the alerts (shift-end reasons), the actions on a conversation, and the relay's per-day counts
// (RL10). Owned by the Shift and emptied when the shift ends. What a chat the supervisor steps into shows is the Chat's
// (ChatStaffSide).
class Supervision : public QObject
{
    Q_OBJECT
public:
    struct Row
    {
        frame::BoardRow row;
        qint64 sinceMs = 0; // on the shift's monotonic clock: when the conversation started (or began to wait)
    };

    explicit Supervision(Shift &shift);

    // Board rows, the ones with a raised hand first, then the longest running.
    QList<Row> rows() const;
    std::optional<Row> row(const QString &conversation) const;
    const QList<frame::QueueWait> &queues() const { return m_queues; }
    const QList<frame::StaffState> &staff() const { return m_staff; }
    int cap() const { return m_cap; }
    const QList<frame::BlockEntry> &blocks() const { return m_blocks; }
    const frame::NoticeState &notice() const { return m_notice; }
    bool anyHandRaised() const;
    // How long a row has run (or waited), in whole seconds, now.
    int secondsOf(const Row &row) const;

    struct HeldAlert
    {
        QString alert;
        QString user;
        QString reason;
    };
    const QList<HeldAlert> &alerts() const { return m_alerts; }

    // Actions (each answered by the relay with participants, board rows, or a refusal).
    void join(const QString &conversation);
    void monitor(const QString &conversation);
    void leave(const QString &conversation);
    void takeOver(const QString &conversation, frame::AfterTakeOver advocate);
    void handBack(const QString &conversation);
    void whisper(const QString &conversation, const QString &body);
    void block(const QString &conversation, int hours);
    void unblock(const QString &block);
    void setNotice(frame::NoticeKind kind, const QString &text);
    void acknowledge(const QString &alert);

    // The relay's per-day counts, asked for on demand (the statistics view).
    DailyCounts &dailyCounts() { return *m_dailyCounts; }

    // The shift ended: the board, the alerts and the counts go.
    void clear();

Q_SIGNALS:
    void boardChanged();
    void alertsChanged();
    // A colleague raised a hand on a chat that had none (the desk alerts, without content).
    void handRaised();

private:
    void apply(const frame::Board &board);

    Shift &m_shift;
    QMap<QString, Row> m_rows;
    QList<frame::QueueWait> m_queues;
    QList<frame::StaffState> m_staff;
    int m_cap = 1;
    QList<frame::BlockEntry> m_blocks;
    frame::NoticeState m_notice;
    QList<HeldAlert> m_alerts;
    DailyCounts *m_dailyCounts = nullptr; // child
};

} // namespace advocate
