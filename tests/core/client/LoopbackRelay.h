// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "common/ManualClock.h"
#include "relay/RelayConfig.h"
#include "relay/RelayServer.h"
#include "relay/StaffAccounts.h"

#include <QUrl>

#include <memory>

namespace advocate::test {

// The real relay on 127.0.0.1 with a free port and real argon2id staff accounts, for client and GUI tests.
class LoopbackRelay
{
public:
    static inline const QString password = QStringLiteral("correct horse battery");

    explicit LoopbackRelay(RelayConfig config = defaultConfig());
    ~LoopbackRelay();

    static RelayConfig defaultConfig();
    // Serves wss with this certificate and key from the next start() on (tests/relay/TestCertificate.h makes them).
    void useTls(const QString &certificate, const QString &key);
    bool start();
    void stop();
    QUrl url() const;
    quint16 port() const { return m_port; }
    RelayServer &server() { return *m_server; }
    ManualClock &clock() { return m_clock; }
    // The program's config; a change takes effect at the next start() (e.g. a practice relay, issue 18).
    RelayConfig &config() { return m_config; }
    StaffAccounts &accounts() { return m_accounts; }

private:
    RelayConfig m_config;
    ManualClock m_clock;
    StaffAccounts m_accounts;
    std::unique_ptr<RelayServer> m_server;
    quint16 m_port = 0;
    QString m_certificate;
    QString m_key;
};

} // namespace advocate::test
