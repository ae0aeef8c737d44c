// SPDX-License-Identifier: GPL-3.0-only
// A shift on the real relay with the real encrypted cache under the test keyring: messages reach the cache,
// ending is refused while chats are open unless a reason is typed, the wipe leaves nothing, and a crashed
// shift's transcripts come back from the cache.
#include "client/Shift.h"
#include "AwaitResult.h"

#include "LoopbackRelay.h"
#include "WireClient.h"
#include "cache/ShiftCache.h"
#include "common/ManualClock.h"
#include "common/SystemClock.h"

#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::await;
using advocate::test::LoopbackRelay;
using advocate::test::WireClient;

namespace {

class ShiftTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(relay.start());
        ASSERT_TRUE(folder.isValid());
        options.directory = folder.path();
        options.keychainService = QStringLiteral("org.advocatedesk.tests.client-shift");
        options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.clock = clock;
    }

    std::unique_ptr<WireClient> survivor()
    {
        auto page = std::make_unique<WireClient>(relay.url());
        EXPECT_TRUE(page->connectAndGreet());
        page->send(frame::Start{1, 1, QStringLiteral("Rosa"), QStringLiteral("en")});
        EXPECT_TRUE(page->next<frame::Session>());
        return page;
    }

    void signIn(ClientSession &session)
    {
        session.signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
        ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 10000));
    }

    QString take(Shift &shift)
    {
        QString id;
        QObject context;
        QObject::connect(&shift, &Shift::chatAdded, &context, [&](Chat *chat) { id = chat->id(); });
        shift.takeNext();
        return QTest::qWaitFor([&] { return !id.isEmpty(); }, 10000) ? id : QString();
    }

    // Starts the shift, signs in, and takes the chat of a new survivor (`page`); returns the conversation.
    QString startWithChat(Shift &shift, std::unique_ptr<WireClient> &page)
    {
        const CacheResult started = await<CacheResult>([&](auto done) { shift.start(done); });
        EXPECT_TRUE(started.ok()) << qPrintable(started.message);
        page = survivor();
        signIn(shift.session());
        const QString id = take(shift);
        EXPECT_FALSE(id.isEmpty());
        return id;
    }

    LoopbackRelay relay;
    QTemporaryDir folder;
    std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    ShiftCache::Options options;
};

} // namespace

TEST_F(ShiftTest, EveryMessageBothWaysIsWrittenToTheCache)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    ASSERT_FALSE(id.isEmpty());
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("canary-from-survivor")});
    Chat *transcript = shift.chat(id);
    ASSERT_NE(transcript, nullptr);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (const Chat::Entry &entry : transcript->entries()) {
                if (entry.direction == MessageDirection::FromSurvivor)
                    return entry.text == QStringLiteral("canary-from-survivor");
            }
            return false;
        },
        5000));
    const QString clientId = transcript->send(QStringLiteral("canary-from-advocate"));
    const auto atPage = page->next<frame::Message>();
    ASSERT_TRUE(atPage);
    page->send(frame::Ack{id, atPage->seq});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto row = transcript->rowOfClientId(clientId);
            return row && transcript->entries().at(*row).delivery == DeliveryState::Delivered;
        },
        5000));
    QTest::qWait(200);
    const MessagesResult stored = await<MessagesResult>([&](auto done) { cache.loadMessages(id, done); });
    ASSERT_TRUE(stored.result.ok());
    QStringList texts;
    for (const MessageRecord &record : stored.messages)
        texts.append(record.text);
    EXPECT_TRUE(texts.contains(QStringLiteral("canary-from-survivor")));
    EXPECT_TRUE(texts.contains(QStringLiteral("canary-from-advocate")));
    EXPECT_TRUE(shift.lastCacheError().isEmpty()) << qPrintable(shift.lastCacheError());
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("test over"), done); });
}

TEST_F(ShiftTest, EndingIsRefusedWhileAChatIsOpenAndListsIt)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    const Shift::EndResult refused = await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("  "), done); });
    EXPECT_TRUE(refused.refused);
    EXPECT_EQ(refused.openConversations, QStringList{id});
    EXPECT_EQ(cache.state(), ShiftCache::State::Open);
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("test over"), done); });
}

