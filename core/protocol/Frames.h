// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameBasics.h"
#include "protocol/ProtocolError.h"
#include "protocol/SupervisionFrames.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <variant>

// The typed frames of docs/protocol.md. Plain data only: FrameCodec validates and converts, the relay acts.
//
// Each frame is listed once below (ADVOCATE_CLIENT_FRAMES, ADVOCATE_RELAY_FRAMES) with its wire name and, for the
// frames clients send, who may send it. The variants, the names, the relay's authorization table, the codec's
// tables and the relay's and clients' dispatch all follow from these lists: a frame added to a list without its
// struct, its encode and decode, or its handlers does not compile, and tests/core/protocol/ProtocolDocTest fails
// until docs/protocol.md lists it.
namespace advocate {

// Client to relay (docs/protocol.md section 4): X(Type, "wire_name", senders). The relay's Operation enum
// follows this order.
#define ADVOCATE_CLIENT_FRAMES(X)                                                                                      \
    X(Start, "start", senders::anonymous)                                                                              \
    X(Resume, "resume", senders::anonymous)                                                                            \
    X(SignIn, "sign_in", senders::anonymous)                                                                           \
    X(StaffResume, "staff_resume", senders::anonymous)                                                                 \
    X(SignOut, "sign_out", senders::staff)                                                                             \
    X(SetAvailable, "set_available", senders::chatStaff)                                                               \
    X(TakeNext, "take_next", senders::chatStaff)                                                                       \
    X(Send, "send", senders::participants)                                                                             \
    X(Ack, "ack", senders::participants)                                                                               \
    X(Typing, "typing", senders::participants)                                                                         \
    X(Fetch, "fetch", senders::participants)                                                                           \
    X(End, "end", senders::answering)                                                                                  \
    X(QuickExit, "quick_exit", senders::survivor)                                                                      \
    X(Ping, "ping", senders::anyone)                                                                                   \
    X(ShiftEndOverride, "shift_end_override", senders::chatStaff)                                                      \
    X(Transfer, "transfer", senders::chatParticipants)                                                                 \
    X(TransferWithdraw, "transfer_withdraw", senders::chatParticipants)                                                \
    X(TransferAccept, "transfer_accept", senders::chatStaff)                                                           \
    X(TransferDecline, "transfer_decline", senders::chatStaff)                                                         \
    X(GetRoster, "get_roster", senders::chatStaff)                                                                     \
    X(PostShiftLog, "shift_log", senders::chatStaff)                                                                   \
    X(AckShiftLog, "shift_log_ack", senders::chatStaff)                                                                \
    X(Join, "join", senders::oversight)                                                                                \
    X(Leave, "leave", senders::presentStaff)                                                                           \
    X(Whisper, "whisper", senders::staffNote)                                                                          \
    X(TakeOver, "take_over", senders::oversight)                                                                       \
    X(HandBack, "hand_back", senders::supervisorAnswering)                                                             \
    X(Monitor, "monitor", senders::oversight)                                                                          \
    X(RaiseHand, "raise_hand", senders::chatParticipants)                                                              \
    X(Block, "block", senders::oversight)                                                                              \
    X(Unblock, "unblock", senders::supervisor)                                                                         \
    X(SetNotice, "set_notice", senders::supervisor)                                                                    \
    X(AckAlert, "ack_alert", senders::supervisor)                                                                      \
    X(GetStatistics, "get_statistics", senders::supervisor)

// Relay to client (docs/protocol.md section 5): X(Type, "wire_name").
#define ADVOCATE_RELAY_FRAMES(X)                                                                                       \
    X(Hello, "hello")                                                                                                  \
    X(Error, "error")                                                                                                  \
    X(Session, "session")                                                                                              \
    X(SignedIn, "signed_in")                                                                                           \
    X(Queued, "queued")                                                                                                \
    X(LongWait, "long_wait")                                                                                           \
    X(Busy, "busy")                                                                                                    \
    X(ConversationStarted, "conversation_started")                                                                     \
    X(Message, "message")                                                                                              \
    X(Accepted, "accepted")                                                                                            \
    X(Delivered, "delivered")                                                                                          \
    X(PeerTyping, "peer_typing")                                                                                       \
    X(PeerStatus, "peer_status")                                                                                       \
    X(Inactivity, "inactivity")                                                                                        \
    X(Ended, "ended")                                                                                                  \
    X(QueueSummary, "queue_summary")                                                                                   \
    X(Pong, "pong")                                                                                                    \
    X(Fetched, "fetched")                                                                                              \
    X(TokenRenewed, "token_renewed")                                                                                   \
    X(Reclaimed, "reclaimed")                                                                                          \
    X(AdvocateChanged, "advocate_changed")                                                                             \
    X(TransferStatus, "transfer_status")                                                                               \
    X(TransferOffer, "transfer_offer")                                                                                 \
    X(TransferOfferClosed, "transfer_offer_closed")                                                                    \
    X(Roster, "roster")                                                                                                \
    X(ShiftLogEntry, "shift_log_entry")                                                                                \
    X(ShiftLogPosted, "shift_log_posted")                                                                              \
    X(Board, "board")                                                                                                  \
    X(Participants, "participants")                                                                                    \
    X(SupervisorPresent, "supervisor_present")                                                                         \
    X(WhisperNote, "whispered")                                                                                        \
    X(Alert, "alert")                                                                                                  \
    X(AlertClosed, "alert_closed")                                                                                     \
    X(Statistics, "statistics")

// Types reserved for later versions (docs/protocol.md section 10), decoded as frame::Reserved and answered
// not_supported: the operations they will be, X(Operation, senders), and their wire names, X("name", Operation).
#define ADVOCATE_RESERVED_OPERATIONS(X) X(CheckIn, senders::chatStaff)
#define ADVOCATE_RESERVED_FRAMES(X) X("check_in", CheckIn)

namespace frame {

// Client to relay (section 4).
struct Start
{
    int protocol = 0;
    int noticeVersion = 0;
    std::optional<QString> alias;
    std::optional<QString> language;
    // A practice survivor (a scripted one, issue 18): only a practice relay takes it, and a practice relay takes no
    // other (practice_mismatch). Optional on the wire: written only when true.
    bool practice = false;
};
struct Resume
{
    int protocol = 0;
    QString token;
    qint64 lastSeq = 0;
};
struct SignIn
{
    int protocol = 0;
    QString user;
    QString password;
};
// A conversation the workstation holds and the last seq it has of it: what it re-claims after a relay restart
// (docs/protocol.md section 8, restart and failover).
struct ReclaimClaim
{
    QString conversation;
    qint64 lastSeq = 0;
};
// A staff_resume names at most this many claims.
constexpr int maxReclaimClaims = 16;
struct StaffResume
{
    int protocol = 0;
    QString sessionToken;
    QList<ReclaimClaim> claims; // optional on the wire: absent when empty
};
struct SignOut
{
};
struct SetAvailable
{
    bool available = false;
    std::optional<QStringList> languages;
};
struct TakeNext
{
    std::optional<QString> language;
};
struct Send
{
    QString conversation;
    QString clientId;
    QString body;
};
struct Ack
{
    QString conversation;
    qint64 seq = 0;
};
struct Typing
{
    QString conversation;
    bool active = false;
};
struct Fetch
{
    QString conversation;
    qint64 afterSeq = 0;
};
struct End
{
    QString conversation;
    bool idle = false; // reason "idle" (staff only)
};
struct QuickExit
{
};
struct Ping
{
};
// Staff ended their shift with conversations still open (WS2). The typed reason never leaves the workstation (it
// may name a survivor): only its length and a category picked from a fixed list, for the relay's audit log.
enum class OverrideCategory { Emergency, RelayDown, Other };
constexpr int maxOverrideReasonChars = 500;
QString overrideCategoryName(OverrideCategory category);
std::optional<OverrideCategory> overrideCategoryFromName(const QString &name);
struct ShiftEndOverride
{
    OverrideCategory category = OverrideCategory::Other;
    int reasonChars = 0; // 1 … 500
    int open = 0;        // conversations open when the shift ended
    // The typed reason, an opaque body for the supervisors on shift (section 17); never logged.
    std::optional<QString> reason;
};
// Handoff (section 15). The note is an opaque body: the relay carries it and never reads it.
enum class TransferTarget { Advocate, Supervisors, Queue };
QString transferTargetName(TransferTarget target);
std::optional<TransferTarget> transferTargetFromName(const QString &name);
struct Transfer
{
    QString conversation;
    TransferTarget to = TransferTarget::Queue;
    std::optional<QString> user; // with `to` advocate
    std::optional<QString> note;
};
struct TransferWithdraw
{
    QString conversation;
};
struct TransferAccept
{
    QString offer;
};
struct TransferDecline
{
    QString offer;
};
struct GetRoster
{
};
// Shift log (section 16): an opaque body for the next shift.
struct PostShiftLog
{
    QString body;
};
struct AckShiftLog
{
    QString entry;
};
// Statistics (section 17): the per-day counts of the last `days` days, today included (supervisors only).
constexpr int maxStatisticsDays = 31; // today and the 30 days before it
struct GetStatistics
{
    std::optional<int> days; // 1 … maxStatisticsDays; absent: all of them
};
// A type reserved for later versions (section 10); the relay answers not_supported.
struct Reserved
{
    QString type;
};

// Relay to client (section 5).
struct Hello
{
    int protocol = 0;
    QString server;
    int maxFrameBytes = 0;
    int maxMessageChars = 0;
    int noticeVersion = 0;
};
struct Error
{
    ErrorCode code = ErrorCode::MalformedJson;
    QString message;
    std::optional<QString> field;
    std::optional<QString> inReplyTo;
    bool fatal = false;
};
struct Session
{
    QString resumeToken;
    int reconnectWindowSeconds = 0;
};
struct ConversationSummary
{
    QString conversation;
    QString language;
    std::optional<QString> alias;
    qint64 lastSeq = 0;

