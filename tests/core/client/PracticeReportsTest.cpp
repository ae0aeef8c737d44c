// SPDX-License-Identifier: GPL-3.0-only
// The practice reports of a shift (issue 18 item 3) on the real relay with the real encrypted cache: a practice relay's
// chat gets a report fed by the chat's own events (the draft's warnings fixed or ignored, canned texts unchanged or
// edited, a handoff note with a detail left in), the report comes back after a crash resume and is gone when the shift
// ends; a live relay's chat gets none.
#include "client/PracticeReports.h"
#include "AwaitResult.h"

#include "LoopbackRelay.h"
#include "WireClient.h"
#include "cache/ShiftCache.h"
#include "client/Shift.h"
#include "common/SystemClock.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::await;
using advocate::test::LoopbackRelay;
using advocate::test::WireClient;

namespace {

RelayConfig practiceConfig()
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.practice = true;
    return config;
}

const QString cannedSafety =
    QStringLiteral("Before we go on: is it safe for you to talk right now, and is this device only yours to use?");

class PracticeReportsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(practiceRelay.start());
        ASSERT_TRUE(liveRelay.start());
        ASSERT_TRUE(folder.isValid());
        options.directory = folder.path();
        options.keychainService = QStringLiteral("org.advocatedesk.tests.practice-reports");
        options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.clock = clock;
    }

    // Starts the shift on `relay`, signs in as ana and takes the chat of a new survivor (marked practice on a practice
    // relay); returns the conversation.
    QString startWithChat(Shift &shift, LoopbackRelay &relay, bool practice, std::unique_ptr<WireClient> &page)
    {
        EXPECT_TRUE(await<CacheResult>([&](auto done) { shift.start(done); }).ok());
        page = std::make_unique<WireClient>(relay.url());
        EXPECT_TRUE(page->connectAndGreet());
        frame::Start start{1, 1, QStringLiteral("Practice Rosa"), QStringLiteral("en")};
        start.practice = practice;
        page->send(start);
        EXPECT_TRUE(page->next<frame::Session>());
        shift.session().signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
        EXPECT_TRUE(QTest::qWaitFor([&] { return shift.session().state() == ClientSession::State::SignedIn; }, 10000));
        QString id;
        QObject context;
        QObject::connect(&shift, &Shift::chatAdded, &context, [&](Chat *chat) { id = chat->id(); });
        shift.takeNext();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !id.isEmpty(); }, 10000));
        return id;
    }

    static void survivorWrites(WireClient &page, Chat &chat, const QString &text)
    {
        const qsizetype before = chat.entries().size();
        page.send(frame::Send{chat.id(), QUuid::createUuid().toString(QUuid::WithoutBraces), text});
        ASSERT_TRUE(QTest::qWaitFor([&] { return chat.entries().size() > before; }, 10000));
    }

    static DraftChecks::Warning warning(DraftChecks::Kind kind, qsizetype start, qsizetype length)
    {
        DraftChecks::Warning made;
        made.kind = kind;
        made.start = start;
        made.length = length;
        return made;
    }

    // What the advocate does in the chat: every kind of send the report counts.
    static void advocateWrites(Chat &chat)
    {
        // A canned text sent unchanged, after a draft warning that showed and went away (fixed).
        chat.noteCannedInsertion(cannedSafety, {CannedFlag::SafetyCheck});
        const QString withSlang = QStringLiteral("lol ") + cannedSafety;
        chat.setDraft(withSlang);
        chat.noteDraftWarnings({warning(DraftChecks::Kind::Slang, 0, 3)});
        chat.setDraft(cannedSafety);
        chat.noteDraftWarnings({});
        ASSERT_FALSE(chat.sendDraft().isEmpty());
        // A canned text edited but kept, sent with two warnings still showing (ignored).
        chat.noteCannedInsertion(cannedSafety, {CannedFlag::SafetyCheck});
        const QString edited = QStringLiteral("Before we go on, is it safe for you to talk now, and is this device "
                                              "only yours to use? 🙂🙂");
        chat.setDraft(edited);
        chat.noteDraftWarnings({warning(DraftChecks::Kind::Emoji, edited.size() - 4, 2),
                                warning(DraftChecks::Kind::Emoji, edited.size() - 2, 2)});
        ASSERT_FALSE(chat.sendDraft().isEmpty());
        // The check-in, and a handoff note with a phone number left in.
        ASSERT_FALSE(chat.checkIn(QStringLiteral("Are you still there?"), {CannedFlag::CheckIn}).isEmpty());
        chat.noteHandoffNote(1);
    }

    static PracticeReportsResult cached(ShiftCache &cache)
    {
        return await<PracticeReportsResult>([&](auto done) { cache.loadPracticeReports(done); });
    }

    LoopbackRelay practiceRelay{practiceConfig()};
    LoopbackRelay liveRelay;
    QTemporaryDir folder;
    std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    ShiftCache::Options options;
};

} // namespace

