// SPDX-License-Identifier: GPL-3.0-only
#pragma once
// The router without sockets, shared by the router's tests: frames in, frames out, time moved by a ManualClock.
#include "relay/Router.h"

#include "common/ManualClock.h"
#include "protocol/FrameCodec.h"
#include "relay/RouterSink.h"
#include "relay/StaffAuthenticator.h"

#include <QMap>

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace advocate::test {

using ConnectionId = Router::ConnectionId;

class RecordingSink final : public RouterSink
{
public:
    void send(ConnectionId connection, const RelayFrame &frame) override { frames[connection].append(frame); }
    void close(ConnectionId connection, bool policyViolation) override
    {
        closed.insert(connection);
        if (policyViolation)
            violations.insert(connection);
    }

    void audit(const QString &event) override { audits.append(event); }

    QMap<ConnectionId, QList<RelayFrame>> frames;
    QStringList audits;
    std::set<ConnectionId> closed;
    std::set<ConnectionId> violations;
};

class FixedAccounts final : public StaffAuthenticator
{
public:
    void signIn(const QString &user, const QString &password, Completion done) override { done(check(user, password)); }
    SignInOutcome check(const QString &user, const QString &password) const
    {
        if (password == QStringLiteral("pw") && roles.contains(user))
            return {roles.value(user), ErrorCode::BadCredentials};
        return {std::nullopt, ErrorCode::BadCredentials};
    }
    bool isEnabled(const QString &user) override { return roles.contains(user) && !disabled.contains(user); }
    std::set<QString> disabled;
    QMap<QString, Role> roles{{QStringLiteral("ana"), Role::Advocate},
                              {QStringLiteral("ben"), Role::Advocate},
                              {QStringLiteral("sue"), Role::Supervisor},
                              {QStringLiteral("sam"), Role::Supervisor},
                              {QStringLiteral("root"), Role::Admin}};
};

class RouterTest : public ::testing::Test
{
protected:
    void makeRouter() { router = std::make_unique<Router>(config, clock, accounts, sink); }

    void SetUp() override
    {
        config.languages = {QStringLiteral("en"), QStringLiteral("es")};
        config.noticeVersion = 3;
        config.hotlinePhone = QStringLiteral("555-0100");
        // These tests move the clock by minutes without the pings real clients send; the silence rule has its own.
        config.silenceSeconds = 24 * 3600;
        makeRouter();
    }

    // Any frame, as a client would send it: the relay refuses the relay-to-client ones.
    template <typename T>
    void deliver(ConnectionId id, const T &frame)
    {
        router->frameReceived(id, codec.decodeClientFrame(FrameCodec::encode(frame)));
    }
    void deliverRaw(ConnectionId id, const QByteArray &text)
    {
        router->frameReceived(id, codec.decodeClientFrame(text));
    }

    ConnectionId open()
    {
        const ConnectionId id = ++lastId;
        router->connectionOpened(id);
        return id;
    }

    ConnectionId openFrom(const QByteArray &source)
    {
        const ConnectionId id = ++lastId;
        router->connectionOpened(id, source);
        return id;
    }

    ConnectionId survivor(const QString &language = QStringLiteral("en"))
    {
        const ConnectionId id = open();
        deliver(id, frame::Start{1, 3, QStringLiteral("Rosa"), language});
        return id;
    }

    ConnectionId staff(const QString &user)
    {
        const ConnectionId id = open();
        deliver(id, frame::SignIn{1, user, QStringLiteral("pw")});
        return id;
    }

    template <typename T>
    QList<T> all(ConnectionId id) const
    {
        QList<T> found;
        for (const RelayFrame &frame : sink.frames.value(id)) {
            if (const auto *typed = std::get_if<T>(&frame))
                found.append(*typed);
        }
        return found;
    }

    template <typename T>
    std::optional<T> last(ConnectionId id) const
    {
        const QList<T> found = all<T>(id);
        return found.isEmpty() ? std::nullopt : std::optional<T>(found.last());
    }

    std::optional<ErrorCode> lastError(ConnectionId id) const
    {
        const auto error = last<frame::Error>(id);
        return error ? std::optional<ErrorCode>(error->code) : std::nullopt;
    }

    QString conversationOf(ConnectionId id) const
    {
        const auto started = last<frame::ConversationStarted>(id);
        return started ? started->conversation : QString();
    }

    // A survivor and "ana" in a conversation (pull mode).
    std::pair<ConnectionId, ConnectionId> conversation()
    {
        const ConnectionId s = survivor();
        const ConnectionId a = staff(QStringLiteral("ana"));
        deliver(a, frame::TakeNext{});
        return {s, a};
    }

    RelayConfig config;
    ManualClock clock;
    FixedAccounts accounts;
    RecordingSink sink;
    FrameCodec codec;
    std::unique_ptr<Router> router;
    ConnectionId lastId = 0;
};

} // namespace advocate::test
