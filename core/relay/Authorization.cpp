// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Authorization.h"

namespace advocate {

namespace {

bool isStaff(std::optional<Role> role)
{
    return role == Role::Advocate || role == Role::Supervisor || role == Role::Admin;
}

bool answersChats(std::optional<Role> role)
{
    return role == Role::Advocate || role == Role::Supervisor;
}

} // namespace

bool Authorization::namesConversation(Operation operation)
{
    // Reserved operations will name a conversation too; their relation is checked once they exist.
    switch (operation) {
    case Operation::Send:
    case Operation::Ack:
    case Operation::Typing:
    case Operation::Fetch:
    case Operation::End:
        return true;
    default:
        return false;
    }
}

bool Authorization::isReserved(Operation operation)
{
    switch (operation) {
    case Operation::Transfer:
    case Operation::CheckIn:
    case Operation::Supervise:
    case Operation::Block:
    case Operation::SetNotice:
        return true;
    default:
        return false;
    }
}

bool Authorization::allows(Operation operation, std::optional<Role> role, Relation relation)
{
    if (namesConversation(operation) && relation != Relation::Participant)
        return false;
    switch (operation) {
    case Operation::Start:
    case Operation::Resume:
    case Operation::SignIn:
    case Operation::StaffResume:
        return !role.has_value();
    case Operation::Ping:
        return true;
    case Operation::SignOut:
        return isStaff(role);
    case Operation::SetAvailable:
    case Operation::TakeNext:
    case Operation::ShiftEndOverride:
        return answersChats(role);
    case Operation::Send:
    case Operation::Ack:
    case Operation::Typing:
    case Operation::Fetch:
    case Operation::End:
        return role == Role::Survivor || answersChats(role);
    case Operation::QuickExit:
        return role == Role::Survivor;
    case Operation::Transfer:
    case Operation::CheckIn:
        return answersChats(role);
    case Operation::Supervise:
    case Operation::SetNotice:
        return role == Role::Supervisor;
    case Operation::Block:
        return answersChats(role);
    }
    return false;
}

QList<Operation> Authorization::allOperations()
{
    QList<Operation> operations;
    for (int i = 0; i <= static_cast<int>(Operation::SetNotice); ++i)
        operations.append(static_cast<Operation>(i));
    return operations;
}

std::optional<Operation> Authorization::operationFor(const Frame &frame)
{
    if (const auto *reserved = std::get_if<frame::Reserved>(&frame)) {
        const QString &type = reserved->type;
        if (type.startsWith(QLatin1String("transfer")))
            return Operation::Transfer;
        if (type == QLatin1String("check_in"))
            return Operation::CheckIn;
        if (type == QLatin1String("block"))
            return Operation::Block;
        if (type == QLatin1String("set_notice"))
            return Operation::SetNotice;
        return Operation::Supervise;
    }
    return std::visit(
        [](const auto &f) -> std::optional<Operation> {
            using T = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<T, frame::Start>)
                return Operation::Start;
            else if constexpr (std::is_same_v<T, frame::Resume>)
                return Operation::Resume;
            else if constexpr (std::is_same_v<T, frame::SignIn>)
                return Operation::SignIn;
            else if constexpr (std::is_same_v<T, frame::StaffResume>)
                return Operation::StaffResume;
            else if constexpr (std::is_same_v<T, frame::SignOut>)
                return Operation::SignOut;
            else if constexpr (std::is_same_v<T, frame::SetAvailable>)
                return Operation::SetAvailable;
            else if constexpr (std::is_same_v<T, frame::TakeNext>)
                return Operation::TakeNext;
            else if constexpr (std::is_same_v<T, frame::Send>)
                return Operation::Send;
            else if constexpr (std::is_same_v<T, frame::Ack>)
                return Operation::Ack;
            else if constexpr (std::is_same_v<T, frame::Typing>)
                return Operation::Typing;
            else if constexpr (std::is_same_v<T, frame::Fetch>)
                return Operation::Fetch;
            else if constexpr (std::is_same_v<T, frame::End>)
                return Operation::End;
            else if constexpr (std::is_same_v<T, frame::QuickExit>)
                return Operation::QuickExit;
            else if constexpr (std::is_same_v<T, frame::Ping>)
                return Operation::Ping;
            else if constexpr (std::is_same_v<T, frame::ShiftEndOverride>)
                return Operation::ShiftEndOverride;
            else
                return std::nullopt; // a relay-to-client frame
        },
        frame);
}

} // namespace advocate
