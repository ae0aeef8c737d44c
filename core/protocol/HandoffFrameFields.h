// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FieldReader.h"
#include "protocol/Frames.h"
#include "protocol/JsonObjectWriter.h"

#include <QJsonObject>

// The fields of the handoff and shift-log frames (docs/protocol.md sections 15 and 16), for FrameCodec's tables:
// one decodeFields() and one encodeFields() per frame type, as FrameCodec.cpp and ConversationFrameFields have for the
// others. Notes and shift-log bodies are read as message bodies (non-empty, at most maxMessageChars) and otherwise left
// alone.
namespace advocate::wire {

frame::Transfer decodeFields(FieldReader &r, Tag<frame::Transfer>);
frame::TransferWithdraw decodeFields(FieldReader &r, Tag<frame::TransferWithdraw>);
frame::TransferAccept decodeFields(FieldReader &r, Tag<frame::TransferAccept>);
frame::TransferDecline decodeFields(FieldReader &r, Tag<frame::TransferDecline>);
frame::GetRoster decodeFields(FieldReader &r, Tag<frame::GetRoster>);
frame::PostShiftLog decodeFields(FieldReader &r, Tag<frame::PostShiftLog>);
frame::AckShiftLog decodeFields(FieldReader &r, Tag<frame::AckShiftLog>);
frame::AdvocateChanged decodeFields(FieldReader &r, Tag<frame::AdvocateChanged>);
frame::TransferStatus decodeFields(FieldReader &r, Tag<frame::TransferStatus>);
frame::TransferOffer decodeFields(FieldReader &r, Tag<frame::TransferOffer>);
frame::TransferOfferClosed decodeFields(FieldReader &r, Tag<frame::TransferOfferClosed>);
frame::Roster decodeFields(FieldReader &r, Tag<frame::Roster>);
frame::ShiftLogEntry decodeFields(FieldReader &r, Tag<frame::ShiftLogEntry>);
frame::ShiftLogPosted decodeFields(FieldReader &r, Tag<frame::ShiftLogPosted>);

void encodeFields(JsonObjectWriter &o, const frame::Transfer &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferWithdraw &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferAccept &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferDecline &f);
void encodeFields(JsonObjectWriter &o, const frame::GetRoster &f);
void encodeFields(JsonObjectWriter &o, const frame::PostShiftLog &f);
void encodeFields(JsonObjectWriter &o, const frame::AckShiftLog &f);
void encodeFields(JsonObjectWriter &o, const frame::AdvocateChanged &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferStatus &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferOffer &f);
void encodeFields(JsonObjectWriter &o, const frame::TransferOfferClosed &f);
void encodeFields(JsonObjectWriter &o, const frame::Roster &f);
void encodeFields(JsonObjectWriter &o, const frame::ShiftLogEntry &f);
void encodeFields(JsonObjectWriter &o, const frame::ShiftLogPosted &f);

} // namespace advocate::wire
