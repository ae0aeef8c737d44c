// SPDX-License-Identifier: GPL-3.0-only
// GoogleTest main for core suites: a QCoreApplication so that event loops, timers and sockets work.
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Advocate Desk Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("advocate-tests"));
    return RUN_ALL_TESTS();
}