TEST_F(ShiftTest, ATypedReasonOverridesTheRefusalEndsTheChatAndWipesTheCache)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    shift.chat(id)->send(QStringLiteral("canary-wipe"));
    const Shift::EndResult ended =
        await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("fire alarm"), done); });
    EXPECT_FALSE(ended.refused);
    EXPECT_TRUE(ended.wipe.complete) << qPrintable(ended.wipe.message);
    EXPECT_TRUE(ended.wipe.filesLeft.isEmpty());
    // The chat is not ended: it goes back to the front of the queue and the survivor is told (issue 11 item 4).
    EXPECT_EQ(page->next<frame::AdvocateChanged>()->reason, HandoffReason::Queue);
    EXPECT_TRUE(page->all<frame::Ended>().isEmpty());
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
    EXPECT_TRUE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_F(ShiftTest, AfterACrashTheTranscriptsComeBackFromTheCache)
{
    QString id;
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        std::unique_ptr<WireClient> page;
        id = startWithChat(shift, page);
        page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("before the crash")});
        ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chat(id)->entries().size() >= 2; }, 5000));
        shift.chat(id)->send(QStringLiteral("my answer"));
        // The writes commit (waited for, not slept for: a read on the one writer thread comes after them); then
        // the workstation "crashes" (no wipe).
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return await<MessagesResult>([&](auto done) { cache.loadMessages(id, done); }).messages.size() == 2;
            },
            30000));
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    const RecoveryResult recovered = await<RecoveryResult>([&](auto done) { shift.recover(done); });
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chat(id) && shift.chat(id)->entries().size() == 2; }, 5000));
    EXPECT_EQ(shift.chat(id)->entries().at(0).text, QStringLiteral("before the crash"));
    EXPECT_EQ(shift.chat(id)->entries().at(1).text, QStringLiteral("my answer"));
    EXPECT_EQ(shift.chats().size(), 1);
    const Shift::EndResult ended = await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
    EXPECT_TRUE(ended.wipe.complete);
}

TEST_F(ShiftTest, TheCodeWordAndPromptsAreKeptPerConversationInMemory)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    EXPECT_FALSE(shift.chat(id)->promptGiven(Chat::Prompt::SafetyCheck));
    shift.chat(id)->send(QStringLiteral("Are you worried …?"), {CannedFlag::SafetyCheck});
    EXPECT_TRUE(shift.chat(id)->promptGiven(Chat::Prompt::SafetyCheck));
    EXPECT_FALSE(shift.chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_EQ(page->next<frame::Message>()->body, QStringLiteral("Are you worried …?"));
    shift.chat(id)->setCodeWord(QStringLiteral("canary-codeword"));
    EXPECT_EQ(shift.chat(id)->codeWord(), QStringLiteral("canary-codeword"));
    QTest::qWait(200);
    const NotesResult notes = await<NotesResult>([&](auto done) { cache.loadNotes(done); });
    for (const NoteRecord &note : notes.notes)
        EXPECT_FALSE(note.text.contains(QStringLiteral("canary-codeword")));
    QPointer<Chat> chat = shift.chat(id);
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
    EXPECT_TRUE(chat.isNull()) << "the chat, with its code word, goes with the shift";
    EXPECT_EQ(shift.chat(id), nullptr);
}

TEST_F(ShiftTest, AMessageStartedFromANoticeEntryMarksTheNoticeGivenEvenWhenEdited)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    shift.chat(id)->send(QStringLiteral("plain words"));
    EXPECT_NE(shift.chat(id)->noticeState(), NoticeReminder::State::Given);
    EXPECT_FALSE(shift.chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    shift.chat(id)->send(QStringLiteral("my own wording of the notice"), {CannedFlag::MandatoryReporting});
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::Given);
    EXPECT_TRUE(shift.chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_FALSE(shift.chat(id)->promptGiven(Chat::Prompt::SafetyCheck));
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
}

TEST_F(ShiftTest, TheNoticeReminderIsDueAfterTheProgramsThresholdAndLaterPostponesIt)
{
    auto manual = std::make_shared<ManualClock>();
    options.clock = manual;
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, manual);
    shift.setCannedLibrary(CannedLibrary::fromJson(R"({"version":1,"policy":{"noticeReminderMinutes":5},"entries":[]})",
                                                   QStringLiteral("test.json")));
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::NotYetDue);
    manual->advance(std::chrono::minutes(4));
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::NotYetDue);
    manual->advance(std::chrono::minutes(1));
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::Due);
    shift.chat(id)->dismissNoticeReminder();
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::NotYetDue);
    manual->advance(std::chrono::minutes(5));
    EXPECT_EQ(shift.chat(id)->noticeState(), NoticeReminder::State::Due);
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
}

