// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/SecureToken.h"

#include <QHash>
#include <QString>

namespace advocate {

// Bearer tokens that lead to a session: survivors' resume tokens (to a session id) and staff session tokens (to
// a user). Memory only (RL7). Each token works once: resuming with it issues the next one and revokes it.
template <typename Key>
class TokenTable
{
public:
    // Replaces `token` (the holder's copy; empty when it has none yet) with a fresh one that leads to `key`, and
    // revokes the old one.
    void reissue(QString &token, const Key &key)
    {
        m_keys.remove(token);
        token = makeSecureToken();
        m_keys.insert(token, key);
    }
    void revoke(const QString &token) { m_keys.remove(token); }
    bool contains(const QString &token) const { return !token.isEmpty() && m_keys.contains(token); }
    // The key the token leads to; a default Key (session 0, empty user) when it is unknown or revoked.
    Key value(const QString &token) const { return m_keys.value(token); }

private:
    QHash<QString, Key> m_keys;
};

} // namespace advocate
