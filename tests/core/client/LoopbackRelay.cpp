// SPDX-License-Identifier: GPL-3.0-only
#include "LoopbackRelay.h"

#include <QHostAddress>

namespace advocate::test {

LoopbackRelay::LoopbackRelay(RelayConfig config) : m_config(std::move(config)), m_accounts(m_clock, 3, 15)
{
    // Cheap argon2id parameters are not configurable here, so the accounts are few.
    (void)m_accounts.addUser(QStringLiteral("ana"), Role::Advocate, password);
    (void)m_accounts.addUser(QStringLiteral("ben"), Role::Advocate, password);
    (void)m_accounts.addUser(QStringLiteral("sue"), Role::Supervisor, password);
}

LoopbackRelay::~LoopbackRelay()
{
    m_server.reset();
}

RelayConfig LoopbackRelay::defaultConfig()
{
    RelayConfig config;
    config.noticeVersion = 1;
    config.languages = {QStringLiteral("en"), QStringLiteral("es")};
    config.advocateCap = 4;
    config.lockoutAttempts = 3;
    // The ManualClock jumps by minutes while the clients' pings run on real time: no silence rule here.
    config.silenceSeconds = 24 * 3600;
    return config;
}

void LoopbackRelay::useTls(const QString &certificate, const QString &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool LoopbackRelay::start()
{
    m_server = std::make_unique<RelayServer>(m_config, &m_clock, &m_accounts);
    m_server->setTickInterval(std::chrono::milliseconds(20));
    if (!m_certificate.isEmpty() && !m_server->useTls(m_certificate, m_key))
        return false;
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->port();
    return true;
}

void LoopbackRelay::stop()
{
    m_server.reset();
}

QUrl LoopbackRelay::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws")
                    .arg(m_certificate.isEmpty() ? QStringLiteral("ws") : QStringLiteral("wss"))
                    .arg(m_port));
}

} // namespace advocate::test
