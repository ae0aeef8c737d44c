// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace advocate {

// Tokens a relay started with the same restart secret can verify without any state (docs/protocol.md section 8,
// restart and failover): base64url of a small binary record and its crypto_auth (HMAC-SHA-512-256) tag, under a
// key derived (crypto_kdf) from the 32-byte secret, one key for survivor tokens and one for staff tokens. Without a
// secret the relay makes random tokens instead (SecureToken) and nothing survives a restart. Each record carries the
// id of the relay run that issued it, so a relay checks statelessly only the tokens of an earlier run.
//
// A practice relay (issue 18) derives its keys under a crypto_kdf context of its own: even with the same secret, a
// live relay takes no practice token and a practice relay no live one, so no chat crosses between the two.
class RestartTokens
{
public:
    static constexpr int secretBytes = 32;
    // Which kind of program the tokens are for (RelayConfig::practice).
    enum class Program { Live, Practice };

    // What a survivor's resume token says.
    struct Survivor
    {
        quint64 run = 0;
        quint64 survivorId = 0; // random, the same for the life of the session
        QString language;
        QString conversation; // empty while queued
        bool monitoringDisclosed = false;
        qint64 issuedAtMs = 0;
        qint64 expiresAtMs = 0;
    };
    struct HeldConversation
    {
        QString conversation;
        QString language;
        friend bool operator==(const HeldConversation &, const HeldConversation &) = default;
    };
    // What a staff session token says.
    struct Staff
    {
        quint64 run = 0;
        QString user;
        QList<HeldConversation> conversations;
        qint64 issuedAtMs = 0;
        qint64 expiresAtMs = 0;
    };

    // Disabled: no secret.
    RestartTokens() = default;
    // `secret` must be secretBytes long; the keys are derived from it and the copy is wiped.
    explicit RestartTokens(QByteArray secret, Program program = Program::Live);
    ~RestartTokens();
    RestartTokens(const RestartTokens &) = default;
    RestartTokens &operator=(const RestartTokens &) = default;

    bool enabled() const { return !m_survivorKey.isEmpty(); }

    QString issue(const Survivor &record) const;
    QString issue(const Staff &record) const;
    // The record of a token with a valid tag that has not expired at `nowMs`; nothing otherwise (also when disabled).
    std::optional<Survivor> survivor(const QString &token, qint64 nowMs) const;
    std::optional<Staff> staff(const QString &token, qint64 nowMs) const;

    // The restart secret's file: the one configured (restart_secret_file, or --restart-secret), else the credential
    // systemd hands the service (`LoadCredential=restart-secret:…`, packaging/relay/restart-secret.conf) when
    // $CREDENTIALS_DIRECTORY holds one, else none (tokens are random and a restart ends every chat).
    static QString secretFile(const QString &configured);
    // Reads the restart secret: exactly secretBytes bytes in a regular file that neither group nor others may read.
    // In $CREDENTIALS_DIRECTORY (a directory only the service may enter) systemd grants the service's dynamic user
    // read access with an ACL on root's 0400 file, whose mask shows in the group bits: there only others' bits count.
    // The secret, or a sentence saying what is wrong.
    struct Loaded
    {
        QByteArray secret;
        QString problem;
    };
    static Loaded readSecretFile(const QString &path);

private:
    QString seal(char kind, const QByteArray &record) const;
    std::optional<QByteArray> open(char kind, const QString &token) const;

    QByteArray m_survivorKey;
    QByteArray m_staffKey;
};

} // namespace advocate
