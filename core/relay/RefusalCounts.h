// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QMap>
#include <QString>

namespace advocate {

// What the relay refused an anonymous client (docs/protocol.md section 13). Anyone who can reach the survivor page
// can cause these as often as they like, so none of them is written as a line of its own: they are counted and
// the audit log gets one summary line a minute (requirement RL12).
enum class Refusal {
    ConnectionCap,       // the relay's connection cap: refused at accept
    SourceConnectionCap, // one source's connection cap: refused at accept
    HttpBadRequest,      // 400: malformed request line or header, bad Content-Length, no Host
    HttpForbiddenOrigin, // 403: a WebSocket upgrade from an Origin the relay does not serve
    HttpMethod,          // 405
    HttpBodyTooLarge,    // 413
    HttpUriTooLong,      // 414: the request line is too long
    HttpHeadersTooLarge, // 431
    HttpUnsupported,     // 426 (WebSocket version), 501 (Transfer-Encoding), 505 (HTTP version)
    UnmaskedFrame,       // a client WebSocket frame without a mask, or with a length beyond the hard limit
    TooManySessions,     // `start` over the per-source session cap
    QueueFull,           // `start` answered `busy`: the language's queue is full
    ChatClosed,          // `start` answered `busy`: outside hours or a notice stops new chats
    RateLimited,         // a frame over the token bucket, or a sign-in over the pending checks
    TooManyErrors,       // a connection closed for too many bad frames
    SignInFailed,        // wrong user name or password (the name is never logged)
    SignInLockedOut,     // a sign-in to an account that is locked out
    PracticeMismatch,    // `start` a practice relay takes from a practice survivor only, a live relay never (issue 18)
};

// Counts refusals between two summaries. Labels (a language from the program's config) split a count; they are
// never taken from what a client sent unless the config allows it, so the number of counters stays bounded.
class RefusalCounts
{
public:
    static QString name(Refusal refusal);

    void add(Refusal refusal, const QString &label = QString());
    int count(Refusal refusal) const; // all labels together
    bool isEmpty() const { return m_counts.isEmpty(); }
    // One line for the audit log, such as "refusals seconds=60 queue_full.en=3 rate_limited=40", and the counts
    // start again from zero. Empty when nothing was refused.
    QString takeSummary(qint64 seconds);

private:
    QMap<QString, int> m_counts; // "name" or "name.label" → count; sorted, so summaries read the same every time
};

} // namespace advocate
