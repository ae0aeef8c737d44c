// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/SupervisionFrames.h"

#include "protocol/NameTable.h"

#include <array>
#include <utility>

namespace advocate {

using wire::nameOf;
using wire::valueOf;

namespace {

constexpr std::array<std::pair<Participation, const char *>, 4> participationNames{{
    {Participation::Answering, "answering"},
    {Participation::Joined, "joined"},
    {Participation::Observing, "observing"},
    {Participation::Monitoring, "monitoring"},
}};

constexpr std::array<std::pair<frame::AfterTakeOver, const char *>, 2> afterTakeOverNames{{
    {frame::AfterTakeOver::Observe, "observe"},
    {frame::AfterTakeOver::Release, "release"},
}};

constexpr std::array<std::pair<frame::NoticeKind, const char *>, 4> noticeKindNames{{
    {frame::NoticeKind::None, "none"},
    {frame::NoticeKind::Degraded, "degraded"},
    {frame::NoticeKind::Outage, "outage"},
    {frame::NoticeKind::Forward, "forward"},
}};

constexpr std::array<std::pair<frame::BoardFlag, const char *>, 5> boardFlagNames{{
    {frame::BoardFlag::HandRaised, "hand_raised"},
    {frame::BoardFlag::OfferPending, "offer_pending"},
    {frame::BoardFlag::CheckInDue, "check_in_due"},
    {frame::BoardFlag::SurvivorAway, "survivor_away"},
    {frame::BoardFlag::AdvocateAway, "advocate_away"},
}};

constexpr std::array<std::pair<frame::StaffStatus, const char *>, 3> staffStatusNames{{
    {frame::StaffStatus::Available, "available"},
    {frame::StaffStatus::Away, "away"},
    {frame::StaffStatus::Disconnected, "disconnected"},
}};

constexpr std::array<std::pair<frame::AlertKind, const char *>, 1> alertKindNames{{
    {frame::AlertKind::ShiftEndReason, "shift_end_reason"},
}};

} // namespace

QString participationName(Participation participation)
{
    return nameOf(participationNames, participation);
}
std::optional<Participation> participationFromName(const QString &name)
{
    return valueOf(participationNames, name);
}
QString frame::afterTakeOverName(AfterTakeOver after)
{
    return nameOf(afterTakeOverNames, after);
}
std::optional<frame::AfterTakeOver> frame::afterTakeOverFromName(const QString &name)
{
    return valueOf(afterTakeOverNames, name);
}
QString frame::noticeKindName(NoticeKind kind)
{
    return nameOf(noticeKindNames, kind);
}
std::optional<frame::NoticeKind> frame::noticeKindFromName(const QString &name)
{
    return valueOf(noticeKindNames, name);
}
QString frame::boardFlagName(BoardFlag flag)
{
    return nameOf(boardFlagNames, flag);
}
std::optional<frame::BoardFlag> frame::boardFlagFromName(const QString &name)
{
    return valueOf(boardFlagNames, name);
}
QString frame::staffStatusName(StaffStatus status)
{
    return nameOf(staffStatusNames, status);
}
std::optional<frame::StaffStatus> frame::staffStatusFromName(const QString &name)
{
    return valueOf(staffStatusNames, name);
}
QString frame::alertKindName(AlertKind kind)
{
    return nameOf(alertKindNames, kind);
}
std::optional<frame::AlertKind> frame::alertKindFromName(const QString &name)
{
    return valueOf(alertKindNames, name);
}

} // namespace advocate
