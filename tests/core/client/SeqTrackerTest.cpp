// SPDX-License-Identifier: GPL-3.0-only
// The seq bookkeeping both clients share, on its own: duplicates, gaps, messages out of order, own seqs above a
// gap, what a resumed cache holds, trimmed history, one fetch at a time and one ack per batch.
#include "client/SeqTracker.h"

#include <gtest/gtest.h>

using namespace advocate;
using Arrival = SeqTracker::Arrival;

namespace {

frame::Message message(qint64 seq)
{
    return frame::Message{QStringLiteral("c1"),
                          seq,
                          Side::Survivor,
                          QStringLiteral("s%1").arg(seq),
                          QStringLiteral("line %1").arg(seq),
                          0,
                          std::nullopt,
                          false};
}

// Takes `seq` and then every held-back message that follows without a gap, as a client does; returns the seqs
// taken, in order.
QList<qint64> takeWithHeldBack(SeqTracker &seqs, qint64 seq)
{
    QList<qint64> taken;
    if (seqs.take(seq))
        taken.append(seq);
    while (const std::optional<frame::Message> next = seqs.nextHeldBack()) {
        if (seqs.take(next->seq))
            taken.append(next->seq);
    }
    return taken;
}

} // namespace

TEST(SeqTrackerTest, MessagesInOrderAreEachTheNextOne)
{
    SeqTracker seqs;
    for (qint64 seq = 1; seq <= 3; ++seq) {
        EXPECT_EQ(seqs.arrival(seq), Arrival::Next);
        EXPECT_TRUE(seqs.take(seq));
    }
    EXPECT_EQ(seqs.contiguous(), 3);
}

TEST(SeqTrackerTest, AMessageHeldAlreadyIsADuplicate)
{
    SeqTracker seqs;
    seqs.take(1);
    seqs.take(2);
    EXPECT_EQ(seqs.arrival(1), Arrival::Held);
    EXPECT_EQ(seqs.arrival(2), Arrival::Held);
    EXPECT_FALSE(seqs.take(2));
    EXPECT_EQ(seqs.contiguous(), 2);
}

TEST(SeqTrackerTest, AMessageAboveAGapWaitsAndIsADuplicateUntilTheGapCloses)
{
    SeqTracker seqs;
    seqs.take(1);
    EXPECT_EQ(seqs.arrival(4), Arrival::AboveGap);
    EXPECT_FALSE(seqs.take(4));
    seqs.holdBack(message(4));
    EXPECT_TRUE(seqs.hasHeldBack());
    EXPECT_EQ(seqs.arrival(4), Arrival::Held) << "the same message again is not held twice";
    EXPECT_FALSE(seqs.nextHeldBack()) << "2 and 3 are still missing";
    EXPECT_EQ(seqs.contiguous(), 1);
}

TEST(SeqTrackerTest, MessagesOutOfOrderComeOutInOrderOnceTheGapCloses)
{
    SeqTracker seqs;
    seqs.holdBack(message(3));
    seqs.holdBack(message(5));
    seqs.holdBack(message(2));
    seqs.holdBack(message(4));
    EXPECT_EQ(takeWithHeldBack(seqs, 1), (QList<qint64>{1, 2, 3, 4, 5}));
    EXPECT_EQ(seqs.contiguous(), 5);
    EXPECT_FALSE(seqs.hasHeldBack());
}

TEST(SeqTrackerTest, OwnMessagesAcceptedAboveAGapAreSteppedOverOnceItCloses)
{
    SeqTracker seqs;
    seqs.mark(2); // our own message, accepted while 1 has not arrived
    seqs.holdBack(message(3));
    EXPECT_EQ(seqs.contiguous(), 0);
    EXPECT_EQ(seqs.arrival(2), Arrival::Held);
    EXPECT_EQ(takeWithHeldBack(seqs, 1), (QList<qint64>{1, 3})) << "2 is ours: stepped over, not handed out";
    EXPECT_EQ(seqs.contiguous(), 3);
}

TEST(SeqTrackerTest, MarkingTheNextSeqMovesOverTheOwnSeqsThatFollow)
{
    SeqTracker seqs;
    seqs.mark(3);
    seqs.mark(2);
    EXPECT_EQ(seqs.contiguous(), 0);
    seqs.mark(1);
    EXPECT_EQ(seqs.contiguous(), 3);
    seqs.mark(2);
    EXPECT_EQ(seqs.contiguous(), 3) << "a seq held already changes nothing";
}

TEST(SeqTrackerTest, WhatAResumedCacheHoldsIsNeitherFetchedNorShownAgain)
{
    SeqTracker seqs;
    seqs.holdUpTo(7);
    EXPECT_EQ(seqs.contiguous(), 7);
    EXPECT_EQ(seqs.arrival(5), Arrival::Held);
    EXPECT_EQ(seqs.arrival(8), Arrival::Next);
    EXPECT_EQ(seqs.beginFetch(), 7) << "a fetch asks only for what follows the cache";
    seqs.holdUpTo(4);
    EXPECT_EQ(seqs.contiguous(), 7) << "never moves back";
}

