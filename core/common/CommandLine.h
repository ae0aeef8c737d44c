// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

// Sets the application name, version and organisation that QSettings, QStandardPaths, the keychain
// service name and --version use. Callable before a Q(Core)Application exists.
void setApplicationIdentity(const QString &applicationName);

// Parses `arguments` with `parser` (which must already hold the program's own options) and answers
// --help and --version without needing a Q(Core)Application, so an IT admin can run
// `advocate-desk --version` over SSH on a machine with no display.
// Returns an exit code when the program should stop (help, version, or a parse error, which is printed to
// stderr), std::nullopt when it should go on.
std::optional<int> handleStandardOptions(QCommandLineParser &parser, const QStringList &arguments);

// argv as QStrings, decoded with the local 8-bit codec like QCoreApplication::arguments().
QStringList argumentsFromArgv(int argc, char **argv);

} // namespace advocate
