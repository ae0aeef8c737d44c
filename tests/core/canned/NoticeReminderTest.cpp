// SPDX-License-Identifier: GPL-3.0-only
#include "canned/NoticeReminder.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

constexpr qint64 minute = 60 * 1000;

} // namespace

TEST(NoticeReminder, NotDueWhileTheConversationIsYoung)
{
    const NoticeReminder reminder(10);
    EXPECT_EQ(reminder.state({{}, {}}, 9 * minute), NoticeReminder::State::NotYetDue);
}

TEST(NoticeReminder, DueOnceTheThresholdPassesWithoutTheNotice)
{
    const NoticeReminder reminder(10);
    EXPECT_EQ(reminder.state({{{CannedFlag::SafetyCheck}}}, 10 * minute), NoticeReminder::State::Due);
}

TEST(NoticeReminder, GivenOnceAMessageCarriesTheNotice)
{
    const NoticeReminder reminder(10);
    const QList<NoticeReminder::SentMessage> sent{{{}}, {{CannedFlag::MandatoryReporting}}};
    EXPECT_TRUE(NoticeReminder::noticeGiven(sent));
    EXPECT_EQ(reminder.state(sent, 60 * minute), NoticeReminder::State::Given);
}

TEST(NoticeReminder, DismissingPostponesByAnotherThreshold)
{
    const NoticeReminder reminder(5);
    EXPECT_EQ(reminder.state({}, 8 * minute, 6 * minute), NoticeReminder::State::NotYetDue);
    EXPECT_EQ(reminder.state({}, 11 * minute, 6 * minute), NoticeReminder::State::Due);
}

TEST(NoticeReminder, ThresholdIsConfigurable)
{
    EXPECT_EQ(NoticeReminder(3).state({}, 3 * minute), NoticeReminder::State::Due);
    EXPECT_EQ(NoticeReminder(30).state({}, 3 * minute), NoticeReminder::State::NotYetDue);
    EXPECT_FALSE(NoticeReminder::reminderText().isEmpty());
}
