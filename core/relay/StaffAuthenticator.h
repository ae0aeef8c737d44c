// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "protocol/ProtocolError.h"

#include <QString>

#include <functional>
#include <optional>

namespace advocate {

// What a sign-in attempt gave: the account's role, or bad_credentials / locked_out.
struct SignInOutcome
{
    std::optional<Role> role;
    ErrorCode error = ErrorCode::BadCredentials;
};

// Checks staff credentials for the router. The relay's implementation is StaffAccounts (argon2id hashes,
// lock-out); tests may use an in-memory one.
class StaffAuthenticator
{
public:
    using Completion = std::function<void(const SignInOutcome &)>;

    virtual ~StaffAuthenticator() = default;
    // Calls `done` exactly once, on the caller's thread: at once, or later from its event loop (an argon2id
    // check takes a tenth of a second or more and must not stall every other conversation).
    virtual void signIn(const QString &user, const QString &password, Completion done) = 0;
    // Whether `user` may still hold a session (checked on staff_resume and when accounts change). An
    // implementation that cannot tell says yes.
    virtual bool isEnabled(const QString &user)
    {
        Q_UNUSED(user)
        return true;
    }
    // The role of an enabled account, for a staff member re-claiming after a relay restart (docs/protocol.md
    // section 8); nothing when the account is unknown or disabled. An implementation that cannot tell says nothing.
    virtual std::optional<Role> roleOf(const QString &user)
    {
        Q_UNUSED(user)
        return std::nullopt;
    }
};

} // namespace advocate
