// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHash>
#include <QString>

namespace advocate {

// The tokens one holder has: the current one and, after a renewal (docs/protocol.md section 8, restart and
// failover), the previous one, which works until the next renewal. `says` is what the current token records (its
// conversations), so the router can tell when it needs a new one.
struct HeldToken
{
    QString current;
    QString previous;
    qint64 issuedAtMs = 0;
    QString says;
};

// Bearer tokens that lead to a session: survivors' resume tokens (to a session id) and staff session tokens (to
// a user). Memory only (RL7). Each token works once: resuming with it issues the next one and revokes it.
template <typename Key>
class TokenTable
{
public:
    // Replaces the holder's tokens with `fresh`, which leads to `key`; the current and the previous one are revoked.
    void reissue(HeldToken &held, const Key &key, const QString &fresh, qint64 nowMs)
    {
        revoke(held);
        held.current = fresh;
        held.issuedAtMs = nowMs;
        m_keys.insert(fresh, key);
    }
    // A renewal: `fresh` becomes current, the current one stays valid as the previous one, the previous one goes.
    void renew(HeldToken &held, const Key &key, const QString &fresh, qint64 nowMs)
    {
        m_keys.remove(held.previous);
        held.previous = held.current;
        held.current = fresh;
        held.issuedAtMs = nowMs;
        m_keys.insert(fresh, key);
    }
    void revoke(HeldToken &held)
    {
        m_keys.remove(held.current);
        m_keys.remove(held.previous);
        held.current.clear();
        held.previous.clear();
    }
    bool contains(const QString &token) const { return !token.isEmpty() && m_keys.contains(token); }
    // The key the token leads to; a default Key (session 0, empty user) when it is unknown or revoked.
    Key value(const QString &token) const { return m_keys.value(token); }

private:
    QHash<QString, Key> m_keys;
};

} // namespace advocate
