// SPDX-License-Identifier: GPL-3.0-only
// advocate-relay: routes chats between survivors and advocates and keeps nothing on disk.
#include "common/CommandLine.h"
#include "relay/RelayServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

int main(int argc, char *argv[])
{
    advocate::setApplicationIdentity(QStringLiteral("advocate-relay"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Advocate Desk relay: serves the survivor page and routes chats. Keeps nothing on disk."));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                          QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (0 = any free port)."),
                                        QStringLiteral("port"), QStringLiteral("8080"));
    parser.addOption(listenOption);
    parser.addOption(portOption);
    if (const auto exitCode = advocate::handleStandardOptions(parser, advocate::argumentsFromArgv(argc, argv)))
        return *exitCode;

    QCoreApplication app(argc, argv);
    advocate::RelayServer::silenceClientAddressLogging();

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const QHostAddress address(parser.value(listenOption));
    if (!portOk || port > 65535 || address.isNull()) {
        std::fprintf(stderr, "advocate-relay: --listen needs an IP address and --port a number from 0 to 65535.\n");
        return 2;
    }

    advocate::RelayServer server;
    if (!server.listen(address, static_cast<quint16>(port))) {
        std::fprintf(stderr, "advocate-relay: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    // Scripts wait for this line to learn the port; it names only the relay's own address.
    std::printf("advocate-relay: listening on %s port %u\n", qUtf8Printable(address.toString()), server.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
