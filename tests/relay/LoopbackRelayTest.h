// SPDX-License-Identifier: GPL-3.0-only
#pragma once
// Relays on loopback that a test starts, stops and starts again (RelayRestartTest, PracticeRelayTest): the config they
// share (notice version 2, English and Spanish, a restart secret), a manual clock, staff accounts (ana and ben,
// advocates; sue, a supervisor; password "correct horse"), and raw clients greeted by them.
#include "WireClient.h"
#include "common/ManualClock.h"
#include "relay/RelayServer.h"
#include "relay/RestartTokens.h"
#include "relay/StaffAuthenticator.h"

#include <QMap>
#include <QUrl>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

namespace advocate::test {

class LoopbackAccounts final : public StaffAuthenticator
{
public:
    void signIn(const QString &user, const QString &password, Completion done) override
    {
        if (password == QStringLiteral("correct horse") && roles.contains(user))
            done({roles.value(user), ErrorCode::BadCredentials});
        else
            done({});
    }
    bool isEnabled(const QString &user) override { return roles.contains(user); }
    std::optional<Role> roleOf(const QString &user) override
    {
        return roles.contains(user) ? std::optional<Role>(roles.value(user)) : std::nullopt;
    }
    QMap<QString, Role> roles{{QStringLiteral("ana"), Role::Advocate},
                              {QStringLiteral("ben"), Role::Advocate},
                              {QStringLiteral("sue"), Role::Supervisor}};
};

inline QByteArray restartSecret(char fill)
{
    return QByteArray(RestartTokens::secretBytes, fill);
}

class LoopbackRelayTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        config.noticeVersion = 2;
        config.languages = {QStringLiteral("en"), QStringLiteral("es")};
        config.hotlinePhone = QStringLiteral("555-0100");
        config.silenceSeconds = 24 * 3600;
        config.restartSecret = restartSecret('k');
    }

    // A relay on `port` (0: any free one) with the config as it is now.
    std::unique_ptr<RelayServer> relay(quint16 port = 0)
    {
        auto server = std::make_unique<RelayServer>(config, &clock, &accounts);
        server->setTickInterval(std::chrono::milliseconds(20));
        EXPECT_TRUE(server->listen(QHostAddress::LocalHost, port)) << qPrintable(server->errorString());
        return server;
    }

    static QUrl url(const RelayServer &server)
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    }

    std::unique_ptr<WireClient> client(const RelayServer &server)
    {
        auto connection = std::make_unique<WireClient>(url(server));
        EXPECT_TRUE(connection->connectAndGreet());
        return connection;
    }

    RelayConfig config;
    ManualClock clock;
    LoopbackAccounts accounts;
};

} // namespace advocate::test
