// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>

#include <optional>

// The words every frame list is made of (docs/protocol.md sections 3 and 4): roles, sides, end and handoff
// reasons, and who may send a client frame. Frames.h builds the frame lists from them.
namespace advocate {

enum class Role { Survivor, Advocate, Supervisor, Admin };
// Who wrote a message: staff of any role write as the advocate side.
enum class Side { Survivor, Advocate };
enum class EndReason { SurvivorEnded, AdvocateEnded, QuickExit, IdleClosed, Disconnected };
// How a conversation came to a new staff member (docs/protocol.md sections 15 and 17).
enum class HandoffReason { Transfer, Queue, Dropped, Supervisor, HandBack };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QString sideName(Side side);
std::optional<Side> sideFromName(const QString &name);
QString endReasonName(EndReason reason);
std::optional<EndReason> endReasonFromName(const QString &name);
QString handoffReasonName(HandoffReason reason);
std::optional<HandoffReason> handoffReasonFromName(const QString &name);
// The supervisor operations whose use is counted per day (docs/protocol.md section 18): a fixed set, so the
// statistics never hold a name someone typed.
enum class SupervisorAction { Join, Whisper, TakeOver, HandBack, Monitor, Block, Unblock, SetNotice, ClearNotice };
QString supervisorActionName(SupervisorAction action);
std::optional<SupervisorAction> supervisorActionFromName(const QString &name);

// Who may send a client frame: callers by role (none: a connection that has not started or signed in) and, for a
// frame that names a conversation, how the caller must stand to it (docs/protocol.md sections 3 and 17): answering
// it (or the survivor in it), present in it without answering (`present` callers), or not in it at all
// (`overseers`: supervisors may name any open conversation).
struct Senders
{
    enum Caller : unsigned {
        Anonymous = 1u << 0,
        Survivor = 1u << 1,
        Advocate = 1u << 2,
        Supervisor = 1u << 3,
        Admin = 1u << 4,
    };
    unsigned callers = 0;
    bool participantsOnly = false; // names a conversation
    unsigned present = 0;
    unsigned overseers = 0;

    static constexpr unsigned callerOf(std::optional<Role> role)
    {
        if (!role)
            return Anonymous;
        switch (*role) {
        case Role::Survivor:
            return Survivor;
        case Role::Advocate:
            return Advocate;
        case Role::Supervisor:
            return Supervisor;
        case Role::Admin:
            return Admin;
        }
        return 0;
    }
    constexpr bool includes(std::optional<Role> role) const { return (callers & callerOf(role)) != 0; }
    bool operator==(const Senders &) const = default;
};

namespace senders {
inline constexpr Senders anonymous{Senders::Anonymous};
inline constexpr Senders anyone{Senders::Anonymous | Senders::Survivor | Senders::Advocate | Senders::Supervisor |
                                Senders::Admin};
inline constexpr Senders survivor{Senders::Survivor};
inline constexpr Senders staff{Senders::Advocate | Senders::Supervisor | Senders::Admin};
inline constexpr Senders chatStaff{Senders::Advocate | Senders::Supervisor};
inline constexpr Senders supervisor{Senders::Supervisor};
// Conversation frames: the survivor and the staff member answering the conversation named by the frame, and staff
// present in it (section 17).
inline constexpr Senders participants{Senders::Survivor | Senders::Advocate | Senders::Supervisor, true,
                                      Senders::Advocate | Senders::Supervisor};
// Conversation frames of the survivor and the staff member answering only (ending it).
inline constexpr Senders answering{Senders::Survivor | Senders::Advocate | Senders::Supervisor, true};
// Conversation frames only the staff member answering may send (a handoff).
inline constexpr Senders chatParticipants{Senders::Advocate | Senders::Supervisor, true};
// Conversation frames of staff answering or present (leaving a conversation).
inline constexpr Senders presentStaff{Senders::Advocate | Senders::Supervisor, true,
                                      Senders::Advocate | Senders::Supervisor};
// A supervisor answering the conversation (handing back a take-over).
inline constexpr Senders supervisorAnswering{Senders::Supervisor, true};
// Oversight: a supervisor may name any open conversation.
inline constexpr Senders oversight{Senders::Supervisor, true, 0, Senders::Supervisor};
// Staff in the conversation, and supervisors for any conversation (a whisper).
inline constexpr Senders staffNote{Senders::Advocate | Senders::Supervisor, true,
                                   Senders::Advocate | Senders::Supervisor, Senders::Supervisor};
} // namespace senders

} // namespace advocate
