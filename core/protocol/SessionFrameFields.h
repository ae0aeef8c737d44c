// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FieldReader.h"
#include "protocol/Frames.h"
#include "protocol/JsonObjectWriter.h"

// The fields of the sign-in, queue and session frames (docs/protocol.md sections 2, 3 and 8): a survivor's start and
// resume, staff sign-in, resume and sign-out, availability, the queue, the relay's hello, errors, sessions and the
// program's facts, pings. For FrameCodec's tables: one decodeFields() and one encodeFields() per frame type, as
// ConversationFrameFields has for the frames of an open conversation.
namespace advocate::wire {

frame::Start decodeFields(FieldReader &r, Tag<frame::Start>);
frame::Resume decodeFields(FieldReader &r, Tag<frame::Resume>);
frame::SignIn decodeFields(FieldReader &r, Tag<frame::SignIn>);
frame::StaffResume decodeFields(FieldReader &r, Tag<frame::StaffResume>);
frame::SignOut decodeFields(FieldReader &r, Tag<frame::SignOut>);
frame::SetAvailable decodeFields(FieldReader &r, Tag<frame::SetAvailable>);
frame::TakeNext decodeFields(FieldReader &r, Tag<frame::TakeNext>);
frame::ShiftEndOverride decodeFields(FieldReader &r, Tag<frame::ShiftEndOverride>);
frame::QuickExit decodeFields(FieldReader &r, Tag<frame::QuickExit>);
frame::Ping decodeFields(FieldReader &r, Tag<frame::Ping>);
frame::Hello decodeFields(FieldReader &r, Tag<frame::Hello>);
frame::Error decodeFields(FieldReader &r, Tag<frame::Error>);
frame::Session decodeFields(FieldReader &r, Tag<frame::Session>);
frame::SignedIn decodeFields(FieldReader &r, Tag<frame::SignedIn>);
frame::Queued decodeFields(FieldReader &r, Tag<frame::Queued>);
frame::LongWait decodeFields(FieldReader &r, Tag<frame::LongWait>);
frame::Busy decodeFields(FieldReader &r, Tag<frame::Busy>);
frame::QueueSummary decodeFields(FieldReader &r, Tag<frame::QueueSummary>);
frame::Pong decodeFields(FieldReader &r, Tag<frame::Pong>);

void encodeFields(JsonObjectWriter &o, const frame::Start &f);
void encodeFields(JsonObjectWriter &o, const frame::Resume &f);
void encodeFields(JsonObjectWriter &o, const frame::SignIn &f);
void encodeFields(JsonObjectWriter &o, const frame::StaffResume &f);
void encodeFields(JsonObjectWriter &o, const frame::SetAvailable &f);
void encodeFields(JsonObjectWriter &o, const frame::TakeNext &f);
void encodeFields(JsonObjectWriter &o, const frame::Hello &f);
void encodeFields(JsonObjectWriter &o, const frame::Error &f);
void encodeFields(JsonObjectWriter &o, const frame::Session &f);
void encodeFields(JsonObjectWriter &o, const frame::SignedIn &f);
void encodeFields(JsonObjectWriter &o, const frame::Queued &f);
void encodeFields(JsonObjectWriter &o, const frame::LongWait &f);
void encodeFields(JsonObjectWriter &o, const frame::Busy &f);
void encodeFields(JsonObjectWriter &o, const frame::QueueSummary &f);
void encodeFields(JsonObjectWriter &o, const frame::ShiftEndOverride &f);
void encodeFields(JsonObjectWriter &o, const frame::SignOut &f);
void encodeFields(JsonObjectWriter &o, const frame::QuickExit &f);
void encodeFields(JsonObjectWriter &o, const frame::Ping &f);
void encodeFields(JsonObjectWriter &o, const frame::Pong &f);

} // namespace advocate::wire
