// SPDX-License-Identifier: GPL-3.0-only
// advocate-survivor: plays the survivor's side of a chat from a terminal, for demos and tests, until the
// survivor page does it in a browser. Lines typed on stdin are messages; /end ends, /exit is quick exit. With
// --persona it plays a scripted survivor on a practice relay instead (issue 18, docs/practice.md "Personas").
#include "client/SurvivorClient.h"
#include "common/CommandLine.h"
#include "practice/PersonaLibrary.h"
#include "practice/PersonaRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <unistd.h>

namespace {

QString text(const char *sourceText)
{
    return QCoreApplication::translate("survivor", sourceText);
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

void complain(const QString &line)
{
    std::fprintf(stderr, "advocate-survivor: %s\n", qUtf8Printable(line));
    std::fflush(stderr);
}

// Text from the other side is shown as plain text: control characters (terminal escape sequences among them)
// are replaced, so a message cannot move the cursor, recolour or retitle the terminal.
QString plain(const QString &body)
{
    QString shown;
    shown.reserve(body.size());
    for (const QChar c : body) {
        if (c == u'\n')
            shown.append(QStringLiteral("\n    "));
        else if (c == u'\t' || c.category() != QChar::Other_Control)
            shown.append(c);
        else
            shown.append(QChar::ReplacementCharacter);
    }
    return shown;
}

QString alternatives(const QString &phone, const QString &sms)
{
    QStringList parts;
    if (!phone.isEmpty())
        parts << text("Call %1.").arg(phone);
    if (!sms.isEmpty())
        parts << text("Text %1.").arg(sms);
    return parts.join(u' ');
}

} // namespace

int main(int argc, char *argv[])
{
    advocate::setApplicationIdentity(QStringLiteral("advocate-survivor"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        text("Plays the survivor's side of a chat from a terminal (demos and tests). Type a message and press "
             "Enter to send it; /end ends the chat, /exit leaves at once (quick exit)."));
    const QCommandLineOption relayOption(QStringLiteral("relay"),
                                         text("Relay WebSocket address, e.g. ws://127.0.0.1:8080/ws."), text("url"));
    const QCommandLineOption aliasOption(QStringLiteral("alias"), text("A name the advocate sees (optional)."),
                                         text("name"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            text("The chat language, e.g. en or es (default: the program's first)."),
                                            text("tag"));
    const QCommandLineOption reconnectOption(
        QStringLiteral("reconnect"),
        text("Come back after a dropped connection or a relay restart, within the relay's reconnect window."));
    const QCommandLineOption practiceOption(
        QStringLiteral("practice"),
        text("Chat as a practice survivor, with a practice relay only (config practice = on; docs/practice.md)."));
    const QCommandLineOption personaOption(
        QStringLiteral("persona"),
        text("Play a scripted survivor (a persona) on a practice relay; implies --practice (docs/practice.md)."),
        text("name"));
    const QCommandLineOption listPersonasOption(QStringLiteral("list-personas"),
                                                text("List the shipped personas with their titles, and exit."));
    const QCommandLineOption paceOption(
        QStringLiteral("pace"),
        text("With --persona: multiply the persona's typing delays and silences by this factor (default 1; 0.1 plays "
             "ten times as fast)."),
        text("factor"), QStringLiteral("1"));
    parser.addOptions({relayOption, aliasOption, languageOption, reconnectOption, practiceOption, personaOption,
                       listPersonasOption, paceOption});
    if (const auto exitCode = advocate::handleStandardOptions(parser, advocate::argumentsFromArgv(argc, argv)))
        return *exitCode;

    // Personas (issue 18): the shipped set, in the asked-for language (English by default).
    const QString personaLanguage = parser.isSet(languageOption) ? parser.value(languageOption) : QStringLiteral("en");
    std::optional<advocate::Persona> persona;
    if (parser.isSet(listPersonasOption) || parser.isSet(personaOption)) {
        const advocate::PersonaLibrary personas = advocate::PersonaLibrary::shipped();
        for (const advocate::Persona::Error &error : personas.errors())
            complain(error.toString());
        if (parser.isSet(listPersonasOption)) {
            for (const QString &name : personas.names()) {
                const auto found = personas.persona(name, personaLanguage);
                const auto shown = found ? found : personas.persona(name, personas.languages(name).value(0));
                say(text("%1 (%2): %3").arg(name, personas.languages(name).join(QStringLiteral(", ")), shown->title()));
            }
            return 0;
        }
        const QString name = parser.value(personaOption);
        if (!personas.names().contains(name)) {
            complain(text("There is no persona named “%1”. --list-personas lists them.").arg(name));
            return 2;
        }
        persona = personas.persona(name, personaLanguage);
        if (!persona) {
            complain(text("The persona “%1” has no %2 version; it has: %3.")
                         .arg(name, personaLanguage, personas.languages(name).join(QStringLiteral(", "))));
            return 2;
        }
    }
    bool paceOk = false;
    const double pace = parser.value(paceOption).toDouble(&paceOk);
    if (!paceOk || pace <= 0 || pace > 100) {
        complain(text("--pace must be a number above 0, e.g. 0.1."));
        return 2;
    }
    if (!parser.isSet(relayOption)) {
        complain(text("--relay is required, e.g. --relay ws://127.0.0.1:8080/ws"));
        return 2;
    }

    QCoreApplication app(argc, argv);
    std::unique_ptr<advocate::SurvivorClient> ownClient;
    std::unique_ptr<advocate::PersonaRunner> runner;
    if (persona)
        runner = std::make_unique<advocate::PersonaRunner>(*persona);
    else
        ownClient = std::make_unique<advocate::SurvivorClient>();
    advocate::SurvivorClient &client = runner ? runner->client() : *ownClient;
    int exitCode = 0;

    QObject::connect(&client, &advocate::SurvivorClient::sessionOpened, &app, [&runner](int noticeVersion) {
        say(text("Connected. By starting you accepted the program's notice (version %1), shown on the survivor "
                 "page.")
                .arg(noticeVersion));
        if (runner)
            say(text("The persona starts when an advocate joins. Ctrl+C stops it."));
        else
            say(text("Type a message and press Enter. /end ends the chat, /exit leaves at once (quick exit)."));
    });
    QObject::connect(&client, &advocate::SurvivorClient::queued, &app, [](int position, int waitSeconds) {
        say(text("Waiting for an advocate: you are number %1 in line (about %2 min).")
                .arg(position)
                .arg(qMax(1, (waitSeconds + 59) / 60)));
    });
    QObject::connect(&client, &advocate::SurvivorClient::longWait, &app,
                     [](const QString &notice, const QString &phone, const QString &sms) {
                         say(plain(notice));
                         if (const QString other = alternatives(phone, sms); !other.isEmpty())
                             say(other);
                     });
    QObject::connect(&client, &advocate::SurvivorClient::busy, &app,
                     [&exitCode](const QString &notice, const QString &phone, const QString &sms) {
                         say(plain(notice));
                         if (const QString other = alternatives(phone, sms); !other.isEmpty())
                             say(other);
                         exitCode = 1;
                     });
    QObject::connect(&client, &advocate::SurvivorClient::conversationStarted, &app,
                     [] { say(text("An advocate has joined the chat.")); });
    QObject::connect(&client, &advocate::SurvivorClient::advocateChanged, &app, [](advocate::HandoffReason reason) {
        switch (reason) {
        case advocate::HandoffReason::Transfer:
            say(text("Another advocate is taking over your chat. They can see what was written so far."));
            break;
        case advocate::HandoffReason::Queue:
            say(text("Your chat is being passed to the next available advocate. You are first in line; your "
                     "messages are kept."));
            break;
        case advocate::HandoffReason::Dropped:
            say(text("Your advocate's connection was lost. You are first in line for the next advocate; your "
                     "messages are kept."));
            break;
        case advocate::HandoffReason::Supervisor:
            say(text("A supervisor is answering you now. They can see what was written so far."));
            break;
        case advocate::HandoffReason::HandBack:
            say(text("Your advocate is answering you again."));
            break;
        }
    });
    QObject::connect(&client, &advocate::SurvivorClient::supervisorPresent, &app, [](bool present) {
        say(present ? text("A supervisor has joined the chat.") : text("The supervisor has left the chat."));
    });
    QObject::connect(&client, &advocate::SurvivorClient::messageReceived, &app,
                     [](qint64, const QString &body) { say(text("Advocate: %1").arg(plain(body))); });
    // "Delivered" means the advocate's workstation acknowledged the message (it holds everything up to it).
    QList<qint64> ownSeqs;
    qint64 deliveredUpTo = 0;
    QObject::connect(&client, &advocate::SurvivorClient::messageAccepted, &app,
                     [&ownSeqs](const QString &, qint64 seq) { ownSeqs.append(seq); });
    QObject::connect(&client, &advocate::SurvivorClient::delivered, &app, [&ownSeqs, &deliveredUpTo](qint64 seq) {
        const bool news = std::any_of(ownSeqs.cbegin(), ownSeqs.cend(),
                                      [&](qint64 own) { return own > deliveredUpTo && own <= seq; });
        deliveredUpTo = qMax(deliveredUpTo, seq);
        if (news)
            say(text("(Delivered to the advocate.)"));
    });
    QObject::connect(&client, &advocate::SurvivorClient::peerTyping, &app, [](bool active) {
        if (active)
            say(text("(The advocate is typing…)"));
    });
    QObject::connect(&client, &advocate::SurvivorClient::peerStatus, &app, [](bool connected) {
        say(connected ? text("(The advocate is back.)")
                      : text("(The advocate's connection dropped; they may come back in a few minutes.)"));
    });
    QObject::connect(&client, &advocate::SurvivorClient::ended, &app, [](advocate::EndReason reason) {
        // Quick exit also clears what a terminal shows (and its scrollback), as the page leaves no trace.
        if (reason == advocate::EndReason::QuickExit && isatty(STDOUT_FILENO) == 1)
            std::fputs("\033[H\033[2J\033[3J", stdout);
        say(advocate::SurvivorClient::describe(reason));
    });
    QObject::connect(&client, &advocate::SurvivorClient::problem, &app, [&client, &exitCode](const QString &message) {
        complain(message);
        if (client.state() == advocate::SurvivorClient::State::Finished)
            exitCode = 1;
    });
    QObject::connect(&client, &advocate::SurvivorClient::finished, &app, [] { QCoreApplication::quit(); });

    if (runner) {
        QObject::connect(
            runner.get(), &advocate::PersonaRunner::lineSent, &app, [&runner](const QString &step, int line) {
                say(text("%1 (persona): %2")
                        .arg(runner->persona().alias(), plain(runner->persona().step(step)->lines.at(line).text)));
            });
        QObject::connect(runner.get(), &advocate::PersonaRunner::finished, &app, [&client] {
            if (client.state() == advocate::SurvivorClient::State::Finished)
                QCoreApplication::quit();
        });
    }

    // Lines from stdin, read as they come; the end of input ends the chat like /end. A persona types its own lines.
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    input.setEnabled(!runner);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got > 0)
            pending.append(buffer, got);
        qsizetype newline = 0;
        while ((newline = pending.indexOf('\n')) >= 0) {
            QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            if (line.endsWith(u'\r'))
                line.chop(1);
            switch (client.submitLine(line)) {
            case advocate::SurvivorClient::LineAction::Held:
                say(text("(It will be sent when an advocate joins.)"));
                break;
            case advocate::SurvivorClient::LineAction::Ignored:
                if (!line.trimmed().isEmpty() && client.state() != advocate::SurvivorClient::State::Finished)
                    complain(text("Not sent: a message can have at most %1 characters.").arg(client.maxMessageChars()));
                break;
            default:
                break;
            }
        }
        if (got <= 0) {
            input.setEnabled(false);
            if (client.state() != advocate::SurvivorClient::State::Finished)
                client.end();
        }
    });

    advocate::SurvivorClient::Options options;
    if (parser.isSet(aliasOption))
        options.alias = parser.value(aliasOption);
    if (parser.isSet(languageOption))
        options.language = parser.value(languageOption);
    if (parser.isSet(reconnectOption))
        options.reconnectDelay = std::chrono::seconds(1);
    options.practice = parser.isSet(practiceOption);
    if (runner) {
        say(text("Playing the persona “%1” (%2, %3): %4")
                .arg(persona->title(), persona->name(), persona->language(), persona->description()));
        runner->start(QUrl(parser.value(relayOption)), {pace, std::chrono::seconds(1)});
    } else {
        client.start(QUrl(parser.value(relayOption)), options);
    }
    say(text("Connecting to %1 …").arg(parser.value(relayOption)));
    const int eventLoopCode = QCoreApplication::exec();
    return eventLoopCode != 0 ? eventLoopCode : exitCode;
}
