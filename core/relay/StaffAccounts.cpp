// SPDX-License-Identifier: GPL-3.0-only
#include "relay/StaffAccounts.h"

#include "common/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

#include <memory>

namespace advocate {

namespace {

constexpr int maxTrackedNames = 10000;

QString hashPassword(const QString &password)
{
    QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES] = {};
    const int result = crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return result == 0 ? QString::fromLatin1(hash) : QString();
}

// Checks and then wipes `utf8` in place (the caller's only copy of the password's bytes).
bool verifyPasswordAndWipe(const QString &hash, QByteArray &utf8)
{
    const QByteArray stored = hash.toLatin1();
    const bool ok = crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                             static_cast<unsigned long long>(utf8.size())) == 0;
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return ok;
}

bool verifyPassword(const QString &hash, const QString &password)
{
    QByteArray utf8 = password.toUtf8();
    return verifyPasswordAndWipe(hash, utf8);
}

// A hash of a random password: unknown names are checked against it so that they take as long as known ones.
const QString &decoyHash()
{
    static const QString hash = [] {
        unsigned char random[16];
        randombytes_buf(random, sizeof random);
        return hashPassword(
            QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random), sizeof random).toBase64()));
    }();
    return hash;
}

} // namespace

StaffAccounts::StaffAccounts(const Clock &clock, int lockoutAttempts, int lockoutMinutes)
    : m_clock(clock), m_lockoutAttempts(lockoutAttempts), m_lockoutMs(qint64(lockoutMinutes) * 60 * 1000)
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    // Each argon2id check takes 64 MiB for a moment; two at a time bound memory and CPU under a sign-in storm.
    m_workers.setMaxThreadCount(2);
}

StaffAccounts::~StaffAccounts()
{
    m_workers.waitForDone();
}

bool StaffAccounts::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.' ||
              u == u'_' || u == u'-'))
            return false;
    }
    return true;
}

namespace {

QString stampOf(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? QStringLiteral("%1/%2").arg(info.lastModified().toMSecsSinceEpoch()).arg(info.size())
                         : QString();
}

} // namespace

std::optional<Role> StaffAccounts::roleOf(const QString &user)
{
    if (!isEnabled(user)) // reads the file again when it changed
        return std::nullopt;
    return find(user)->role;
}

bool StaffAccounts::isEnabled(const QString &user)
{
    const qint64 now = m_clock.monotonicMs();
    if (!m_path.isEmpty() && (m_checkedAtMs < 0 || now - m_checkedAtMs >= 1000)) {
        m_checkedAtMs = now;
        if (stampOf(m_path) != m_loadedStamp)
            load(m_path);
    }
    const Account *account = find(user);
    return account && account->enabled;
}

QList<StaffAccounts::Problem> StaffAccounts::load(const QString &path)
{
    m_path = path;
    m_loadedStamp = stampOf(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_accounts.clear();
        return {{0, QCoreApplication::translate("StaffAccounts", "Cannot read the account file %1: %2")
                        .arg(path, file.errorString())}};
    }
    return parse(file.readAll());
}

QList<StaffAccounts::Problem> StaffAccounts::parse(const QByteArray &text)
{
    m_accounts.clear();
    QList<Problem> problems;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = static_cast<int>(i) + 1;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u':');
        if (parts.size() != 4) {
            problems.append(
                {lineNumber, QCoreApplication::translate("StaffAccounts",
                                                         "An account line needs name:role:enabled|disabled:hash.")});
            continue;
        }
        Account account;
        account.name = parts.at(0);
        const std::optional<Role> role = roleFromName(parts.at(1));
        account.hash = parts.at(3);
        if (!isValidName(account.name)) {
            problems.append(
                {lineNumber, QCoreApplication::translate(
                                 "StaffAccounts", "The name may have 1 to 64 letters, digits, '.', '_' or '-'.")});
            continue;
        }
        if (!role || *role == Role::Survivor) {
            problems.append({lineNumber, QCoreApplication::translate(
                                             "StaffAccounts", "The role must be advocate, supervisor or admin.")});
            continue;
        }
        account.role = *role;
        if (parts.at(2) != QLatin1String("enabled") && parts.at(2) != QLatin1String("disabled")) {
            problems.append({lineNumber, QCoreApplication::translate("StaffAccounts",
                                                                     "The third field must be enabled or disabled.")});
            continue;
        }
        account.enabled = parts.at(2) == QLatin1String("enabled");
        if (!account.hash.startsWith(QLatin1String("$argon2id$"))) {
            problems.append({lineNumber, QCoreApplication::translate("StaffAccounts",
                                                                     "The password hash must be an argon2id hash.")});
            continue;
        }
        if (find(account.name)) {
            problems.append(
                {lineNumber,
                 QCoreApplication::translate("StaffAccounts", "The name %1 appears twice.").arg(account.name)});
            continue;
        }
        m_accounts.append(account);
    }
    return problems;
}

