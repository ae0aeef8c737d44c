// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedResponse.h"

#include <QList>
#include <QString>

namespace advocate {

// Tracks the confidentiality / mandatory-reporting notice in one conversation (issue 6, item 5; WS10): whether it
// has been given, and whether a gentle reminder is due because the conversation has gone on for a while without
// it. Pure logic over what was sent and how long the conversation has run, so the caller brings the clock.
class NoticeReminder
{
public:
    enum class State {
        Given,     // a message carrying the notice was sent
        NotYetDue, // not given, but the conversation is still young (or the reminder was just dismissed)
        Due,       // not given and the threshold has passed: show the reminder
    };

    // What the advocate sent: the flags of the canned entry it started from (empty for free text).
    struct SentMessage
    {
        QList<CannedFlag> flags;
    };

    explicit NoticeReminder(int thresholdMinutes = 10);

    static bool noticeGiven(const QList<SentMessage> &sent);
    // `elapsedMs` since the conversation started; `dismissedAtMs` (elapsed time when the advocate last dismissed
    // the reminder, or -1) postpones it by another threshold.
    State state(const QList<SentMessage> &sent, qint64 elapsedMs, qint64 dismissedAtMs = -1) const;
    // The reminder's text, translated; gentle, and it says why.
    static QString reminderText();

    qint64 thresholdMs() const { return m_thresholdMs; }

private:
    qint64 m_thresholdMs;
};

} // namespace advocate
