// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/ProtocolError.h"

#include <array>
#include <utility>

namespace advocate {

namespace {

constexpr std::array<std::pair<ErrorCode, const char *>, 26> codeNames{{
    {ErrorCode::MalformedJson, "malformed_json"},
    {ErrorCode::NotAnObject, "not_an_object"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::BadField, "bad_field"},
    {ErrorCode::FrameTooLarge, "frame_too_large"},
    {ErrorCode::BinaryRefused, "binary_refused"},
    {ErrorCode::MessageTooLong, "message_too_long"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::NotSupported, "not_supported"},
    {ErrorCode::NotAuthorized, "not_authorized"},
    {ErrorCode::BadState, "bad_state"},
    {ErrorCode::UnknownConversation, "unknown_conversation"},
    {ErrorCode::NoticeOutdated, "notice_outdated"},
    {ErrorCode::ResumeExpired, "resume_expired"},
    {ErrorCode::BadCredentials, "bad_credentials"},
    {ErrorCode::LockedOut, "locked_out"},
    {ErrorCode::CapReached, "cap_reached"},
    {ErrorCode::QueueEmpty, "queue_empty"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::TooManySessions, "too_many_sessions"},
    {ErrorCode::TooManyErrors, "too_many_errors"},
    {ErrorCode::OfferGone, "offer_gone"},
    {ErrorCode::NotOnShift, "not_on_shift"},
    {ErrorCode::SourceShared, "source_shared"},
    {ErrorCode::BlockingOff, "blocking_off"},
    {ErrorCode::PracticeMismatch, "practice_mismatch"},
}};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : codeNames) {
        if (value == code)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &[value, text] : codeNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool isBadFrameCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::MalformedJson:
    case ErrorCode::NotAnObject:
    case ErrorCode::UnknownType:
    case ErrorCode::BadField:
    case ErrorCode::FrameTooLarge:
    case ErrorCode::BinaryRefused:
    case ErrorCode::MessageTooLong:
    case ErrorCode::UnsupportedVersion:
    case ErrorCode::NotSupported:
    case ErrorCode::NotAuthorized:
    case ErrorCode::BadState:
    case ErrorCode::UnknownConversation:
    case ErrorCode::RateLimited:
        return true;
    default:
        return false;
    }
}

} // namespace advocate
