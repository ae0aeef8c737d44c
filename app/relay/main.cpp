// SPDX-License-Identifier: GPL-3.0-only
// advocate-relay: routes chats between survivors and advocates and keeps nothing on disk.
#include "common/CommandLine.h"
#include "common/ProcessHardening.h"
#include "common/SystemClock.h"
#include "relay/AdminCommands.h"
#ifdef Q_OS_LINUX
#include "relay/EpollEventDispatcher.h"
#endif
#include "relay/LogRateLimiter.h"
#include "relay/RelayConfigFile.h"
#include "relay/RelayServer.h"
#include "relay/RestartTokens.h"
#include "relay/StaffAccounts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Every survivor and advocate is a socket: a relay for 1,000 conversations needs more descriptors than the
// usual soft limit of 1,024, so it raises the soft limit to the hard one.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// SIGTERM (systemctl stop, restart) and SIGINT end the event loop rather than the process, so the server's
// destructor writes what it still holds for its files: the last per-day counts and the last refusal counts. The
// handler only writes a byte to a socket pair; the event loop reads it and quits.
int stopSignalSockets[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(stopSignalSockets[1], &byte, 1);
}

void quitOnStopSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, stopSignalSockets) != 0)
        return; // the signals keep their default action: the process ends at once
    auto *notifier = new QSocketNotifier(stopSignalSockets[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(stopSignalSockets[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

int runAdminCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    advocate::AdminCommands::Io io{out, err,
                                   [&err] { return advocate::AdminCommands::readPasswordFromTerminalOrStdin(err); }};
    const advocate::SystemClock clock;
    return advocate::AdminCommands::run(arguments, io, clock);
}

} // namespace

int main(int argc, char *argv[])
{
    // Message text lives in the relay's memory (RL7); it must never reach a core file. Refuse to run rather than
    // route chats from a process that could dump.
    if (const advocate::CoreDumpsResult hardened = advocate::disableCoreDumps(); !hardened.ok()) {
        std::fprintf(stderr, "advocate-relay: cannot turn off core dumps, not starting: %s\n",
                     qUtf8Printable(hardened.message));
        return 1;
    }
    advocate::setApplicationIdentity(QStringLiteral("advocate-relay"));
    const QStringList arguments = advocate::argumentsFromArgv(argc, argv);
    if (arguments.size() > 1 && advocate::AdminCommands::isCommand(arguments.at(1)))
        return runAdminCommand(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Advocate Desk relay: serves the survivor page and routes chats. Keeps no conversation on disk.\n"
        "Administration: advocate-relay add-user NAME --role advocate|supervisor|admin, set-role NAME --role ROLE,\n"
        "disable NAME, enable NAME, list-users (each with --accounts FILE or --config FILE),\n"
        "check-config --config FILE, set-service-notice --config FILE --kind degraded|outage|forward --text TEXT\n"
        "[--link URL], clear-service-notice --config FILE,\n"
        "statistics --config FILE [--days N] [--csv]: the per-day counts of statistics_file (offered, answered,\n"
        "abandoned, wait and duration bands, languages, end reasons, transfers, supervisor actions); --csv prints\n"
        "\"date,counter,count\" rows, one per day and counter, today and up to 30 days before (--days 1-31),\n"
        "privacy-statement --config FILE [--lang es] [--restart-secret FILE]: the privacy statement made from the\n"
        "config (what is kept, for how long, who can read along), as the relay serves it at /privacy."));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                          QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (0 = any free port)."),
                                        QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("Program config file (see relay.conf.example)."),
                                          QStringLiteral("file"));
    const QCommandLineOption accountsOption(QStringLiteral("accounts"),
                                            QStringLiteral("Staff account file (overrides account_file)."),
                                            QStringLiteral("file"));
    const QCommandLineOption certificateOption(QStringLiteral("tls-certificate"),
                                               QStringLiteral("PEM certificate (chain) for https/wss."),
                                               QStringLiteral("file"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), QStringLiteral("PEM private key for https/wss."),
                                       QStringLiteral("file"));
    const QCommandLineOption restartSecretOption(
        QStringLiteral("restart-secret"),
        QStringLiteral("Restart secret file (overrides restart_secret_file; without either, the systemd credential "
                       "restart-secret is used if the service has one): 32 random bytes, mode 0600 or 0400."),
        QStringLiteral("file"));
    parser.addOptions(
        {listenOption, portOption, configOption, accountsOption, certificateOption, keyOption, restartSecretOption});
    if (const auto exitCode = advocate::handleStandardOptions(parser, arguments))
        return *exitCode;

#ifdef Q_OS_LINUX
    // Every survivor and advocate is a socket: Qt's own dispatchers poll all of them on every wake-up (issue 16).
    if (auto dispatcher = std::make_unique<advocate::EpollEventDispatcher>(); dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher.release());
#endif
    QCoreApplication app(argc, argv);
    quitOnStopSignals(app);
    advocate::RelayServer::silenceClientAddressLogging();
    // Requirement RL12: no kind of log line can flood the journal, whoever causes it.
    const advocate::SystemClock logClock;
    advocate::LogRateLimiter logLimiter(logClock, advocate::LogRateLimiter::Limits{});
    advocate::LogRateLimiter::installMessageHandler(&logLimiter);
    const auto uninstall = qScopeGuard([] { advocate::LogRateLimiter::installMessageHandler(nullptr); });
    QTimer logReport;
    logReport.setInterval(std::chrono::minutes(1));
    QObject::connect(&logReport, &QTimer::timeout, &app, [] { advocate::LogRateLimiter::reportHeldBack(); });
    logReport.start();
    raiseDescriptorLimit();

    advocate::RelayConfig config;
    if (parser.isSet(configOption)) {
        const advocate::RelayConfigFile::Result loaded = advocate::RelayConfigFile::load(parser.value(configOption));
        if (!loaded.ok()) {
            for (const auto &problem : loaded.problems)
                std::fprintf(stderr, "advocate-relay: %s:%d: %s\n", qUtf8Printable(parser.value(configOption)),
                             problem.line, qUtf8Printable(problem.message));
            return 1;
        }
        config = loaded.config;
    }
    if (parser.isSet(listenOption) || !parser.isSet(configOption))
        config.listenAddress = parser.value(listenOption);
    bool portOk = true;
    if (parser.isSet(portOption) || !parser.isSet(configOption))
        config.port = static_cast<int>(parser.value(portOption).toUInt(&portOk));
    const QHostAddress address(config.listenAddress);
    if (!portOk || config.port > 65535 || address.isNull()) {
        std::fprintf(stderr, "advocate-relay: --listen needs an IP address and --port a number from 0 to 65535.\n");
        return 2;
    }
    if (parser.isSet(accountsOption))
        config.accountFile = parser.value(accountsOption);
    if (parser.isSet(certificateOption))
        config.tlsCertificate = parser.value(certificateOption);
    if (parser.isSet(keyOption))
        config.tlsKey = parser.value(keyOption);
    if (parser.isSet(restartSecretOption))
        config.restartSecretFile = parser.value(restartSecretOption);
    config.restartSecretFile = advocate::RestartTokens::secretFile(config.restartSecretFile);
    if (!config.restartSecretFile.isEmpty()) {
        // Chats survive a restart only with the secret (docs/protocol.md section 8); a secret that cannot be trusted
        // keeps the relay from starting rather than quietly ending every chat at the next restart.
        const advocate::RestartTokens::Loaded secret =
            advocate::RestartTokens::readSecretFile(config.restartSecretFile);
        if (!secret.problem.isEmpty()) {
            std::fprintf(stderr, "advocate-relay: %s\n", qUtf8Printable(secret.problem));
            return 1;
        }
        config.restartSecret = secret.secret;
    }

    const advocate::SystemClock clock;
    advocate::StaffAccounts accounts(clock, config.lockoutAttempts, config.lockoutMinutes);
    if (!config.accountFile.isEmpty()) {
        const auto problems = accounts.load(config.accountFile);
        for (const auto &problem : problems)
            std::fprintf(stderr, "advocate-relay: %s:%d: %s\n", qUtf8Printable(config.accountFile), problem.line,
                         qUtf8Printable(problem.message));
        if (!problems.isEmpty())
            return 1;
    }

    advocate::RelayServer server(config, &clock, &accounts);
    if (!server.auditLogReady() || !server.statisticsReady()) {
        std::fprintf(stderr, "advocate-relay: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    if ((!config.tlsCertificate.isEmpty() || !config.tlsKey.isEmpty()) &&
        !server.useTls(config.tlsCertificate, config.tlsKey)) {
        std::fprintf(stderr, "advocate-relay: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    if (!server.listen(address, static_cast<quint16>(config.port))) {
        std::fprintf(stderr, "advocate-relay: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    // A practice relay says so first (issue 18), in the journal too, so that nobody takes it for the live one.
    if (config.practice)
        std::printf("advocate-relay: a practice relay (practice = on): it takes only practice survivors, never the "
                    "survivor page\n");
    // Scripts wait for this line to learn the port; it names only the relay's own address.
    std::printf("advocate-relay: listening on %s port %u\n", qUtf8Printable(address.toString()), server.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
