// SPDX-License-Identifier: GPL-3.0-only
#include "NoticeReminder.h"

#include <QCoreApplication>

#include <algorithm>

namespace advocate {

NoticeReminder::NoticeReminder(int thresholdMinutes) : m_thresholdMs(qint64(std::max(1, thresholdMinutes)) * 60 * 1000)
{
}

bool NoticeReminder::noticeGiven(const QList<SentMessage> &sent)
{
    return std::any_of(sent.cbegin(), sent.cend(), [](const SentMessage &message) {
        return message.flags.contains(CannedFlag::MandatoryReporting);
    });
}

NoticeReminder::State NoticeReminder::state(const QList<SentMessage> &sent, qint64 elapsedMs,
                                            qint64 dismissedAtMs) const
{
    if (noticeGiven(sent))
        return State::Given;
    const qint64 dueAt = dismissedAtMs >= 0 ? dismissedAtMs + m_thresholdMs : m_thresholdMs;
    return elapsedMs >= dueAt ? State::Due : State::NotYetDue;
}

QString NoticeReminder::reminderText()
{
    return QCoreApplication::translate("NoticeReminder",
                                       "The confidentiality and mandatory-reporting notice has not been shared in "
                                       "this conversation yet. When it feels right, let them know what stays "
                                       "private and what you might have to report.");
}

} // namespace advocate