    bool operator==(const ConversationSummary &) const = default;
};
// The program's facts a workstation shows or fills in (issue 17): from the relay's config only, so the survivor
// page and the canned responses cannot disagree. Names and hours by language tag (every language of the config).
struct ProgramFacts
{
    QMap<QString, QString> names; // the program's name
    QMap<QString, QString> hours; // the chat's opening hours as a phrase ("every day, day and night")
    QString hotlinePhone;
    QString hotlineSms; // empty: none
    QString emergencyNumber;
    // A practice program (issue 18, config `practice = on`): no real survivor reaches it. Written only when true.
    bool practice = false;

    bool operator==(const ProgramFacts &) const = default;
};
struct SignedIn
{
    QString user;
    Role role = Role::Advocate;
    QString sessionToken;
    QList<ConversationSummary> conversations;
    std::optional<int> cap; // the relay's per-advocate cap (1 … 4); absent from relays before it was added
    // The program's maximum shift length in minutes (10 … 1440); absent from relays before it was added.
    std::optional<int> maxShiftMinutes;
    std::optional<ProgramFacts> program = std::nullopt; // absent from relays before it was added
};
struct Queued
{
    int position = 0;
    int estimatedWaitSeconds = 0;
};
struct LongWait
{
    int waitedSeconds = 0;
    QString text;
    std::optional<QString> phone;
    std::optional<QString> sms;
};
struct Busy
{
    QString text;
    std::optional<QString> phone;
    std::optional<QString> sms;
};
struct ConversationStarted
{
    QString conversation;
    QString language;
    std::optional<QString> alias;
    // To the staff member a conversation was handed to (section 15): how, from whom, and the note.
    std::optional<HandoffReason> handoff;
    std::optional<QString> handedFrom;
    std::optional<QString> note;
    // To a supervisor stepping in without answering (section 17); absent: the receiver answers.
    std::optional<Participation> participation;
};
struct Message
{
    QString conversation;
    qint64 seq = 0;
    Side from = Side::Survivor;
    QString clientId;
    QString body;
    qint64 at = 0;
    std::optional<QString> by; // to staff: who wrote it (section 17)
    bool supervisor = false;   // written by a supervisor who joined
};
struct Accepted
{
    QString conversation;
    QString clientId;
    qint64 seq = 0;
};
struct Delivered
{
    QString conversation;
    qint64 seq = 0;
};
struct PeerTyping
{
    QString conversation;
    bool active = false;
    // Who types (section 17): to staff, the user name of a staff member typing (absent: the survivor); to the
    // survivor, whether a supervisor types (one who joined, or one answering after a take-over).
    std::optional<QString> by;
    bool supervisor = false;
};
struct PeerStatus
{
    QString conversation;
    bool connected = false;
};
struct Inactivity
{
    QString conversation;
    int stage = 1;
    int silentSeconds = 0;
};
struct Ended
{
    QString conversation;
    EndReason reason = EndReason::SurvivorEnded;
};
// A relay sends at most this many waits per language in queue_summary: the longest (section 9).
constexpr int maxQueueSummaryWaits = 100;
struct QueueSummary
{
    QMap<QString, int> waiting;
    // Per language, how long each waiting survivor has waited, in whole seconds when the frame was sent, longest
    // first; at most maxQueueSummaryWaits of them. Optional on the wire (absent from relays before it was added); no
    // alias, no ids.
    QMap<QString, QList<int>> waits;
};
struct Pong
{
};
// Closes one reply to `fetch` or `resume` (docs/protocol.md section 6): the messages just sent were a page, and
// `more` says whether the client should fetch again after the last seq it got. `oldestSeq` is the oldest seq the
// relay still holds; anything older was trimmed and cannot be fetched.
struct Fetched
{
    QString conversation;
    qint64 oldestSeq = 0;
    qint64 lastSeq = 0;
    bool more = false;
};
// The token to use from now on (a relay with a restart secret renews it, section 8).
struct TokenRenewed
{
    QString token;
};
// After a relay restart both sides re-claimed the conversation: seqs continue after lastSeq (section 8).
struct Reclaimed
{
    QString conversation;
    qint64 lastSeq = 0;
};
// To the survivor: someone else answers from now on, or the chat waits at the front of the queue.
struct AdvocateChanged
{
    QString conversation;
    HandoffReason reason = HandoffReason::Transfer;
};
enum class TransferState { Pending, Accepted, Declined, Expired, Withdrawn, Unavailable, Queued };
QString transferStateName(TransferState state);
std::optional<TransferState> transferStateFromName(const QString &name);
struct TransferStatus
{
    QString conversation;
    QString offer;
    TransferState state = TransferState::Pending;
    std::optional<QString> by;
    std::optional<int> expiresInSeconds;
};
struct TransferOffer
{
    QString offer;
    QString conversation;
    QString from;
    QString language;
    std::optional<QString> alias;
    std::optional<QString> note;
    bool toSupervisors = false;
    int expiresInSeconds = 0;
};
enum class OfferClosedReason { Withdrawn, Expired, Taken, Ended, Declined };
QString offerClosedReasonName(OfferClosedReason reason);
std::optional<OfferClosedReason> offerClosedReasonFromName(const QString &name);
struct TransferOfferClosed
{
    QString offer;
    OfferClosedReason reason = OfferClosedReason::Withdrawn;
};
struct RosterEntry
{
    QString user;
    Role role = Role::Advocate;
    bool available = false;
    int load = 0;

