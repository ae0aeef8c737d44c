// SPDX-License-Identifier: GPL-3.0-only
// The fault suite (issue 15 item 2), the workstation's side: the real workstation and a survivor (a WebSocket client)
// chat through the real relay on loopback; while both send a burst of numbered messages a fault is injected on the
// workstation's side, and the test counts, for each direction, the messages sent, delivered, lost, duplicated and out
// of order, and the time from the end of the fault until the chat could continue. Goal: 0 lost, 0 duplicated,
// nothing out of order. The faults last ADVOCATE_FAULT_SECONDS (3 s in the test run; scripts/faults sets 60) and each
// case prints its row of the fault table.
#include "WorkstationFixture.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTimer>

#include <cstdio>

namespace advocate::test {
namespace {

// One direction of the chat: the bodies sent, and every body the other side received (duplicates included).
struct Direction
{
    QStringList sent;
    QStringList received;

    struct Summary
    {
        int sent = 0;
        int delivered = 0;
        int lost = 0;
        int duplicated = 0;
        int outOfOrder = 0;
    };

    Summary summary() const
    {
        Summary result;
        QHash<QString, int> times;
        for (const QString &body : received)
            ++times[body];
        QHash<QString, int> place;
        for (int i = 0; i < sent.size(); ++i)
            place.insert(sent.at(i), i);
        result.sent = int(sent.size());
        for (const QString &body : sent) {
            const int count = times.value(body);
            result.delivered += count > 0 ? 1 : 0;
            result.duplicated += std::max(0, count - 1);
        }
        result.lost = result.sent - result.delivered;
        // First arrivals in the order they came; each must come after every message sent before it.
        QSet<QString> seen;
        int previous = -1;
        for (const QString &body : received) {
            if (!place.contains(body) || seen.contains(body))
                continue;
            seen.insert(body);
            if (place.value(body) < previous)
                ++result.outOfOrder;
            previous = place.value(body);
        }
        return result;
    }

