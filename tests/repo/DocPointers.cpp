// SPDX-License-Identifier: GPL-3.0-only
#include "DocPointers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace advocate::test {

namespace {

// The source tree's top folders: a code span starting with one of them is a path into the repository.
const QRegularExpression pathPattern(
    QStringLiteral(R"(^(app|bench|cmake|core|docs|fuzz|packaging|resources|scripts|tests|translations|ui)/\S*$)"));
const QRegularExpression googleTestPattern(QStringLiteral(R"(^[A-Z]\w*\.[A-Z]\w*$)"));
const QRegularExpression browserTestPattern(QStringLiteral(R"(^([\w.-]+\.test\.mjs): (.+)$)"));
const QRegularExpression codeSpan(QStringLiteral("`([^`\n]+)`"));
const QRegularExpression linkTarget(QStringLiteral(R"(\]\(([^)\s]+)\))"));

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList filesUnder(const QString &folder, const QStringList &patterns)
{
    QStringList files;
    QDirIterator it(folder, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QStringLiteral("/node_modules/")))
            files.append(path);
    }
    return files;
}

// A JavaScript string literal's text: \' → ', \\ → \.
QString unescaped(const QString &literal)
{
    static const QRegularExpression escape(QStringLiteral(R"(\\(.))"));
    return QString(literal).replace(escape, QStringLiteral("\\1"));
}

bool isExternal(const QString &target)
{
    return target.startsWith(u'#') || target.contains(QStringLiteral("://")) ||
           target.startsWith(QStringLiteral("mailto:"));
}

} // namespace

QList<DocPointer> docPointers(const QString &markdown)
{
    QList<DocPointer> pointers;
    const QStringList lines = markdown.split(u'\n');
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int number = static_cast<int>(i) + 1;
        if (line.trimmed().startsWith(QStringLiteral("```"))) {
            inFence = !inFence;
            continue;
        }
        // Commands and file contents in fenced blocks are examples, not pointers.
        if (inFence)
            continue;
        for (auto it = codeSpan.globalMatch(line); it.hasNext();) {
            const QString text = it.next().captured(1);
            if (pathPattern.match(text).hasMatch())
                pointers.append({DocPointer::Kind::Path, number, text});
            else if (googleTestPattern.match(text).hasMatch())
                pointers.append({DocPointer::Kind::GoogleTest, number, text});
            else if (browserTestPattern.match(text).hasMatch())
                pointers.append({DocPointer::Kind::BrowserTest, number, text});
        }
        for (auto it = linkTarget.globalMatch(line); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (!isExternal(target))
                pointers.append({DocPointer::Kind::Link, number, target});
        }
    }
    return pointers;
}

QSet<QString> definedTests(const QString &sourceRoot)
{
    static const QRegularExpression googleTest(QStringLiteral(R"(\bTEST(?:_F|_P)?\s*\(\s*(\w+)\s*,\s*(\w+)\s*\))"));
    static const QRegularExpression browserTest(QStringLiteral(R"(\btest\(\s*'((?:[^'\\]|\\.)*)')"));
    const QString tests = QDir(sourceRoot).filePath(QStringLiteral("tests"));
    QSet<QString> names;
    for (const QString &path : filesUnder(tests, {QStringLiteral("*.cpp"), QStringLiteral("*.h")})) {
        const QString text = readAll(path);
        for (auto it = googleTest.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            names.insert(match.captured(1) + u'.' + match.captured(2));
        }
    }
    for (const QString &path : filesUnder(tests, {QStringLiteral("*.test.mjs")})) {
        const QString text = readAll(path);
        const QString file = QFileInfo(path).fileName();
        for (auto it = browserTest.globalMatch(text); it.hasNext();)
            names.insert(file + QStringLiteral(": ") + unescaped(it.next().captured(1)));
    }
    return names;
}

QStringList brokenPointers(const QList<DocPointer> &pointers, const QString &sourceRoot, const QString &documentDir,
                           const QSet<QString> &tests)
{
    QStringList broken;
    const QDir root(sourceRoot);
    const QDir document(documentDir);
    for (const DocPointer &pointer : pointers) {
        QString why;
        switch (pointer.kind) {
        case DocPointer::Kind::Path:
            if (!QFileInfo::exists(root.filePath(pointer.text)))
                why = QStringLiteral("no such file or folder in the repository");
            break;
        case DocPointer::Kind::GoogleTest:
        case DocPointer::Kind::BrowserTest:
            if (!tests.contains(pointer.text))
                why = QStringLiteral("no such test in tests/");
            break;
        case DocPointer::Kind::Link:
            if (!QFileInfo::exists(document.filePath(pointer.text.section(u'#', 0, 0))))
                why = QStringLiteral("the link's target does not exist");
            break;
        }
        if (!why.isEmpty())
            broken.append(QStringLiteral("line %1: `%2`: %3").arg(pointer.line).arg(pointer.text, why));
    }
    return broken;
}

} // namespace advocate::test
