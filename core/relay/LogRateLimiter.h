// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace advocate {

class Clock;

// Holds back log lines beyond a rate, per logging category (requirement RL12: any log line an anonymous client can
// cause is rate-limited). The relay writes no line of its own for what a client does (those are counted, see
// RefusalCounts), but Qt's modules may warn about a peer's misbehaviour; whatever the source, a flood of one kind
// of line reaches the journal as a few lines and a count.
class LogRateLimiter
{
public:
    struct Limits
    {
        int burst = 20;     // lines a category may write at once
        int perMinute = 20; // and then this many a minute
    };

    LogRateLimiter(const Clock &clock, Limits limits);

    // Whether a line of `category` may be written now; one that may not is counted.
    bool admit(const QString &category);
    // One line per category that had lines held back since the last call ("12 log lines of category qt.network
    // held back"), and the counts start again.
    QStringList takeHeldBackReport();

    // Routes every Qt message (qWarning, qCInfo, …) of the process through `limiter` to the handler that was
    // installed before; fatal messages always pass. `limiter` must stay alive until this is called again with
    // nullptr (messages then pass unlimited).
    static void installMessageHandler(LogRateLimiter *limiter);
    // Writes takeHeldBackReport() of the installed limiter through the previous handler, past the limit.
    static void reportHeldBack();

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 atMs = 0;
        int heldBack = 0;
    };

    const Clock &m_clock;
    Limits m_limits;
    QHash<QString, Bucket> m_buckets; // one per category: a fixed set of names compiled into Qt and the relay
};

} // namespace advocate
