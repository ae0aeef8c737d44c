// SPDX-License-Identifier: GPL-3.0-only
// A Chat and the two models that adapt it: roles from Qt::UserRole + 1, every change checked by
// QAbstractItemModelTester, delivery states and unread counts as the relay reports them. The relay's events are
// played through the session's own signals into a real Shift, so the routing is the program's; the session is
// signed out and the cache never opened (nothing here needs either).
#include "cache/ShiftCache.h"
#include "client/Chat.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"
#include "client/TranscriptModel.h"
#include "common/ManualClock.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

class ChatModels : public ::testing::Test
{
protected:
    ShiftCache::Options cacheOptions() const
    {
        ShiftCache::Options options;
        options.directory = folder.filePath(QStringLiteral("cache"));
        options.keychainService = QStringLiteral("org.advocatedesk.tests.models");
        options.keyName = QStringLiteral("never-used");
        options.clock = clock;
        return options;
    }

    // The relay gave this advocate a chat.
    Chat *start(const QString &id, const QString &alias = QString())
    {
        Q_EMIT session.conversationStarted(id, QStringLiteral("en"), alias);
        return shift.chat(id);
    }

    void fromSurvivor(const QString &id, qint64 seq, const QString &text)
    {
        Q_EMIT session.messageReceived(id, seq, Side::Survivor, QString(), text, clock->now(), QString(), false);
    }

    QVariant delivery(const TranscriptModel &model, int row)
    {
        return model.index(row).data(TranscriptModel::DeliveryRole);
    }

    static QVariant is(DeliveryState state) { return static_cast<int>(state); }

    QTemporaryDir folder;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    ClientSession session;
    ShiftCache cache{cacheOptions()};
    Shift shift{session, cache, clock};
};

} // namespace

TEST_F(ChatModels, TranscriptRolesStartAfterUserRoleAndAllHaveNames)
{
    TranscriptModel model;
    const auto names = model.roleNames();
    EXPECT_EQ(names.size(), 7);
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        EXPECT_GT(it.key(), Qt::UserRole);
        EXPECT_FALSE(it.value().isEmpty());
    }
}

TEST_F(ChatModels, OwnMessagesMoveFromSendingToSentToDelivered)
{
    Chat *chat = start(QStringLiteral("c"));
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChat(chat);
    const int first = model.rowCount();
    const QString one = chat->send(QStringLiteral("hello"));
    const QString two = chat->send(QStringLiteral("again"));
    ASSERT_EQ(model.rowCount(), first + 2);
    EXPECT_EQ(delivery(model, first), is(DeliveryState::Sending));
    Q_EMIT session.messageAccepted(QStringLiteral("c"), one, 1);
    Q_EMIT session.messageAccepted(QStringLiteral("c"), two, 2);
    EXPECT_EQ(delivery(model, first), is(DeliveryState::Sent));
    EXPECT_EQ(model.index(first + 1).data(TranscriptModel::SeqRole).toLongLong(), 2);
    Q_EMIT session.delivered(QStringLiteral("c"), 1);
    EXPECT_EQ(delivery(model, first), is(DeliveryState::Delivered));
    EXPECT_EQ(delivery(model, first + 1), is(DeliveryState::Sent));
}

TEST_F(ChatModels, DeliveryNeverGoesBackwards)
{
    Chat *chat = start(QStringLiteral("c"));
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChat(chat);
    const int row = model.rowCount();
    const QString id = chat->send(QStringLiteral("hello"));
    Q_EMIT session.messageAccepted(QStringLiteral("c"), id, 1);
    Q_EMIT session.delivered(QStringLiteral("c"), 1);
    ASSERT_EQ(delivery(model, row), is(DeliveryState::Delivered));
    // A repeated or late report moves nothing back.
    Q_EMIT session.messageAccepted(QStringLiteral("c"), id, 1);
    Q_EMIT session.messageFailed(QStringLiteral("c"), id);
    EXPECT_EQ(delivery(model, row), is(DeliveryState::Delivered));
    chat->retry(id); // only a failed message can be retried
    EXPECT_EQ(delivery(model, row), is(DeliveryState::Delivered));
    EXPECT_FALSE(deliveryMayBecome(DeliveryState::Sent, DeliveryState::Sending));
    EXPECT_FALSE(deliveryMayBecome(DeliveryState::Sent, DeliveryState::Failed));
    EXPECT_FALSE(deliveryMayBecome(DeliveryState::Delivered, DeliveryState::Sent));
    EXPECT_TRUE(deliveryMayBecome(DeliveryState::Failed, DeliveryState::Sending));
}

