// SPDX-License-Identifier: GPL-3.0-only
// What a supervisor reads in the statistics view for each of the relay's counters: a name in words for every known
// counter (never the wire name), in a group of its own kind, distinct within the group, also in Spanish; languages by
// their name; a counter a newer relay added under "Other counts" with its wire name.
#include "StatisticsLabels.h"

#include "UiLanguage.h"
#include "protocol/StatisticsCounters.h"

#include <QMap>
#include <QSet>

#include <gtest/gtest.h>

using namespace advocate;
using Group = StatisticsLabels::Group;

TEST(StatisticsLabelsTest, EveryKnownCounterHasWordsOfItsOwnInItsGroupInEnglishAndSpanish)
{
    UiLanguage language;
    for (const QString &code : UiLanguage::shipped()) {
        ASSERT_TRUE(language.apply(code));
        QMap<Group, QSet<QString>> seen;
        for (const QString &counter : StatisticsCounters::fixed()) {
            const Group group = StatisticsLabels::groupOf(counter);
            const QString label = StatisticsLabels::label(counter);
            EXPECT_NE(group, Group::Other) << qPrintable(counter);
            EXPECT_FALSE(label.isEmpty()) << qPrintable(counter);
            EXPECT_NE(label, counter) << qPrintable(code) << ": " << qPrintable(counter) << " has no words";
            EXPECT_FALSE(seen[group].contains(label)) << qPrintable(code) << ": " << qPrintable(label) << " twice";
            seen[group].insert(label);
        }
        for (const Group group : StatisticsLabels::groups())
            EXPECT_FALSE(StatisticsLabels::groupName(group).isEmpty());
    }
    ASSERT_TRUE(language.apply(QStringLiteral("es")));
    EXPECT_EQ(StatisticsLabels::label(StatisticsCounters::answered()), QStringLiteral("Chats atendidos"));
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
    EXPECT_EQ(StatisticsLabels::label(StatisticsCounters::answered()), QStringLiteral("Chats answered"));
}

TEST(StatisticsLabelsTest, LanguagesAreNamedAndUnknownCountersKeepTheirNameUnderOther)
{
    EXPECT_EQ(StatisticsLabels::groupOf(StatisticsCounters::language(QStringLiteral("es"))), Group::Languages);
    EXPECT_EQ(StatisticsLabels::label(StatisticsCounters::language(QStringLiteral("es"))),
              QStringLiteral("Spanish (es)"));
    EXPECT_EQ(StatisticsLabels::groupOf(QStringLiteral("wait.over_2_hours")), Group::Other);
    EXPECT_EQ(StatisticsLabels::label(QStringLiteral("wait.over_2_hours")), QStringLiteral("wait.over_2_hours"));
    EXPECT_EQ(StatisticsLabels::groupOf(QStringLiteral("escalated")), Group::Other);
}
