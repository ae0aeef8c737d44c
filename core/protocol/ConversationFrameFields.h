// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FieldReader.h"
#include "protocol/Frames.h"
#include "protocol/JsonObjectWriter.h"

#include <QJsonObject>

// The fields of the frames of an open conversation (docs/protocol.md sections 4 to 6): messages with their seq,
// acks, delivery, typing, presence, inactivity, fetching what was missed, and the conversation's start and end. For
// FrameCodec's tables: one decodeFields() and one encodeFields() per frame type, as HandoffFrameFields has for the
// handoff frames and SessionFrameFields for the sign-in, queue and session frames.
namespace advocate::wire {

frame::Send decodeFields(FieldReader &r, Tag<frame::Send>);
frame::Ack decodeFields(FieldReader &r, Tag<frame::Ack>);
frame::Typing decodeFields(FieldReader &r, Tag<frame::Typing>);
frame::Fetch decodeFields(FieldReader &r, Tag<frame::Fetch>);
frame::End decodeFields(FieldReader &r, Tag<frame::End>);
frame::ConversationStarted decodeFields(FieldReader &r, Tag<frame::ConversationStarted>);
frame::Message decodeFields(FieldReader &r, Tag<frame::Message>);
frame::Accepted decodeFields(FieldReader &r, Tag<frame::Accepted>);
frame::Delivered decodeFields(FieldReader &r, Tag<frame::Delivered>);
frame::PeerTyping decodeFields(FieldReader &r, Tag<frame::PeerTyping>);
frame::PeerStatus decodeFields(FieldReader &r, Tag<frame::PeerStatus>);
frame::Inactivity decodeFields(FieldReader &r, Tag<frame::Inactivity>);
frame::Ended decodeFields(FieldReader &r, Tag<frame::Ended>);
frame::Fetched decodeFields(FieldReader &r, Tag<frame::Fetched>);
frame::TokenRenewed decodeFields(FieldReader &r, Tag<frame::TokenRenewed>);
frame::Reclaimed decodeFields(FieldReader &r, Tag<frame::Reclaimed>);

void encodeFields(JsonObjectWriter &o, const frame::Send &f);
void encodeFields(JsonObjectWriter &o, const frame::Ack &f);
void encodeFields(JsonObjectWriter &o, const frame::Typing &f);
void encodeFields(JsonObjectWriter &o, const frame::Fetch &f);
void encodeFields(JsonObjectWriter &o, const frame::End &f);
void encodeFields(JsonObjectWriter &o, const frame::ConversationStarted &f);
void encodeFields(JsonObjectWriter &o, const frame::Message &f);
void encodeFields(JsonObjectWriter &o, const frame::Accepted &f);
void encodeFields(JsonObjectWriter &o, const frame::Delivered &f);
void encodeFields(JsonObjectWriter &o, const frame::PeerTyping &f);
void encodeFields(JsonObjectWriter &o, const frame::PeerStatus &f);
void encodeFields(JsonObjectWriter &o, const frame::Inactivity &f);
void encodeFields(JsonObjectWriter &o, const frame::Ended &f);
void encodeFields(JsonObjectWriter &o, const frame::Fetched &f);
void encodeFields(JsonObjectWriter &o, const frame::TokenRenewed &f);
void encodeFields(JsonObjectWriter &o, const frame::Reclaimed &f);

} // namespace advocate::wire