TEST_F(ChatModels, AFailedMessageCanBeRetriedButAnAcceptedOneNeverFails)
{
    Chat *chat = start(QStringLiteral("c"));
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChat(chat);
    const int first = model.rowCount();
    const QString one = chat->send(QStringLiteral("a"));
    const QString two = chat->send(QStringLiteral("b"));
    Q_EMIT session.messageAccepted(QStringLiteral("c"), two, 1);
    Q_EMIT session.messageFailed(QStringLiteral("c"), one);
    Q_EMIT session.messageFailed(QStringLiteral("c"), two);
    EXPECT_EQ(delivery(model, first), is(DeliveryState::Failed));
    EXPECT_EQ(delivery(model, first + 1), is(DeliveryState::Sent));
    chat->retry(one);
    EXPECT_EQ(delivery(model, first), is(DeliveryState::Sending));
    EXPECT_EQ(session.outboxSize(), 3); // a, b, and a again under its old client id
}

TEST_F(ChatModels, AMessageWhoseSeqIsAlreadyHeldIsNotAddedTwice)
{
    Chat *chat = start(QStringLiteral("c"));
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChat(chat);
    const int before = model.rowCount();
    fromSurvivor(QStringLiteral("c"), 1, QStringLiteral("hi"));
    fromSurvivor(QStringLiteral("c"), 1, QStringLiteral("hi"));
    fromSurvivor(QStringLiteral("c"), 2, QStringLiteral("a"));
    fromSurvivor(QStringLiteral("c"), 2, QStringLiteral("a"));
    EXPECT_EQ(model.rowCount(), before + 2);
    EXPECT_EQ(chat->contiguousSeq(), 2);
}

TEST_F(ChatModels, MarkupIsHandedOutExactlyAsTyped)
{
    Chat *chat = start(QStringLiteral("c"));
    TranscriptModel model;
    model.setChat(chat);
    const QString markup = QStringLiteral("<b>bold</b> <img src=\"http://127.0.0.1:1/x.png\">");
    fromSurvivor(QStringLiteral("c"), 1, markup);
    const QModelIndex last = model.index(model.rowCount() - 1);
    EXPECT_EQ(last.data(Qt::DisplayRole).toString(), markup);
    EXPECT_EQ(last.data(TranscriptModel::TextRole).toString(), markup);
    EXPECT_FALSE(last.data(TranscriptModel::DeliveryRole).isValid());
    EXPECT_FALSE(model.flags(last).testFlag(Qt::ItemIsEditable));
    EXPECT_FALSE(model.flags(last).testFlag(Qt::ItemIsDragEnabled));
}

TEST_F(ChatModels, ATranscriptShowingAChatEmptiesWhenTheChatGoes)
{
    QPointer<Chat> chat = start(QStringLiteral("c"));
    fromSurvivor(QStringLiteral("c"), 1, QStringLiteral("canary-transcript"));
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChat(chat);
    ASSERT_GT(model.rowCount(), 0);
    delete chat.data();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.chat(), nullptr);
}

TEST_F(ChatModels, ListRolesStartAfterUserRoleAndAllHaveNames)
{
    ConversationListModel model(shift);
    const auto names = model.roleNames();
    EXPECT_EQ(names.size(), 10);
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        EXPECT_GT(it.key(), Qt::UserRole);
}

