// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>
#include <QStringList>

namespace advocate::test {

// Every C++ source and header under `root`/`folder` for each folder, as absolute paths, sorted.
QStringList cppFilesUnder(const QString &root, const QStringList &folders);

// The `#include` lines of `files` that pull in Qt Gui or Qt Widgets, as "file:line: text".
// `guiHeaderDirs` are the folders holding those modules' headers (QtGui/, QtWidgets/): an include counts
// when it names the module (<QtWidgets/QWidget>, <QtGui>) or a header that exists in one of those folders
// (<QPixmap>, <qwidget.h>).
QStringList guiIncludes(const QStringList &files, const QStringList &guiHeaderDirs);

// The lines of a link-closure file ("target: dependency") whose dependency is Qt's Gui or Widgets module.
QStringList guiLinks(const QString &linkClosure);

} // namespace advocate::test
