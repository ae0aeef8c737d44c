// SPDX-License-Identifier: GPL-3.0-only
// The digests of trimmed client ids (WS19 across trimming): the latest `capacity` per side are recognised, in one
// block of fixed size, so what a conversation holds for them never grows with the messages trimmed (issue 15's soak:
// a growing digest table fragmented the relay's heap over half an hour).
#include "relay/TrimmedClientIds.h"

#include "relay/Conversation.h"

#include <gtest/gtest.h>

using namespace advocate;

TEST(TrimmedClientIds, NothingIsHeldUntilTheFirstTrim)
{
    TrimmedClientIds trimmed;
    EXPECT_TRUE(trimmed.isEmpty());
    EXPECT_EQ(trimmed.heldBytes(), 0);
    EXPECT_FALSE(trimmed.seqOf(42));
    trimmed.remember(42, 7);
    EXPECT_EQ(trimmed.seqOf(42), 7);
    EXPECT_FALSE(trimmed.seqOf(43));
    EXPECT_EQ(trimmed.heldBytes(), TrimmedClientIds::blockBytes);
}

TEST(TrimmedClientIds, TheLatestCapacityAreRecognisedAndTheBlockNeverGrows)
{
    TrimmedClientIds trimmed;
    const int total = TrimmedClientIds::capacity * 3 + 5;
    for (int i = 1; i <= total; ++i) {
        trimmed.remember(quint64(1000 + i), i);
        EXPECT_EQ(trimmed.heldBytes(), TrimmedClientIds::blockBytes);
    }
    EXPECT_EQ(trimmed.size(), TrimmedClientIds::capacity);
    // The oldest recognised is the capacity-th latest; the one before it is forgotten.
    const int oldestKept = total - TrimmedClientIds::capacity + 1;
    EXPECT_EQ(trimmed.seqOf(quint64(1000 + oldestKept)), oldestKept);
    EXPECT_EQ(trimmed.seqOf(quint64(1000 + total)), total);
    EXPECT_FALSE(trimmed.seqOf(quint64(1000 + oldestKept - 1)));
    EXPECT_FALSE(trimmed.seqOf(quint64(1001)));
}

// Without a budget (few conversations open), a long conversation trims by its own limit: what it holds stays the same
// however many messages it trims, and a resend of one of the latest trimmed messages is still a duplicate.
TEST(TrimmedClientIds, AConversationHoldsTheSameAfterAHundredOrThousandsOfTrims)
{
    Conversation conversation(QStringLiteral("c1"), 1, QStringLiteral("ana"), QStringLiteral("en"), std::nullopt, 0);
    conversation.setRetainedBytesLimit(20 * 1024);
    const QString body(100, u'x');
    int sent = 0;
    auto send = [&](int count) {
        for (int i = 0; i < count; ++i, ++sent) {
            const Side side = sent % 2 ? Side::Advocate : Side::Survivor;
            conversation.accept(side, QStringLiteral("id-%1").arg(sent, 6, 10, QLatin1Char('0')), body, 0, 0);
        }
    };
    send(1000);
    ASSERT_GT(conversation.oldestSeq(), 2 * TrimmedClientIds::capacity + 1); // both sides' blocks are full
    const qint64 held = conversation.heldBytes();
    const int remembered = conversation.rememberedClientIds();
    send(5000);
    EXPECT_EQ(conversation.heldBytes(), held);
    EXPECT_EQ(conversation.rememberedClientIds(), remembered);

    // The latest trimmed message of the survivor's side, sent again: answered with its seq, not delivered twice.
    const qint64 lastTrimmed = conversation.oldestSeq() - 1;
    const int index = static_cast<int>(lastTrimmed - 1);
    const Side side = index % 2 ? Side::Advocate : Side::Survivor;
    const Conversation::Acceptance resent =
        conversation.accept(side, QStringLiteral("id-%1").arg(index, 6, 10, QLatin1Char('0')), body, 0, 0);
    EXPECT_TRUE(resent.duplicate);
    EXPECT_EQ(resent.message.seq, lastTrimmed);
    EXPECT_EQ(conversation.lastSeq(), sent);
}