TEST_F(ChatModels, TheListCountsUnreadAndTheTimeSinceTheSurvivorLastWrote)
{
    ConversationListModel model(shift);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Chat *chat = start(QStringLiteral("c1"), QStringLiteral("Rosa"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(ConversationListModel::SecondsSinceSurvivorRole).toLongLong(), -1);
    fromSurvivor(QStringLiteral("c1"), 1, QStringLiteral("one"));
    fromSurvivor(QStringLiteral("c1"), 2, QStringLiteral("two"));
    clock->advance(std::chrono::seconds(90));
    model.tick();
    EXPECT_EQ(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 2);
    EXPECT_EQ(model.index(0).data(ConversationListModel::SecondsSinceSurvivorRole).toLongLong(), 90);
    chat->markRead();
    EXPECT_EQ(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
}

TEST_F(ChatModels, TheListNamesTheChatWithTheNameTheSurvivorChoseExactlyAsTyped)
{
    ConversationListModel model(shift);
    start(QStringLiteral("c1"), QStringLiteral("Rosa %1 <b>"));
    start(QStringLiteral("c2"));
    EXPECT_TRUE(model.index(0).data(Qt::DisplayRole).toString().startsWith(QStringLiteral("Chat 1 · Rosa %1 <b> · ")));
    EXPECT_EQ(model.index(0).data(ConversationListModel::AliasRole).toString(), QStringLiteral("Rosa %1 <b>"));
    EXPECT_TRUE(model.index(1).data(Qt::DisplayRole).toString().startsWith(QStringLiteral("Chat 2 · Active")));
}

TEST_F(ChatModels, StatesFollowIdleDisconnectQuickExitAndEnd)
{
    ConversationListModel model(shift);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    start(QStringLiteral("a"));
    start(QStringLiteral("b"));
    auto state = [&](int row) {
        return static_cast<Chat::State>(model.index(row).data(ConversationListModel::StateRole).toInt());
    };
    Q_EMIT session.inactivity(QStringLiteral("a"), 1, 600);
    EXPECT_EQ(state(0), Chat::State::SurvivorIdle);
    Q_EMIT session.peerStatus(QStringLiteral("a"), false);
    EXPECT_EQ(state(0), Chat::State::SurvivorDisconnected);
    fromSurvivor(QStringLiteral("a"), 1, QStringLiteral("back"));
    EXPECT_EQ(state(0), Chat::State::Active);
    Q_EMIT session.ended(QStringLiteral("a"), EndReason::QuickExit);
    Q_EMIT session.ended(QStringLiteral("b"), EndReason::SurvivorEnded);
    EXPECT_EQ(state(0), Chat::State::QuickExit);
    EXPECT_EQ(state(1), Chat::State::Ended);
    EXPECT_EQ(shift.openCount(), 0);
    // An ended chat takes no message.
    EXPECT_TRUE(shift.chat(QStringLiteral("b"))->send(QStringLiteral("too late")).isEmpty());
}

TEST_F(ChatModels, TheCodeWordPromptsAndCheckInBelongToTheirChat)
{
    Chat *one = start(QStringLiteral("one"));
    Chat *two = start(QStringLiteral("two"));
    one->setCodeWord(QStringLiteral("canary-codeword"));
    one->send(QStringLiteral("Are you worried …?"), {CannedFlag::SafetyCheck});
    EXPECT_TRUE(one->promptGiven(Chat::Prompt::SafetyCheck));
    EXPECT_FALSE(one->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_FALSE(two->promptGiven(Chat::Prompt::SafetyCheck));
    EXPECT_TRUE(two->codeWord().isEmpty());
    Q_EMIT session.inactivity(QStringLiteral("one"), 1, 600);
    EXPECT_FALSE(one->checkIn(QStringLiteral("Still there?"), {CannedFlag::CheckIn}).isEmpty());
    EXPECT_FALSE(one->checkInOffered());
    EXPECT_TRUE(one->checkIn(QStringLiteral("Still there?"), {CannedFlag::CheckIn}).isEmpty()) << "one per silence";
    fromSurvivor(QStringLiteral("one"), 1, QStringLiteral("yes"));
    EXPECT_TRUE(one->checkInOffered()) << "a new silence starts";
}

TEST_F(ChatModels, SendingTheDraftCarriesTheFlagsOfTheCannedTextItStillHolds)
{
    Chat *chat = start(QStringLiteral("c"));
    const QString notice = QStringLiteral("What you share here stays confidential, with some exceptions that I will "
                                          "explain if you ask me about them");
    chat->noteCannedInsertion(notice, {CannedFlag::MandatoryReporting});
    chat->setDraft(notice + QStringLiteral(" Any questions?"));
    EXPECT_EQ(chat->keptCannedFlags(), QList<CannedFlag>{CannedFlag::MandatoryReporting});
    EXPECT_FALSE(chat->sendDraft().isEmpty());
    EXPECT_TRUE(chat->draft().isEmpty());
    EXPECT_TRUE(chat->promptGiven(Chat::Prompt::Confidentiality));

    Chat *other = start(QStringLiteral("d"));
    other->noteCannedInsertion(notice, {CannedFlag::MandatoryReporting});
    other->setDraft(QStringLiteral("ok"));
    other->sendDraft();
    EXPECT_FALSE(other->promptGiven(Chat::Prompt::Confidentiality)) << "the notice's words were replaced";
}

TEST_F(ChatModels, EndingTheShiftDestroysEveryChatAndEmptiesTheModels)
{
    ConversationListModel list(shift);
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TranscriptModel transcript;
    QAbstractItemModelTester transcriptTester(&transcript, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QPointer<Chat> chat = start(QStringLiteral("c"));
    chat->setCodeWord(QStringLiteral("canary-codeword"));
    chat->setDraft(QStringLiteral("canary-draft"));
    fromSurvivor(QStringLiteral("c"), 1, QStringLiteral("canary-survivor"));
    Q_EMIT session.ended(QStringLiteral("c"), EndReason::SurvivorEnded);
    transcript.setChat(chat);
    ASSERT_EQ(list.rowCount(), 1);

    bool ended = false;
    shift.end(QString(), [&](const Shift::EndResult &) { ended = true; });
    EXPECT_TRUE(chat.isNull());
    EXPECT_TRUE(shift.chats().isEmpty());
    EXPECT_EQ(list.rowCount(), 0);
    EXPECT_EQ(transcript.rowCount(), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return ended; }, 30000));
}
