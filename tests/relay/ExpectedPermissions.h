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
        QStringLiteral("start"),        QStringLiteral("resume"),     QStringLiteral("sign_in"),
        QStringLiteral("staff_resume"), QStringLiteral("sign_out"),   QStringLiteral("set_available"),
        QStringLiteral("take_next"),    QStringLiteral("send"),       QStringLiteral("ack"),
        QStringLiteral("typing"),       QStringLiteral("fetch"),      QStringLiteral("end"),
        QStringLiteral("quick_exit"),   QStringLiteral("ping"),       QStringLiteral("shift_end_override"),
        QStringLiteral("transfer"),     QStringLiteral("check_in"),   QStringLiteral("join"),
        QStringLiteral("block"),        QStringLiteral("set_notice"),
    };
    return names.at(static_cast<int>(operation));
}

inline bool expectedAllowed(Operation operation, std::optional<Role> role, Relation relation)
{
    const QString name = operationName(operation);
    static const QStringList conversationOperations{QStringLiteral("send"), QStringLiteral("ack"),
                                                    QStringLiteral("typing"), QStringLiteral("fetch"),
                                                    QStringLiteral("end")};
    if (conversationOperations.contains(name) && relation != Relation::Participant)
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
            conversationOperations + QStringList{QStringLiteral("sign_out"),  QStringLiteral("set_available"),
                                                 QStringLiteral("take_next"), QStringLiteral("ping"),
                                                 QStringLiteral("transfer"),  QStringLiteral("check_in"),
                                                 QStringLiteral("block"),     QStringLiteral("shift_end_override")};
        if (*role == Role::Supervisor)
            allowed += QStringList{QStringLiteral("join"), QStringLiteral("set_notice")};
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
