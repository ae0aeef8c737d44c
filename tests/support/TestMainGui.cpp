// SPDX-License-Identifier: GPL-3.0-only
// GoogleTest main for widget suites. Runs with no display: the offscreen platform is the default unless
// the caller chose another (e.g. xcb under Xvfb).
#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Advocate Desk Tests"));
    QApplication::setApplicationName(QStringLiteral("advocate-tests"));
    return RUN_ALL_TESTS();
}