    bool allArrived() const { return summary().lost == 0; }
};

class DeskFaultsTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        WorkstationTest::SetUp();
        // The loopback relay's clock is a ManualClock; here it keeps step with real time, so that the relay's rate
        // limits refill and its windows pass as they would over a fault of a minute.
        realTime.start();
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [this] {
            const qint64 now = realTime.elapsed();
            relay.clock().advance(std::chrono::milliseconds(now - advanced));
            advanced = now;
        });
        ticker.start(50);
    }

    static int faultSeconds()
    {
        const int seconds = qEnvironmentVariableIntValue("ADVOCATE_FAULT_SECONDS");
        return seconds > 0 ? seconds : 3;
    }
    static int burst() { return faultSeconds() >= 30 ? 20 : 6; }
    static constexpr int spacingMs = 250; // four messages a second from each side

    // The workstation writes `text` in the chat as an advocate does (the draft, then Send).
    void deskSays(const QString &text, Direction &toSurvivor)
    {
        toSurvivor.sent.append(text);
        shift->chat(conversation)->setDraft(text);
        shift->chat(conversation)->sendDraft();
    }

    void survivorSays(const QString &text, Direction &toDesk)
    {
        toDesk.sent.append(text);
        page->send(frame::Send{conversation, QStringLiteral("s%1").arg(++survivorIds), text});
    }

    // What each side has received so far: the survivor's message frames, the chat's entries from the survivor.
    void collect(Direction &toSurvivor, Direction &toDesk) const
    {
        toSurvivor.received.clear();
        for (const frame::Message &message : page->all<frame::Message>())
            toSurvivor.received.append(message.body);
        toDesk.received.clear();
        if (const Chat *chat = shift->chat(conversation)) {
            for (const Chat::Entry &entry : chat->entries()) {
                if (entry.direction == MessageDirection::FromSurvivor)
                    toDesk.received.append(entry.text);
            }
        }
    }

    // Both sides send `count` numbered messages; `midway` runs after half of them.
    void bothSay(const QString &label, int count, Direction &toSurvivor, Direction &toDesk,
                 const std::function<void()> &midway = {})
    {
        for (int i = 1; i <= count; ++i) {
            deskSays(QStringLiteral("A %1 %2").arg(label).arg(i), toSurvivor);
            survivorSays(QStringLiteral("S %1 %2").arg(label).arg(i), toDesk);
            if (i == (count + 1) / 2 && midway)
                midway();
            QTest::qWait(spacingMs);
        }
    }

    // Runs one case: a burst each way with the fault beginning in its middle, another burst while it lasts, the end
    // of the fault, one more message each way; then counts and prints the row.
    void runCase(const char *name, const QString &what, const std::function<void()> &begin,
                 const std::function<void()> &end)
    {
        Direction toSurvivor;
        Direction toDesk;
        bothSay(QStringLiteral("around"), burst(), toSurvivor, toDesk, begin);
        bothSay(QStringLiteral("during"), burst(), toSurvivor, toDesk);
        QTest::qWait(std::max(0, faultSeconds() * 1000 - 2 * burst() * spacingMs));
        end();
        QElapsedTimer sinceEnd;
        sinceEnd.start();
        deskSays(QStringLiteral("A after"), toSurvivor);
        survivorSays(QStringLiteral("S after"), toDesk);
        finish(name, what, toSurvivor, toDesk, sinceEnd, [&] { collect(toSurvivor, toDesk); });
    }

    // Waits until both "after" messages and everything sent has arrived (or patience runs out: what did not arrive is
    // counted as lost), lets a late duplicate come in, then reports the case. `collect` refreshes what was received.
    void finish(const char *name, const QString &what, Direction &toSurvivor, Direction &toDesk,
                const QElapsedTimer &sinceEnd, const std::function<void()> &collect)
    {
        qint64 continuedMs = -1;
        [[maybe_unused]] const bool everything = QTest::qWaitFor(
            [&] {
                collect();
                const bool after = toSurvivor.received.contains(QStringLiteral("A after")) &&
                                   toDesk.received.contains(QStringLiteral("S after"));
                if (after && continuedMs < 0)
                    continuedMs = sinceEnd.elapsed();
                return after && toSurvivor.allArrived() && toDesk.allArrived();
            },
            patience);
        // Everything the relay sent the survivor before its pong has arrived: a late duplicate would be in.
        page->send(frame::Ping{});
        EXPECT_TRUE(page->next<frame::Pong>(patience));
        collect();
        report(name, what, toSurvivor, toDesk, continuedMs);
    }

    // Prints the case's rows of the fault table and checks the goal: nothing lost, duplicated or out of order.
    static void report(const char *name, const QString &what, const Direction &toSurvivor, const Direction &toDesk,
                       qint64 continuedMs)
    {
        const Direction::Summary out = toSurvivor.summary();
        const Direction::Summary in = toDesk.summary();
        const QString continued = continuedMs < 0 ? QStringLiteral("never")
                                                  : QStringLiteral("%1 s").arg(double(continuedMs) / 1000, 0, 'f', 1);
        std::printf("| %s | %s | advocate → survivor | %d | %d | %d | %d | %d | %s |\n"
                    "| | | survivor → advocate | %d | %d | %d | %d | %d | |\n",
                    name, qPrintable(what), out.sent, out.delivered, out.lost, out.duplicated, out.outOfOrder,
                    qPrintable(continued), in.sent, in.delivered, in.lost, in.duplicated, in.outOfOrder);
        std::fflush(stdout);
        for (const Direction::Summary &d : {out, in}) {
            EXPECT_EQ(d.lost, 0);
            EXPECT_EQ(d.duplicated, 0);
            EXPECT_EQ(d.outOfOrder, 0);
        }
        EXPECT_GE(continuedMs, 0) << "the chat did not continue";
    }

    void openChat(const QUrl &relayUrl)
    {
        signInAndStart(relayUrl);
        page = survivor();
        conversation = takeNext(*page);
        ASSERT_FALSE(conversation.isEmpty());
    }

    QElapsedTimer realTime;
    qint64 advanced = 0;
    QTimer ticker;
    std::unique_ptr<WireClient> page;
    QString conversation;
    int survivorIds = 0;
};

// The workstation as a process of its own (DeskFaultChild.cpp), so that it can be killed with SIGKILL and started
// again on the same cache and keychain entry.
class DeskProcess
{
public:
    DeskProcess(const QUrl &relay, const QString &cacheDirectory, const QString &keyName, const QString &service)
        : m_arguments{relay.toString(), cacheDirectory, keyName, service}
    {
    }

    ~DeskProcess() { kill(); }

    void start()
    {
        m_lines.clear();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] {
            while (m_process->canReadLine())
                m_lines.append(QString::fromUtf8(m_process->readLine()).trimmed());
        });
        m_process->start(QStringLiteral(ADVOCATE_DESK_FAULT_CHILD_EXE), m_arguments);
        m_process->write(LoopbackRelay::password.toUtf8() + '\n');
    }

    void command(const QString &line) { m_process->write(line.toUtf8() + '\n'); }

    // SIGKILL: no destructor, no close of the socket or the cache.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(patience);
        }
    }

    // Wipes the cache and waits for the process to end; says what went wrong otherwise.
    ::testing::AssertionResult quit()
    {
        command(QStringLiteral("quit"));
        if (!m_process->waitForFinished(patience))
            return ::testing::AssertionFailure()
                   << "still running after the quit; its last lines: "
                   << qPrintable(m_lines.mid(std::max<qsizetype>(0, m_lines.size() - 5)).join(QStringLiteral(" / ")));
        if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0)
            return ::testing::AssertionFailure()
                   << "ended with status " << int(m_process->exitStatus()) << ", code " << m_process->exitCode();
        return ::testing::AssertionSuccess();
    }

    // The text after `prefix` of the first line since the start that begins with it, waiting for it if need be.
    std::optional<QString> waitFor(const QString &prefix)
    {
        std::optional<QString> found;
        [[maybe_unused]] const bool arrived = QTest::qWaitFor(
            [&] {
                for (const QString &line : std::as_const(m_lines)) {
                    if (line.startsWith(prefix)) {
                        found = line.mid(prefix.size());
                        return true;
                    }
                }
                return false;
            },
            patience);
        return found;
    }

    // The messages from the survivor the workstation's chat holds now, in its order.
    QStringList received()
    {
        m_lines.removeIf(
            [](const QString &line) { return line.startsWith(QStringLiteral("got ")) || line == u"dumped"; });
        command(QStringLiteral("dump"));
        if (!waitFor(QStringLiteral("dumped")))
            return {};
        QStringList texts;
        for (const QString &line : std::as_const(m_lines)) {
            if (line.startsWith(QStringLiteral("got ")))
                texts.append(line.mid(4));
        }
        return texts;
    }

    // Every text the advocate has sent (pressed Send on) in this process.
    QStringList said() const
    {
        QStringList texts;
        for (const QString &line : m_lines) {
            if (line.startsWith(QStringLiteral("said ")))
                texts.append(line.mid(5));
        }
        return texts;
    }

