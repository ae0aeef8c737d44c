// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/Authorization.h"

#include <QStringList>

#include <optional>

// The authorization table written out independently of core/relay/Authorization, as docs/protocol.md states
// it: which operations each role may perform. Conversation operations also need the caller to be a participant.
namespace advocate::test {

inline QString operationName(Operation operation)
{
    static const QStringList names{
        QStringLiteral("start"),
        QStringLiteral("resume"),
        QStringLiteral("sign_in"),
        QStringLiteral("staff_resume"),
        QStringLiteral("sign_out"),
        QStringLiteral("set_available"),
        QStringLiteral("take_next"),
        QStringLiteral("send"),
        QStringLiteral("ack"),
        QStringLiteral("typing"),
        QStringLiteral("fetch"),
        QStringLiteral("end"),
        QStringLiteral("quick_exit"),
        QStringLiteral("ping"),
        QStringLiteral("shift_end_override"),
        QStringLiteral("transfer"),
        QStringLiteral("transfer_withdraw"),
        QStringLiteral("transfer_accept"),
        QStringLiteral("transfer_decline"),
        QStringLiteral("get_roster"),
        QStringLiteral("shift_log"),
        QStringLiteral("shift_log_ack"),
        QStringLiteral("join"),
        QStringLiteral("leave"),
        QStringLiteral("whisper"),
        QStringLiteral("take_over"),
        QStringLiteral("hand_back"),
        QStringLiteral("monitor"),
        QStringLiteral("raise_hand"),
        QStringLiteral("block"),
        QStringLiteral("unblock"),
        QStringLiteral("set_notice"),
        QStringLiteral("ack_alert"),
        QStringLiteral("get_statistics"),
        QStringLiteral("check_in"),
    };
    return names.at(static_cast<int>(operation));
}

inline constexpr int operationCount = 35;

// Section 3 and 17 of docs/protocol.md: what each role may do, and how it must stand to the conversation the
// frame names (answering it — "participant" —, present in it without answering, or not in it at all).
inline bool expectedAllowed(Operation operation, std::optional<Role> role, Relation relation)
{
    const QString name = operationName(operation);
    const bool staffRole = role == Role::Advocate || role == Role::Supervisor;
    // Reading and writing in a conversation: the survivor and the staff member answering, and staff present.
    static const QStringList conversationOperations{QStringLiteral("send"), QStringLiteral("ack"),
                                                    QStringLiteral("typing"), QStringLiteral("fetch")};
    if (conversationOperations.contains(name))
        return (role == Role::Survivor || staffRole) &&
               (relation == Relation::Participant || (staffRole && relation == Relation::Present));
    if (name == QLatin1String("end"))
        return (role == Role::Survivor || staffRole) && relation == Relation::Participant;
    // Only the staff member answering: handing on, asking for help, and (a supervisor) handing back.
    static const QStringList answeringStaffOperations{QStringLiteral("transfer"), QStringLiteral("transfer_withdraw"),
                                                      QStringLiteral("raise_hand")};
    if (answeringStaffOperations.contains(name))
        return staffRole && relation == Relation::Participant;
    if (name == QLatin1String("hand_back"))
        return role == Role::Supervisor && relation == Relation::Participant;
    if (name == QLatin1String("leave"))
        return staffRole && (relation == Relation::Participant || relation == Relation::Present);
    // Oversight: a supervisor may name any open conversation.
    static const QStringList oversightOperations{QStringLiteral("join"), QStringLiteral("take_over"),
                                                 QStringLiteral("monitor"), QStringLiteral("block")};
    if (oversightOperations.contains(name))
        return role == Role::Supervisor && relation != Relation::NoConversation;
    if (name == QLatin1String("whisper"))
        return (role == Role::Supervisor && relation != Relation::NoConversation) ||
               (role == Role::Advocate && (relation == Relation::Participant || relation == Relation::Present));
    QStringList allowed;
    if (!role) {
        allowed = {QStringLiteral("start"), QStringLiteral("resume"), QStringLiteral("sign_in"),
                   QStringLiteral("staff_resume"), QStringLiteral("ping")};
    } else if (*role == Role::Survivor) {
        allowed = {QStringLiteral("quick_exit"), QStringLiteral("ping")};
    } else if (*role == Role::Admin) {
        allowed = {QStringLiteral("sign_out"), QStringLiteral("ping")};
    } else {
        allowed = {QStringLiteral("sign_out"),        QStringLiteral("set_available"),
                   QStringLiteral("take_next"),       QStringLiteral("ping"),
                   QStringLiteral("check_in"),        QStringLiteral("shift_end_override"),
                   QStringLiteral("transfer_accept"), QStringLiteral("transfer_decline"),
                   QStringLiteral("get_roster"),      QStringLiteral("shift_log"),
                   QStringLiteral("shift_log_ack")};
        if (*role == Role::Supervisor)
            allowed += QStringList{QStringLiteral("unblock"), QStringLiteral("set_notice"), QStringLiteral("ack_alert"),
                                   QStringLiteral("get_statistics")};
    }
    return allowed.contains(name);
}

inline QList<std::optional<Role>> allCallers()
{
    return {std::nullopt, Role::Survivor, Role::Advocate, Role::Supervisor, Role::Admin};
}

inline QString callerName(std::optional<Role> role)
{
    return role ? roleName(*role) : QStringLiteral("anonymous");
}

} // namespace advocate::test