TEST_F(ShiftTest, PersonalEntriesLiveInTheCacheComeBackAfterACrashAndEndWithTheShift)
{
    const QJsonObject mine{
        {QStringLiteral("id"), QStringLiteral("personal.1")},
        {QStringLiteral("category"), QStringLiteral("resources")},
        {QStringLiteral("shortcut"), QStringLiteral("mine")},
        {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("My shelter")}}},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), QStringLiteral("canary-personal shelter text")}}}};
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        shift.setCannedLibrary(CannedLibrary::shippedDefault());
        ASSERT_TRUE(await<CacheResult>([&](auto done) { shift.start(done); }).ok());
        QSignalSpy changed(&shift, &Shift::cannedLibraryChanged);
        EXPECT_TRUE(shift.addPersonalCanned(mine).isEmpty());
        EXPECT_EQ(changed.size(), 1);
        ASSERT_NE(shift.cannedLibrary().find(QStringLiteral("personal.1")), nullptr);
        // A clash with a program shortcut is refused with the reason, and nothing is stored.
        QJsonObject clash = mine;
        clash.insert(QStringLiteral("id"), QStringLiteral("personal.2"));
        clash.insert(QStringLiteral("shortcut"), QStringLiteral("safe"));
        const QList<CannedIssue> refused = shift.addPersonalCanned(clash);
        ASSERT_FALSE(refused.isEmpty());
        EXPECT_TRUE(refused.first().message.contains(QStringLiteral("shortcut")));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return await<PersonalCannedResult>([&](auto done) { cache.loadPersonalCanned(done); }).entries.size() ==
                       1;
            },
            30000));
        // The workstation "crashes" here: no wipe.
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    shift.setCannedLibrary(CannedLibrary::shippedDefault());
    QSignalSpy changed(&shift, &Shift::cannedLibraryChanged);
    ASSERT_EQ(await<RecoveryResult>([&](auto done) { shift.recover(done); }).outcome, RecoveryOutcome::Resumable);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.cannedLibrary().find(QStringLiteral("personal.1")); }, 30000));
    EXPECT_EQ(shift.cannedLibrary().search(QStringLiteral("/mine")).first()->id, QStringLiteral("personal.1"));
    EXPECT_GE(changed.size(), 1);
    const Shift::EndResult ended = await<Shift::EndResult>([&](auto done) { shift.end(QString(), done); });
    EXPECT_TRUE(ended.wipe.complete);
    EXPECT_EQ(shift.cannedLibrary().find(QStringLiteral("personal.1")), nullptr);
    EXPECT_NE(shift.cannedLibrary().find(QStringLiteral("safety.device")), nullptr);
}

TEST_F(ShiftTest, AfterACrashANoticeAlreadySentStillCountsAsGivenAndAPlainMessageDoesNot)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const CannedResponse *notice = library.find(QStringLiteral("notice.confidentiality"));
    ASSERT_NE(notice, nullptr);
    QString given;
    QString plain;
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        shift.setCannedLibrary(library);
        std::unique_ptr<WireClient> page;
        given = startWithChat(shift, page);
        std::unique_ptr<WireClient> other;
        other = survivor();
        plain = take(shift);
        ASSERT_FALSE(plain.isEmpty());
        // Sent with its placeholders filled and a line of the advocate's own.
        QString text = notice->texts.value(QStringLiteral("en"));
        text.replace(QStringLiteral("{program}"), QStringLiteral("Safe Harbor"));
        shift.chat(given)->send(text + QStringLiteral(" Any questions so far?"), notice->flags);
        shift.chat(plain)->send(QStringLiteral("Thank you for telling me. How are you feeling right now?"));
        ASSERT_EQ(shift.chat(given)->noticeState(), NoticeReminder::State::Given);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return await<MessagesResult>([&](auto done) { cache.loadMessages(QString(), done); }).messages.size() ==
                       2;
            },
            30000));
        // The workstation "crashes" here: no wipe.
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    shift.setCannedLibrary(library);
    ASSERT_EQ(await<RecoveryResult>([&](auto done) { shift.recover(done); }).outcome, RecoveryOutcome::Resumable);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chat(plain) && !shift.chat(plain)->entries().isEmpty(); }, 30000));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return shift.chat(given)->noticeState() == NoticeReminder::State::Given; }, 30000));
    EXPECT_TRUE(shift.chat(given)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_FALSE(shift.chat(given)->promptGiven(Chat::Prompt::SafetyCheck));
    EXPECT_NE(shift.chat(plain)->noticeState(), NoticeReminder::State::Given);
    EXPECT_TRUE(await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); }).wipe.complete);
}