TEST_F(PracticeReportsTest, APracticeChatsReportCountsItsEventsComesBackAfterACrashAndEndsWithTheShift)
{
    QString id;
    std::optional<PracticeReport> before;
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        shift.practiceReports().setDisclosureRecognizer(
            [](const QString &text) { return text.contains(QStringLiteral("my son")); });
        std::unique_ptr<WireClient> page;
        id = startWithChat(shift, practiceRelay, true, page);
        ASSERT_FALSE(id.isEmpty());
        ASSERT_TRUE(shift.practice());
        ASSERT_TRUE(shift.practiceReports().report(id)) << "made when the chat starts";
        survivorWrites(*page, *shift.chat(id), QStringLiteral("hello?"));
        survivorWrites(*page, *shift.chat(id), QStringLiteral("it's about my son"));
        advocateWrites(*shift.chat(id));
        before = shift.practiceReports().report(id);
        ASSERT_TRUE(before);
        EXPECT_EQ(before->survivorMessages(), 2);
        EXPECT_EQ(before->advocateMessages(), 3);
        EXPECT_TRUE(before->timeToFirstReplyMs());
        EXPECT_TRUE(before->safetyCheckMs());
        EXPECT_EQ(before->noticeTiming(), PracticeReport::NoticeTiming::Missing);
        EXPECT_EQ(before->cannedUnchanged(), 1);
        EXPECT_EQ(before->cannedEdited(), 1);
        EXPECT_EQ(before->warningsFixed(), 1);
        EXPECT_EQ(before->warningsIgnored(), 2);
        EXPECT_EQ(before->checkIns(), 1);
        EXPECT_EQ(before->handoffDetailsLeft(), 1);
        EXPECT_FALSE(shift.practiceReports().received(id));
        // Written to the cache as it changes; then the workstation "crashes" (no wipe).
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const PracticeReportsResult read = cached(cache);
                return read.reports.size() == 1 &&
                       PracticeReport::fromJson(QJsonDocument::fromJson(read.reports.first().reportJson).object()) ==
                           before;
            },
            30000));
        EXPECT_TRUE(shift.lastCacheError().isEmpty()) << qPrintable(shift.lastCacheError());
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    ASSERT_EQ(await<RecoveryResult>([&](auto done) { shift.recover(done); }).outcome, RecoveryOutcome::Resumable);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.practiceReports().report(id).has_value(); }, 10000));
    EXPECT_EQ(shift.practiceReports().report(id), before);

    const Shift::EndResult ended = await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
    EXPECT_TRUE(ended.wipe.complete);
    EXPECT_FALSE(shift.practiceReports().report(id));
}

TEST_F(PracticeReportsTest, ALiveChatGetsNoReport)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    shift.practiceReports().setDisclosureRecognizer([](const QString &) { return true; });
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, liveRelay, false, page);
    ASSERT_FALSE(id.isEmpty());
    ASSERT_FALSE(shift.practice());
    survivorWrites(*page, *shift.chat(id), QStringLiteral("hello?"));
    advocateWrites(*shift.chat(id));
    EXPECT_FALSE(shift.practiceReports().report(id));
    const PracticeReportsResult read = cached(cache);
    ASSERT_TRUE(read.result.ok());
    EXPECT_TRUE(read.reports.isEmpty());
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("test over"), done); });
}