    bool operator==(const RosterEntry &) const = default;
};
struct Roster
{
    QList<RosterEntry> staff;
};
struct ShiftLogEntry
{
    QString entry;
    QString author;
    QString body;
    qint64 at = 0;
};
struct ShiftLogPosted
{
    QString entry;
    int expiresInSeconds = 0;
};
// One day's counts (RL10), a day of the program's time zone: counter name → count; a counter not listed is 0.
// Counts and bands only, never anything about one conversation (core/protocol/StatisticsCounters names them).
struct StatisticsDay
{
    QDate date;
    QMap<QString, qint64> counts;

    bool operator==(const StatisticsDay &) const = default;
};
struct Statistics
{
    QString timeZone;          // IANA name of the program's time zone, which the days are in
    QList<StatisticsDay> days; // oldest first; today last
};

} // namespace frame

namespace detail {
// std::variant of the types before ListEnd: lets an X-macro list end in a comma.
struct ListEnd
{
};
template <typename Done, typename... Rest>
struct VariantOf;
template <typename... Done>
struct VariantOf<std::variant<Done...>, ListEnd>
{
    using type = std::variant<Done...>;
};
template <typename... Done, typename Next, typename... Rest>
struct VariantOf<std::variant<Done...>, Next, Rest...>
{
    using type = typename VariantOf<std::variant<Done..., Next>, Rest...>::type;
};
} // namespace detail

#define ADVOCATE_FRAME_ALTERNATIVE(Type, ...) frame::Type,
// What clients send to the relay; Reserved stands for every type of section 10.
using ClientFrame =
    detail::VariantOf<std::variant<>, ADVOCATE_CLIENT_FRAMES(ADVOCATE_FRAME_ALTERNATIVE) frame::Reserved,
                      detail::ListEnd>::type;
// What the relay sends to clients.
using RelayFrame =
    detail::VariantOf<std::variant<>, ADVOCATE_RELAY_FRAMES(ADVOCATE_FRAME_ALTERNATIVE) detail::ListEnd>::type;
#undef ADVOCATE_FRAME_ALTERNATIVE

enum class Direction { ToRelay, ToClient };

// The list entry of one frame type: its wire name, its direction and (client frames) who may send it.
template <typename T>
struct FrameTraits; // only the listed frames have one

#define ADVOCATE_CLIENT_FRAME_TRAITS(Type, wireName, who)                                                              \
    template <>                                                                                                        \
    struct FrameTraits<frame::Type>                                                                                    \
    {                                                                                                                  \
        static constexpr const char *name = wireName;                                                                  \
        static constexpr Direction direction = Direction::ToRelay;                                                     \
        static constexpr Senders senders = who;                                                                        \
    };
#define ADVOCATE_RELAY_FRAME_TRAITS(Type, wireName)                                                                    \
    template <>                                                                                                        \
    struct FrameTraits<frame::Type>                                                                                    \
    {                                                                                                                  \
        static constexpr const char *name = wireName;                                                                  \
        static constexpr Direction direction = Direction::ToClient;                                                    \
    };
ADVOCATE_CLIENT_FRAMES(ADVOCATE_CLIENT_FRAME_TRAITS)
ADVOCATE_RELAY_FRAMES(ADVOCATE_RELAY_FRAME_TRAITS)
#undef ADVOCATE_CLIENT_FRAME_TRAITS
#undef ADVOCATE_RELAY_FRAME_TRAITS

// A frame that names a conversation is one only its participants may send, and the other way round: the
// relay's relation check reads the `conversation` member.
template <typename T>
concept NamesConversation = requires(const T &f)
{
    f.conversation;
};
#define ADVOCATE_CHECK_PARTICIPANTS(Type, wireName, who)                                                               \
    static_assert(who.participantsOnly == NamesConversation<frame::Type>,                                              \
                  wireName " names a conversation exactly when only participants may send it");
ADVOCATE_CLIENT_FRAMES(ADVOCATE_CHECK_PARTICIPANTS)
#undef ADVOCATE_CHECK_PARTICIPANTS

// One row of the frame lists, for code and tests that walk them (the docs check, the authorization table).
struct FrameInfo
{
    const char *name;
    Direction direction;
    Senders senders; // client frames only
};

#define ADVOCATE_CLIENT_FRAME_INFO(Type, wireName, who) FrameInfo{wireName, Direction::ToRelay, who},
#define ADVOCATE_RELAY_FRAME_INFO(Type, wireName) FrameInfo{wireName, Direction::ToClient, {}},
// In the order of ClientFrame's alternatives (Reserved, last, has no row).
inline constexpr std::array clientFrameInfos{ADVOCATE_CLIENT_FRAMES(ADVOCATE_CLIENT_FRAME_INFO)};
// In the order of RelayFrame's alternatives.
inline constexpr std::array relayFrameInfos{ADVOCATE_RELAY_FRAMES(ADVOCATE_RELAY_FRAME_INFO)};
#undef ADVOCATE_CLIENT_FRAME_INFO
#undef ADVOCATE_RELAY_FRAME_INFO
static_assert(clientFrameInfos.size() + 1 == std::variant_size_v<ClientFrame>);
static_assert(relayFrameInfos.size() == std::variant_size_v<RelayFrame>);

#define ADVOCATE_RESERVED_FRAME_NAME(wireName, operation) wireName,
inline constexpr std::array reservedFrameNames{ADVOCATE_RESERVED_FRAMES(ADVOCATE_RESERVED_FRAME_NAME)};
#undef ADVOCATE_RESERVED_FRAME_NAME

// The wire name of a frame's type, e.g. "send".
QString frameTypeName(const ClientFrame &frame);
QString frameTypeName(const RelayFrame &frame);

// An overload set for std::visit. Visiting a ClientFrame or RelayFrame with it does not compile unless every
// alternative has a handler, so a frame added to a list cannot be forgotten by a dispatch.
template <typename... Handlers>
struct Overloaded : Handlers...
{
    using Handlers::operator()...;
};
template <typename... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

} // namespace advocate