TEST_F(ShiftTest, MessagesTheRelayNoLongerHeldAreSaidInTheTranscript)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    Chat *transcript = shift.chat(id);
    ASSERT_NE(transcript, nullptr);
    const auto before = transcript->entries().size();
    // What ClientSession reports after a paged gap fetch found the oldest messages gone (ClientSessionTest covers
    // the fetch itself against a relay that trims).
    Q_EMIT session.historyTrimmed(id, 1, 12, 12);
    ASSERT_EQ(transcript->entries().size(), before + 1);
    const Chat::Entry notice = transcript->entries().at(before);
    EXPECT_EQ(notice.direction, MessageDirection::System);
    EXPECT_EQ(notice.text, ClientSession::describeTrimmed(12));
    await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); });
}

TEST_F(ShiftTest, TheDraftIsSavedToTheCacheAsItChangesAndComesBackAfterACrash)
{
    QString id;
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        std::unique_ptr<WireClient> page;
        id = startWithChat(shift, page);
        Chat *chat = shift.chat(id);
        chat->setDraft(QStringLiteral("canary-dr"));
        chat->setDraft(QStringLiteral("canary-draft half typed"));
        // Debounced: written once the typing rests, not per keystroke.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const NotesResult notes = await<NotesResult>([&](auto done) { cache.loadNotes(done); });
                return std::any_of(notes.notes.cbegin(), notes.notes.cend(), [](const NoteRecord &note) {
                    return note.kind == NoteKind::Draft && note.text == QStringLiteral("canary-draft half typed");
                });
            },
            30000));
        // The workstation "crashes" here: no wipe.
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    ASSERT_EQ(await<RecoveryResult>([&](auto done) { shift.recover(done); }).outcome, RecoveryOutcome::Resumable);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chat(id) && !shift.chat(id)->draft().isEmpty(); }, 30000));
    EXPECT_EQ(shift.chat(id)->draft(), QStringLiteral("canary-draft half typed"));
    EXPECT_TRUE(await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); }).wipe.complete);
}

TEST_F(ShiftTest, DeliveryNeverGoesBackwardsAlsoAfterACrashResume)
{
    QString id;
    QString delivered;
    QString sent;
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        std::unique_ptr<WireClient> page;
        id = startWithChat(shift, page);
        Chat *chat = shift.chat(id);
        delivered = chat->send(QStringLiteral("first"));
        const auto first = page->next<frame::Message>();
        ASSERT_TRUE(first);
        page->send(frame::Ack{id, first->seq});
        sent = chat->send(QStringLiteral("second, not acknowledged"));
        ASSERT_TRUE(page->next<frame::Message>());
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const MessagesResult stored = await<MessagesResult>([&](auto done) { cache.loadMessages(id, done); });
                int matched = 0;
                for (const MessageRecord &record : stored.messages) {
                    matched += record.clientMessageId == delivered && record.deliveryState == DeliveryState::Delivered;
                    matched += record.clientMessageId == sent && record.deliveryState == DeliveryState::Sent &&
                               record.relaySequence.has_value();
                }
                return matched == 2;
            },
            30000));
        // The workstation "crashes" here: no wipe.
    }
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    ASSERT_EQ(await<RecoveryResult>([&](auto done) { shift.recover(done); }).outcome, RecoveryOutcome::Resumable);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chat(id) && shift.chat(id)->entries().size() == 2; }, 30000));
    Chat *chat = shift.chat(id);
    auto state = [&](const QString &clientId) { return chat->entries().at(*chat->rowOfClientId(clientId)).delivery; };
    EXPECT_EQ(state(delivered), DeliveryState::Delivered);
    EXPECT_EQ(state(sent), DeliveryState::Sent);
    // Reports replayed after the resume move nothing back.
    Q_EMIT session.messageAccepted(id, delivered, 1);
    Q_EMIT session.messageFailed(id, sent);
    Q_EMIT session.messageFailed(id, delivered);
    EXPECT_EQ(state(delivered), DeliveryState::Delivered);
    EXPECT_EQ(state(sent), DeliveryState::Sent);
    // The session is told what the cache holds, so the resume fetches only what follows.
    EXPECT_EQ(chat->contiguousSeq(), 2);
    EXPECT_EQ(session.lastSeq(id), 2);
    EXPECT_TRUE(await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); }).wipe.complete);
}

