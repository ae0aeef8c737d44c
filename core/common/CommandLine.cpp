// SPDX-License-Identifier: GPL-3.0-only
#include "common/CommandLine.h"

#include "common/BuildInfo.h"

#include <QCoreApplication>

#include <cstdio>

namespace advocate {

void setApplicationIdentity(const QString &applicationName)
{
    QCoreApplication::setApplicationName(applicationName);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(build::projectVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(build::organizationName));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(build::organizationDomain));
}

std::optional<int> handleStandardOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        // Help is answered before the application object exists (so it works without a display), and without one
        // QCommandLineParser names the program "<executable_name>": put the installed name there, as a man page
        // made from this text needs it.
        QString help = parser.helpText();
        help.replace(QLatin1String("<executable_name>"), QCoreApplication::applicationName());
        std::fputs(qUtf8Printable(help), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("%s %s\n", qUtf8Printable(QCoreApplication::applicationName()),
                    qUtf8Printable(QCoreApplication::applicationVersion()));
        return 0;
    }
    return std::nullopt;
}

QStringList argumentsFromArgv(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

} // namespace advocate
