// SPDX-License-Identifier: GPL-3.0-only
// What the shift cache stores: conversations, their messages, the advocate's notes and personal canned-response
// entries. Plain values that
// cross between the caller's thread and the writer thread by copy.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace advocate {

enum class MessageDirection {
    FromSurvivor = 0,
    FromAdvocate = 1,
    System = 2, // notices: joined, transferred, notice shown
};

// Where an advocate's message is on its way to the survivor. The one delivery enum of the workstation: the chat,
// the cache and the transcript view all use it (the stored values are the integers below). Survivor messages are
// stored as Delivered; notices carry no delivery.
enum class DeliveryState {
    Sending = 0,   // in the outbox, not yet accepted by the relay
    Delivered = 1, // the survivor's page acknowledged it
    Failed = 2,    // not accepted in time; can be retried
    Sent = 3,      // the relay accepted it and gave it a sequence number
};

// Delivery only moves forward: Sending → Sent → Delivered, Sending → Failed, and back from Failed to Sending
// only by a retry. A late or repeated report (an `accepted` after `delivered`, a `failed` for a message the relay
// already numbered, anything replayed after a crash resume) never moves it back.
constexpr bool deliveryMayBecome(DeliveryState from, DeliveryState to)
{
    auto rank = [](DeliveryState state) {
        switch (state) {
        case DeliveryState::Failed:
            return 0;
        case DeliveryState::Sending:
            return 1;
        case DeliveryState::Sent:
            return 2;
        case DeliveryState::Delivered:
            return 3;
        }
        return 0;
    };
    if (to == DeliveryState::Failed)
        return from == DeliveryState::Sending;
    return rank(to) > rank(from);
}

enum class NoteKind {
    Draft = 0,   // the composer's unsent text, one per conversation
    Handoff = 1, // structured note written when transferring a conversation
    ShiftLog = 2,
};

struct ConversationRecord
{
    // The relay's id of the conversation.
    QString id;
    QDateTime openedAt;
    std::optional<QDateTime> closedAt;
    QString language;
    // The name the survivor chose on the page (may be empty): kept here for the advocate, and nowhere else.
    QString alias;
};

struct MessageRecord
{
    qint64 rowId = 0; // set by the cache
    QString conversationId;
    MessageDirection direction = MessageDirection::FromAdvocate;
    QString authorDisplayName;
    QString text;
    QDateTime createdAt;
    std::optional<QDateTime> deliveredAt;
    DeliveryState deliveryState = DeliveryState::Sending;
    // Order the relay gave the message; unknown until the relay confirmed it.
    std::optional<qint64> relaySequence;
    // The workstation's own id for a message it sends, so a later "delivered"/"failed" can find it.
    QString clientMessageId;
};

struct NoteRecord
{
    qint64 rowId = 0; // set by the cache
    NoteKind kind = NoteKind::Draft;
    // Empty for the shift log.
    QString conversationId;
    QString text;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The largest entry JSON the cache accepts for one personal entry. An entry's texts are at most 4,000 characters
// per language (docs/canned-responses.md), so this leaves room for many languages while bounding what one call
// can make the cache write.
inline constexpr qsizetype maxPersonalCannedEntryBytes = 64 * 1024;

// One of the advocate's personal canned-response entries (docs/canned-responses.md), kept for the shift only.
struct PersonalCannedRecord
{
    // The entry's id in the canned-response library.
    QString id;
    // The entry as one JSON object in the library's entry format, byte for byte as it was saved.
    QByteArray entryJson;
    QDateTime updatedAt;
};

// The largest report JSON the cache accepts for one practice report; a report (counts and times) is a few hundred
// bytes.
inline constexpr qsizetype maxPracticeReportBytes = 4 * 1024;

// The practice report of one chat of a practice shift (issue 18): the report's JSON, counts and times only.
struct PracticeReportRecord
{
    QString conversationId;
    QByteArray reportJson;
    // The report came from the trainee's workstation (a supervisor watching), rather than being this workstation's.
    bool received = false;
    QDateTime updatedAt;
};

} // namespace advocate
