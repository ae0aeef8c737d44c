// SPDX-License-Identifier: GPL-3.0-only
// Which peer addresses stand for many people (docs/protocol.md section 17): behind a reverse proxy every survivor
// reaches the relay from the proxy's address, and a block of it would turn every survivor away.
#include "relay/SourceKeys.h"

#include <QHostAddress>

#include <gtest/gtest.h>

using namespace advocate;

TEST(SourceKeys, ByDefaultALoopbackPeerIsAProxyOnThisComputerAndSharedByEveryone)
{
    for (const char *proxy : {"127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"})
        EXPECT_TRUE(SourceKeys::isShared(QHostAddress(QLatin1String(proxy)), BehindProxy::Auto)) << proxy;
    for (const char *client : {"203.0.113.7", "2001:db8::7", "::ffff:203.0.113.7", "10.0.0.5"})
        EXPECT_FALSE(SourceKeys::isShared(QHostAddress(QLatin1String(client)), BehindProxy::Auto)) << client;
}

TEST(SourceKeys, TheConfigCanSayEveryPeerIsAProxyOrNoneIs)
{
    EXPECT_TRUE(SourceKeys::isShared(QHostAddress(QStringLiteral("10.0.0.5")), BehindProxy::On));
    EXPECT_FALSE(SourceKeys::isShared(QHostAddress(QStringLiteral("127.0.0.1")), BehindProxy::Off));
}
