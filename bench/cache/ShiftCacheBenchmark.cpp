// SPDX-License-Identifier: GPL-3.0-only
// Cost of the encrypted shift cache (issue 3, item 7). Needs the keychain:
//   scripts/with-test-keyring build/bench/bench/cache/shift_cache_bench [MESSAGES] [WIPE_MESSAGES] [FOLDER]
// 1. appends MESSAGES (default 2000) messages through the ShiftCache API, encrypted, then the same through
//    the same code with no key (same schema, same settings), five rounds with the order of the two swapped
//    from one round to the next, and prints the median wall time and process CPU time of each and their
//    ratios (wall time is mostly fsync, so the CPU ratio is the one that shows the cost of the encryption);
// 2. times wipe() of an encrypted cache holding WIPE_MESSAGES (default 50000) messages.
// Every append is its own committed transaction (synchronous = FULL), as in real use. FOLDER (default: a new
// temporary folder) should be on the disk the workstation would use; /tmp may be a RAM disk.
#include "cache/ShiftCache.h"
#include "common/SystemClock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace advocate;

namespace {

// Runs the event loop until `done` holds (QTest is not available to non-test targets).
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

template <typename Result>
Result await(const std::function<void(std::function<void(Result)>)> &call)
{
    std::optional<Result> result;
    call([&result](Result r) { result = std::move(r); });
    waitFor([&result] { return result.has_value(); }, 600000);
    return result.value_or(Result{});
}

ShiftCache::Options optionsFor(const QString &directory, bool encrypted)
{
    ShiftCache::Options options;
    options.directory = directory;
    options.keychainService = QStringLiteral("org.advocatedesk.bench.shift-cache");
    options.keyName = QStringLiteral("bench-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QChar(u'0'));
    options.clock = std::make_shared<SystemClock>();
    options.withoutEncryptionForBenchmark = !encrypted;
    return options;
}

struct Cost
{
    double wallMs = 0;
    double cpuMs = 0; // user + system time of the whole process (the writer thread does the work)
};

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return static_cast<double>(t.tv_sec) * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// Appends `count` messages (all queued at once, then waits for the last acknowledgement).
Cost appendMessages(ShiftCache &cache, int count)
{
    const QString text = QStringLiteral("A message of ordinary length from a survivor, about eighty characters long. ");
    int acknowledged = 0;
    int failed = 0;
    QElapsedTimer timer;
    timer.start();
    const double cpuAtStart = processCpuMs();
    for (int i = 0; i < count; ++i) {
        MessageRecord message;
        message.conversationId = QStringLiteral("conversation-%1").arg(i % 4);
        message.direction = i % 2 == 0 ? MessageDirection::FromSurvivor : MessageDirection::FromAdvocate;
        message.authorDisplayName = QStringLiteral("Advocate");
        message.text = text;
        message.createdAt = QDateTime::currentDateTimeUtc();
        message.clientMessageId = QStringLiteral("m-%1").arg(i);
        cache.appendMessage(message,
                            [&](const WriteResult &written) { ++(written.result.ok() ? acknowledged : failed); });
    }
    waitFor([&] { return acknowledged + failed == count; }, 3600000);
    const Cost cost{static_cast<double>(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpuAtStart};
    if (failed > 0)
        std::fprintf(stderr, "%d appends failed\n", failed);
    return cost;
}

std::optional<Cost> timeAppends(const QString &directory, bool encrypted, int count)
{
    ShiftCache cache(optionsFor(directory, encrypted));
    const CacheResult started = await<CacheResult>([&](auto done) { cache.startShift(done); });
    if (!started.ok()) {
        std::fprintf(stderr, "shift start failed: %s\n", qPrintable(started.message));
        return std::nullopt;
    }
    const Cost cost = appendMessages(cache, count);
    await<WipeResult>([&](auto done) { cache.wipe(done); });
    return cost;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int messages = args.size() > 1 ? args.at(1).toInt() : 2000;
    const int wipeMessages = args.size() > 2 ? args.at(2).toInt() : 50000;
    QTemporaryDir temporary(args.size() > 3 ? args.at(3) + QStringLiteral("/shift-cache-bench-XXXXXX") : QString());
    if (!temporary.isValid() || messages <= 0 || wipeMessages < 0) {
        std::fputs("usage: shift_cache_bench [MESSAGES] [WIPE_MESSAGES] [FOLDER]\n", stderr);
        return 2;
    }
    std::printf("folder: %s\n", qPrintable(temporary.path()));

    constexpr int rounds = 5;
    std::vector<double> encryptedWall, encryptedCpu, plainWall, plainCpu;
    for (int round = 0; round < rounds; ++round) {
        // Which one runs first alternates per round, so that neither always gets the warmer (or the more
        // fragmented) disk and page cache.
        const bool encryptedFirst = round % 2 == 0;
        std::optional<Cost> encrypted;
        std::optional<Cost> plain;
        for (const bool encryptedNow : {encryptedFirst, !encryptedFirst}) {
            const QString folder = temporary.filePath(
                (encryptedNow ? QStringLiteral("encrypted-%1") : QStringLiteral("plain-%1")).arg(round));
            (encryptedNow ? encrypted : plain) = timeAppends(folder, encryptedNow, messages);
            if (!(encryptedNow ? encrypted : plain))
                return 1;
        }
        encryptedWall.push_back(encrypted->wallMs);
        encryptedCpu.push_back(encrypted->cpuMs);
        plainWall.push_back(plain->wallMs);
        plainCpu.push_back(plain->cpuMs);
    }
    const double ew = median(encryptedWall), ec = median(encryptedCpu), pw = median(plainWall), pc = median(plainCpu);
    std::printf("append %d messages, median of %d rounds   wall ms   us/msg   cpu ms   cpu us/msg\n", messages, rounds);
    std::printf("  ShiftCache, SQLCipher (encrypted)   %9.1f %8.1f %8.1f %10.1f\n", ew, ew * 1000 / messages, ec,
                ec * 1000 / messages);
    std::printf("  same code, no key (unencrypted)     %9.1f %8.1f %8.1f %10.1f\n", pw, pw * 1000 / messages, pc,
                pc * 1000 / messages);
    std::printf("ratio encrypted / unencrypted: wall %.2f, cpu %.2f\n", ew / pw, ec / pc);

    ShiftCache cache(optionsFor(temporary.filePath(QStringLiteral("wipe")), true));
    const CacheResult started = await<CacheResult>([&](auto done) { cache.startShift(done); });
    if (!started.ok()) {
        std::fprintf(stderr, "shift start failed: %s\n", qPrintable(started.message));
        return 1;
    }
    const double filling = appendMessages(cache, wipeMessages).wallMs;
    QElapsedTimer timer;
    timer.start();
    const WipeResult wiped = await<WipeResult>([&](auto done) { cache.wipe(done); });
    const double wipeMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("filled a cache with %d messages in %.1f ms\n", wipeMessages, filling);
    std::printf("wipe() of that cache: %.1f ms (complete: %s; %s)\n", wipeMs, wiped.complete ? "yes" : "no",
                qPrintable(wiped.message));
    return wiped.complete ? 0 : 1;
}