TEST_F(ShiftTest, AMessageSentAgainAfterARelayRestartFollowsItsNewSeq)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    Chat *chat = shift.chat(id);
    const QString clientId = chat->send(QStringLiteral("sent before the restart"));
    const auto first = page->next<frame::Message>();
    ASSERT_TRUE(first);
    auto entry = [&] { return chat->entries().at(*chat->rowOfClientId(clientId)); };
    ASSERT_TRUE(QTest::qWaitFor([&] { return entry().seq == first->seq; }, 10000));
    // The relay restarted before the survivor acknowledged it; after reclaimed it is accepted again, numbered anew.
    Q_EMIT session.messageAccepted(id, clientId, first->seq + 5);
    EXPECT_EQ(entry().seq, first->seq + 5);
    EXPECT_EQ(entry().delivery, DeliveryState::Sent);
    Q_EMIT session.delivered(id, first->seq + 4); // the survivor's ack of what came before it
    EXPECT_EQ(entry().delivery, DeliveryState::Sent);
    Q_EMIT session.delivered(id, first->seq + 5);
    EXPECT_EQ(entry().delivery, DeliveryState::Delivered);
    EXPECT_TRUE(await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("x"), done); }).wipe.complete);
}

TEST_F(ShiftTest, EndingTheShiftForgetsEveryChatAndAllItHeld)
{
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, clock);
    std::unique_ptr<WireClient> page;
    const QString id = startWithChat(shift, page);
    QPointer<Chat> chat = shift.chat(id);
    chat->setDraft(QStringLiteral("canary-draft"));
    chat->setCodeWord(QStringLiteral("canary-codeword"));
    chat->send(QStringLiteral("canary-sent"));
    QSignalSpy cleared(&shift, &Shift::chatsCleared);
    const Shift::EndResult ended =
        await<Shift::EndResult>([&](auto done) { shift.end(QStringLiteral("fire alarm"), done); });
    EXPECT_TRUE(ended.wipe.complete);
    EXPECT_EQ(cleared.size(), 1);
    EXPECT_TRUE(chat.isNull());
    EXPECT_TRUE(shift.chats().isEmpty());
    EXPECT_FALSE(shift.onShift());
    EXPECT_FALSE(shift.available());
}

TEST_F(ShiftTest, TheShiftWarnsBeforeTheProgramsMaximumLengthAndAtItEndsAndWipes)
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.maxShiftMinutes = 60;
    LoopbackRelay program(config);
    ASSERT_TRUE(program.start());
    auto manual = std::make_shared<ManualClock>();
    options.clock = manual;
    ShiftCache cache(options);
    ClientSession session;
    Shift shift(session, cache, manual);
    EXPECT_EQ(shift.maxShiftLength(), std::chrono::hours(12)) << "until a relay says otherwise";
    ASSERT_TRUE(await<CacheResult>([&](auto done) { shift.start(done); }).ok());
    auto page = std::make_unique<WireClient>(program.url());
    ASSERT_TRUE(page->connectAndGreet());
    page->send(frame::Start{1, 1, QStringLiteral("Rosa"), QStringLiteral("en")});
    ASSERT_TRUE(page->next<frame::Session>());
    session.signIn(program.url(), QStringLiteral("ana"), LoopbackRelay::password);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 10000));
    EXPECT_EQ(shift.maxShiftLength(), std::chrono::minutes(60));
    shift.takeNext();
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift.chats().size() == 1; }, 10000));

    QSignalSpy warned(&shift, &Shift::maxLengthApproaching);
    QSignalSpy ended(&shift, &Shift::ended);
    manual->advance(std::chrono::minutes(29));
    shift.checkShiftLength();
    EXPECT_TRUE(warned.isEmpty());
    manual->advance(std::chrono::minutes(1));
    shift.checkShiftLength();
    ASSERT_EQ(warned.size(), 1);
    EXPECT_EQ(warned.first().first().toInt(), 30);
    manual->advance(std::chrono::minutes(29));
    shift.checkShiftLength();
    EXPECT_EQ(warned.size(), 1) << "warned once";
    EXPECT_TRUE(ended.isEmpty());

    manual->advance(std::chrono::minutes(1));
    shift.checkShiftLength();
    EXPECT_TRUE(shift.chats().isEmpty());
    EXPECT_FALSE(shift.onShift());
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
    ASSERT_TRUE(ended.wait(30000));
    const auto result = ended.first().first().value<Shift::EndResult>();
    EXPECT_TRUE(result.maximumLengthReached);
    EXPECT_TRUE(result.wipe.complete) << qPrintable(result.wipe.message);
    EXPECT_TRUE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // At the limit the chat is handed to the queue, not ended: the survivor waits first in line for the next advocate.
    const auto back = page->next<frame::AdvocateChanged>();
    ASSERT_TRUE(back);
    EXPECT_EQ(back->reason, HandoffReason::Queue);
    EXPECT_TRUE(page->all<frame::Ended>().isEmpty());
}
