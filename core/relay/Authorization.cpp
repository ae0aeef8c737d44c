// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Authorization.h"

#include <array>

namespace advocate {

namespace {

#define ADVOCATE_CLIENT_FRAME_SENDERS(Type, wireName, who) who,
#define ADVOCATE_RESERVED_SENDERS(Type, who) who,
// Indexed by Operation.
constexpr std::array operationSenders{ADVOCATE_CLIENT_FRAMES(ADVOCATE_CLIENT_FRAME_SENDERS)
                                          ADVOCATE_RESERVED_OPERATIONS(ADVOCATE_RESERVED_SENDERS)};
#undef ADVOCATE_CLIENT_FRAME_SENDERS
#undef ADVOCATE_RESERVED_SENDERS

constexpr Operation firstReserved = static_cast<Operation>(clientFrameInfos.size());

Senders sendersOf(Operation operation)
{
    return operationSenders.at(static_cast<std::size_t>(operation));
}

} // namespace

bool Authorization::namesConversation(Operation operation)
{
    // Reserved operations will name a conversation too; their relation is checked once they exist.
    return sendersOf(operation).participantsOnly;
}

bool Authorization::isReserved(Operation operation)
{
    return operation >= firstReserved;
}

bool Authorization::allows(Operation operation, std::optional<Role> role, Relation relation)
{
    const Senders senders = sendersOf(operation);
    if (!senders.includes(role))
        return false;
    if (!senders.participantsOnly)
        return true;
    const unsigned caller = Senders::callerOf(role);
    switch (relation) {
    case Relation::Participant:
        return true;
    case Relation::Present:
        return ((senders.present | senders.overseers) & caller) != 0;
    case Relation::Outsider:
        return (senders.overseers & caller) != 0;
    case Relation::NoConversation:
        return false;
    }
    return false;
}

QList<Operation> Authorization::allOperations()
{
    QList<Operation> operations;
    for (std::size_t i = 0; i < operationSenders.size(); ++i)
        operations.append(static_cast<Operation>(i));
    return operations;
}

Operation Authorization::operationFor(const ClientFrame &frame)
{
    if (const auto *reserved = std::get_if<frame::Reserved>(&frame)) {
#define ADVOCATE_RESERVED_OPERATION(wireName, operation)                                                               \
    if (reserved->type == QLatin1String(wireName))                                                                     \
        return Operation::operation;
        ADVOCATE_RESERVED_FRAMES(ADVOCATE_RESERVED_OPERATION)
#undef ADVOCATE_RESERVED_OPERATION
        return Operation::CheckIn; // the codec makes a Reserved of the listed names only
    }
    // The client frames come first in ClientFrame and in Operation, in the same order.
    return static_cast<Operation>(frame.index());
}

} // namespace advocate
