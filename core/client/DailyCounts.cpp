// SPDX-License-Identifier: GPL-3.0-only
#include "DailyCounts.h"

#include "client/ClientSession.h"
#include "common/Clock.h"
#include "protocol/StatisticsCounters.h"
#include "protocol/StatisticsCsv.h"

#include <QSaveFile>

#include <algorithm>

namespace advocate {

DailyCounts::DailyCounts(ClientSession &session, const Clock &clock, std::chrono::milliseconds answerTimeout,
                         QObject *parent)
    : QObject(parent), m_session(session), m_clock(clock)
{
    m_answerTimeout.setSingleShot(true);
    m_answerTimeout.setInterval(answerTimeout);
    connect(&m_answerTimeout, &QTimer::timeout, this, [this] {
        if (m_state == State::Asking)
            setState(State::NoAnswer);
    });
    connect(&m_session, &ClientSession::statisticsReceived, this, &DailyCounts::receive);
    connect(&m_session, &ClientSession::requestRefused, this, [this](ErrorCode code, const QString &inReplyTo) {
        if (m_state != State::Asking || inReplyTo != QLatin1String(FrameTraits<frame::GetStatistics>::name))
            return;
        m_refusal = code;
        setState(State::Refused);
    });
    connect(&m_session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (m_state == State::Asking && state != ClientSession::State::SignedIn)
            setState(State::Unreachable); // the answer would have come on the connection that dropped
    });
}

void DailyCounts::request()
{
    if (m_session.state() != ClientSession::State::SignedIn) {
        setState(State::Unreachable);
        return;
    }
    m_session.requestStatistics(frame::maxStatisticsDays);
    m_answerTimeout.start();
    setState(State::Asking);
}

void DailyCounts::clear()
{
    m_answerTimeout.stop();
    m_statistics = {};
    m_receivedAt = {};
    m_state = State::Empty;
    Q_EMIT changed();
}

void DailyCounts::receive(const frame::Statistics &statistics)
{
    if (m_state != State::Asking)
        return; // nothing asked (or emptied since): nothing to keep
    m_answerTimeout.stop();
    m_statistics = statistics;
    m_receivedAt = m_clock.now();
    setState(State::Received);
}

void DailyCounts::setState(State state)
{
    m_state = state;
    Q_EMIT changed();
}

QDate DailyCounts::today() const
{
    return hasCounts() ? m_statistics.days.last().date : QDate();
}

bool DailyCounts::isBeforeToday(const frame::StatisticsDay &day) const
{
    const QDate last = today();
    return day.date < last && day.date >= last.addDays(-daysBeforeToday);
}

qint64 DailyCounts::todayCount(const QString &counter) const
{
    return hasCounts() ? m_statistics.days.last().counts.value(counter) : 0;
}

qint64 DailyCounts::daysBeforeCount(const QString &counter) const
{
    qint64 sum = 0;
    for (const frame::StatisticsDay &day : m_statistics.days) {
        if (isBeforeToday(day))
            sum += day.counts.value(counter);
    }
    return sum;
}

int DailyCounts::daysBeforeHeld() const
{
    return static_cast<int>(std::count_if(m_statistics.days.cbegin(), m_statistics.days.cend(),
                                          [this](const frame::StatisticsDay &day) { return isBeforeToday(day); }));
}

QStringList DailyCounts::counters() const
{
    QStringList names = StatisticsCounters::fixed();
    QStringList others;
    for (const frame::StatisticsDay &day : m_statistics.days) {
        for (auto it = day.counts.constBegin(); it != day.counts.constEnd(); ++it) {
            if (!names.contains(it.key()) && !others.contains(it.key()) && StatisticsCounters::isWellFormed(it.key()))
                others.append(it.key());
        }
    }
    others.sort();
    return names + others;
}

QByteArray DailyCounts::csv() const
{
    return StatisticsCsv::render(m_statistics.days);
}

DailyCounts::SaveResult DailyCounts::saveCsv(const QString &path) const
{
    const QByteArray content = csv();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return {false, file.errorString()}; // an uncommitted QSaveFile leaves any old file as it was
    return {true, QString()};
}

} // namespace advocate
