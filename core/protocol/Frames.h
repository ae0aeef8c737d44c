// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/ProtocolError.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// The typed frames of docs/protocol.md. Plain data only: FrameCodec validates and converts, the relay acts.
namespace advocate {

enum class Role { Survivor, Advocate, Supervisor, Admin };
// Who wrote a message: staff of any role write as the advocate side.
enum class Side { Survivor, Advocate };
enum class EndReason { SurvivorEnded, AdvocateEnded, QuickExit, IdleClosed, Disconnected };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QString sideName(Side side);
std::optional<Side> sideFromName(const QString &name);
QString endReasonName(EndReason reason);
std::optional<EndReason> endReasonFromName(const QString &name);

namespace frame {

// Client to relay (section 4).
struct Start
{
    int protocol = 0;
    int noticeVersion = 0;
    std::optional<QString> alias;
    std::optional<QString> language;
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
struct StaffResume
{
    int protocol = 0;
    QString sessionToken;
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
struct SignedIn
{
    QString user;
    Role role = Role::Advocate;
    QString sessionToken;
    QList<ConversationSummary> conversations;
    std::optional<int> cap; // the relay's per-advocate cap (1 … 4); absent from relays before it was added
    // The program's maximum shift length in minutes (10 … 1440); absent from relays before it was added.
    std::optional<int> maxShiftMinutes;
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
};
struct Message
{
    QString conversation;
    qint64 seq = 0;
    Side from = Side::Survivor;
    QString clientId;
    QString body;
    qint64 at = 0;
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
struct QueueSummary
{
    QMap<QString, int> waiting;
    // Per language, how long each waiting survivor has waited, in whole seconds when the frame was sent, longest
    // first. Optional on the wire (absent from relays before it was added); no alias, no ids.
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

} // namespace frame

using Frame =
    std::variant<frame::Start, frame::Resume, frame::SignIn, frame::StaffResume, frame::SignOut, frame::SetAvailable,
                 frame::TakeNext, frame::Send, frame::Ack, frame::Typing, frame::Fetch, frame::End, frame::QuickExit,
                 frame::Ping, frame::Reserved, frame::Hello, frame::Error, frame::Session, frame::SignedIn,
                 frame::Queued, frame::LongWait, frame::Busy, frame::ConversationStarted, frame::Message,
                 frame::Accepted, frame::Delivered, frame::PeerTyping, frame::PeerStatus, frame::Inactivity,
                 frame::Ended, frame::QueueSummary, frame::Pong, frame::Fetched, frame::ShiftEndOverride>;

// The wire name of a frame's type, e.g. "send".
QString frameTypeName(const Frame &frame);

} // namespace advocate