private:
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    QStringList m_lines;
};

TEST_F(DeskFaultsTest, TheWorkstationKilledInTheMiddleOfABurstAndStartedAgainLosesAndDuplicatesNothing)
{
    // The survivor waits; the workstation, a process of its own, signs in and takes the chat.
    page = survivor();
    DeskProcess desk(relay.url(), folder.filePath(QStringLiteral("killed-desk-cache")),
                     QUuid::createUuid().toString(QUuid::WithoutBraces), options.keychainService);
    desk.start();
    const auto id = desk.waitFor(QStringLiteral("chat "));
    ASSERT_TRUE(id);
    conversation = *id;
    ASSERT_TRUE(page->next<frame::ConversationStarted>(patience));

    // A burst each way; half-way through, the workstation is killed. What its advocate sent before counts as sent.
    Direction toSurvivor;
    Direction toDesk;
    bool killed = false;
    QStringList saidBeforeTheKill;
    for (int i = 1; i <= burst(); ++i) {
        if (!killed)
            desk.command(QStringLiteral("say A around %1").arg(i));
        survivorSays(QStringLiteral("S around %1").arg(i), toDesk);
        if (i == (burst() + 1) / 2) {
            QTest::qWait(spacingMs); // the last "say" reaches the workstation while it runs
            saidBeforeTheKill = desk.said();
            desk.kill();
            killed = true;
        }
        QTest::qWait(spacingMs);
    }
    for (int i = 1; i <= burst(); ++i) {
        survivorSays(QStringLiteral("S during %1").arg(i), toDesk);
        QTest::qWait(spacingMs);
    }
    QTest::qWait(std::max(0, faultSeconds() * 1000 - 2 * burst() * spacingMs));

    // Started again: the cache brings the chat back, the sign-in resumes it; what shows as failed is sent again.
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    desk.start();
    ASSERT_EQ(desk.waitFor(QStringLiteral("chat ")), conversation);
    ASSERT_TRUE(desk.waitFor(QStringLiteral("signed-in")));
    desk.command(QStringLiteral("retry"));
    ASSERT_TRUE(desk.waitFor(QStringLiteral("retried ")));
    desk.command(QStringLiteral("say A after"));
    ASSERT_TRUE(desk.waitFor(QStringLiteral("said A after")));
    toSurvivor.sent = saidBeforeTheKill + desk.said();
    survivorSays(QStringLiteral("S after"), toDesk);
    finish("workstation-killed",
           QStringLiteral("the workstation killed (SIGKILL) and started again after %1 s").arg(faultSeconds()),
           toSurvivor, toDesk, sinceEnd, [&] {
               toSurvivor.received.clear();
               for (const frame::Message &message : page->all<frame::Message>())
                   toSurvivor.received.append(message.body);
               toDesk.received = desk.received();
           });
    EXPECT_TRUE(desk.quit());
}

TEST_F(DeskFaultsTest, TheAdvocatesNetworkCutInTheMiddleOfABurstLosesAndDuplicatesNothing)
{
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    openChat(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())));
    runCase(
        "advocate-network-cut", QStringLiteral("the advocate's network cut for %1 s").arg(faultSeconds()),
        [&] { proxy.cut(); }, [&] { proxy.restore(); });
}

TEST_F(DeskFaultsTest, TheAdvocatesNetworkStalledInTheMiddleOfABurstLosesAndDuplicatesNothing)
{
    // A stalled network: nothing closes, no byte passes, until it comes back.
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    openChat(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())));
    runCase(
        "advocate-network-stalled", QStringLiteral("the advocate's network stalled for %1 s").arg(faultSeconds()),
        [&] { proxy.pause(); }, [&] { proxy.resume(); });
}

} // namespace
} // namespace advocate::test
