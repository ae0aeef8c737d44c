// SPDX-License-Identifier: GPL-3.0-only
// A child process for ShiftCacheTest: things that need a process of their own (killed with SIGKILL, run
// without a D-Bus session, or holding the cache folder from another process).
//   shift_cache_child burst DIR SERVICE KEY    start a shift, then append messages without end, printing
//                                              "ack <client id>" for each one as soon as it is acknowledged
//   shift_cache_child start DIR SERVICE KEY    start a shift and print "result <error code> <message>"
//   shift_cache_child recover DIR SERVICE KEY  recover and print "recovery <outcome> <error code> <message>"
//   shift_cache_child wipe DIR SERVICE KEY     wipe and print "wipe <complete 0|1> <error code> <message>"
//   shift_cache_child hold DIR SERVICE KEY     start a shift, print "result ...", then keep running
//   shift_cache_child personal DIR SERVICE KEY start a shift, save personal canned entries one after the other,
//                                              printing "saved <id> <entry JSON in base64>" for each one as soon
//                                              as it is acknowledged, then "all-saved", then keep running
#include "cache/ShiftCache.h"
#include "common/SystemClock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>

using namespace advocate;

namespace {

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

class Burst
{
public:
    explicit Burst(ShiftCache &cache) : m_cache(cache) {}

    void appendNext()
    {
        const int number = m_next++;
        MessageRecord message;
        message.conversationId = QStringLiteral("burst-conversation");
        message.direction = MessageDirection::FromAdvocate;
        message.authorDisplayName = QStringLiteral("Advocate");
        message.text = QStringLiteral("burst message %1").arg(number);
        message.createdAt = QDateTime::currentDateTimeUtc();
        message.clientMessageId = QStringLiteral("burst-%1").arg(number);
        m_cache.appendMessage(message, [this, id = message.clientMessageId](const WriteResult &written) {
            if (!written.result.ok()) {
                printLine("error " + written.result.message.toUtf8());
                QCoreApplication::exit(4);
                return;
            }
            printLine("ack " + id.toUtf8());
            appendNext();
        });
    }

private:
    ShiftCache &m_cache;
    int m_next = 0;
};

// Saves the personal entries one after the other; each is acknowledged before the next is asked for.
void savePersonalEntries(ShiftCache &cache, int number)
{
    constexpr int count = 3;
    if (number == count) {
        printLine("all-saved");
        return; // keeps running until killed
    }
    const QString id = QStringLiteral("mine.child-%1").arg(number);
    const QByteArray entry = QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                       {QStringLiteral("category"), QStringLiteral("check_in")},
                                                       {QStringLiteral("title"), QStringLiteral("Mine %1").arg(number)},
                                                       {QStringLiteral("text"), QStringLiteral("Text %1").arg(number)}})
                                 .toJson(QJsonDocument::Compact);
    cache.savePersonalCanned(id, entry, [&cache, number, id, entry](const WriteResult &written) {
        if (!written.result.ok()) {
            printLine("error " + written.result.message.toUtf8());
            QCoreApplication::exit(4);
            return;
        }
        printLine("saved " + id.toUtf8() + ' ' + entry.toBase64());
        savePersonalEntries(cache, number + 1);
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fputs("usage: shift_cache_child burst|start|recover|wipe|hold|personal DIR SERVICE KEY\n", stderr);
        return 2;
    }
    ShiftCache::Options options;
    options.directory = args.at(2);
    options.keychainService = args.at(3);
    options.keyName = args.at(4);
    options.clock = std::make_shared<SystemClock>();
    ShiftCache cache(options);
    Burst burst(cache);
    const QString mode = args.at(1);
    const bool isBurst = mode == QLatin1String("burst");

    if (mode == QLatin1String("recover")) {
        cache.recover([](const RecoveryResult &recovered) {
            printLine("recovery " + QByteArray::number(static_cast<int>(recovered.outcome)) + ' ' +
                      QByteArray::number(static_cast<int>(recovered.result.error)) + ' ' + recovered.message.toUtf8());
            QCoreApplication::exit(0);
        });
        return QCoreApplication::exec();
    }
    if (mode == QLatin1String("wipe")) {
        cache.wipe([](const WipeResult &wiped) {
            printLine("wipe " + QByteArray::number(wiped.complete ? 1 : 0) + ' ' +
                      QByteArray::number(static_cast<int>(wiped.result.error)) + ' ' + wiped.message.toUtf8());
            QCoreApplication::exit(0);
        });
        return QCoreApplication::exec();
    }

    cache.startShift([&](const CacheResult &started) {
        printLine("result " + QByteArray::number(static_cast<int>(started.error)) + ' ' + started.message.toUtf8());
        if (!started.ok()) {
            QCoreApplication::exit(3);
            return;
        }
        if (mode == QLatin1String("hold"))
            return; // keeps the folder's lock until killed
        if (mode == QLatin1String("personal")) {
            savePersonalEntries(cache, 0);
            return;
        }
        if (!isBurst) {
            QCoreApplication::exit(0);
            return;
        }
        // Several writes in flight at once, so that the kill lands between acknowledgements and commits.
        for (int i = 0; i < 4; ++i)
            burst.appendNext();
    });
    return QCoreApplication::exec();
}
