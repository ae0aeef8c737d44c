// SPDX-License-Identifier: GPL-3.0-only
// advocate-desk: the advocate's workstation.
#include "MainWindow.h"
#include "client/RelayConnection.h"
#include "common/CommandLine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QUrl>

int main(int argc, char *argv[])
{
    advocate::setApplicationIdentity(QStringLiteral("advocate-desk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Advocate Desk: the advocate's chat workstation."));
    const QCommandLineOption relayOption(
        QStringLiteral("relay"),
        QCoreApplication::translate("main", "Relay WebSocket address, e.g. wss://relay.example.org/ws."),
        QCoreApplication::translate("main", "url"));
    parser.addOption(relayOption);
    // Help and version are answered before QApplication exists, so they work without a display.
    if (const auto exitCode = advocate::handleStandardOptions(parser, advocate::argumentsFromArgv(argc, argv)))
        return *exitCode;

    QApplication app(argc, argv);

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("advocate-desk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    advocate::RelayConnection connection;
    advocate::MainWindow window(connection);
    window.show();
    if (parser.isSet(relayOption))
        connection.open(QUrl(parser.value(relayOption)));
    return QApplication::exec();
}
