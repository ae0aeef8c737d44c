// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "relay/StaffAuthenticator.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <optional>

namespace advocate {

class Clock;

// The relay's staff accounts (RL6): names, roles and argon2id password hashes (libsodium crypto_pwhash_str) in
// an account file that only the CLI writes, plus the lock-out after repeated failed sign-ins (in memory).
//
// File format, one account a line, '#' starts a comment:
//   name:role:enabled|disabled:$argon2id$v=19$m=...,t=...,p=...$salt$hash
class StaffAccounts final : public StaffAuthenticator
{
public:
    struct Account
    {
        QString name;
        Role role = Role::Advocate;
        bool enabled = true;
        QString hash;
    };
    // An error as a value: what went wrong, and the line of the file when it is about one.
    struct Problem
    {
        int line = 0;
        QString message;
    };

    StaffAccounts(const Clock &clock, int lockoutAttempts = 5, int lockoutMinutes = 15);
    // Waits for sign-in checks still running.
    ~StaffAccounts() override;

    // Replaces the accounts with the file's. Returns every problem found (the good lines still load).
    QList<Problem> load(const QString &path);
    QList<Problem> parse(const QByteArray &text);
    // Writes the file atomically with owner-only permissions.
    std::optional<Problem> save(const QString &path) const;

    std::optional<Problem> addUser(const QString &name, Role role, const QString &password);
    std::optional<Problem> setRole(const QString &name, Role role);
    std::optional<Problem> setEnabled(const QString &name, bool enabled);
    QList<Account> accounts() const { return m_accounts; }

    // Verifies the password on a worker thread and calls `done` from this thread's event loop.
    void signIn(const QString &user, const QString &password, Completion done) override;
    // The same check, on this thread (the CLI and tests).
    SignInOutcome signInBlocking(const QString &user, const QString &password);
    bool isLockedOut(const QString &user) const;
    // False for a disabled or removed account. Rereads the file given to load() when it has changed (checked at
    // most once a second), so `advocate-relay disable` takes effect on a running relay.
    bool isEnabled(const QString &user) override;
    std::optional<Role> roleOf(const QString &user) override;

    static bool isValidName(const QString &name);

private:
    struct Failures
    {
        int count = 0;
        qint64 lockedUntilMs = -1;
    };

    Account *find(const QString &name);
    // The hash to check a password against: the account's, or a decoy for unknown names.
    QString hashFor(const QString &user);
    SignInOutcome conclude(const QString &user, bool passwordOk);

    const Clock &m_clock;
    int m_lockoutAttempts;
    qint64 m_lockoutMs;
    QList<Account> m_accounts;
    QString m_path;            // the file load() read, for isEnabled()
    QString m_loadedStamp;     // its modification time and size then
    qint64 m_checkedAtMs = -1; // when isEnabled() last looked at it
    QHash<QString, Failures> m_failures;
    QThreadPool m_workers;
    QObject m_replies; // queued completions run in its thread and are dropped if it is gone
};

} // namespace advocate
