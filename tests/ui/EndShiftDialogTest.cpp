// SPDX-License-Identifier: GPL-3.0-only
// The end-shift override (WS2): a category from a fixed list besides the typed reason, and a dialog that says
// what is recorded where.
#include "EndShiftDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;

TEST(EndShiftDialog, TheOverrideCarriesTheCategoryPickedAndTheTypedReason)
{
    EndShiftDialog dialog({QStringLiteral("Chat 1")});
    auto *category = dialog.findChild<QComboBox *>(QStringLiteral("overrideCategory"));
    ASSERT_NE(category, nullptr);
    EXPECT_FALSE(category->accessibleName().isEmpty());
    ASSERT_EQ(category->count(), 3);
    category->setCurrentIndex(1);
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("overrideReason"));
    ASSERT_NE(reason, nullptr);
    EXPECT_EQ(reason->maxLength(), 500);
    QSignalSpy requested(&dialog, &EndShiftDialog::overrideRequested);
    QTest::keyClicks(reason, QStringLiteral("cannot reach the relay"));
    dialog.findChild<QPushButton *>(QStringLiteral("confirmEndShift"))->click();
    ASSERT_EQ(requested.size(), 1);
    EXPECT_EQ(requested.first().at(0).toString(), QStringLiteral("cannot reach the relay"));
    EXPECT_EQ(requested.first().at(1).value<frame::OverrideCategory>(), frame::OverrideCategory::RelayDown);
}

TEST(EndShiftDialog, SaysThatTheRelayLogsTheOverrideButNotTheTypedReason)
{
    EndShiftDialog dialog({QStringLiteral("Chat 1")});
    auto *recorded = dialog.findChild<QLabel *>(QStringLiteral("overrideRecordedWhere"));
    ASSERT_NE(recorded, nullptr);
    EXPECT_TRUE(recorded->text().contains(QLatin1String("audit log")));
    EXPECT_TRUE(recorded->text().contains(QLatin1String("not your typed reason")));
    EXPECT_TRUE(recorded->text().contains(QLatin1String("wiped when the shift ends")));
}
