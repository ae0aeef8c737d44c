// SPDX-License-Identifier: GPL-3.0-only
// Load benchmark for the relay (issue 4, item 11). Not a test: run it by hand on an optimised build.
// Starts the real advocate-relay program on loopback (push routing, cap 4), signs in the advocates, opens the
// survivors' sockets, lets each side of every conversation send a message every few seconds, and prints
// messages per second, delivery latency p50/p99/max and the relay's peak RSS (VmHWM).
//
//   relay_load_bench [--survivors 1000] [--advocates 250] [--seconds 60] [--interval-ms 3000]
#include "common/SystemClock.h"
#include "protocol/FrameCodec.h"
#include "relay/StaffAccounts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace advocate;

namespace {

QElapsedTimer benchClock;

struct Peer
{
    std::unique_ptr<QWebSocket> socket;
    bool survivor = false;
    QStringList conversations;
    bool ready = false;
    qint64 nextClientId = 0;
};

struct Totals
{
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 errors = 0;
    std::vector<qint64> latenciesUs;
    bool measuring = false;
};

qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void sendFrame(QWebSocket &socket, const ClientFrame &frame)
{
    socket.sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption relayOption(QStringLiteral("relay"), QStringLiteral("advocate-relay executable."),
                                         QStringLiteral("path"), QStringLiteral(ADVOCATE_RELAY_EXE));
    const QCommandLineOption survivorsOption(QStringLiteral("survivors"), QStringLiteral("Survivor sockets."),
                                             QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption advocatesOption(QStringLiteral("advocates"), QStringLiteral("Advocate sockets."),
                                             QStringLiteral("n"), QStringLiteral("250"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Measured time."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-ms"),
                                            QStringLiteral("Mean time between one side's messages."),
                                            QStringLiteral("ms"), QStringLiteral("3000"));
    parser.addOptions({relayOption, survivorsOption, advocatesOption, secondsOption, intervalOption});
    parser.process(app);
    const int survivors = parser.value(survivorsOption).toInt();
    const int advocates = parser.value(advocatesOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const int intervalMs = parser.value(intervalOption).toInt();
    const int cap = std::clamp((survivors + advocates - 1) / std::max(1, advocates), 1, 4);
    benchClock.start();

    // One argon2id hash for every advocate (same password): hashing 250 times would only slow the set-up.
    QTemporaryDir dir;
    const SystemClock clock;
    StaffAccounts one(clock);
    if (one.addUser(QStringLiteral("a"), Role::Advocate, QStringLiteral("load test password")))
        return 1;
    const QString hash = one.accounts().first().hash;
    QFile accounts(dir.filePath(QStringLiteral("accounts")));
    if (!accounts.open(QIODevice::WriteOnly))
        return 1;
    for (int i = 0; i < advocates; ++i)
        accounts.write(QStringLiteral("adv%1:advocate:enabled:%2\n").arg(i).arg(hash).toUtf8());
    accounts.close();
    QFile config(dir.filePath(QStringLiteral("relay.conf")));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(QStringLiteral("program_name = Load\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
                                "languages = en\nport = 0\nrouting = push\nadvocate_cap = %1\nqueue_limit = %2\n"
                                "account_file = %3\n"
                                // Every client comes from 127.0.0.1: lift the per-source caps.
                                "max_connections = 100000\nmax_connections_per_source = 100000\n"
                                "max_survivor_sessions_per_source = 100000\nframe_burst = 1000\n")
                     .arg(cap)
                     .arg(survivors + 10)
                     .arg(accounts.fileName())
                     .toUtf8());
    config.close();

    QProcess relay;
    relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relay.start(parser.value(relayOption), {QStringLiteral("--config"), config.fileName()});
    QString out;
    const QRegularExpression listening(QStringLiteral("port (\\d+)"));
    if (!waitUntil(
            [&] {
                out += QString::fromUtf8(relay.readAllStandardOutput());
                return listening.match(out).hasMatch() || relay.state() == QProcess::NotRunning;
            },
            30000) ||
        !listening.match(out).hasMatch()) {
        std::fprintf(stderr, "relay did not start\n");
        return 1;
    }
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(listening.match(out).captured(1)));
    const qint64 relayPid = relay.processId();

    Totals totals;
    const FrameCodec codec(ProtocolLimits{1 << 20, 1 << 20});
    std::vector<std::unique_ptr<Peer>> peers;
    auto addPeer = [&](bool survivor, const ClientFrame &first) {
        auto peer = std::make_unique<Peer>();
        peer->survivor = survivor;
        peer->socket = std::make_unique<QWebSocket>();
        Peer *raw = peer.get();
        QObject::connect(raw->socket.get(), &QWebSocket::textMessageReceived, raw->socket.get(),
                         [raw, first, &codec, &totals](const QString &text) {
                             const DecodeResult<RelayFrame> decoded = codec.decodeRelayFrame(text.toUtf8());
                             if (!decoded.ok())
                                 return;
                             const RelayFrame &frame = *decoded.frame;
                             if (std::holds_alternative<frame::Hello>(frame)) {
                                 sendFrame(*raw->socket, first);
                             } else if (std::holds_alternative<frame::SignedIn>(frame)) {
                                 sendFrame(*raw->socket, frame::SetAvailable{true, std::nullopt});
                                 raw->ready = true;
                             } else if (const auto *started = std::get_if<frame::ConversationStarted>(&frame)) {
                                 raw->conversations.append(started->conversation);
                                 raw->ready = true;
                             } else if (const auto *message = std::get_if<frame::Message>(&frame)) {
                                 const qint64 sentAtUs = message->body.section(u' ', 0, 0).toLongLong();
                                 if (totals.measuring) {
                                     ++totals.delivered;
                                     totals.latenciesUs.push_back(benchClock.nsecsElapsed() / 1000 - sentAtUs);
                                 }
                                 sendFrame(*raw->socket, frame::Ack{message->conversation, message->seq});
                             } else if (std::holds_alternative<frame::Error>(frame)) {
                                 ++totals.errors;
                             }
                         });
        raw->socket->open(url);
        peers.push_back(std::move(peer));
    };

    std::printf("relay_load_bench: %d survivors, %d advocates (cap %d), %d s, one message per side every ~%d ms\n",
                survivors, advocates, cap, seconds, intervalMs);
    std::fflush(stdout);
    QElapsedTimer setup;
    setup.start();
    for (int i = 0; i < advocates; ++i)
        addPeer(false, frame::SignIn{1, QStringLiteral("adv%1").arg(i), QStringLiteral("load test password")});
    if (!waitUntil([&] { return std::all_of(peers.begin(), peers.end(), [](const auto &p) { return p->ready; }); },
                   600000)) {
        std::fprintf(stderr, "advocates did not all sign in\n");
        return 1;
    }
    const qint64 signInMs = setup.restart();
    // Survivors arrive in a burst of 50 every 50 ms (1,000 a second), not all in one instant.
    for (int i = 0; i < survivors; ++i) {
        addPeer(true, frame::Start{1, 1, std::nullopt, QStringLiteral("en")});
        if (i % 50 == 49)
            waitUntil([] { return false; }, 50);
    }
    if (!waitUntil([&] { return std::all_of(peers.begin(), peers.end(), [](const auto &p) { return p->ready; }); },
                   120000)) {
        const auto ready = std::count_if(peers.begin(), peers.end(), [](const auto &p) { return p->ready; });
        const auto open = std::count_if(peers.begin(), peers.end(), [](const auto &p) {
            return p->socket->state() == QAbstractSocket::ConnectedState;
        });
        std::fprintf(stderr, "not every survivor reached an advocate: %lld of %zu ready, %lld open, %lld errors\n",
                     static_cast<long long>(ready), peers.size(), static_cast<long long>(open),
                     static_cast<long long>(totals.errors));
        return 1;
    }
    const qint64 assignMs = setup.elapsed();
    std::printf("set-up: %d advocates signed in in %lld ms; %d survivors connected and assigned in %lld ms\n",
                advocates, static_cast<long long>(signInMs), survivors, static_cast<long long>(assignMs));
    std::fflush(stdout);

    // Every side of every conversation sends on its own jittered timer.
    std::vector<std::unique_ptr<QTimer>> timers;
    for (const auto &peer : peers) {
        for (const QString &conversation : std::as_const(peer->conversations)) {
            auto timer = std::make_unique<QTimer>();
            Peer *raw = peer.get();
            timer->setInterval(intervalMs / 2 + static_cast<int>(QRandomGenerator::global()->bounded(intervalMs)));
            QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [raw, conversation, &totals] {
                if (!totals.measuring)
                    return;
                const QString body = QStringLiteral("%1 load test message with some ordinary text in it")
                                         .arg(benchClock.nsecsElapsed() / 1000);
                sendFrame(*raw->socket,
                          frame::Send{conversation, QStringLiteral("m%1").arg(++raw->nextClientId), body});
                ++totals.sent;
            });
            timer->start();
            timers.push_back(std::move(timer));
        }
    }
    totals.measuring = true;
    QElapsedTimer measured;
    measured.start();
    waitUntil([&] { return measured.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 60000);
    const double elapsedS = double(measured.elapsed()) / 1000.0;
    for (const auto &timer : timers)
        timer->stop();
    waitUntil([&] { return totals.delivered >= totals.sent; }, 10000);
    totals.measuring = false;

    std::sort(totals.latenciesUs.begin(), totals.latenciesUs.end());
    const auto percentile = [&](double p) {
        if (totals.latenciesUs.empty())
            return 0.0;
        const auto index = static_cast<std::size_t>(p * double(totals.latenciesUs.size() - 1));
        return double(totals.latenciesUs[index]) / 1000.0;
    };
    std::printf("messages: %lld sent, %lld delivered, %lld errors; %.0f messages/s delivered\n",
                static_cast<long long>(totals.sent), static_cast<long long>(totals.delivered),
                static_cast<long long>(totals.errors), double(totals.delivered) / elapsedS);
    std::printf("delivery latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(0.5), percentile(0.99),
                percentile(1.0));
    std::printf("relay peak RSS (VmHWM): %lld KiB\n", static_cast<long long>(peakRssKb(relayPid)));
    std::fflush(stdout);

    peers.clear();
    relay.terminate();
    relay.waitForFinished(10000);
    return totals.errors == 0 && totals.delivered >= totals.sent ? 0 : 1;
}
