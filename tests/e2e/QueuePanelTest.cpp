// SPDX-License-Identifier: GPL-3.0-only
// The queue panel and the cap label of the real main window against the real relay on loopback: each language
// with how many wait and the longest wait (no alias, no content), and the relay's cap rather than the desk's.
#include "LoopbackRelay.h"
#include "MainWindow.h"
#include "WireClient.h"
#include "Workstation.h"
#include "cache/ShiftCache.h"
#include "client/ClientSession.h"
#include "client/Shift.h"
#include "common/SystemClock.h"

#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;
using advocate::test::WireClient;

namespace {

RelayConfig capThree()
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.advocateCap = 3;
    return config;
}

class QueuePanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(relay.start());
        ASSERT_TRUE(folder.isValid());
        ShiftCache::Options options;
        options.directory = folder.filePath(QStringLiteral("cache"));
        options.keychainService = QStringLiteral("org.advocatedesk.tests.queue-panel");
        options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.clock = clock;
        Workstation::Options built;
        built.cache = options;
        built.clock = clock;
        built.cannedLibrary = CannedLibrary();
        built.cap = 1; // what --cap would say; the relay's signed_in overrides it
        workstation = std::make_unique<Workstation>(built);
        session = &workstation->session();
        window = &workstation->window();
        window->show();
    }

    std::unique_ptr<WireClient> survivor(const QString &language, const QString &alias)
    {
        auto page = std::make_unique<WireClient>(relay.url());
        EXPECT_TRUE(page->connectAndGreet());
        page->send(frame::Start{1, 1, alias, language});
        EXPECT_TRUE(page->next<frame::Session>());
        return page;
    }

    void signIn()
    {
        QSignalSpy failed(session, &ClientSession::signInFailed);
        session->signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
        ASSERT_TRUE(QTest::qWaitFor([&] { return session->state() == ClientSession::State::SignedIn; }, 30000))
            << (failed.isEmpty() ? "no error" : qPrintable(failed.first().at(1).toString()));
    }

    QLabel *label(const QString &name) const { return window->findChild<QLabel *>(name); }

    LoopbackRelay relay{capThree()};
    QTemporaryDir folder;
    std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    std::unique_ptr<Workstation> workstation;
    ClientSession *session = nullptr;
    QPointer<MainWindow> window;
};

} // namespace

TEST_F(QueuePanelTest, ShowsEachLanguageWithHowManyWaitAndTheLongestWait)
{
    auto first = survivor(QStringLiteral("es"), QStringLiteral("canary-alias-one"));
    relay.clock().advance(std::chrono::seconds(4 * 60 + 10));
    auto second = survivor(QStringLiteral("es"), QStringLiteral("canary-alias-two"));
    auto third = survivor(QStringLiteral("en"), QStringLiteral("canary-alias-three"));
    signIn();
    QLabel *queue = label(QStringLiteral("queueSummary"));
    ASSERT_NE(queue, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return queue->text().contains(QLatin1String("Spanish")); }, 10000))
        << qPrintable(queue->text());
    EXPECT_TRUE(queue->text().contains(QStringLiteral("Spanish — 2 waiting, longest 4 min")))
        << qPrintable(queue->text());
    EXPECT_TRUE(queue->text().contains(QStringLiteral("English — 1 waiting, longest under 1 min")))
        << qPrintable(queue->text());
    EXPECT_FALSE(queue->text().contains(QLatin1String("canary")));
    EXPECT_EQ(queue->accessibleName(), QStringLiteral("Waiting survivors"));
    EXPECT_EQ(queue->accessibleDescription(), queue->text());

    // The relay refreshes the summary, so the longest wait ages without anyone joining or leaving.
    relay.clock().advance(std::chrono::seconds(60));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return queue->text().contains(QStringLiteral("Spanish — 2 waiting, longest 5 min")); }, 10000))
        << qPrintable(queue->text());
}

TEST_F(QueuePanelTest, TheCapLabelShowsTheRelaysCap)
{
    QLabel *cap = label(QStringLiteral("capLabel"));
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(cap->text(), QStringLiteral("Chats open: 0 of 1"));
    signIn();
    EXPECT_TRUE(QTest::qWaitFor([&] { return cap->text() == QStringLiteral("Chats open: 0 of 3"); }, 10000))
        << qPrintable(cap->text());
}
