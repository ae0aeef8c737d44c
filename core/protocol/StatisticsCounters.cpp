// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/StatisticsCounters.h"

#include <QRegularExpression>

#include <array>

namespace advocate {

namespace {

// Upper bounds in minutes (exclusive) and the names of the bands below them; the last band has no bound.
struct Band
{
    qint64 belowMinutes;
    const char *name;
};
constexpr std::array<Band, 5> waitBands{{
    {1, "wait.under_1_min"},
    {5, "wait.1_to_5_min"},
    {15, "wait.5_to_15_min"},
    {30, "wait.15_to_30_min"},
    {0, "wait.30_min_and_more"},
}};
constexpr std::array<Band, 5> durationBands{{
    {5, "duration.under_5_min"},
    {15, "duration.5_to_15_min"},
    {30, "duration.15_to_30_min"},
    {60, "duration.30_to_60_min"},
    {0, "duration.60_min_and_more"},
}};

template <std::size_t N>
QString bandOf(const std::array<Band, N> &bands, qint64 ms)
{
    for (const Band &band : bands) {
        if (band.belowMinutes == 0 || ms < band.belowMinutes * 60 * 1000)
            return QLatin1String(band.name);
    }
    return QString();
}

QString prefixed(const char *prefix, const QString &name)
{
    return QLatin1String(prefix) + u'.' + name;
}

} // namespace

QString StatisticsCounters::offered()
{
    return QStringLiteral("offered");
}

QString StatisticsCounters::language(const QString &tag)
{
    return prefixed("language", tag);
}

QString StatisticsCounters::turnedAway(bool queueFull)
{
    return queueFull ? QStringLiteral("turned_away.queue_full") : QStringLiteral("turned_away.closed");
}

QString StatisticsCounters::answered()
{
    return QStringLiteral("answered");
}

QString StatisticsCounters::waitBand(qint64 waitedMs)
{
    return bandOf(waitBands, waitedMs);
}

QString StatisticsCounters::abandoned(EndReason how)
{
    // Only these two end a session that waits for its first answer.
    return prefixed("abandoned", endReasonName(how == EndReason::QuickExit ? how : EndReason::Disconnected));
}

QString StatisticsCounters::ended(EndReason reason)
{
    return prefixed("ended", endReasonName(reason));
}

QString StatisticsCounters::durationBand(qint64 lastedMs)
{
    return bandOf(durationBands, lastedMs);
}

QString StatisticsCounters::transferOffered()
{
    return QStringLiteral("transfer.offered");
}

QString StatisticsCounters::transferClosed(frame::TransferState outcome)
{
    return prefixed("transfer", frame::transferStateName(outcome));
}

QString StatisticsCounters::requeued(HandoffReason reason)
{
    return prefixed("requeued", handoffReasonName(reason));
}

QString StatisticsCounters::supervisorAction(SupervisorAction action)
{
    return prefixed("supervisor", supervisorActionName(action));
}

QString StatisticsCounters::shiftEndOverride(frame::OverrideCategory category)
{
    return prefixed("shift_end_override", frame::overrideCategoryName(category));
}

const QStringList &StatisticsCounters::fixed()
{
    static const QStringList names = [] {
        QStringList all{
            offered(),        answered(),       abandoned(EndReason::QuickExit), abandoned(EndReason::Disconnected),
            turnedAway(true), turnedAway(false)};
        for (const Band &band : waitBands)
            all.append(QLatin1String(band.name));
        for (const Band &band : durationBands)
            all.append(QLatin1String(band.name));
        for (const EndReason reason : {EndReason::SurvivorEnded, EndReason::AdvocateEnded, EndReason::QuickExit,
                                       EndReason::IdleClosed, EndReason::Disconnected})
            all.append(ended(reason));
        all.append(transferOffered());
        for (const frame::TransferState outcome :
             {frame::TransferState::Accepted, frame::TransferState::Declined, frame::TransferState::Expired,
              frame::TransferState::Withdrawn, frame::TransferState::Unavailable})
            all.append(transferClosed(outcome));
        all.append(requeued(HandoffReason::Queue));
        all.append(requeued(HandoffReason::Dropped));
        for (const SupervisorAction action :
             {SupervisorAction::Join, SupervisorAction::Whisper, SupervisorAction::TakeOver, SupervisorAction::HandBack,
              SupervisorAction::Monitor, SupervisorAction::Block, SupervisorAction::Unblock,
              SupervisorAction::SetNotice, SupervisorAction::ClearNotice})
            all.append(supervisorAction(action));
        for (const frame::OverrideCategory category :
             {frame::OverrideCategory::Emergency, frame::OverrideCategory::RelayDown, frame::OverrideCategory::Other})
            all.append(shiftEndOverride(category));
        return all;
    }();
    return names;
}

bool StatisticsCounters::isWellFormed(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[A-Za-z0-9_-]+)?$"));
    return name.size() <= 64 && pattern.match(name).hasMatch();
}

} // namespace advocate
