// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace advocate {

class Clock;

// The relay's administration commands (RL6, program config):
//   add-user NAME --role advocate|supervisor|admin   (password from the terminal, or one line on stdin)
//   set-role NAME --role ROLE,  disable NAME,  enable NAME,  list-users,  check-config
//   set-service-notice --kind degraded|outage|forward --text TEXT [--link URL],  clear-service-notice (RL4)
//   statistics [--days N] [--csv]   (the per-day counts of the statistics file, RL10)
//   privacy-statement [--lang es]   (the privacy statement made from the config, PK4)
// each with --accounts FILE and/or --config FILE. Exit codes: 0 done, 1 a problem, 2 a usage error.
class AdminCommands
{
public:
    struct Io
    {
        QTextStream &out;
        QTextStream &err;
        // Asks for a password (twice on a terminal); nullopt when none could be read or the two differ.
        std::function<std::optional<QString>()> readPassword;
    };

    static bool isCommand(const QString &argument);
    // `arguments` starts with the program name, then the command.
    static int run(const QStringList &arguments, Io &io, const Clock &clock);
    // Reads a password from the terminal with echo off, or one line from stdin when it is not a terminal.
    static std::optional<QString> readPasswordFromTerminalOrStdin(QTextStream &prompt);

private:
    static int serviceNotice(const QString &command, const QCommandLineParser &parser,
                             const QCommandLineOption &configOption, const QCommandLineOption &kindOption,
                             const QCommandLineOption &textOption, const QCommandLineOption &linkOption, Io &io,
                             const Clock &clock);
    static int statistics(const QCommandLineParser &parser, const QCommandLineOption &configOption,
                          const QCommandLineOption &daysOption, const QCommandLineOption &csvOption, Io &io,
                          const Clock &clock);
    // With --restart-secret (as the service is started, docs/relay-runbook.md) the statement says what that relay
    // does: a chat goes on after a restart.
    static int privacyStatement(const QCommandLineParser &parser, const QCommandLineOption &configOption,
                                const QCommandLineOption &languageOption, const QCommandLineOption &restartSecretOption,
                                Io &io);
};

} // namespace advocate
