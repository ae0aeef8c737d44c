// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QList>
#include <QMap>
#include <QSet>

#include <optional>

namespace advocate {

// Which messages of one conversation a client holds, by the relay's seq (docs/protocol.md section 6), for the
// staff session and the survivor client alike: the highest seq held without a gap, own messages the relay
// accepted above a gap, the other side's messages that arrived above a gap (held back until it closes, so they
// are shown in order and each once), the one fetch in flight, and whether an ack is due. Knows nothing of sockets
// or signals: the client asks it what an arriving seq is and does the sending and emitting itself.
class SeqTracker
{
public:
    // The other side's messages held back above a gap at most. More are dropped and fetched again once the gap
    // closes; the relay sends at most a page of 200 at a time, so only a flood of live messages during a fetch
    // comes near this.
    static constexpr int maxHeldBack = 1000;

    // What an arriving seq is to what is held.
    enum class Arrival {
        Held,     // held already (a duplicate): at or below contiguous(), accepted above a gap, or held back
        Next,     // the one right after contiguous()
        AboveGap, // a gap lies between contiguous() and it
    };

    // What the relay no longer had (section 6: it trimmed them before they were fetched).
    struct Trimmed
    {
        qint64 firstSeq = 0;
        qint64 lastSeq = 0;
        // Seqs of the range this client never had: not own, not held back.
        qint64 missing = 0;
        // The other side's messages held back inside the range, in seq order: they go out now.
        QList<frame::Message> heldBack;
    };

    // Every seq up to here is held (or known to be trimmed).
    qint64 contiguous() const { return m_contiguous; }
    Arrival arrival(qint64 seq) const;

    // Every seq up to `seq` is held already (a resumed shift's cache has them); never moves back.
    void holdUpTo(qint64 seq);
    // The relay restarted and the conversation goes on after `lastSeq` (docs/protocol.md section 8): every seq up to
    // it counts as held, and whatever was held above a gap (the other side's messages held back, own seqs ahead) is
    // dropped with the fetch in flight. The other side sends every message this client did not acknowledge again,
    // under its client id and in the order it was written, so they arrive again with new seqs, in order; one of
    // them kept here would have stalled or been shown out of that order.
    void reclaim(qint64 lastSeq);
    // `seq` is held (one of our own messages has it, or a message the client took at once): contiguous() moves
    // over it and over the own seqs that follow it.
    void mark(qint64 seq);
    // The other side's message with the seq right after contiguous() is taken: contiguous() moves to it, and an
    // ack is due. False, and nothing changes, for any other seq.
    bool take(qint64 seq);
    // The other side's message above a gap, kept until the gap closes (up to maxHeldBack).
    void holdBack(const frame::Message &message);
    bool hasHeldBack() const { return !m_heldBack.isEmpty(); }
    // Steps contiguous() over the own seqs that follow it, then hands out the held-back message that comes next
    // (take() it); nothing while a gap lies before the next one.
    std::optional<frame::Message> nextHeldBack();
    // A fetch answered that the relay's oldest seq is `oldestSeq`: what lies between contiguous() and it is gone.
    // contiguous() moves to oldestSeq - 1 and the held-back messages of the range come out, with an ack due.
    // Nothing when no seq is missing.
    std::optional<Trimmed> skipTrimmed(qint64 oldestSeq);

    // One fetch at a time: the afterSeq of a new fetch (contiguous()), or nothing while one is in flight.
    std::optional<qint64> beginFetch();
    // The fetch's page has ended: returns its afterSeq (contiguous() when none was in flight).
    qint64 endFetch();
    // A fetch sent on a connection that is gone gets no answer: none is in flight any more.
    void forgetFetch() { m_fetching = false; }
    bool fetching() const { return m_fetching; }

    // The seq to acknowledge, once per batch: when the other side's messages came in since the last ack and no
    // fetch is in flight (an ack per replayed message would run into the relay's frame rate limit, section 13).
    std::optional<qint64> takeAck();

private:
    qint64 m_contiguous = 0;
    QSet<qint64> m_ownAhead;                 // own messages accepted above a gap
    QMap<qint64, frame::Message> m_heldBack; // the other side's messages above a gap
    bool m_fetching = false;
    qint64 m_fetchAfter = 0;
    bool m_ackDue = false;
};

} // namespace advocate
