// SPDX-License-Identifier: GPL-3.0-only
// House style, habit 1: core/ is QtCore, QtNetwork and QtWebSockets only. These tests fail the run when a
// core file includes a Qt Gui or Widgets header or a core target links either module, directly or through
// another target.
#include "SourceTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate::test;

namespace {

QStringList guiHeaderDirs()
{
    const QDir headers(QLibraryInfo::path(QLibraryInfo::HeadersPath));
    return {headers.filePath(QStringLiteral("QtGui")), headers.filePath(QStringLiteral("QtWidgets"))};
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

TEST(Layering, GuiHeaderFoldersOfThisQtAreFound)
{
    for (const QString &dir : guiHeaderDirs())
        EXPECT_TRUE(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("qtguiglobal.h"))) ||
                    QFileInfo::exists(QDir(dir).filePath(QStringLiteral("qtwidgetsglobal.h"))))
            << qPrintable(dir);
}

TEST(Layering, CoreSourcesIncludeNoGuiOrWidgetsHeader)
{
    const QStringList files = cppFilesUnder(QStringLiteral(ADVOCATE_SOURCE_DIR), {QStringLiteral("core")});
    ASSERT_FALSE(files.isEmpty());
    const QStringList violations = guiIncludes(files, guiHeaderDirs());
    EXPECT_TRUE(violations.isEmpty()) << qPrintable(violations.join(u'\n'));
}

TEST(Layering, IncludeScanFindsPlantedGuiAndWidgetsHeaders)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile planted(dir.filePath(QStringLiteral("Planted.cpp")));
    ASSERT_TRUE(planted.open(QIODevice::WriteOnly));
    planted.write("#include <QString>\n#include <QtWidgets/QWidget>\n#include <QPixmap>\n#include \"qwidget.h\"\n"
                  "#include <QtGui>\n");
    planted.close();
    const QStringList violations = guiIncludes({planted.fileName()}, guiHeaderDirs());
    EXPECT_EQ(violations.size(), 4) << qPrintable(violations.join(u'\n'));
}

TEST(Layering, CoreTargetsLinkNoGuiOrWidgets)
{
    const QString closure = readAll(QStringLiteral(ADVOCATE_LINK_CLOSURE_FILE));
    // The closure must list the core libraries and what they link, or this test would pass on nothing.
    ASSERT_TRUE(closure.contains(QLatin1String("advocate_common: Qt6::Core"))) << qPrintable(closure);
    ASSERT_TRUE(closure.contains(QLatin1String("advocate_relay_core: ")));
    const QStringList violations = guiLinks(closure);
    EXPECT_TRUE(violations.isEmpty()) << qPrintable(violations.join(u'\n'));
}

TEST(Layering, LinkCheckFindsGuiReachedThroughAnotherTarget)
{
    const QStringList violations = guiLinks(QStringLiteral("advocate_x: advocate_y\nadvocate_x: Qt6::Gui\n"
                                                           "advocate_z: Qt::Widgets\nadvocate_z: Qt6::Core\n"));
    EXPECT_EQ(violations.size(), 2);
}

namespace {

// The ui/ files, other than the composition root, that reach the relay session itself rather than the Shift.
QStringList uiFilesThatTalkToTheSession(const QStringList &files)
{
    // The session object, a reference or pointer to one, or the Shift's accessor for it. Its types (State,
    // SignInError) may be named: they are values the Shift hands on.
    static const QRegularExpression reach(QStringLiteral(
        R"(\bsession\(\)|ClientSession\s*[&*]|ClientSession::(signIn|send|end|takeNext|setAvailable|setTyping)\b)"));
    QStringList found;
    for (const QString &file : files) {
        if (QFileInfo(file).baseName() == u"Workstation")
            continue; // the composition root builds the session and hands it to the Shift
        if (reach.match(readAll(file)).hasMatch())
            found.append(file);
    }
    return found;
}

} // namespace

TEST(Layering, NothingInUiTalksToTheRelaySessionButThroughTheShift)
{
    const QStringList files = cppFilesUnder(QStringLiteral(ADVOCATE_SOURCE_DIR), {QStringLiteral("ui")});
    ASSERT_FALSE(files.isEmpty());
    const QStringList violations = uiFilesThatTalkToTheSession(files);
    EXPECT_TRUE(violations.isEmpty()) << qPrintable(violations.join(u'\n'));
}

TEST(Layering, TheSessionCheckFindsAPlantedUse)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile planted(dir.filePath(QStringLiteral("Panel.cpp")));
    ASSERT_TRUE(planted.open(QIODevice::WriteOnly));
    planted.write("void f(Shift &shift) { shift.session().takeNext(); }\n");
    planted.close();
    EXPECT_EQ(uiFilesThatTalkToTheSession({planted.fileName()}).size(), 1);
}
