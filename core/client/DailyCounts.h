// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace advocate {

class ClientSession;
class Clock;

// The relay's per-day counts (RL10, docs/protocol.md section 18) as a supervisor's desk last received them: today
// and the 30 days before it, counts and bands only, never anything of one conversation. Asked for on demand
// (request()); what came last stays while the desk asks again. Owned by the Supervision and emptied with it when
// the shift ends.
class DailyCounts : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Empty,       // nothing asked yet, or emptied
        Asking,      // a request is on its way
        Received,    // the relay answered
        Refused,     // the relay refused the request (refusal() says how)
        Unreachable, // not connected to the relay when asked, or the connection dropped while asking
        NoAnswer,    // connected, but no answer within the answer timeout
    };
    Q_ENUM(State)

    static constexpr std::chrono::seconds defaultAnswerTimeout{15};
    // How many days before today the view sums up (the relay keeps today and this many before it).
    static constexpr int daysBeforeToday = frame::maxStatisticsDays - 1;

    // `clock` stamps when the counts arrived; it must outlive this.
    DailyCounts(ClientSession &session, const Clock &clock,
                std::chrono::milliseconds answerTimeout = defaultAnswerTimeout, QObject *parent = nullptr);

    State state() const { return m_state; }
    ErrorCode refusal() const { return m_refusal; }
    // Asks the relay for today and the 30 days before it (supervisors only; others are refused).
    void request();
    // Forgets the counts (the shift ended).
    void clear();

    bool hasCounts() const { return !m_statistics.days.isEmpty(); }
    // The days received, oldest first, today last; what the CSV export holds.
    const QList<frame::StatisticsDay> &days() const { return m_statistics.days; }
    // The program's time zone (an IANA name), which the days are days of.
    QString timeZone() const { return m_statistics.timeZone; }
    // When the counts arrived, on the clock's wall time.
    QDateTime receivedAt() const { return m_receivedAt; }
    // The relay's today (its last day); invalid without counts.
    QDate today() const;
    qint64 todayCount(const QString &counter) const;
    // The sum over the 30 days before today.
    qint64 daysBeforeCount(const QString &counter) const;
    // How many of the 30 days before today the relay has counts for (a day it did not run is missing).
    int daysBeforeHeld() const;
    // Every counter to show: those of StatisticsCounters::fixed() in their order, then the others the days name.
    QStringList counters() const;
    // The counts as CSV (StatisticsCsv), counts only.
    QByteArray csv() const;
    struct SaveResult
    {
        bool saved = false;
        QString problem; // the system's words for what failed
    };
    // Writes csv() to `path` atomically (a new file renamed over any old one): whole, or not at all.
    SaveResult saveCsv(const QString &path) const;

Q_SIGNALS:
    void changed();

private:
    void receive(const frame::Statistics &statistics);
    void setState(State state);
    bool isBeforeToday(const frame::StatisticsDay &day) const;

    ClientSession &m_session;
    const Clock &m_clock;
    frame::Statistics m_statistics;
    QDateTime m_receivedAt;
    State m_state = State::Empty;
    ErrorCode m_refusal = ErrorCode::NotAuthorized;
    QTimer m_answerTimeout;
};

} // namespace advocate
