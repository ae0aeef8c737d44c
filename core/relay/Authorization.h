// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QList>

#include <optional>

namespace advocate {

// Everything a client can ask the relay to do: one per client frame type (docs/protocol.md section 4), then
// one per group of reserved types (section 10), in the order of the lists in protocol/Frames.h.
#define ADVOCATE_FRAME_OPERATION(Type, ...) Type,
enum class Operation {
    ADVOCATE_CLIENT_FRAMES(ADVOCATE_FRAME_OPERATION) ADVOCATE_RESERVED_OPERATIONS(ADVOCATE_FRAME_OPERATION)
};
#undef ADVOCATE_FRAME_OPERATION

// How the caller stands to the conversation a frame names.
enum class Relation {
    NoConversation, // the operation names none
    Participant,    // the survivor in it, or the staff member answering it
    Present,        // staff in it without answering: joined, observing, monitoring (docs/protocol.md section 17)
    Outsider,
};

// The relay's authorization table (RL6): every operation checked against the caller's role (no role: a
// connection that has not started or signed in) and relation to the conversation. Who may send what is part of
// each frame's entry in protocol/Frames.h; this class reads it.
class Authorization
{
public:
    static bool allows(Operation operation, std::optional<Role> role, Relation relation);
    // Whether the operation names a conversation (and so needs a relation to it).
    static bool namesConversation(Operation operation);
    // Operations reserved for later versions: an allowed caller gets not_supported.
    static bool isReserved(Operation operation);
    static QList<Operation> allOperations();
    static Operation operationFor(const ClientFrame &frame);
};

} // namespace advocate
