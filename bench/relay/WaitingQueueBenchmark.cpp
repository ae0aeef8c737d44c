// SPDX-License-Identifier: GPL-3.0-only
// The waiting room under load (issue 16). Router::refreshQueued looks up every waiting survivor's position and
// estimate whenever the queue changes; this times one such pass over a room of 1,000 to 3,000 survivors in two
// languages, and, for scale, filling the room. Google Benchmark:
//   build/bench/bench/relay/waiting_queue_bench
#include "relay/WaitingQueue.h"

#include <benchmark/benchmark.h>

#include <QString>

using advocate::WaitingQueue;

namespace {

void fill(WaitingQueue &queue, quint64 survivors)
{
    const QString languages[] = {QStringLiteral("en"), QStringLiteral("es")};
    for (quint64 s = 1; s <= survivors; ++s)
        queue.enqueue(s, languages[s % 2], static_cast<qint64>(s));
}

void fillingTheWaitingRoom(benchmark::State &state)
{
    const auto survivors = static_cast<quint64>(state.range(0));
    for (auto _ : state) {
        WaitingQueue queue(static_cast<int>(survivors));
        fill(queue, survivors);
        benchmark::DoNotOptimize(queue.size());
    }
}

void refreshingEveryPosition(benchmark::State &state)
{
    const auto survivors = static_cast<quint64>(state.range(0));
    WaitingQueue queue(static_cast<int>(survivors));
    fill(queue, survivors);
    const WaitingQueue &waiting = queue;
    for (auto _ : state) {
        for (const WaitingQueue::SessionId session : waiting.all()) {
            benchmark::DoNotOptimize(waiting.position(session));
            benchmark::DoNotOptimize(waiting.estimatedWaitSeconds(session));
        }
    }
}

} // namespace

BENCHMARK(fillingTheWaitingRoom)->Arg(1000)->Arg(2000)->Arg(3000)->Unit(benchmark::kMicrosecond);
BENCHMARK(refreshingEveryPosition)->Arg(1000)->Arg(2000)->Arg(3000)->Unit(benchmark::kMicrosecond);
