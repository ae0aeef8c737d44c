// SPDX-License-Identifier: GPL-3.0-only
// The main window, driven headless and found by object name, shows the relay connection as it changes.
#include "MainWindow.h"
#include "client/RelayConnection.h"

#include <QLabel>
#include <QUrl>

#include <gtest/gtest.h>

using advocate::MainWindow;
using advocate::RelayConnection;

TEST(MainWindow, ShowsThatItIsNotConnectedAtStart)
{
    RelayConnection connection;
    MainWindow window(connection);
    auto *status = window.findChild<QLabel *>(QStringLiteral("relayStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("Not connected to the relay."));
    EXPECT_FALSE(status->accessibleName().isEmpty());
    EXPECT_EQ(status->textFormat(), Qt::PlainText);
}

TEST(MainWindow, ShowsTheConnectionErrorInPlainWords)
{
    RelayConnection connection;
    MainWindow window(connection);
    connection.open(QUrl(QStringLiteral("ftp://relay.invalid/")));
    auto *status = window.findChild<QLabel *>(QStringLiteral("relayStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("The relay address must start with wss:// or ws://."));
}
