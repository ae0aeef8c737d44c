// SPDX-License-Identifier: GPL-3.0-only
// House style, habit 10: every C++ file is formatted with the committed .clang-format.
// Fix a failure with `cmake --build --preset dev --target format`.
#include "SourceTree.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate::test;

namespace {

struct FormatRun
{
    int exitCode = -1;
    QString output;
};

// The check needs exactly the clang-format version the .clang-format is written for (cmake/AdvocateClangFormat.cmake);
// another version would fail or pass files for its own reasons. Without it (Debian 13) the tests report themselves
// skipped, which ctest lists as "Not Run (Skipped)" rather than passed.
bool haveClangFormat()
{
    return !QStringLiteral(ADVOCATE_CLANG_FORMAT).isEmpty();
}

const char *const missingClangFormat =
    "clang-format " ADVOCATE_CLANG_FORMAT_VERSION " is not installed: the format check needs exactly that version";

// clang-format --dry-run --Werror exits non-zero and names each file that formatting would change.
FormatRun checkFormat(const QString &workingDir, const QStringList &files)
{
    QProcess process;
    process.setWorkingDirectory(workingDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(ADVOCATE_CLANG_FORMAT),
                  QStringList{QStringLiteral("--dry-run"), QStringLiteral("--Werror"), QStringLiteral("--style=file")} +
                      files);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

} // namespace

TEST(FormatCheck, EveryProjectSourceMatchesClangFormat)
{
    if (!haveClangFormat())
        GTEST_SKIP() << missingClangFormat;
    const QString root = QStringLiteral(ADVOCATE_SOURCE_DIR);
    const QStringList files = cppFilesUnder(root, {QStringLiteral("app"), QStringLiteral("core"), QStringLiteral("ui"),
                                                   QStringLiteral("tests"), QStringLiteral("bench")});
    ASSERT_GT(files.size(), 10);
    const FormatRun run = checkFormat(root, files);
    EXPECT_EQ(run.exitCode, 0) << "Unformatted files (run the `format` target):\n" << qPrintable(run.output);
}

TEST(FormatCheck, AnUnformattedFileFailsTheCheck)
{
    if (!haveClangFormat())
        GTEST_SKIP() << missingClangFormat;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(QFile::copy(QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).filePath(QStringLiteral(".clang-format")),
                            dir.filePath(QStringLiteral(".clang-format"))));
    QFile source(dir.filePath(QStringLiteral("Ugly.cpp")));
    ASSERT_TRUE(source.open(QIODevice::WriteOnly));
    source.write("int  main( ){return 0;}\n");
    source.close();
    const FormatRun run = checkFormat(dir.path(), {source.fileName()});
    EXPECT_NE(run.exitCode, 0) << qPrintable(run.output);
    EXPECT_TRUE(run.output.contains(QLatin1String("Ugly.cpp"))) << qPrintable(run.output);
}
