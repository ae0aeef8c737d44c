// SPDX-License-Identifier: GPL-3.0-only
#include "relay/AdminCommands.h"

#include "common/Clock.h"
#include "protocol/StatisticsCsv.h"
#include "relay/PrivacyStatement.h"
#include "relay/RelayConfigFile.h"
#include "relay/RestartTokens.h"
#include "relay/ServiceNotice.h"
#include "relay/StaffAccounts.h"
#include "relay/Statistics.h"
#include "relay/StatisticsFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace advocate {

namespace {

const QStringList commands{QStringLiteral("add-user"),
                           QStringLiteral("set-role"),
                           QStringLiteral("disable"),
                           QStringLiteral("enable"),
                           QStringLiteral("list-users"),
                           QStringLiteral("check-config"),
                           QStringLiteral("set-service-notice"),
                           QStringLiteral("clear-service-notice"),
                           QStringLiteral("statistics"),
                           QStringLiteral("privacy-statement")};

std::optional<QString> readLine(bool echo)
{
    termios saved{};
    const bool terminal = isatty(STDIN_FILENO) == 1;
    if (terminal && !echo && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool ok = static_cast<bool>(std::getline(std::cin, line));
    if (terminal && !echo) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    if (!ok)
        return std::nullopt;
    QString result = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    if (result.endsWith(u'\r'))
        result.chop(1);
    return result;
}

} // namespace

bool AdminCommands::isCommand(const QString &argument)
{
    return commands.contains(argument);
}

std::optional<QString> AdminCommands::readPasswordFromTerminalOrStdin(QTextStream &prompt)
{
    if (isatty(STDIN_FILENO) != 1)
        return readLine(true);
    prompt << QCoreApplication::translate("AdminCommands", "Password: ") << Qt::flush;
    const std::optional<QString> first = readLine(false);
    prompt << QCoreApplication::translate("AdminCommands", "Password again: ") << Qt::flush;
    const std::optional<QString> second = readLine(false);
    if (!first || !second || *first != *second) {
        prompt << QCoreApplication::translate("AdminCommands", "The passwords differ.") << Qt::endl;
        return std::nullopt;
    }
    return first;
}

int AdminCommands::serviceNotice(const QString &command, const QCommandLineParser &parser,
                                 const QCommandLineOption &configOption, const QCommandLineOption &kindOption,
                                 const QCommandLineOption &textOption, const QCommandLineOption &linkOption, Io &io,
                                 const Clock &clock)
{
    if (!parser.isSet(configOption)) {
        io.err << QCoreApplication::translate("AdminCommands", "%1 needs --config FILE (with service_notice_file).")
                      .arg(command)
               << Qt::endl;
        return 2;
    }
    const RelayConfigFile::Result config = RelayConfigFile::load(parser.value(configOption));
    const QString path = config.config.serviceNoticeFile;
    if (path.isEmpty()) {
        io.err << QCoreApplication::translate("AdminCommands", "The config sets no service_notice_file.") << Qt::endl;
        return 1;
    }
    if (command == QLatin1String("clear-service-notice")) {
        if (const QString error = ServiceNoticeFile::clear(path); !error.isEmpty()) {
            io.err << error << Qt::endl;
            return 1;
        }
        io.out << QCoreApplication::translate("AdminCommands",
                                              "%1: done; open survivor pages show no notice within 10 s.")
                      .arg(command)
               << Qt::endl;
        return 0;
    }
    const std::optional<ServiceNotice::Kind> kind = ServiceNotice::kindFromName(parser.value(kindOption));
    const QString text = parser.value(textOption).trimmed();
    const QString link = parser.value(linkOption).trimmed();
    const QUrl url(link, QUrl::StrictMode);
    if (!kind || text.isEmpty() || text.size() > 2000 ||
        (!link.isEmpty() && (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()))) {
        io.err << QCoreApplication::translate(
                      "AdminCommands",
                      "set-service-notice needs --kind degraded|outage|forward, --text TEXT (up to 2,000 characters) "
                      "and optionally --link https://…")
               << Qt::endl;
        return 2;
    }
    ServiceNotice notice;
    notice.kind = *kind;
    notice.text = text;
    notice.link = link;
    notice.setAt = clock.now();
    if (const QString error = ServiceNoticeFile::write(path, notice); !error.isEmpty()) {
        io.err << error << Qt::endl;
        return 1;
    }
    io.out << QCoreApplication::translate("AdminCommands", "%1: done; every open survivor page shows it within 10 s.")
                  .arg(command)
           << Qt::endl;
    return 0;
}

int AdminCommands::statistics(const QCommandLineParser &parser, const QCommandLineOption &configOption,
                              const QCommandLineOption &daysOption, const QCommandLineOption &csvOption, Io &io,
                              const Clock &clock)
{
    bool daysOk = true;
    const int days = parser.isSet(daysOption) ? parser.value(daysOption).toInt(&daysOk) : frame::maxStatisticsDays;
    if (!parser.isSet(configOption) || !daysOk || days < 1 || days > frame::maxStatisticsDays) {
        io.err << QCoreApplication::translate("AdminCommands",
                                              "statistics needs --config FILE (with statistics_file), and --days "
                                              "from 1 to %1 when given.")
                      .arg(frame::maxStatisticsDays)
               << Qt::endl;
        return 2;
    }
    const RelayConfig config = RelayConfigFile::load(parser.value(configOption)).config;
    if (config.statisticsFile.isEmpty()) {
        io.err << QCoreApplication::translate("AdminCommands", "The config sets no statistics_file.") << Qt::endl;
        return 1;
    }
    const StatisticsFile::Loaded loaded = StatisticsFile::read(config.statisticsFile);
    if (!loaded.error.isEmpty()) {
        io.err << loaded.error << Qt::endl;
        return 1;
    }
    // The days as the relay would answer get_statistics: in the program's time zone, up to today.
    Statistics counts(clock, config.openingHours.timeZone());
    counts.add(loaded.days);
    const QList<frame::StatisticsDay> selected = counts.lastDays(days);
    if (parser.isSet(csvOption)) {
        io.out << QString::fromUtf8(StatisticsCsv::render(selected)) << Qt::flush;
        return 0;
    }
    for (const frame::StatisticsDay &day : selected) {
        QStringList nonZero;
        for (auto it = day.counts.constBegin(); it != day.counts.constEnd(); ++it)
            nonZero.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
        io.out << day.date.toString(Qt::ISODate) << u' '
               << (nonZero.isEmpty() ? QCoreApplication::translate("AdminCommands", "(nothing counted)")
                                     : nonZero.join(u' '))
               << Qt::endl;
    }
    return 0;
}

int AdminCommands::privacyStatement(const QCommandLineParser &parser, const QCommandLineOption &configOption,
                                    const QCommandLineOption &languageOption,
                                    const QCommandLineOption &restartSecretOption, Io &io)
{
    if (!parser.isSet(configOption)) {
        io.err << QCoreApplication::translate("AdminCommands", "privacy-statement needs --config FILE.") << Qt::endl;
        return 2;
    }
    const QString path = parser.value(configOption);
    const QString language = parser.isSet(languageOption) ? parser.value(languageOption) : QString();
    if (!language.isEmpty() && !PrivacyStatement::languages().contains(language)) {
        io.err << QCoreApplication::translate("AdminCommands", "--lang must be one of: %1.")
                      .arg(PrivacyStatement::languages().join(QStringLiteral(", ")))
               << Qt::endl;
        return 2;
    }
    // The statement of a config the relay would refuse would describe a relay that does not run.
    RelayConfigFile::Result loaded = RelayConfigFile::load(path);
    if (!loaded.ok()) {
        for (const RelayConfigFile::Problem &problem : loaded.problems)
            io.err << QStringLiteral("%1:%2: ").arg(path).arg(problem.line) << problem.message << Qt::endl;
        return 1;
    }
    if (parser.isSet(restartSecretOption))
        loaded.config.restartSecretFile = parser.value(restartSecretOption);
    loaded.config.restartSecretFile = RestartTokens::secretFile(loaded.config.restartSecretFile);
    if (!loaded.config.restartSecretFile.isEmpty()) {
        if (const QString problem = RestartTokens::readSecretFile(loaded.config.restartSecretFile).problem;
            !problem.isEmpty()) {
            io.err << problem << Qt::endl;
            return 1;
        }
    }
    io.out << PrivacyStatement::plainText(loaded.config,
                                          language.isEmpty() ? loaded.config.languages.value(0) : language)
           << Qt::flush;
    return 0;
}

int AdminCommands::run(const QStringList &arguments, Io &io, const Clock &clock)
{
    QCommandLineParser parser;
    const QCommandLineOption accountsOption(QStringLiteral("accounts"),
                                            QCoreApplication::translate("AdminCommands", "Staff account file."),
                                            QStringLiteral("file"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QCoreApplication::translate("AdminCommands", "Program config file."),
                                          QStringLiteral("file"));
    const QCommandLineOption roleOption(QStringLiteral("role"),
                                        QCoreApplication::translate("AdminCommands", "advocate, supervisor or admin."),
                                        QStringLiteral("role"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        QCoreApplication::translate("AdminCommands", "degraded, outage or forward."),
                                        QStringLiteral("kind"));
    const QCommandLineOption textOption(QStringLiteral("text"),
                                        QCoreApplication::translate("AdminCommands", "What survivors read."),
                                        QStringLiteral("text"));
    const QCommandLineOption linkOption(
        QStringLiteral("link"), QCoreApplication::translate("AdminCommands", "An https link (e.g. the other program)."),
        QStringLiteral("url"));
    const QCommandLineOption daysOption(
        QStringLiteral("days"), QCoreApplication::translate("AdminCommands", "Days of statistics, today included."),
        QStringLiteral("days"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QCoreApplication::translate("AdminCommands", "Statistics as CSV."));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), QCoreApplication::translate("AdminCommands", "The privacy statement's language."),
        QStringLiteral("language"));
    const QCommandLineOption restartSecretOption(
        QStringLiteral("restart-secret"),
        QCoreApplication::translate("AdminCommands", "Restart secret file (overrides restart_secret_file)."),
        QStringLiteral("file"));
    parser.addOptions({accountsOption, configOption, roleOption, kindOption, textOption, linkOption, daysOption,
                       csvOption, languageOption, restartSecretOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("AdminCommands", "The command."));
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << Qt::endl;
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    const QString name = positional.value(1);

    if (command == QLatin1String("check-config")) {
        if (!parser.isSet(configOption)) {
            io.err << QCoreApplication::translate("AdminCommands", "check-config needs --config FILE.") << Qt::endl;
            return 2;
        }
        const QString path = parser.value(configOption);
        const RelayConfigFile::Result result = RelayConfigFile::load(path);
        int problems = 0;
        for (const RelayConfigFile::Problem &problem : result.problems) {
            io.err << (problem.line > 0 ? QStringLiteral("%1:%2: ").arg(path).arg(problem.line)
                                        : QStringLiteral("%1: ").arg(path))
                   << problem.message << Qt::endl;
            ++problems;
        }
        const QString accountFile =
            parser.isSet(accountsOption) ? parser.value(accountsOption) : result.config.accountFile;
        if (!accountFile.isEmpty()) {
            StaffAccounts accounts(clock);
            for (const StaffAccounts::Problem &problem : accounts.load(accountFile)) {
                io.err << (problem.line > 0 ? QStringLiteral("%1:%2: ").arg(accountFile).arg(problem.line)
                                            : QStringLiteral("%1: ").arg(accountFile))
                       << problem.message << Qt::endl;
                ++problems;
            }
        }
        const QString secretFile = RestartTokens::secretFile(
            parser.isSet(restartSecretOption) ? parser.value(restartSecretOption) : result.config.restartSecretFile);
        if (!secretFile.isEmpty()) {
            if (const QString problem = RestartTokens::readSecretFile(secretFile).problem; !problem.isEmpty()) {
                io.err << problem << Qt::endl;
                ++problems;
            }
        }
        if (problems > 0)
            return 1;
        io.out << QCoreApplication::translate("AdminCommands", "%1: no problems.").arg(path) << Qt::endl;
        if (result.config.practice)
            io.out << QCoreApplication::translate("AdminCommands",
                                                  "%1: a practice relay (practice = on): it takes only practice "
                                                  "survivors, never the survivor page, and staff see a practice "
                                                  "banner. Never run it as the live relay.")
                          .arg(path)
                   << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("set-service-notice") || command == QLatin1String("clear-service-notice"))
        return serviceNotice(command, parser, configOption, kindOption, textOption, linkOption, io, clock);
    if (command == QLatin1String("statistics"))
        return statistics(parser, configOption, daysOption, csvOption, io, clock);
    if (command == QLatin1String("privacy-statement"))
        return privacyStatement(parser, configOption, languageOption, restartSecretOption, io);

    QString accountFile = parser.value(accountsOption);
    if (accountFile.isEmpty() && parser.isSet(configOption))
        accountFile = RelayConfigFile::load(parser.value(configOption)).config.accountFile;
    if (accountFile.isEmpty()) {
        io.err << QCoreApplication::translate(
                      "AdminCommands", "Say which account file: --accounts FILE (or --config FILE with account_file).")
               << Qt::endl;
        return 2;
    }
    StaffAccounts accounts(clock);
    const bool exists = QFileInfo::exists(accountFile);
    if (exists) {
        const QList<StaffAccounts::Problem> problems = accounts.load(accountFile);
        if (!problems.isEmpty()) {
            for (const StaffAccounts::Problem &problem : problems)
                io.err << QStringLiteral("%1:%2: ").arg(accountFile).arg(problem.line) << problem.message << Qt::endl;
            io.err << QCoreApplication::translate("AdminCommands",
                                                  "Fix the account file first (advocate-relay check-config).")
                   << Qt::endl;
            return 1;
        }
    }

    if (command == QLatin1String("list-users")) {
        for (const StaffAccounts::Account &account : accounts.accounts())
            io.out << account.name << u'\t' << roleName(account.role) << u'\t'
                   << (account.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")) << Qt::endl;
        return 0;
    }

    if (name.isEmpty() || positional.size() > 2) {
        io.err << QCoreApplication::translate("AdminCommands", "%1 needs exactly one account name.").arg(command)
               << Qt::endl;
        return 2;
    }
    std::optional<StaffAccounts::Problem> problem;
    if (command == QLatin1String("add-user") || command == QLatin1String("set-role")) {
        const std::optional<Role> role = roleFromName(parser.value(roleOption));
        if (!role || *role == Role::Survivor) {
            io.err << QCoreApplication::translate("AdminCommands", "%1 needs --role advocate, supervisor or admin.")
                          .arg(command)
                   << Qt::endl;
            return 2;
        }
        if (command == QLatin1String("add-user")) {
            const std::optional<QString> password = io.readPassword();
            if (!password) {
                io.err << QCoreApplication::translate("AdminCommands", "No password was given.") << Qt::endl;
                return 1;
            }
            problem = accounts.addUser(name, *role, *password);
        } else {
            problem = accounts.setRole(name, *role);
        }
    } else if (command == QLatin1String("disable") || command == QLatin1String("enable")) {
        problem = accounts.setEnabled(name, command == QLatin1String("enable"));
    } else {
        io.err << QCoreApplication::translate("AdminCommands", "Unknown command %1.").arg(command) << Qt::endl;
        return 2;
    }
    if (!problem)
        problem = accounts.save(accountFile);
    if (problem) {
        io.err << problem->message << Qt::endl;
        return 1;
    }
    io.out << QCoreApplication::translate("AdminCommands", "%1: done.").arg(command) << Qt::endl;
    return 0;
}

} // namespace advocate
