// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/Frames.h"

#include "protocol/NameTable.h"

#include <array>
#include <utility>

namespace advocate {

using wire::nameOf;
using wire::valueOf;

namespace {

constexpr std::array<std::pair<Role, const char *>, 4> roleNames{{
    {Role::Survivor, "survivor"},
    {Role::Advocate, "advocate"},
    {Role::Supervisor, "supervisor"},
    {Role::Admin, "admin"},
}};

constexpr std::array<std::pair<Side, const char *>, 2> sideNames{{
    {Side::Survivor, "survivor"},
    {Side::Advocate, "advocate"},
}};

constexpr std::array<std::pair<EndReason, const char *>, 5> endReasonNames{{
    {EndReason::SurvivorEnded, "survivor_ended"},
    {EndReason::AdvocateEnded, "advocate_ended"},
    {EndReason::QuickExit, "quick_exit"},
    {EndReason::IdleClosed, "idle_closed"},
    {EndReason::Disconnected, "disconnected"},
}};

constexpr std::array<std::pair<frame::OverrideCategory, const char *>, 3> overrideCategoryNames{{
    {frame::OverrideCategory::Emergency, "emergency"},
    {frame::OverrideCategory::RelayDown, "relay_down"},
    {frame::OverrideCategory::Other, "other"},
}};

constexpr std::array<std::pair<HandoffReason, const char *>, 5> handoffReasonNames{{
    {HandoffReason::Transfer, "transfer"},
    {HandoffReason::Queue, "queue"},
    {HandoffReason::Dropped, "dropped"},
    {HandoffReason::Supervisor, "supervisor"},
    {HandoffReason::HandBack, "hand_back"},
}};

constexpr std::array<std::pair<frame::TransferTarget, const char *>, 3> transferTargetNames{{
    {frame::TransferTarget::Advocate, "advocate"},
    {frame::TransferTarget::Supervisors, "supervisors"},
    {frame::TransferTarget::Queue, "queue"},
}};

constexpr std::array<std::pair<frame::TransferState, const char *>, 7> transferStateNames{{
    {frame::TransferState::Pending, "pending"},
    {frame::TransferState::Accepted, "accepted"},
    {frame::TransferState::Declined, "declined"},
    {frame::TransferState::Expired, "expired"},
    {frame::TransferState::Withdrawn, "withdrawn"},
    {frame::TransferState::Unavailable, "unavailable"},
    {frame::TransferState::Queued, "queued"},
}};

constexpr std::array<std::pair<frame::OfferClosedReason, const char *>, 5> offerClosedReasonNames{{
    {frame::OfferClosedReason::Withdrawn, "withdrawn"},
    {frame::OfferClosedReason::Expired, "expired"},
    {frame::OfferClosedReason::Taken, "taken"},
    {frame::OfferClosedReason::Ended, "ended"},
    {frame::OfferClosedReason::Declined, "declined"},
}};

constexpr std::array<std::pair<SupervisorAction, const char *>, 9> supervisorActionNames{{
    {SupervisorAction::Join, "join"},
    {SupervisorAction::Whisper, "whisper"},
    {SupervisorAction::TakeOver, "take_over"},
    {SupervisorAction::HandBack, "hand_back"},
    {SupervisorAction::Monitor, "monitor"},
    {SupervisorAction::Block, "block"},
    {SupervisorAction::Unblock, "unblock"},
    {SupervisorAction::SetNotice, "set_notice"},
    {SupervisorAction::ClearNotice, "clear_notice"},
}};

} // namespace

QString handoffReasonName(HandoffReason reason)
{
    return nameOf(handoffReasonNames, reason);
}
std::optional<HandoffReason> handoffReasonFromName(const QString &name)
{
    return valueOf(handoffReasonNames, name);
}
QString frame::transferTargetName(TransferTarget target)
{
    return nameOf(transferTargetNames, target);
}
std::optional<frame::TransferTarget> frame::transferTargetFromName(const QString &name)
{
    return valueOf(transferTargetNames, name);
}
QString frame::transferStateName(TransferState state)
{
    return nameOf(transferStateNames, state);
}
std::optional<frame::TransferState> frame::transferStateFromName(const QString &name)
{
    return valueOf(transferStateNames, name);
}
QString frame::offerClosedReasonName(OfferClosedReason reason)
{
    return nameOf(offerClosedReasonNames, reason);
}
std::optional<frame::OfferClosedReason> frame::offerClosedReasonFromName(const QString &name)
{
    return valueOf(offerClosedReasonNames, name);
}

QString roleName(Role role)
{
    return nameOf(roleNames, role);
}
std::optional<Role> roleFromName(const QString &name)
{
    return valueOf(roleNames, name);
}
QString sideName(Side side)
{
    return nameOf(sideNames, side);
}
std::optional<Side> sideFromName(const QString &name)
{
    return valueOf(sideNames, name);
}
QString endReasonName(EndReason reason)
{
    return nameOf(endReasonNames, reason);
}
std::optional<EndReason> endReasonFromName(const QString &name)
{
    return valueOf(endReasonNames, name);
}

QString frame::overrideCategoryName(OverrideCategory category)
{
    return nameOf(overrideCategoryNames, category);
}
std::optional<frame::OverrideCategory> frame::overrideCategoryFromName(const QString &name)
{
    return valueOf(overrideCategoryNames, name);
}

QString supervisorActionName(SupervisorAction action)
{
    return nameOf(supervisorActionNames, action);
}
std::optional<SupervisorAction> supervisorActionFromName(const QString &name)
{
    return valueOf(supervisorActionNames, name);
}

QString frameTypeName(const ClientFrame &frame)
{
    if (const auto *reserved = std::get_if<frame::Reserved>(&frame))
        return reserved->type;
    return QString::fromLatin1(clientFrameInfos.at(frame.index()).name);
}

QString frameTypeName(const RelayFrame &frame)
{
    return QString::fromLatin1(relayFrameInfos.at(frame.index()).name);
}

} // namespace advocate