std::optional<StaffAccounts::Problem> StaffAccounts::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Problem{0, QCoreApplication::translate("StaffAccounts", "Cannot write the account file %1: %2")
                              .arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write("# Advocate Desk relay staff accounts: name:role:enabled|disabled:argon2id hash.\n"
               "# Managed with advocate-relay add-user / set-role / disable; do not edit hashes by hand.\n");
    for (const Account &account : m_accounts) {
        const QString line =
            QStringLiteral("%1:%2:%3:%4\n")
                .arg(account.name, roleName(account.role),
                     account.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"), account.hash);
        file.write(line.toUtf8());
    }
    if (!file.commit())
        return Problem{0, QCoreApplication::translate("StaffAccounts", "Cannot write the account file %1: %2")
                              .arg(path, file.errorString())};
    return std::nullopt;
}

StaffAccounts::Account *StaffAccounts::find(const QString &name)
{
    for (Account &account : m_accounts) {
        if (account.name == name)
            return &account;
    }
    return nullptr;
}

std::optional<StaffAccounts::Problem> StaffAccounts::addUser(const QString &name, Role role, const QString &password)
{
    if (!isValidName(name))
        return Problem{0, QCoreApplication::translate("StaffAccounts",
                                                      "The name may have 1 to 64 letters, digits, '.', '_' or '-'.")};
    if (role == Role::Survivor)
        return Problem{0,
                       QCoreApplication::translate("StaffAccounts", "The role must be advocate, supervisor or admin.")};
    if (find(name))
        return Problem{0,
                       QCoreApplication::translate("StaffAccounts", "There is already an account named %1.").arg(name)};
    if (password.size() < 8)
        return Problem{0,
                       QCoreApplication::translate("StaffAccounts", "The password must have at least 8 characters.")};
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Problem{0,
                       QCoreApplication::translate("StaffAccounts", "Could not hash the password (out of memory?).")};
    m_accounts.append({name, role, true, hash});
    return std::nullopt;
}

std::optional<StaffAccounts::Problem> StaffAccounts::setRole(const QString &name, Role role)
{
    Account *account = find(name);
    if (!account)
        return Problem{0, QCoreApplication::translate("StaffAccounts", "There is no account named %1.").arg(name)};
    if (role == Role::Survivor)
        return Problem{0,
                       QCoreApplication::translate("StaffAccounts", "The role must be advocate, supervisor or admin.")};
    account->role = role;
    return std::nullopt;
}

std::optional<StaffAccounts::Problem> StaffAccounts::setEnabled(const QString &name, bool enabled)
{
    Account *account = find(name);
    if (!account)
        return Problem{0, QCoreApplication::translate("StaffAccounts", "There is no account named %1.").arg(name)};
    account->enabled = enabled;
    return std::nullopt;
}

bool StaffAccounts::isLockedOut(const QString &user) const
{
    const auto found = m_failures.constFind(user);
    return found != m_failures.constEnd() && found->lockedUntilMs > m_clock.monotonicMs();
}

QString StaffAccounts::hashFor(const QString &user)
{
    const Account *account = find(user);
    // Unknown names cost the same work as known ones, so timing does not tell which names exist.
    return account ? account->hash : decoyHash();
}

SignInOutcome StaffAccounts::conclude(const QString &user, bool passwordOk)
{
    const qint64 now = m_clock.monotonicMs();
    if (isLockedOut(user))
        return {std::nullopt, ErrorCode::LockedOut};
    const Account *account = find(user);
    if (account && account->enabled && passwordOk) {
        m_failures.remove(user);
        return {account->role, ErrorCode::BadCredentials};
    }
    if (m_failures.size() >= maxTrackedNames && !m_failures.contains(user)) {
        // Forget names whose lock-out is over, so random names cannot grow this without bound.
        for (auto it = m_failures.begin(); it != m_failures.end();)
            it = it->lockedUntilMs <= now ? m_failures.erase(it) : std::next(it);
    }
    Failures &failures = m_failures[user];
    if (failures.lockedUntilMs >= 0 && failures.lockedUntilMs <= now)
        failures = Failures{}; // a past lock-out starts a fresh count
    if (++failures.count >= m_lockoutAttempts)
        failures.lockedUntilMs = now + m_lockoutMs;
    return {std::nullopt, ErrorCode::BadCredentials};
}

SignInOutcome StaffAccounts::signInBlocking(const QString &user, const QString &password)
{
    if (isLockedOut(user))
        return {std::nullopt, ErrorCode::LockedOut};
    return conclude(user, verifyPassword(hashFor(user), password));
}

void StaffAccounts::signIn(const QString &user, const QString &password, Completion done)
{
    if (isLockedOut(user)) {
        done({std::nullopt, ErrorCode::LockedOut});
        return;
    }
    const QString hash = hashFor(user);
    QObject *replies = &m_replies;
    // Only a byte copy goes to the worker, wiped right after the check. It is held by a shared_ptr so that copies
    // of the task share the one buffer (a copied QByteArray would detach on data() and leave the original unwiped).
    auto utf8 = std::make_shared<QByteArray>(password.toUtf8());
    m_workers.start([this, replies, user, hash, utf8, done = std::move(done)] {
        const bool ok = verifyPasswordAndWipe(hash, *utf8);
        QMetaObject::invokeMethod(
            replies, [this, user, ok, done = std::move(done)] { done(conclude(user, ok)); }, Qt::QueuedConnection);
    });
}

} // namespace advocate
