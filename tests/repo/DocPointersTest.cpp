// SPDX-License-Identifier: GPL-3.0-only
// The answer sheet to NNEDV's vendor questions and the guides say why each answer is true by pointing at code and
// tests (issue 17 items 3 and 4). These tests fail the run when a pointer no longer holds: a file moved or deleted,
// a test renamed or removed, a picture or a linked page missing. Fix the document with the change that broke it.
#include "DocPointers.h"

#include <QDir>
#include <QFile>

#include <algorithm>

#include <gtest/gtest.h>

using namespace advocate::test;

namespace {

const QString root = QStringLiteral(ADVOCATE_SOURCE_DIR);

QString readDoc(const QString &name)
{
    QFile file(QDir(root).filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QSet<QString> &testsInTree()
{
    static const QSet<QString> tests = definedTests(root);
    return tests;
}

qsizetype countOf(const QList<DocPointer> &pointers, DocPointer::Kind kind)
{
    return std::count_if(pointers.begin(), pointers.end(), [kind](const DocPointer &p) { return p.kind == kind; });
}

// The broken pointers of `name` one a line, empty when all hold: text a failure message shows as it is.
std::string brokenIn(const QString &name)
{
    const QList<DocPointer> pointers = docPointers(readDoc(name));
    const QString folder = name.contains(u'/') ? name.section(u'/', 0, -2) : QString();
    return brokenPointers(pointers, root, QDir(root).filePath(folder), testsInTree()).join(u'\n').toStdString();
}

// Every kind of pointer, each once as it should be and once broken.
const QString planted = QStringLiteral(R"(# Planted
- The cache: `core/cache/ShiftCache.h`, and `core/cache/NoSuchCache.cpp`.
- The wipe: `ShiftCacheTest.WipeIsIdempotent`, and `ShiftCacheTest.WipeIsNeverDone`.
- The notice: `survivor-page.test.mjs: 2 notice shows every SW1 element and the request needs an active accept`, and
  `survivor-page.test.mjs: 99 a test nobody wrote`.
- The statement: `survivor-page.test.mjs: 1 the notice links to the privacy statement the relay makes from its config, with the page's headers`.
- Not pointers: `advocate-relay privacy-statement`, `max_shift_hours`, `/privacy`, `RelayConfig.h`.
- Links: [protocol](protocol.md), [runbook](relay-runbook.md#the-privacy-statement), [gone](gone.md), ![x](images/none.png).

```sh
cat core/not/a/pointer.txt   # `core/inside/a/fence.cpp`
```
)");

} // namespace

TEST(DocPointers, EveryKindOfPointerIsFoundAndABrokenOneIsReportedWithItsLine)
{
    const QList<DocPointer> pointers = docPointers(planted);
    EXPECT_EQ(countOf(pointers, DocPointer::Kind::Path), 2);
    EXPECT_EQ(countOf(pointers, DocPointer::Kind::GoogleTest), 2);
    EXPECT_EQ(countOf(pointers, DocPointer::Kind::BrowserTest), 3);
    EXPECT_EQ(countOf(pointers, DocPointer::Kind::Link), 4);
    const QStringList broken =
        brokenPointers(pointers, root, QDir(root).filePath(QStringLiteral("docs")), testsInTree());
    EXPECT_EQ(broken.join(u'\n').toStdString(),
              "line 2: `core/cache/NoSuchCache.cpp`: no such file or folder in the repository\n"
              "line 3: `ShiftCacheTest.WipeIsNeverDone`: no such test in tests/\n"
              "line 5: `survivor-page.test.mjs: 99 a test nobody wrote`: no such test in tests/\n"
              "line 8: `gone.md`: the link's target does not exist\n"
              "line 8: `images/none.png`: the link's target does not exist");
}

TEST(DocPointers, TheNnedvAnswerSheetPointsOnlyAtCodeAndTestsThatExist)
{
    const QList<DocPointer> pointers = docPointers(readDoc(QStringLiteral("docs/nnedv-answers.md")));
    // The sheet backs its answers with pointers: without them this test would pass on nothing.
    EXPECT_GE(countOf(pointers, DocPointer::Kind::Path), 20);
    EXPECT_GE(countOf(pointers, DocPointer::Kind::GoogleTest), 20);
    EXPECT_GE(countOf(pointers, DocPointer::Kind::BrowserTest), 3);
    EXPECT_EQ(brokenIn(QStringLiteral("docs/nnedv-answers.md")), "");
}

TEST(DocPointers, TheGuidesPointOnlyAtFilesPicturesAndTestsThatExist)
{
    for (const QString &name :
         {QStringLiteral("README.md"), QStringLiteral("docs/advocate-guide.md"), QStringLiteral("docs/supervising.md"),
          QStringLiteral("docs/handoff.md"), QStringLiteral("docs/it-install-guide.md"),
          QStringLiteral("docs/survivor-page-texts.md"), QStringLiteral("docs/relay-runbook.md"),
          QStringLiteral("docs/practice.md")}) {
        ASSERT_FALSE(readDoc(name).isEmpty()) << qPrintable(name);
        EXPECT_EQ(brokenIn(name), "") << qPrintable(name);
    }
}
