// SPDX-License-Identifier: GPL-3.0-only
// Time from a colleague's `transfer_accept` to the moment they can reply (issue 12): the relay on loopback in this
// process, three WebSocket clients (a survivor, ana, ben), one conversation with a 20-message transcript handed back
// and forth. The clock stops when the receiver holds `conversation_started` and the transcript page's `fetched`.
// Prints the median, 95th percentile and worst of the rounds. A plain program:
//   build/bench/bench/relay/handoff_latency_bench [rounds]
#include "common/ManualClock.h"
#include "protocol/FrameCodec.h"
#include "relay/RelayServer.h"
#include "relay/StaffAccounts.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <vector>

using namespace advocate;

namespace {

const QString password = QStringLiteral("benchmark password");

class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            const DecodeResult<RelayFrame> decoded = m_codec.decodeRelayFrame(text.toUtf8());
            if (decoded.ok())
                m_frames.push_back(*decoded.frame);
        });
        m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    }
    void send(const ClientFrame &frame) { m_socket.sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame))); }
    template <typename T>
    T next()
    {
        for (;;) {
            for (auto it = m_frames.begin(); it != m_frames.end(); ++it) {
                if (const auto *typed = std::get_if<T>(&*it)) {
                    T found = *typed;
                    m_frames.erase(m_frames.begin(), it + 1);
                    return found;
                }
            }
            QEventLoop loop;
            QTimer::singleShot(5, &loop, &QEventLoop::quit);
            QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

private:
    QWebSocket m_socket;
    FrameCodec m_codec{ProtocolLimits{1 << 20, 1 << 20}};
    std::deque<RelayFrame> m_frames;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(10, QString::fromLocal8Bit(argv[1]).toInt()) : 200;
    ManualClock clock;
    StaffAccounts accounts(clock, 3, 15);
    (void)accounts.addUser(QStringLiteral("ana"), Role::Advocate, password);
    (void)accounts.addUser(QStringLiteral("ben"), Role::Advocate, password);
    RelayConfig config;
    config.advocateCap = 4;
    config.silenceSeconds = 24 * 3600;
    config.framesPerSecond = 100000;
    config.frameBurst = 100000;
    RelayServer server(config, &clock, &accounts);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "handoff_latency_bench: the relay cannot listen\n");
        return 1;
    }
    Client survivor(server.port()), ana(server.port()), ben(server.port());
    survivor.next<frame::Hello>();
    survivor.send(frame::Start{1, config.noticeVersion, QStringLiteral("Rosa"), std::nullopt});
    survivor.next<frame::Session>();
    Client *staff[] = {&ana, &ben};
    const QString users[] = {QStringLiteral("ana"), QStringLiteral("ben")};
    for (int i = 0; i < 2; ++i) {
        staff[i]->next<frame::Hello>();
        staff[i]->send(frame::SignIn{1, users[i], password});
        staff[i]->next<frame::SignedIn>();
    }
    ana.send(frame::TakeNext{});
    const QString id = ana.next<frame::ConversationStarted>().conversation;
    survivor.next<frame::ConversationStarted>();
    for (int m = 0; m < 20; ++m)
        survivor.send(frame::Send{id, QStringLiteral("s%1").arg(m), QStringLiteral("a line of the transcript")});
    for (int m = 0; m < 20; ++m)
        ana.next<frame::Message>();

    std::vector<double> ms;
    const QString note = QStringLiteral("{\"summary\":\"Wants to talk about a safe place.\"}");
    for (int round = 0; round < rounds; ++round) {
        Client &from = *staff[round % 2];
        Client &to = *staff[(round + 1) % 2];
        from.send(frame::Transfer{id, frame::TransferTarget::Advocate, users[(round + 1) % 2], note});
        const QString offer = to.next<frame::TransferOffer>().offer;
        QElapsedTimer timer;
        timer.start();
        to.send(frame::TransferAccept{offer});
        to.next<frame::ConversationStarted>();
        to.next<frame::Fetched>();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        from.next<frame::TransferStatus>(); // pending
        from.next<frame::TransferStatus>(); // accepted
    }
    std::sort(ms.begin(), ms.end());
    std::printf("handoff_latency_bench: %d handoffs of a chat with a 20-message transcript on loopback\n", rounds);
    std::printf("  accept -> receiver can reply: median %.2f ms, p95 %.2f ms, worst %.2f ms\n", ms[ms.size() / 2],
                ms[ms.size() * 95 / 100], ms.back());
    return 0;
}
