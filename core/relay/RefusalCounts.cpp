// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RefusalCounts.h"

#include <QStringList>

namespace advocate {

QString RefusalCounts::name(Refusal refusal)
{
    switch (refusal) {
    case Refusal::ConnectionCap:
        return QStringLiteral("connection_cap");
    case Refusal::SourceConnectionCap:
        return QStringLiteral("source_connection_cap");
    case Refusal::HttpBadRequest:
        return QStringLiteral("http_400");
    case Refusal::HttpForbiddenOrigin:
        return QStringLiteral("http_403_origin");
    case Refusal::HttpMethod:
        return QStringLiteral("http_405");
    case Refusal::HttpBodyTooLarge:
        return QStringLiteral("http_413");
    case Refusal::HttpUriTooLong:
        return QStringLiteral("http_414");
    case Refusal::HttpHeadersTooLarge:
        return QStringLiteral("http_431");
    case Refusal::HttpUnsupported:
        return QStringLiteral("http_unsupported");
    case Refusal::UnmaskedFrame:
        return QStringLiteral("bad_websocket_frame");
    case Refusal::TooManySessions:
        return QStringLiteral("too_many_sessions");
    case Refusal::QueueFull:
        return QStringLiteral("queue_full");
    case Refusal::ChatClosed:
        return QStringLiteral("closed_start_refused");
    case Refusal::PracticeMismatch:
        return QStringLiteral("practice_mismatch");
    case Refusal::RateLimited:
        return QStringLiteral("rate_limited");
    case Refusal::TooManyErrors:
        return QStringLiteral("too_many_errors");
    case Refusal::SignInFailed:
        return QStringLiteral("sign_in_failed");
    case Refusal::SignInLockedOut:
        return QStringLiteral("sign_in_locked_out");
    }
    return QStringLiteral("refused");
}

void RefusalCounts::add(Refusal refusal, const QString &label)
{
    ++m_counts[label.isEmpty() ? name(refusal) : name(refusal) + u'.' + label];
}

int RefusalCounts::count(Refusal refusal) const
{
    const QString base = name(refusal);
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key() == base || it.key().startsWith(base + u'.'))
            total += it.value();
    }
    return total;
}

QString RefusalCounts::takeSummary(qint64 seconds)
{
    if (m_counts.isEmpty())
        return QString();
    QStringList parts{QStringLiteral("refusals seconds=%1").arg(seconds)};
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        parts.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    m_counts.clear();
    return parts.join(u' ');
}

} // namespace advocate
