// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>

#include <optional>

namespace advocate {

// Every error code of docs/protocol.md, section 7. The wire names are stable; the order is not.
enum class ErrorCode {
    MalformedJson,
    NotAnObject,
    UnknownType,
    BadField,
    FrameTooLarge,
    BinaryRefused,
    MessageTooLong,
    UnsupportedVersion,
    NotSupported,
    NotAuthorized,
    BadState,
    UnknownConversation,
    NoticeOutdated,
    ResumeExpired,
    BadCredentials,
    LockedOut,
    CapReached,
    QueueEmpty,
    RateLimited,
    TooManySessions,
    TooManyErrors,
    OfferGone,
    NotOnShift,
    SourceShared,
    BlockingOff,
    PracticeMismatch,
};
// The last code, for walking all of them.
constexpr ErrorCode lastErrorCode = ErrorCode::PracticeMismatch;

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);
// True for the codes that count as a bad frame towards closing the socket (docs/protocol.md, section 7).
bool isBadFrameCode(ErrorCode code);

// An error as a value: the code, a human sentence that never repeats frame content, and the field at fault.
struct ProtocolError
{
    ErrorCode code = ErrorCode::MalformedJson;
    QString message;
    QString field;
};

} // namespace advocate
