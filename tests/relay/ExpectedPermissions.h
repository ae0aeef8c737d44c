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
        QStringLiteral("get_statistics"),
        QStringLiteral("check_in"),
        QStringLiteral("join"),
        QStringLiteral("block"),
        QStringLiteral("set_notice"),
    };
    return names.at(static_cast<int>(operation));
}

inline bool expectedAllowed(Operation operation, std::optional<Role> role, Relation relation)
{
    const QString name = operationName(operation);
    static const QStringList conversationOperations{QStringLiteral("send"), QStringLiteral("ack"),
                                                    QStringLiteral("typing"), QStringLiteral("fetch"),
                                                    QStringLiteral("end")};
    // Handing a conversation on: only the staff member in it.
    static const QStringList handoffOperations{QStringLiteral("transfer"), QStringLiteral("transfer_withdraw")};
    if ((conversationOperations.contains(name) || handoffOperations.contains(name)) &&
        relation != Relation::Participant)
        return false;
    QStringList allowed;
    if (!role) {
        allowed = {QStringLiteral("start"), QStringLiteral("resume"), QStringLiteral("sign_in"),
                   QStringLiteral("staff_resume"), QStringLiteral("ping")};
    } else if (*role == Role::Survivor) {
        allowed = conversationOperations + QStringList{QStringLiteral("quick_exit"), QStringLiteral("ping")};
    } else if (*role == Role::Admin) {
        allowed = {QStringLiteral("sign_out"), QStringLiteral("ping")};
    } else {
        allowed =
            conversationOperations + QStringList{QStringLiteral("sign_out"),          QStringLiteral("set_available"),
                                                 QStringLiteral("take_next"),         QStringLiteral("ping"),
                                                 QStringLiteral("check_in"),          QStringLiteral("block"),
                                                 QStringLiteral("shift_end_override")} +
            handoffOperations +
            QStringList{QStringLiteral("transfer_accept"), QStringLiteral("transfer_decline"),
                        QStringLiteral("get_roster"), QStringLiteral("shift_log"), QStringLiteral("shift_log_ack")};
        if (*role == Role::Supervisor)
            allowed +=
                QStringList{QStringLiteral("join"), QStringLiteral("set_notice"), QStringLiteral("get_statistics")};
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
