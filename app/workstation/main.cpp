// SPDX-License-Identifier: GPL-3.0-only
// advocate-desk: the advocate's workstation.
#include "UiLanguage.h"
#include "Workstation.h"
#include "canned/CannedLibrary.h"
#include "client/ManagedSettings.h"
#include "client/WorkstationSettings.h"
#include "common/CommandLine.h"
#include "common/ProcessHardening.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>
#include <memory>
#include <optional>

#include <termios.h>
#include <unistd.h>

namespace {

// Reads one line from stdin for --password-stdin, without echo when stdin is a terminal. The bytes are wiped
// here; the caller wipes the returned string once it has been used.
std::optional<QString> readPasswordLine()
{
    constexpr qsizetype maxBytes = 1024;
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        std::fputs(qUtf8Printable(QCoreApplication::translate("main", "Password: ")), stderr);
        std::fflush(stderr);
    }
    QByteArray bytes;
    bytes.reserve(maxBytes); // no reallocation, so no stray copy is left behind
    char c = 0;
    bool complete = false;
    while (bytes.size() < maxBytes - 1) {
        if (::read(STDIN_FILENO, &c, 1) != 1)
            break;
        if (c == '\n') {
            complete = true;
            break;
        }
        bytes.append(c);
    }
    c = 0;
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    std::optional<QString> password;
    if (!bytes.isEmpty() && (complete || bytes.size() < maxBytes - 1))
        password = QString::fromUtf8(bytes);
    bytes.fill('\0');
    return password;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any secret exists: the password, the session token, the shift cache key and the chats themselves live
    // in this process's memory and must never reach a core file. Refuse to run rather than hold them in a process
    // that could dump.
    if (const advocate::CoreDumpsResult hardened = advocate::disableCoreDumps(); !hardened.ok()) {
        std::fprintf(stderr, "advocate-desk: %s\n",
                     qUtf8Printable(QCoreApplication::translate("main", "Cannot turn off core dumps, not starting: %1")
                                        .arg(hardened.message)));
        return 1;
    }
    advocate::setApplicationIdentity(QStringLiteral("advocate-desk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Advocate Desk: the advocate's chat workstation."));
    const QCommandLineOption relayOption(
        QStringLiteral("relay"),
        QCoreApplication::translate("main", "Relay WebSocket address, e.g. wss://relay.example.org/ws (an address "
                                            "your IT department set for this computer wins)."),
        QCoreApplication::translate("main", "url"));
    const QCommandLineOption capOption(
        QStringLiteral("cap"),
        QCoreApplication::translate("main",
                                    "The per-advocate chat limit (1-4) to show when the relay does not send its own."),
        QCoreApplication::translate("main", "chats"), QStringLiteral("1"));
    const QCommandLineOption lockOption(
        QStringLiteral("lock-minutes"),
        QCoreApplication::translate("main", "Lock the workstation after this many idle minutes (1-60, default 5; "
                                            "else as set in Settings)."),
        QCoreApplication::translate("main", "minutes"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QCoreApplication::translate("main", "Pre-fill the sign-in with this user name."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("main", "Read the password from the first line of stdin and sign in with --user "
                                            "without typing (demos and scripted tests). The password is kept in "
                                            "memory only."));
    const QCommandLineOption cannedOption(
        QStringLiteral("canned-library"),
        QCoreApplication::translate("main", "The canned-response library (JSON) to use when IT has deployed none "
                                            "(neither system-wide nor at %1).")
            .arg(QStringLiteral(ADVOCATE_DEFAULT_CANNED_LIBRARY)),
        QCoreApplication::translate("main", "file"));
    parser.addOption(relayOption);
    parser.addOption(cannedOption);
    parser.addOption(capOption);
    parser.addOption(lockOption);
    parser.addOption(userOption);
    parser.addOption(passwordStdinOption);
    // Help and version are answered before QApplication exists, so they work without a display.
    if (const auto exitCode = advocate::handleStandardOptions(parser, advocate::argumentsFromArgv(argc, argv)))
        return *exitCode;
    const QString userName = parser.value(userOption).trimmed();
    const bool automaticSignIn = parser.isSet(passwordStdinOption);
    QString automaticPassword;
    if (automaticSignIn) {
        if (userName.isEmpty()) {
            std::fprintf(stderr, "advocate-desk: %s\n",
                         qUtf8Printable(QCoreApplication::translate("main", "--password-stdin needs --user NAME.")));
            return 2;
        }
        std::optional<QString> password = readPasswordLine();
        if (!password) {
            std::fprintf(stderr, "advocate-desk: %s\n",
                         qUtf8Printable(QCoreApplication::translate(
                             "main", "--password-stdin found no password on the first line of stdin.")));
            return 2;
        }
        automaticPassword = std::move(*password);
    }

    QApplication app(argc, argv);

    // The advocate's language from Settings, else the system's (WS18); switched live from Settings.
    advocate::UiLanguage language;
    const QSettings userSettings;
    language.apply(userSettings.value(QStringLiteral("ui/language")).toString());

    // What IT set for this computer wins over the command line and the user's own settings (PK2).
    const advocate::ManagedSettings managed =
        advocate::ManagedSettings::read(advocate::ManagedSettings::systemLocation());
    advocate::WorkstationSettings::CommandLine commandLine;
    if (parser.isSet(relayOption))
        commandLine.relayUrl = parser.value(relayOption);
    if (parser.isSet(cannedOption))
        commandLine.cannedLibrary = parser.value(cannedOption);
    if (parser.isSet(lockOption))
        commandLine.lockMinutes = parser.value(lockOption).toInt();
    advocate::WorkstationSettings settings = advocate::WorkstationSettings::resolve(
        managed, commandLine, userSettings, QStringLiteral(ADVOCATE_DEFAULT_CANNED_LIBRARY));
    for (const QString &ignored : settings.ignored)
        std::fprintf(stderr, "advocate-desk: %s\n", qUtf8Printable(ignored));
    if (!managed.ok()) // the window says it too, and the workstation does not start
        std::fprintf(stderr, "advocate-desk: %s\n", qUtf8Printable(managed.problem()));

    advocate::Workstation::Options options;
    options.userName = userName;
    // The canned-response library is the program's, read-only to advocates (docs/canned-responses.md).
    options.cannedLibrary = advocate::CannedLibrary::loadForWorkstation(settings.cannedLibrary.value);
    options.advocateName = userSettings.value(QStringLiteral("canned/advocateName")).toString();
    options.cap = qBound(1, parser.value(capOption).toInt(), 4);
    options.settings = std::move(settings);
    options.language = &language;
    advocate::Workstation workstation(std::move(options));

    // Scripts that sign in with --password-stdin learn the outcome on stdout/stderr; the lines name no conversation
    // and carry no secret.
    if (automaticSignIn) {
        QObject::connect(&workstation, &advocate::Workstation::shiftStarted, &app,
                         [](const QString &user, bool resumed) {
                             std::printf(resumed ? "advocate-desk: signed in as %s; the shift resumed.\n"
                                                 : "advocate-desk: signed in as %s; the shift has started.\n",
                                         qUtf8Printable(user));
                             std::fflush(stdout);
                         });
        QObject::connect(&workstation, &advocate::Workstation::shiftCannotStart, &app, [](const QString &message) {
            std::fprintf(stderr, "advocate-desk: the shift cannot start: %s\n", qUtf8Printable(message));
        });
        QObject::connect(&workstation, &advocate::Workstation::automaticSignInFailed, &app, [](const QString &message) {
            std::fprintf(stderr,
                         "advocate-desk: automatic sign-in failed: %s The sign-in dialog stays "
                         "open.\n",
                         qUtf8Printable(message));
            std::fflush(stderr);
        });
        QObject::connect(&workstation, &advocate::Workstation::cacheCannotBeChecked, &app, [](const QString &message) {
            std::fprintf(stderr, "advocate-desk: the shift cache cannot be checked: %s\n", qUtf8Printable(message));
        });
    }
    QObject::connect(&workstation, &advocate::Workstation::quitRequested, &app, &QApplication::quit);
    workstation.start(std::move(automaticPassword));
    const int exitCode = QApplication::exec();
    return managed.ok() ? exitCode : 1;
}
