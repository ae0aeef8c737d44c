// SPDX-License-Identifier: GPL-3.0-only
#include "SourceTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace advocate::test {

QStringList cppFilesUnder(const QString &root, const QStringList &folders)
{
    QStringList files;
    for (const QString &folder : folders) {
        QDirIterator it(QDir(root).filePath(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    return files;
}

QStringList guiIncludes(const QStringList &files, const QStringList &guiHeaderDirs)
{
    static const QRegularExpression includeLine(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"));
    static const QRegularExpression guiModule(QStringLiteral(R"(^(QtGui|QtWidgets)(/|$))"));
    QStringList found;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            found.append(path + QStringLiteral(": cannot be read"));
            continue;
        }
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            ++lineNumber;
            const QRegularExpressionMatch match = includeLine.match(line);
            if (!match.hasMatch())
                continue;
            const QString header = match.captured(1);
            bool gui = guiModule.match(header).hasMatch();
            for (const QString &dir : guiHeaderDirs)
                gui = gui || (!header.contains(u'/') && QFileInfo::exists(QDir(dir).filePath(header)));
            if (gui)
                found.append(QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(line));
        }
    }
    return found;
}

QStringList guiLinks(const QString &linkClosure)
{
    static const QRegularExpression guiTarget(QStringLiteral(R"(^Qt[0-9]?::(Gui|Widgets)(Private)?$)"));
    QStringList found;
    const QStringList lines = linkClosure.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString dependency = line.section(u':', 1).trimmed();
        if (guiTarget.match(dependency).hasMatch() || dependency.contains(QLatin1String("Qt6Gui")) ||
            dependency.contains(QLatin1String("Qt6Widgets")))
            found.append(line);
    }
    return found;
}

} // namespace advocate::test
