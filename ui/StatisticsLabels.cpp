// SPDX-License-Identifier: GPL-3.0-only
#include "StatisticsLabels.h"

#include "protocol/StatisticsCounters.h"

#include <QHash>
#include <QLocale>

namespace advocate {

namespace {

const QString languagePrefix = QStringLiteral("language.");

} // namespace

QList<StatisticsLabels::Group> StatisticsLabels::groups()
{
    return {Group::Chats,     Group::Waits,     Group::Durations,
            Group::Endings,   Group::Handoffs,  Group::SupervisorActions,
            Group::ShiftEnds, Group::Languages, Group::Other};
}

StatisticsLabels::Group StatisticsLabels::groupOf(const QString &counter)
{
    static const QHash<QString, Group> byPrefix{
        {QStringLiteral("offered"), Group::Chats},
        {QStringLiteral("answered"), Group::Chats},
        {QStringLiteral("abandoned"), Group::Chats},
        {QStringLiteral("turned_away"), Group::Chats},
        {QStringLiteral("wait"), Group::Waits},
        {QStringLiteral("duration"), Group::Durations},
        {QStringLiteral("ended"), Group::Endings},
        {QStringLiteral("transfer"), Group::Handoffs},
        {QStringLiteral("requeued"), Group::Handoffs},
        {QStringLiteral("supervisor"), Group::SupervisorActions},
        {QStringLiteral("shift_end_override"), Group::ShiftEnds},
        {QStringLiteral("language"), Group::Languages},
    };
    // A name the desk does not know yet is shown under "Other", whatever its prefix.
    if (counter.startsWith(languagePrefix) || StatisticsCounters::fixed().contains(counter))
        return byPrefix.value(counter.section(u'.', 0, 0), Group::Other);
    return Group::Other;
}

QString StatisticsLabels::groupName(Group group)
{
    switch (group) {
    case Group::Chats:
        return tr("Chats");
    case Group::Waits:
        return tr("Wait before the first answer");
    case Group::Durations:
        return tr("Length of the chats that ended");
    case Group::Endings:
        return tr("How chats ended");
    case Group::Handoffs:
        return tr("Handoffs");
    case Group::SupervisorActions:
        return tr("Supervisor actions");
    case Group::ShiftEnds:
        return tr("Shifts ended with chats open");
    case Group::Languages:
        return tr("Languages survivors chose");
    case Group::Other:
        return tr("Other counts");
    }
    return {};
}

QString StatisticsLabels::label(const QString &counter)
{
    if (counter.startsWith(languagePrefix)) {
        const QString tag = counter.mid(languagePrefix.size());
        // Qt names languages in English only ("Spanish"); the tag says it to everyone.
        const QLocale::Language language = QLocale(tag).language();
        return language == QLocale::C ? tag : tr("%1 (%2)").arg(QLocale::languageToString(language), tag);
    }
    using C = StatisticsCounters;
    const QHash<QString, QString> labels{
        {C::offered(), tr("Survivors who asked to chat")},
        {C::answered(), tr("Chats answered")},
        {C::abandoned(EndReason::QuickExit), tr("Left the queue before an answer (quick exit or leave)")},
        {C::abandoned(EndReason::Disconnected), tr("Lost while waiting and did not come back")},
        {C::turnedAway(true), tr("Turned away: the queue was full")},
        {C::turnedAway(false), tr("Turned away: chat closed (outside hours or a notice)")},
        {C::waitBand(0), tr("Under 1 minute")},
        {C::waitBand(60'000), tr("1 to 5 minutes")},
        {C::waitBand(5 * 60'000), tr("5 to 15 minutes")},
        {C::waitBand(15 * 60'000), tr("15 to 30 minutes")},
        {C::waitBand(30 * 60'000), tr("30 minutes or more")},
        {C::durationBand(0), tr("Under 5 minutes")},
        {C::durationBand(5 * 60'000), tr("5 to 15 minutes")},
        {C::durationBand(15 * 60'000), tr("15 to 30 minutes")},
        {C::durationBand(30 * 60'000), tr("30 to 60 minutes")},
        {C::durationBand(60 * 60'000), tr("60 minutes or more")},
        {C::ended(EndReason::SurvivorEnded), tr("The survivor ended the chat")},
        {C::ended(EndReason::AdvocateEnded), tr("Staff ended the chat")},
        {C::ended(EndReason::QuickExit), tr("Quick exit")},
        {C::ended(EndReason::IdleClosed), tr("Closed after a long silence")},
        {C::ended(EndReason::Disconnected), tr("The connection was lost")},
        {C::transferOffered(), tr("Offered to a colleague or the supervisors")},
        {C::transferClosed(frame::TransferState::Accepted), tr("Offers accepted")},
        {C::transferClosed(frame::TransferState::Declined), tr("Offers declined")},
        {C::transferClosed(frame::TransferState::Expired), tr("Offers that expired")},
        {C::transferClosed(frame::TransferState::Withdrawn), tr("Offers withdrawn")},
        {C::transferClosed(frame::TransferState::Unavailable), tr("Offers closed: the colleague went off shift")},
        {C::requeued(HandoffReason::Queue), tr("Handed to the queue")},
        {C::requeued(HandoffReason::Dropped), tr("Back to the queue: the staff member did not come back")},
        {C::supervisorAction(SupervisorAction::Join), tr("Joined a chat")},
        {C::supervisorAction(SupervisorAction::Whisper), tr("Whispers")},
        {C::supervisorAction(SupervisorAction::TakeOver), tr("Took a chat over")},
        {C::supervisorAction(SupervisorAction::HandBack), tr("Handed a chat back")},
        {C::supervisorAction(SupervisorAction::Monitor), tr("Read along silently")},
        {C::supervisorAction(SupervisorAction::Block), tr("Blocked a contact")},
        {C::supervisorAction(SupervisorAction::Unblock), tr("Lifted a block")},
        {C::supervisorAction(SupervisorAction::SetNotice), tr("Set the service notice")},
        {C::supervisorAction(SupervisorAction::ClearNotice), tr("Cleared the service notice")},
        {C::shiftEndOverride(frame::OverrideCategory::Emergency), tr("Emergency")},
        {C::shiftEndOverride(frame::OverrideCategory::RelayDown), tr("The relay is down or unreachable")},
        {C::shiftEndOverride(frame::OverrideCategory::Other), tr("Other")},
    };
    return labels.value(counter, counter);
}

} // namespace advocate
