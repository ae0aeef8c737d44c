// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace advocate::test {

// What a document points at to say why an answer is true (docs/nnedv-answers.md, the guides), so that a test can
// check each pointer still holds. A pointer is a code span (`…`) of one of three forms:
//   a repository path   `core/cache/ShiftCache.cpp`, `tests/web/` (it starts with one of the source tree's top
//                       folders and has no space)
//   a GoogleTest        `ShiftCacheTest.WipeIsIdempotent` (Suite.Name, both starting with a capital)
//   a browser test      `survivor-page.test.mjs: 2 notice shows every SW1 element and the request needs an active
//                       accept` (the file under tests/, a colon, the test's name as written in test('…'))
// and every relative Markdown link target ([text](other.md), ![picture](images/x.png)), from the document's folder.
struct DocPointer
{
    enum class Kind {
        Path,
        GoogleTest,
        BrowserTest,
        Link,
    };
    Kind kind;
    int line;
    QString text;
};

QList<DocPointer> docPointers(const QString &markdown);

// The tests the tree defines: "Suite.Name" of every TEST, TEST_F and TEST_P in tests/**/*.cpp|h, and
// "file.test.mjs: name" of every test('…') in tests/**/*.test.mjs (installed node packages left out).
QSet<QString> definedTests(const QString &sourceRoot);

// The pointers that do not hold, as "line N: `text`: why". `documentDir` is the folder links are relative to.
QStringList brokenPointers(const QList<DocPointer> &pointers, const QString &sourceRoot, const QString &documentDir,
                           const QSet<QString> &tests);

} // namespace advocate::test
