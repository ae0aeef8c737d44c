// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FieldReader.h"
#include "protocol/Frames.h"
#include "protocol/JsonObjectWriter.h"

#include <QJsonObject>

// The fields of the supervision frames (docs/protocol.md section 17), for FrameCodec's tables: one decodeFields()
// and one encodeFields() per frame type. Whisper and alert bodies are read as message bodies and otherwise left
// alone; the board holds no body at all.
namespace advocate::wire {

#define ADVOCATE_SUPERVISION_FIELDS(Type)                                                                              \
    frame::Type decodeFields(FieldReader &r, Tag<frame::Type>);                                                        \
    void encodeFields(JsonObjectWriter &o, const frame::Type &f);
ADVOCATE_SUPERVISION_FIELDS(Join)
ADVOCATE_SUPERVISION_FIELDS(Leave)
ADVOCATE_SUPERVISION_FIELDS(Whisper)
ADVOCATE_SUPERVISION_FIELDS(TakeOver)
ADVOCATE_SUPERVISION_FIELDS(HandBack)
ADVOCATE_SUPERVISION_FIELDS(Monitor)
ADVOCATE_SUPERVISION_FIELDS(RaiseHand)
ADVOCATE_SUPERVISION_FIELDS(Block)
ADVOCATE_SUPERVISION_FIELDS(Unblock)
ADVOCATE_SUPERVISION_FIELDS(SetNotice)
ADVOCATE_SUPERVISION_FIELDS(AckAlert)
ADVOCATE_SUPERVISION_FIELDS(Board)
ADVOCATE_SUPERVISION_FIELDS(Participants)
ADVOCATE_SUPERVISION_FIELDS(SupervisorPresent)
ADVOCATE_SUPERVISION_FIELDS(WhisperNote)
ADVOCATE_SUPERVISION_FIELDS(Alert)
ADVOCATE_SUPERVISION_FIELDS(AlertClosed)
#undef ADVOCATE_SUPERVISION_FIELDS

} // namespace advocate::wire
