// SPDX-License-Identifier: GPL-3.0-only
// ctest gives every test the sanitizers' options (ADVOCATE_TEST_ENVIRONMENT in tests/CMakeLists.txt), so that
// `ctest --preset ci` on its own and scripts/test run the same: leaks in third-party libraries that
// tests/support/lsan.supp lists do not fail one run and pass the other. This suite, run by ctest, checks its own
// environment; run directly, outside ctest, it fails and says so.
#include <QByteArrayList>
#include <QDir>
#include <QFileInfo>

#include <gtest/gtest.h>

namespace {

// The value of `name` in a sanitizer option string such as "suppressions=/x/lsan.supp:print_suppressions=0".
QByteArray optionValue(const QByteArray &options, const QByteArray &name)
{
    const QByteArrayList pairs = options.split(':');
    for (const QByteArray &pair : pairs) {
        if (pair.startsWith(name + '='))
            return pair.mid(name.size() + 1);
    }
    return {};
}

const char *const notFromCtest =
    "run the tests through ctest, which sets the sanitizers' options (tests/CMakeLists.txt)";

} // namespace

TEST(SanitizerOptions, LeakChecksUseTheRepositorysSuppressions)
{
    const QByteArray suppressions = optionValue(qgetenv("LSAN_OPTIONS"), "suppressions");
    ASSERT_FALSE(suppressions.isEmpty()) << "LSAN_OPTIONS has no suppressions: " << notFromCtest;
    const QFileInfo file(QString::fromLocal8Bit(suppressions));
    ASSERT_TRUE(file.isFile()) << suppressions.constData() << " does not exist";
    const QFileInfo repositorys(
        QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).filePath(QStringLiteral("tests/support/lsan.supp")));
    EXPECT_EQ(file.canonicalFilePath(), repositorys.canonicalFilePath());
}

TEST(SanitizerOptions, LeaksAreCheckedAndUndefinedBehaviourStopsTheTest)
{
    EXPECT_EQ(optionValue(qgetenv("ASAN_OPTIONS"), "detect_leaks"), "1") << notFromCtest;
    EXPECT_EQ(optionValue(qgetenv("UBSAN_OPTIONS"), "halt_on_error"), "1") << notFromCtest;
}
