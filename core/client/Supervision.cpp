// SPDX-License-Identifier: GPL-3.0-only
#include "Supervision.h"

#include "Shift.h"
#include "client/ClientSession.h"
#include "common/Clock.h"

#include <algorithm>

namespace advocate {

Supervision::Supervision(Shift &shift) : QObject(&shift), m_shift(shift)
{
    ClientSession &session = m_shift.session();
    m_dailyCounts = new DailyCounts(session, m_shift.clock(), DailyCounts::defaultAnswerTimeout, this);
    connect(&session, &ClientSession::boardReceived, this, &Supervision::apply);
    connect(&session, &ClientSession::alertReceived, this, [this](const frame::Alert &alert) {
        if (std::any_of(m_alerts.cbegin(), m_alerts.cend(), [&](const HeldAlert &h) { return h.alert == alert.alert; }))
            return;
        m_alerts.append({alert.alert, alert.user, alert.body});
        Q_EMIT alertsChanged();
    });
    connect(&session, &ClientSession::alertClosed, this, [this](const QString &alert) {
        if (m_alerts.removeIf([&](const HeldAlert &h) { return h.alert == alert; }) > 0)
            Q_EMIT alertsChanged();
    });
}

void Supervision::apply(const frame::Board &board)
{
    const bool raisedBefore = anyHandRaised();
    QSet<QString> raisedRows;
    for (const Row &held : std::as_const(m_rows)) {
        if (held.row.flags.contains(frame::BoardFlag::HandRaised))
            raisedRows.insert(held.row.conversation);
    }
    if (board.reset)
        m_rows.clear();
    for (const QString &gone : board.removed)
        m_rows.remove(gone);
    const qint64 now = m_shift.clock().monotonicMs();
    bool newHand = false;
    for (const frame::BoardRow &row : board.conversations) {
        m_rows.insert(row.conversation, Row{row, now - qint64(row.sinceSeconds) * 1000});
        if (row.flags.contains(frame::BoardFlag::HandRaised) && !raisedRows.contains(row.conversation))
            newHand = true;
    }
    m_queues = board.queues;
    m_staff = board.staff;
    m_cap = board.cap;
    m_blocks = board.blocks;
    m_notice = board.notice;
    Q_EMIT boardChanged();
    if (newHand || (!raisedBefore && anyHandRaised()))
        Q_EMIT handRaised();
}

QList<Supervision::Row> Supervision::rows() const
{
    QList<Row> list = m_rows.values();
    std::stable_sort(list.begin(), list.end(), [](const Row &a, const Row &b) {
        const bool ha = a.row.flags.contains(frame::BoardFlag::HandRaised);
        const bool hb = b.row.flags.contains(frame::BoardFlag::HandRaised);
        if (ha != hb)
            return ha;
        return a.sinceMs < b.sinceMs;
    });
    return list;
}

std::optional<Supervision::Row> Supervision::row(const QString &conversation) const
{
    const auto found = m_rows.constFind(conversation);
    return found == m_rows.cend() ? std::nullopt : std::optional<Row>(*found);
}

bool Supervision::anyHandRaised() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [](const Row &r) { return r.row.flags.contains(frame::BoardFlag::HandRaised); });
}

int Supervision::secondsOf(const Row &row) const
{
    return static_cast<int>(std::max<qint64>(0, m_shift.clock().monotonicMs() - row.sinceMs) / 1000);
}

void Supervision::join(const QString &conversation)
{
    m_shift.session().supervise(frame::Join{conversation});
}

void Supervision::monitor(const QString &conversation)
{
    m_shift.session().supervise(frame::Monitor{conversation});
}

void Supervision::leave(const QString &conversation)
{
    m_shift.session().supervise(frame::Leave{conversation});
}

void Supervision::takeOver(const QString &conversation, frame::AfterTakeOver advocate)
{
    m_shift.session().supervise(frame::TakeOver{conversation, advocate});
}

void Supervision::handBack(const QString &conversation)
{
    m_shift.session().supervise(frame::HandBack{conversation});
}

void Supervision::whisper(const QString &conversation, const QString &body)
{
    if (!body.trimmed().isEmpty())
        m_shift.session().supervise(frame::Whisper{conversation, body.trimmed()});
}

void Supervision::block(const QString &conversation, int hours)
{
    m_shift.session().supervise(frame::Block{conversation, std::clamp(hours, 1, frame::maxBlockHours)});
}

void Supervision::unblock(const QString &block)
{
    m_shift.session().supervise(frame::Unblock{block});
}

void Supervision::setNotice(frame::NoticeKind kind, const QString &text)
{
    if (kind == frame::NoticeKind::None)
        m_shift.session().supervise(frame::SetNotice{});
    else
        m_shift.session().supervise(frame::SetNotice{kind, text.trimmed().left(frame::maxNoticeChars), std::nullopt});
}

void Supervision::acknowledge(const QString &alert)
{
    m_shift.session().supervise(frame::AckAlert{alert});
    if (m_alerts.removeIf([&](const HeldAlert &h) { return h.alert == alert; }) > 0)
        Q_EMIT alertsChanged();
}

void Supervision::clear()
{
    m_rows.clear();
    m_queues.clear();
    m_staff.clear();
    m_blocks.clear();
    m_notice = {};
    m_alerts.clear();
    m_dailyCounts->clear();
    Q_EMIT boardChanged();
    Q_EMIT alertsChanged();
}

} // namespace advocate
