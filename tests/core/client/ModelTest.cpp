// SPDX-License-Identifier: GPL-3.0-only
// The transcript and conversation-list models: roles from Qt::UserRole + 1, every change checked by
// QAbstractItemModelTester, delivery states and unread counts as the relay reports them.
#include "client/ConversationListModel.h"
#include "client/TranscriptModel.h"
#include "common/ManualClock.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

TranscriptModel::Entry own(const QString &clientId, const QString &text)
{
    TranscriptModel::Entry entry;
    entry.direction = MessageDirection::FromAdvocate;
    entry.author = QStringLiteral("You");
    entry.text = text;
    entry.delivery = TranscriptModel::Delivery::Sending;
    entry.clientId = clientId;
    return entry;
}

TranscriptModel::Entry fromSurvivor(qint64 seq, const QString &text)
{
    TranscriptModel::Entry entry;
    entry.direction = MessageDirection::FromSurvivor;
    entry.author = QStringLiteral("Survivor");
    entry.text = text;
    entry.seq = seq;
    return entry;
}

} // namespace

TEST(TranscriptModel, RolesStartAfterUserRoleAndAllHaveNames)
{
    TranscriptModel model;
    const auto names = model.roleNames();
    EXPECT_EQ(names.size(), 7);
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        EXPECT_GT(it.key(), Qt::UserRole);
        EXPECT_FALSE(it.value().isEmpty());
    }
}

TEST(TranscriptModel, OwnMessagesMoveFromSendingToSentToDelivered)
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(own(QStringLiteral("c1"), QStringLiteral("hello")));
    model.append(own(QStringLiteral("c2"), QStringLiteral("again")));
    EXPECT_EQ(model.index(0).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Sending));
    model.markAccepted(QStringLiteral("c1"), 1);
    model.markAccepted(QStringLiteral("c2"), 2);
    EXPECT_EQ(model.index(0).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Sent));
    EXPECT_EQ(model.index(1).data(TranscriptModel::SeqRole).toLongLong(), 2);
    model.markDeliveredUpTo(1);
    EXPECT_EQ(model.index(0).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Delivered));
    EXPECT_EQ(model.index(1).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Sent));
}

TEST(TranscriptModel, AFailedMessageCanBeMarkedSendingAgainButAnAcceptedOneNeverFails)
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(own(QStringLiteral("c1"), QStringLiteral("a")));
    model.append(own(QStringLiteral("c2"), QStringLiteral("b")));
    model.markAccepted(QStringLiteral("c2"), 1);
    model.markFailed(QStringLiteral("c1"));
    model.markFailed(QStringLiteral("c2"));
    EXPECT_EQ(model.index(0).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Failed));
    EXPECT_EQ(model.index(1).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Sent));
    model.markSending(QStringLiteral("c1"));
    EXPECT_EQ(model.index(0).data(TranscriptModel::DeliveryRole).toInt(),
              static_cast<int>(TranscriptModel::Delivery::Sending));
}

TEST(TranscriptModel, AMessageWhoseSeqIsAlreadyHeldIsNotAddedTwice)
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_TRUE(model.append(fromSurvivor(1, QStringLiteral("hi"))));
    EXPECT_FALSE(model.append(fromSurvivor(1, QStringLiteral("hi"))));
    model.appendAll({fromSurvivor(2, QStringLiteral("a")), fromSurvivor(3, QStringLiteral("b"))});
    EXPECT_FALSE(model.append(fromSurvivor(3, QStringLiteral("b"))));
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(TranscriptModel, MarkupIsHandedOutExactlyAsTyped)
{
    TranscriptModel model;
    const QString markup = QStringLiteral("<b>bold</b> <img src=\"http://127.0.0.1:1/x.png\">");
    model.append(fromSurvivor(1, markup));
    EXPECT_EQ(model.index(0).data(Qt::DisplayRole).toString(), markup);
    EXPECT_EQ(model.index(0).data(TranscriptModel::TextRole).toString(), markup);
    EXPECT_FALSE(model.flags(model.index(0)).testFlag(Qt::ItemIsEditable));
    EXPECT_FALSE(model.flags(model.index(0)).testFlag(Qt::ItemIsDragEnabled));
}

TEST(ConversationListModel, RolesStartAfterUserRoleAndAllHaveNames)
{
    ConversationListModel model(std::make_shared<ManualClock>());
    const auto names = model.roleNames();
    EXPECT_EQ(names.size(), 10);
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        EXPECT_GT(it.key(), Qt::UserRole);
}

TEST(ConversationListModel, CountsUnreadAndTheTimeSinceTheSurvivorLastWrote)
{
    auto clock = std::make_shared<ManualClock>();
    ConversationListModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.add(QStringLiteral("c1"), QStringLiteral("en"), QStringLiteral("Rosa"));
    EXPECT_EQ(model.index(0).data(ConversationListModel::SecondsSinceSurvivorRole).toLongLong(), -1);
    model.survivorWrote(QStringLiteral("c1"), clock->now(), true);
    model.survivorWrote(QStringLiteral("c1"), clock->now(), true);
    clock->advance(std::chrono::seconds(90));
    model.tick();
    EXPECT_EQ(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 2);
    EXPECT_EQ(model.index(0).data(ConversationListModel::SecondsSinceSurvivorRole).toLongLong(), 90);
    model.markRead(QStringLiteral("c1"));
    EXPECT_EQ(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
}

TEST(ConversationListModel, TheDisplayTextNeverContainsTheAlias)
{
    ConversationListModel model(std::make_shared<ManualClock>());
    model.add(QStringLiteral("c1"), QStringLiteral("en"), QStringLiteral("Rosa"));
    EXPECT_FALSE(model.index(0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Rosa")));
}

TEST(ConversationListModel, StatesFollowIdleDisconnectQuickExitAndEnd)
{
    ConversationListModel model(std::make_shared<ManualClock>());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.add(QStringLiteral("a"), QStringLiteral("en"), QString());
    model.add(QStringLiteral("b"), QStringLiteral("en"), QString());
    auto state = [&](int row) {
        return static_cast<ConversationListModel::State>(
            model.index(row).data(ConversationListModel::StateRole).toInt());
    };
    model.setInactivity(QStringLiteral("a"), 1);
    EXPECT_EQ(state(0), ConversationListModel::State::SurvivorIdle);
    model.setPeerConnected(QStringLiteral("a"), false);
    EXPECT_EQ(state(0), ConversationListModel::State::SurvivorDisconnected);
    model.survivorWrote(QStringLiteral("a"), QDateTime::currentDateTimeUtc(), true);
    EXPECT_EQ(state(0), ConversationListModel::State::Active);
    model.setEnded(QStringLiteral("a"), EndReason::QuickExit);
    model.setEnded(QStringLiteral("b"), EndReason::SurvivorEnded);
    EXPECT_EQ(state(0), ConversationListModel::State::QuickExit);
    EXPECT_EQ(state(1), ConversationListModel::State::Ended);
    EXPECT_EQ(model.openCount(), 0);
}
