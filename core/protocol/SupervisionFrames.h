// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameBasics.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The frames of supervision (docs/protocol.md section 17): the board, stepping into a conversation, whispers,
// blocks, the service notice and alerts. Plain data, listed in Frames.h with the others.
namespace advocate {

// How a staff member stands in a conversation (section 17): one answers it; others may be present.
enum class Participation { Answering, Joined, Observing, Monitoring };
QString participationName(Participation participation);
std::optional<Participation> participationFromName(const QString &name);

namespace frame {

// Client to relay.
struct Join
{
    QString conversation;
};
struct Leave
{
    QString conversation;
};
struct Whisper
{
    QString conversation;
    QString body;
};
// What becomes of the advocate when a supervisor takes a conversation over.
enum class AfterTakeOver { Observe, Release };
QString afterTakeOverName(AfterTakeOver after);
std::optional<AfterTakeOver> afterTakeOverFromName(const QString &name);
struct TakeOver
{
    QString conversation;
    AfterTakeOver advocate = AfterTakeOver::Observe;
};
struct HandBack
{
    QString conversation;
};
struct Monitor
{
    QString conversation;
};
struct RaiseHand
{
    QString conversation;
    bool raised = true;
};
constexpr int defaultBlockHours = 24;
constexpr int maxBlockHours = 168;
struct Block
{
    QString conversation;
    std::optional<int> hours; // 1 … maxBlockHours; the relay uses defaultBlockHours without it
};
struct Unblock
{
    QString block;
};
// The service notice of section 12, as the desk sets it; None clears it.
enum class NoticeKind { None, Degraded, Outage, Forward };
QString noticeKindName(NoticeKind kind);
std::optional<NoticeKind> noticeKindFromName(const QString &name);
constexpr int maxNoticeChars = 500;
struct SetNotice
{
    NoticeKind kind = NoticeKind::None;
    QString text; // 1 … maxNoticeChars unless the notice is cleared
    std::optional<QString> link;
};
struct AckAlert
{
    QString alert;
};

// Relay to client.
struct Presence
{
    QString user;
    Participation participation = Participation::Answering;

    bool operator==(const Presence &) const = default;
};
enum class BoardFlag { HandRaised, OfferPending, CheckInDue, SurvivorAway, AdvocateAway };
QString boardFlagName(BoardFlag flag);
std::optional<BoardFlag> boardFlagFromName(const QString &name);
struct BoardRow
{
    QString conversation;
    bool waiting = false; // state: back in the queue after a handoff, nobody answers
    QString language;
    int sinceSeconds = 0;
    std::optional<QString> advocate;
    QList<Presence> present;
    QList<BoardFlag> flags;

    bool operator==(const BoardRow &) const = default;
};
struct QueueWait
{
    QString language;
    int waiting = 0;
    int longestWaitSeconds = 0;

    bool operator==(const QueueWait &) const = default;
};
enum class StaffStatus { Available, Away, Disconnected };
QString staffStatusName(StaffStatus status);
std::optional<StaffStatus> staffStatusFromName(const QString &name);
struct StaffState
{
    QString user;
    Role role = Role::Advocate;
    StaffStatus status = StaffStatus::Away;
    int load = 0;

    bool operator==(const StaffState &) const = default;
};
struct BlockEntry
{
    QString block;
    QString by;
    int expiresInSeconds = 0;

    bool operator==(const BlockEntry &) const = default;
};
struct NoticeState
{
    NoticeKind kind = NoticeKind::None;
    std::optional<QString> text;
    std::optional<QString> link;

    bool operator==(const NoticeState &) const = default;
};
constexpr int maxBoardRowsPerFrame = 40;
struct Board
{
    bool reset = false;
    QList<BoardRow> conversations;
    QStringList removed;
    QList<QueueWait> queues;
    QList<StaffState> staff;
    int cap = 1;
    QList<BlockEntry> blocks;
    NoticeState notice;
};
struct Participants
{
    QString conversation;
    QList<Presence> staff;
};
struct SupervisorPresent
{
    QString conversation;
    bool present = false;
};
// The relay's `whisper` (the client's is frame::Whisper).
struct WhisperNote
{
    QString conversation;
    QString from;
    QString body;
    qint64 at = 0;
};
enum class AlertKind { ShiftEndReason };
QString alertKindName(AlertKind kind);
std::optional<AlertKind> alertKindFromName(const QString &name);
struct Alert
{
    QString alert;
    AlertKind kind = AlertKind::ShiftEndReason;
    QString user;
    QString body;
    qint64 at = 0;
};
struct AlertClosed
{
    QString alert;
};

} // namespace frame
} // namespace advocate
