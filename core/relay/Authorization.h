// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QList>

#include <optional>

namespace advocate {

// Everything a client can ask the relay to do; one per client frame type, the reserved ones grouped.
enum class Operation {
    Start,
    Resume,
    SignIn,
    StaffResume,
    SignOut,
    SetAvailable,
    TakeNext,
    Send,
    Ack,
    Typing,
    Fetch,
    End,
    QuickExit,
    Ping,
    ShiftEndOverride,
    Transfer,  // reserved: transfer, transfer_accept, transfer_decline
    CheckIn,   // reserved: check_in
    Supervise, // reserved: join, whisper, take_over, hand_back, monitor
    Block,     // reserved: block
    SetNotice, // reserved: set_notice
};

// How the caller stands to the conversation a frame names.
enum class Relation {
    NoConversation, // the operation names none
    Participant,
    Outsider,
};

// The relay's authorization table (RL6): every operation checked against the caller's role (no role: a
// connection that has not started or signed in) and relation to the conversation.
class Authorization
{
public:
    static bool allows(Operation operation, std::optional<Role> role, Relation relation);
    // Whether the operation names a conversation (and so needs Participant).
    static bool namesConversation(Operation operation);
    // Operations reserved for later versions: an allowed caller gets not_supported.
    static bool isReserved(Operation operation);
    static QList<Operation> allOperations();
    static std::optional<Operation> operationFor(const Frame &frame);
};

} // namespace advocate
