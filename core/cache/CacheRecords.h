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

enum class DeliveryState {
    Sending = 0,
    Delivered = 1,
    Failed = 2,
};

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

} // namespace advocate
