// SPDX-License-Identifier: GPL-3.0-only
// Responsiveness of the transcript view (issue 5, item 14), on the offscreen platform:
//   QT_QPA_PLATFORM=offscreen build/bench/bench/ui/transcript_view_bench [MESSAGES] [APPENDS] [RATE_MS]
// Loads 4 conversations of MESSAGES (default 5000) messages into TranscriptModels, shows one in the real
// TranscriptView with the real MessageDelegate, appends APPENDS (default 1000) more to it every RATE_MS (default
// 10) ms, each append followed by the scroll to the newest entry and a synchronous repaint, then switches
// between the 4 conversations 40 times. Prints the UI-thread time per load, append and switch (median, p95,
// max) and the peak RSS.
#include "TranscriptView.h"
#include "cache/ShiftCache.h"
#include "client/Chat.h"
#include "client/ClientSession.h"
#include "client/Shift.h"
#include "client/TranscriptModel.h"
#include "common/SystemClock.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace advocate;

namespace {

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
    std::size_t overFrame = 0; // longer than one 60 Hz frame (16.7 ms)
};

Stats stats(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::sort(ms.begin(), ms.end());
    const auto over =
        static_cast<std::size_t>(std::count_if(ms.cbegin(), ms.cend(), [](double t) { return t > 16.7; }));
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back(), over};
}

QString sentence(QRandomGenerator &random, int index)
{
    static const QStringList words{
        QStringLiteral("safe"),  QStringLiteral("talk"),    QStringLiteral("tonight"),
        QStringLiteral("phone"), QStringLiteral("worried"), QStringLiteral("shelter"),
        QStringLiteral("kids"),  QStringLiteral("help"),    QStringLiteral("<b>not bold</b>")};
    QStringList picked;
    const int count = 3 + static_cast<int>(random.bounded(40));
    for (int i = 0; i < count; ++i)
        picked.append(words.at(static_cast<int>(random.bounded(static_cast<int>(words.size())))));
    return QStringLiteral("%1 %2").arg(index).arg(picked.join(QChar(u' ')));
}

Chat::Entry entry(QRandomGenerator &random, int index)
{
    Chat::Entry made;
    const bool survivor = index % 2 == 0;
    made.direction = survivor ? MessageDirection::FromSurvivor : MessageDirection::FromAdvocate;
    made.author = survivor ? QStringLiteral("Survivor") : QStringLiteral("You");
    made.text = sentence(random, index);
    made.at = QDateTime::currentDateTimeUtc();
    made.seq = index + 1;
    if (!survivor)
        made.delivery = DeliveryState::Delivered;
    if (!survivor)
        made.clientId = QStringLiteral("c%1").arg(index);
    return made;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

void print(const char *what, const Stats &s, std::size_t count)
{
    std::printf("%-30s n=%-6zu median %7.3f ms  p95 %7.3f ms  max %7.3f ms  >16.7 ms: %zu\n", what, count, s.median,
                s.p95, s.max, s.overFrame);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int messages = args.size() > 1 ? args.at(1).toInt() : 5000;
    const int appends = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int rateMs = args.size() > 3 ? args.at(3).toInt() : 10;
    QRandomGenerator random(42);

    TranscriptView view;
    view.resize(700, 600);
    view.QWidget::show();
    QApplication::processEvents();
    std::printf("transcript view benchmark: 4 conversations x %d messages, %d appends every %d ms (offscreen)\n",
                messages, appends, rateMs);
    std::printf("peak RSS before loading: %.1f MiB\n", peakRssMiB());

    // Chats of a shift with no relay and a cache that is never opened: the view's side of the work only.
    QTemporaryDir folder;
    ShiftCache::Options cacheOptions;
    cacheOptions.directory = folder.filePath(QStringLiteral("cache"));
    cacheOptions.keychainService = QStringLiteral("org.advocatedesk.bench");
    cacheOptions.keyName = QStringLiteral("never-used");
    ClientSession session;
    ShiftCache cache(cacheOptions);
    Shift shift(session, cache, std::make_shared<SystemClock>());
    std::vector<Chat *> chats;
    std::vector<std::unique_ptr<TranscriptModel>> models;
    std::vector<double> loads;
    for (int c = 0; c < 4; ++c) {
        QList<Chat::Entry> entries;
        entries.reserve(messages);
        for (int i = 0; i < messages; ++i)
            entries.append(entry(random, i));
        auto *chat = new Chat(shift, QStringLiteral("c%1").arg(c), QStringLiteral("en"), QString(),
                              QDateTime::currentDateTimeUtc());
        auto model = std::make_unique<TranscriptModel>();
        model->setChat(chat);
        QElapsedTimer timer;
        timer.start();
        chat->restore(entries, false, QString());
        view.showTranscript(model.get());
        view.viewport()->repaint();
        loads.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        models.push_back(std::move(model));
        chats.push_back(chat);
    }
    print("load 5000 and show", stats(loads), loads.size());

    // Appends at a steady rate into the shown conversation; the UI thread time of each is the append, the scroll
    // to the end and a synchronous repaint. Between appends the event loop runs (batched layout goes on there).
    view.showTranscript(models.front().get());
    std::vector<double> appendTimes;
    std::vector<double> loopTimes;
    for (int i = 0; i < appends; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Chat::Entry next = entry(random, messages + i);
        chats.front()->receive(next.seq, next.text, next.at);
        view.scrollToBottom();
        view.viewport()->repaint();
        appendTimes.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        // Until the next append, run the event loop and time each pass through it that did some work.
        const QDeadlineTimer next(rateMs);
        while (!next.hasExpired()) {
            QElapsedTimer slice;
            slice.start();
            QApplication::processEvents(QEventLoop::AllEvents);
            const double ms = static_cast<double>(slice.nsecsElapsed()) / 1e6;
            if (ms > 0.05)
                loopTimes.push_back(ms);
            else
                QThread::usleep(200);
        }
    }
    print("append (+scroll, repaint)", stats(appendTimes), appendTimes.size());
    print("event-loop pass with work", stats(loopTimes), loopTimes.size());

    std::vector<double> switches;
    for (int i = 0; i < 40; ++i) {
        TranscriptModel *target = models.at(static_cast<std::size_t>((i + 1) % 4)).get();
        QElapsedTimer timer;
        timer.start();
        view.showTranscript(target);
        view.viewport()->repaint();
        switches.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QApplication::processEvents();
    }
    print("switch (+repaint)", stats(switches), switches.size());
    std::printf("peak RSS: %.1f MiB\n", peakRssMiB());
    return 0;
}