TEST(SeqTrackerTest, AfterARelayRestartWhatWasHeldAboveAGapIsDroppedAndTheNewSeqsFollowTheReclaim)
{
    // Held when the relay died: 1 and 2 in order; the survivor's 4 and 5 above a gap (3 was our own message whose
    // `accepted` never came); our own 7 accepted above the gap. The relay restarts and re-claims at 5 (the survivor
    // held 5): everything we did not acknowledge comes again from 6 on, in the order it was written.
    SeqTracker seqs;
    EXPECT_EQ(takeWithHeldBack(seqs, 1), (QList<qint64>{1}));
    EXPECT_EQ(takeWithHeldBack(seqs, 2), (QList<qint64>{2}));
    seqs.holdBack(message(4));
    seqs.holdBack(message(5));
    seqs.mark(7);
    EXPECT_EQ(seqs.beginFetch(), 2);

    seqs.reclaim(5);
    EXPECT_EQ(seqs.contiguous(), 5);
    EXPECT_FALSE(seqs.hasHeldBack()) << "the survivor sends 4 and 5 again: kept, they would come out of order";
    EXPECT_FALSE(seqs.fetching()) << "the fetch went to the relay that died";
    EXPECT_EQ(seqs.arrival(6), Arrival::Next);
    EXPECT_EQ(takeWithHeldBack(seqs, 6), (QList<qint64>{6}));
    EXPECT_EQ(seqs.arrival(7), Arrival::Next) << "7 is a new message now, not our own from before the restart";
    EXPECT_FALSE(seqs.nextHeldBack().has_value());

    seqs.reclaim(3);
    EXPECT_EQ(seqs.contiguous(), 6) << "never moves back";
}

TEST(SeqTrackerTest, HeldBackMessagesBeyondTheLimitAreDroppedToBeFetchedAgain)
{
    SeqTracker seqs;
    for (qint64 seq = 2; seq < 2 + SeqTracker::maxHeldBack + 10; ++seq)
        seqs.holdBack(message(seq));
    const QList<qint64> taken = takeWithHeldBack(seqs, 1);
    EXPECT_EQ(taken.size(), SeqTracker::maxHeldBack + 1);
    EXPECT_EQ(seqs.contiguous(), SeqTracker::maxHeldBack + 1);
    EXPECT_EQ(seqs.arrival(SeqTracker::maxHeldBack + 2), Arrival::Next) << "the dropped one arrives again";
}

TEST(SeqTrackerTest, TrimmedHistoryCountsOnlyWhatWasNeverHeldAndReleasesWhatWaited)
{
    SeqTracker seqs;
    seqs.take(1);
    seqs.mark(3);              // own, accepted above the gap
    seqs.holdBack(message(5)); // the other side's, above the gap
    seqs.holdBack(message(9)); // beyond the trimmed range
    ASSERT_TRUE(seqs.takeAck());

    const std::optional<SeqTracker::Trimmed> trimmed = seqs.skipTrimmed(7);
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->firstSeq, 2);
    EXPECT_EQ(trimmed->lastSeq, 6);
    EXPECT_EQ(trimmed->missing, 3) << "2, 4 and 6: not 3 (ours) nor 5 (held back)";
    ASSERT_EQ(trimmed->heldBack.size(), 1);
    EXPECT_EQ(trimmed->heldBack.first().seq, 5);
    EXPECT_EQ(seqs.contiguous(), 6);
    EXPECT_EQ(seqs.takeAck(), 6) << "the released message is acknowledged";
    EXPECT_EQ(seqs.arrival(7), Arrival::Next);
    EXPECT_TRUE(seqs.hasHeldBack()) << "9 still waits for 7 and 8";
}

TEST(SeqTrackerTest, NothingIsTrimmedWhenTheRelayStillHoldsTheNextSeq)
{
    SeqTracker seqs;
    seqs.take(1);
    EXPECT_FALSE(seqs.skipTrimmed(2));
    EXPECT_FALSE(seqs.skipTrimmed(1));
    EXPECT_EQ(seqs.contiguous(), 1);
}

TEST(SeqTrackerTest, OneFetchAtATimeFromWhatIsHeld)
{
    SeqTracker seqs;
    seqs.take(1);
    EXPECT_EQ(seqs.beginFetch(), 1);
    EXPECT_TRUE(seqs.fetching());
    EXPECT_FALSE(seqs.beginFetch()) << "a second gap message asks for nothing more while the fetch runs";
    seqs.take(2);
    EXPECT_EQ(seqs.endFetch(), 1) << "the page answers the fetch after 1";
    EXPECT_FALSE(seqs.fetching());
    EXPECT_EQ(seqs.endFetch(), 2) << "with no fetch in flight: what is held";
}

TEST(SeqTrackerTest, AFetchOnAConnectionThatIsGoneIsForgotten)
{
    SeqTracker seqs;
    ASSERT_TRUE(seqs.beginFetch());
    seqs.forgetFetch();
    EXPECT_TRUE(seqs.beginFetch()) << "the new connection fetches again";
}

TEST(SeqTrackerTest, OneAckPerBatchAndNoneWhileAFetchRuns)
{
    SeqTracker seqs;
    EXPECT_FALSE(seqs.takeAck()) << "nothing came in";
    seqs.take(1);
    seqs.take(2);
    EXPECT_EQ(seqs.takeAck(), 2);
    EXPECT_FALSE(seqs.takeAck()) << "acknowledged already";
    seqs.mark(3);
    EXPECT_FALSE(seqs.takeAck()) << "our own message needs no ack";
    seqs.beginFetch();
    seqs.take(4);
    EXPECT_FALSE(seqs.takeAck()) << "the page's end acknowledges once";
    seqs.endFetch();
    EXPECT_EQ(seqs.takeAck(), 4);
}
