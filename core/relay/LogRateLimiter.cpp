// SPDX-License-Identifier: GPL-3.0-only
#include "relay/LogRateLimiter.h"

#include "common/Clock.h"

#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace advocate {

namespace {

// Logging may come from any thread (the password checks run on a pool).
QMutex limiterMutex;
LogRateLimiter *installedLimiter = nullptr;
QtMessageHandler previousHandler = nullptr;

void limitedMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtFatalMsg) {
        QMutexLocker lock(&limiterMutex);
        const QString category = QLatin1String(context.category ? context.category : "default");
        if (installedLimiter && !installedLimiter->admit(category))
            return;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

LogRateLimiter::LogRateLimiter(const Clock &clock, Limits limits) : m_clock(clock), m_limits(limits) {}

bool LogRateLimiter::admit(const QString &category)
{
    const qint64 now = m_clock.monotonicMs();
    auto found = m_buckets.find(category);
    if (found == m_buckets.end())
        found = m_buckets.insert(category, Bucket{double(m_limits.burst), now, 0});
    Bucket &bucket = *found;
    bucket.tokens =
        std::min<double>(m_limits.burst, bucket.tokens + double(now - bucket.atMs) * m_limits.perMinute / 60000.0);
    bucket.atMs = now;
    if (bucket.tokens < 1) {
        ++bucket.heldBack;
        return false;
    }
    bucket.tokens -= 1;
    return true;
}

QStringList LogRateLimiter::takeHeldBackReport()
{
    QStringList report;
    for (auto it = m_buckets.begin(); it != m_buckets.end(); ++it) {
        if (it->heldBack == 0)
            continue;
        report.append(QStringLiteral("advocate-relay: %1 log lines of category %2 held back (more than %3 a minute)")
                          .arg(it->heldBack)
                          .arg(it.key())
                          .arg(m_limits.perMinute));
        it->heldBack = 0;
    }
    report.sort();
    return report;
}

void LogRateLimiter::installMessageHandler(LogRateLimiter *limiter)
{
    QMutexLocker lock(&limiterMutex);
    installedLimiter = limiter;
    const QtMessageHandler previous = qInstallMessageHandler(limitedMessageHandler);
    if (previous != limitedMessageHandler)
        previousHandler = previous;
}

void LogRateLimiter::reportHeldBack()
{
    QStringList report;
    {
        QMutexLocker lock(&limiterMutex);
        if (installedLimiter)
            report = installedLimiter->takeHeldBackReport();
    }
    const QMessageLogContext context(nullptr, 0, nullptr, "advocate.relay.log");
    for (const QString &line : std::as_const(report)) {
        if (previousHandler)
            previousHandler(QtWarningMsg, context, line);
    }
}

} // namespace advocate
