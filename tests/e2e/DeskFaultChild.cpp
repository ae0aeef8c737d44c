// SPDX-License-Identifier: GPL-3.0-only
// A workstation in a process of its own for DeskFaultsTest: the test kills it with SIGKILL in the middle of a shift
// and starts it again on the same cache, as a crash and a restart would. Built as advocate-desk builds itself
// (Workstation, the one composition root): the start recovers what the cache holds and signs in with the password
// on the first line of stdin; a first shift takes the next chat.
//   desk_fault_child RELAY_URL CACHE_DIRECTORY KEY_NAME KEYCHAIN_SERVICE   (the password, then commands on stdin)
// Commands, one a line after the password:
//   say TEXT   the advocate writes TEXT in the chat and sends it; answered "said TEXT" once it is in the chat
//   retry      every message the chat shows as failed is sent again, as the advocate does by keyboard; "retried N"
//   dump       "got TEXT" for each message from the survivor the chat holds, in its order, then "dumped"
//   quit       ends the shift's cache (wiped) and exits
// It prints "chat ID" when it has the chat (taken at the first start, back from the cache after a restart) and
// "signed-in" once the relay has signed it in. Test data only: the texts are made up by the test.
#include "Workstation.h"
#include "cache/CacheResults.h"
#include "canned/CannedLibrary.h"
#include "client/Chat.h"
#include "client/Shift.h"

#include <QApplication>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <optional>

#include <unistd.h>

using namespace advocate;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: desk_fault_child RELAY_URL CACHE_DIRECTORY KEY_NAME KEYCHAIN_SERVICE\n");
        return 2;
    }
    // stdin is read without stdio's buffer and without a thread of its own (a thread blocked in a read would be left
    // behind at exit): the password line first, then one command a line as they come.
    auto readLine = [](QByteArray &pending) -> std::optional<QByteArray> {
        const qsizetype end = pending.indexOf('\n');
        if (end < 0)
            return std::nullopt;
        QByteArray line = pending.left(end);
        pending.remove(0, end + 1);
        return line;
    };
    QByteArray pending;
    std::optional<QByteArray> password;
    while (!(password = readLine(pending))) {
        char buffer[256];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0)
            return 2;
        pending.append(buffer, got);
    }

    Workstation::Options options;
    options.cache.directory = args.at(2);
    options.cache.keyName = args.at(3);
    options.cache.keychainService = args.at(4);
    options.settings.relayUrl = {QUrl(args.at(1)), SettingSource::CommandLine};
    options.userName = QStringLiteral("ana");
    options.cannedLibrary = CannedLibrary();
    options.cap = 4;
    Workstation workstation(options);
    Shift &shift = workstation.shift();
    QPointer<Chat> chat;
    QObject::connect(&shift, &Shift::chatAdded, &app, [&](Chat *added) {
        chat = added;
        say(QStringLiteral("chat ") + added->id());
    });
    QObject::connect(&workstation, &Workstation::shiftStarted, &app, [&](const QString &, bool resumed) {
        say(QStringLiteral("signed-in"));
        if (!resumed)
            shift.takeNext();
    });

    auto command = [&](const QString &line) {
        if (line.startsWith(QStringLiteral("say ")) && chat) {
            const QString text = line.mid(4);
            chat->setDraft(text);
            chat->sendDraft();
            say(QStringLiteral("said ") + text);
        } else if (line == QStringLiteral("retry") && chat) {
            QStringList failed;
            for (const Chat::Entry &entry : chat->entries()) {
                if (entry.delivery == DeliveryState::Failed)
                    failed.append(entry.clientId);
            }
            for (const QString &clientId : std::as_const(failed))
                chat->retry(clientId);
            say(QStringLiteral("retried %1").arg(failed.size()));
        } else if (line == QStringLiteral("dump")) {
            if (chat) {
                for (const Chat::Entry &entry : chat->entries()) {
                    if (entry.direction == MessageDirection::FromSurvivor)
                        say(QStringLiteral("got ") + entry.text);
                }
            }
            say(QStringLiteral("dumped"));
        } else if (line == QStringLiteral("quit")) {
            workstation.cache().wipe([&app](const WipeResult &) { app.quit(); });
        } else {
            say(QStringLiteral("unknown ") + line);
        }
    };
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            input.setEnabled(false); // the test closed its end
            return;
        }
        pending.append(buffer, got);
        while (const auto line = readLine(pending))
            command(QString::fromUtf8(*line));
    });
    // Commands that came with the password.
    QTimer::singleShot(0, &app, [&] {
        while (const auto line = readLine(pending))
            command(QString::fromUtf8(*line));
    });

    workstation.start(QString::fromUtf8(*password));
    return app.exec();
}
