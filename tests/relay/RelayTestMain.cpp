// SPDX-License-Identifier: GPL-3.0-only
// GoogleTest main for the relay's network tests: the event dispatcher advocate-relay installs (epoll on Linux), then
// a QCoreApplication, so every server and client socket of these tests runs on it.
#include <QCoreApplication>

#include <gtest/gtest.h>

#ifdef Q_OS_LINUX
#include "relay/EpollEventDispatcher.h"

#include <memory>
#endif

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
#ifdef Q_OS_LINUX
    if (auto dispatcher = std::make_unique<advocate::EpollEventDispatcher>(); dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher.release());
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Advocate Desk Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("advocate-tests"));
    return RUN_ALL_TESTS();
}
