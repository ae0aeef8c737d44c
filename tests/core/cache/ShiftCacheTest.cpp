// SPDX-License-Identifier: GPL-3.0-only
// The shift cache end to end on the real components: SQLCipher files on disk and the Secret Service of the
// test D-Bus session (scripts/with-test-keyring). Without that session these tests fail, they do not skip.
#include "cache/ShiftCache.h"
#include "ShiftCacheTestSupport.h"
#include "cache/CacheFiles.h"
#include "cache/CacheManifest.h"
#include "common/ManualClock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace advocate;
using namespace advocate::test;
using namespace std::chrono_literals;

namespace {

const QString canary = QStringLiteral("CANARY-survivor-7Q2x-said-this");
const QString canaryName = QStringLiteral("CANARY-Author-Name-9kd");
const QString canaryDraft = QStringLiteral("CANARY-draft-text-Lm3");
const QString canaryHandoff = QStringLiteral("CANARY-handoff-note-Zt8");
const QString canaryConversation = QStringLiteral("CANARY-conversation-id-P4w");

class ShiftCacheTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            << "run the tests through scripts/with-test-keyring (scripts/test does)";
        ASSERT_TRUE(root.isValid());
    }
    void TearDown() override { keychainRemove(keyName); }

    std::unique_ptr<ShiftCache> makeCache(std::chrono::milliseconds maxShift = 12h)
    {
        ShiftCache::Options options;
        options.directory = directory;
        options.keychainService = QLatin1String(keychainService);
        options.keyName = keyName;
        options.maxShiftLength = maxShift;
        options.clock = clock;
        return std::make_unique<ShiftCache>(options);
    }

    static CacheResult start(ShiftCache &cache)
    {
        return await<CacheResult>([&](auto done) { cache.startShift(done); });
    }
    static RecoveryResult recover(ShiftCache &cache)
    {
        return await<RecoveryResult>([&](auto done) { cache.recover(done); });
    }
    static WipeResult wipe(ShiftCache &cache)
    {
        return await<WipeResult>([&](auto done) { cache.wipe(done); });
    }
    static WriteResult append(ShiftCache &cache, const QString &text, const QString &clientId)
    {
        MessageRecord message;
        message.conversationId = QStringLiteral("conversation-1");
        message.direction = MessageDirection::FromSurvivor;
        message.authorDisplayName = QStringLiteral("Survivor");
        message.text = text;
        message.createdAt = QDateTime::currentDateTimeUtc();
        message.clientMessageId = clientId;
        return await<WriteResult>([&](auto done) { cache.appendMessage(message, done); });
    }

    // Starts a shift and writes every canary into it.
    void startWithCanaries(ShiftCache &cache)
    {
        const CacheResult started = start(cache);
        ASSERT_TRUE(started.ok()) << qPrintable(started.message);
        MessageRecord message;
        message.conversationId = canaryConversation;
        message.direction = MessageDirection::FromSurvivor;
        message.authorDisplayName = canaryName;
        message.text = canary;
        message.createdAt = clock->now();
        ASSERT_TRUE(await<WriteResult>([&](auto done) { cache.appendMessage(message, done); }).result.ok());
        ASSERT_TRUE(
            await<WriteResult>([&](auto done) { cache.saveDraft(canaryConversation, canaryDraft, done); }).result.ok());
        NoteRecord note;
        note.kind = NoteKind::Handoff;
        note.conversationId = canaryConversation;
        note.text = canaryHandoff;
        ASSERT_TRUE(await<WriteResult>([&](auto done) { cache.addNote(note, done); }).result.ok());
    }

    QByteArray currentKeyText()
    {
        const KeychainResult read = keychainRead(keyName);
        EXPECT_TRUE(read.ok()) << qPrintable(read.message);
        return rawKeyText(read.secret);
    }

    QTemporaryDir root;
    QString directory = root.filePath(QStringLiteral("shift-cache"));
    CacheFiles files{directory};
    QString keyName = uniqueKeyName();
    std::shared_ptr<ManualClock> clock =
        std::make_shared<ManualClock>(QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()));
};

QStringList canariesIn(const QByteArray &bytes)
{
    QStringList found;
    for (const QString &text : {canary, canaryName, canaryDraft, canaryHandoff, canaryConversation}) {
        if (bytes.contains(text.toUtf8()) ||
            bytes.contains(QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)))
            found.append(text);
    }
    return found;
}

} // namespace

TEST_F(ShiftCacheTest, TheCacheFileIsNotPlainSqliteAndHoldsNoCanaryText)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    // While open (database, WAL and WAL index on disk) ...
    const QByteArray whileOpen = contentsOfFilesIn(directory);
    ASSERT_GT(whileOpen.size(), 4096);
    EXPECT_TRUE(canariesIn(whileOpen).isEmpty()) << qPrintable(canariesIn(whileOpen).join(u' '));
    cache.reset();
    // ... and after the connection closed and checkpointed the WAL into the database.
    QFile db(files.databasePath());
    ASSERT_TRUE(db.open(QIODevice::ReadOnly));
    const QByteArray bytes = db.readAll();
    ASSERT_GT(bytes.size(), 4096);
    EXPECT_FALSE(bytes.startsWith("SQLite format 3"));
    EXPECT_TRUE(canariesIn(bytes).isEmpty()) << qPrintable(canariesIn(bytes).join(u' '));
    EXPECT_TRUE(canariesIn(contentsOfFilesIn(directory)).isEmpty());
}

TEST_F(ShiftCacheTest, TheCanaryCheckFindsTextInAnUnencryptedSqliteFile)
{
    // The check above must be able to fail: the same kind of write with plain SQLite is caught by it.
    const QString path = root.filePath(QStringLiteral("plain.sqlite"));
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
              SQLITE_OK);
    const QByteArray sql =
        "CREATE TABLE messages (body TEXT); INSERT INTO messages VALUES ('" + canary.toUtf8() + "');";
    ASSERT_EQ(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close_v2(db);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.startsWith("SQLite format 3"));
    EXPECT_EQ(canariesIn(bytes), QStringList{canary});
}

TEST_F(ShiftCacheTest, AWrongKeyCannotReadTheCache)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    cache.reset();
    qint64 count = -1;
    // Control: the key from the keychain reads it.
    ASSERT_EQ(readMessagesWithKey(files.databasePath(), currentKeyText(), &count), SQLITE_ROW);
    EXPECT_EQ(count, 1);
    QByteArray otherKey(32, '\0');
    otherKey[0] = 1;
    EXPECT_EQ(readMessagesWithKey(files.databasePath(), rawKeyText(otherKey)), SQLITE_NOTADB);
    EXPECT_EQ(readMessagesWithKey(files.databasePath(), QByteArray()), SQLITE_NOTADB);
}

TEST_F(ShiftCacheTest, ACopyTakenBeforeWipeCannotBeOpenedAfterIt)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    // Copy the database while the shift is open, as someone with access to the disk could.
    const QString copyDirectory = root.filePath(QStringLiteral("copy"));
    ASSERT_TRUE(QDir().mkpath(copyDirectory));
    for (const QString &path : files.existingFiles())
        ASSERT_TRUE(QFile::copy(path, QDir(copyDirectory).filePath(QFileInfo(path).fileName())));
    const QString copy = CacheFiles(copyDirectory).databasePath();
    const QByteArray keyBeforeWipe = currentKeyText();
    ASSERT_EQ(readMessagesWithKey(copy, keyBeforeWipe), SQLITE_ROW) << "the copy must be readable before the wipe";

    const WipeResult wiped = wipe(*cache);
    ASSERT_TRUE(wiped.complete) << qPrintable(wiped.message);

    // The key is gone, so nothing can open the copy any more: the keychain has nothing, and a cache pointed
    // at the copy wipes it as unreadable.
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
    EXPECT_EQ(readMessagesWithKey(copy, QByteArray()), SQLITE_NOTADB);
    ShiftCache::Options options = cache->options();
    options.directory = copyDirectory;
    ShiftCache onCopy(options);
    const RecoveryResult recovered = recover(onCopy);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedKeyMissing) << qPrintable(recovered.message);
    EXPECT_EQ(onCopy.state(), ShiftCache::State::Closed);
}

TEST_F(ShiftCacheTest, WipeRemovesEveryFileAndTheKeychainEntryAndSaysSo)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    ASSERT_TRUE(keychainRead(keyName).ok());
    ASSERT_TRUE(QFile::exists(files.databasePath()));

    const WipeResult wiped = wipe(*cache);
    EXPECT_TRUE(wiped.complete) << qPrintable(wiped.message);
    EXPECT_TRUE(wiped.databaseWasOpen);
    EXPECT_EQ(wiped.key, KeyRemoval::Deleted);
    EXPECT_TRUE(wiped.filesRemoved.contains(QStringLiteral("shift-cache.sqlcipher")))
        << qPrintable(wiped.filesRemoved.join(u' '));
    EXPECT_TRUE(wiped.filesRemoved.contains(QStringLiteral("shift-cache.manifest")));
    EXPECT_TRUE(wiped.filesLeft.isEmpty());
    EXPECT_FALSE(wiped.message.isEmpty());

    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
    EXPECT_TRUE(QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty())
        << qPrintable(QDir(directory).entryList(QDir::Files | QDir::Hidden).join(u' '));
    EXPECT_EQ(cache->state(), ShiftCache::State::Closed);
}

TEST_F(ShiftCacheTest, WipeIsIdempotent)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    ASSERT_TRUE(wipe(*cache).complete);
    const WipeResult again = wipe(*cache);
    EXPECT_TRUE(again.complete) << qPrintable(again.message);
    EXPECT_FALSE(again.databaseWasOpen);
    EXPECT_EQ(again.key, KeyRemoval::AlreadyAbsent);
    EXPECT_TRUE(again.filesRemoved.isEmpty());
    // And a new shift can start after a wipe.
    const CacheResult restarted = start(*cache);
    EXPECT_TRUE(restarted.ok()) << qPrintable(restarted.message);
}

TEST_F(ShiftCacheTest, EveryAcknowledgedWriteSurvivesSigkillInTheMiddleOfABurst)
{
    QProcess child;
    child.setProgram(QStringLiteral(SHIFT_CACHE_HELPER));
    child.setArguments({QStringLiteral("burst"), directory, QLatin1String(keychainService), keyName});
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start();
    ASSERT_TRUE(child.waitForStarted());

    QByteArray output;
    const auto acknowledged = [&output] { return output.count("ack "); };
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            output += child.readAllStandardOutput();
            return acknowledged() >= 150 || child.state() == QProcess::NotRunning;
        },
        60000))
        << output.constData();
    ASSERT_EQ(child.state(), QProcess::Running) << output.constData() << child.readAllStandardError().constData();
    child.kill(); // SIGKILL: no destructor, no close, no checkpoint
    ASSERT_TRUE(child.waitForFinished());
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();

    QStringList acknowledgedIds;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("ack "))
            acknowledgedIds.append(QString::fromUtf8(line.mid(4)));
    }
    ASSERT_GE(acknowledgedIds.size(), 150);

    // The killed shift is young and its key is in the keychain: it resumes with every acknowledged write.
    clock->set(QDateTime::currentDateTimeUtc());
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
    const MessagesResult read = await<MessagesResult>([&](auto done) { cache->loadMessages({}, done); });
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    QSet<QString> stored;
    for (const MessageRecord &message : read.messages)
        stored.insert(message.clientMessageId);
    QStringList missing;
    for (const QString &id : acknowledgedIds) {
        if (!stored.contains(id))
            missing.append(id);
    }
    EXPECT_TRUE(missing.isEmpty()) << "acknowledged but lost: " << qPrintable(missing.join(u' '));
    EXPECT_GE(stored.size(), acknowledgedIds.size());
}

TEST_F(ShiftCacheTest, AYoungCacheWithItsKeyIsResumableWithItsContent)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    } // closed without a wipe, as a crash leaves it
    clock->advance(11h);
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
    EXPECT_EQ(recovered.shiftStartedAt, QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()));
    EXPECT_EQ(cache->state(), ShiftCache::State::Open);
    const MessagesResult read =
        await<MessagesResult>([&](auto done) { cache->loadMessages(canaryConversation, done); });
    ASSERT_EQ(read.messages.size(), 1);
    EXPECT_EQ(read.messages.first().text, canary);
    EXPECT_EQ(read.messages.first().authorDisplayName, canaryName);
    const NotesResult notes = await<NotesResult>([&](auto done) { cache->loadNotes(done); });
    ASSERT_EQ(notes.notes.size(), 2);
    EXPECT_EQ(notes.notes.at(0).kind, NoteKind::Draft);
    EXPECT_EQ(notes.notes.at(1).text, canaryHandoff);
}

TEST_F(ShiftCacheTest, ACacheOlderThanTheMaximumShiftLengthIsWipedAtStartUp)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(12h + 1min);
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedStale) << qPrintable(recovered.message);
    EXPECT_TRUE(recovered.wipe.complete);
    EXPECT_FALSE(recovered.message.isEmpty());
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, TheMaximumShiftLengthIsAnOption)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(2h);
    auto cache = makeCache(1h);
    EXPECT_EQ(recover(*cache).outcome, RecoveryOutcome::WipedStale);
}

TEST_F(ShiftCacheTest, ACacheWhoseKeyIsMissingIsWipedAtStartUp)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    ASSERT_TRUE(keychainRemove(keyName).ok());
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedKeyMissing) << qPrintable(recovered.message);
    EXPECT_EQ(recovered.wipe.key, KeyRemoval::AlreadyAbsent);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, ACacheTheKeyDoesNotOpenIsWipedAndNotRecreated)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    ASSERT_TRUE(keychainWrite(keyName, QByteArray(32, '\x5a')).ok());
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedWrongKeyOrCorrupt) << qPrintable(recovered.message);
    EXPECT_EQ(cache->state(), ShiftCache::State::Closed);
    EXPECT_TRUE(files.existingFiles().isEmpty()) << "a new database was created over the old one";
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
}

TEST_F(ShiftCacheTest, ADamagedCacheIsWipedAtStartUp)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    QFile db(files.databasePath());
    ASSERT_TRUE(db.open(QIODevice::ReadWrite));
    ASSERT_EQ(db.write(QByteArray(4096, '\x11')), 4096);
    db.close();
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedWrongKeyOrCorrupt) << qPrintable(recovered.message);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, AWipeInterruptedAfterDeletingTheKeyIsCompletedAtNextStart)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    // What a wipe leaves when it dies after step 2: marked "wiping", key deleted, files still there.
    std::optional<CacheManifest> manifest = CacheManifest::read(files.manifestPath());
    ASSERT_TRUE(manifest.has_value());
    manifest->setState(CacheManifest::State::Wiping);
    ASSERT_TRUE(manifest->write(files.manifestPath()).ok());
    ASSERT_TRUE(keychainRemove(keyName).ok());
    ASSERT_TRUE(QFile::exists(files.databasePath()));

    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::InterruptedWipeCompleted) << qPrintable(recovered.message);
    EXPECT_TRUE(recovered.wipe.complete);
    EXPECT_TRUE(recovered.wipe.filesRemoved.contains(QStringLiteral("shift-cache.sqlcipher")));
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, AWipeInterruptedBeforeDeletingTheKeyIsCompletedAtNextStart)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    // Died after step 1: marked "wiping" and the database closed, key and files still there. The cache is
    // young and its key present, yet it must not be offered for resume.
    std::optional<CacheManifest> manifest = CacheManifest::read(files.manifestPath());
    ASSERT_TRUE(manifest.has_value());
    manifest->setState(CacheManifest::State::Wiping);
    ASSERT_TRUE(manifest->write(files.manifestPath()).ok());

    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::InterruptedWipeCompleted) << qPrintable(recovered.message);
    EXPECT_EQ(recovered.wipe.key, KeyRemoval::Deleted);
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, WithNothingOnDiskRecoveryReportsNoCache)
{
    auto cache = makeCache();
    EXPECT_EQ(recover(*cache).outcome, RecoveryOutcome::NoCache);
    EXPECT_EQ(cache->state(), ShiftCache::State::Closed);
}

TEST_F(ShiftCacheTest, ANewShiftDoesNotStartOverTheCacheOfAnEarlierOne)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    const QByteArray before = contentsOfFilesIn(directory);
    auto cache = makeCache();
    EXPECT_EQ(start(*cache).error, CacheError::ExistingCache);
    EXPECT_EQ(contentsOfFilesIn(directory), before);
}

TEST_F(ShiftCacheTest, ShiftStartFailsClosedWithoutAKeychain)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No D-Bus session bus, hence no Secret Service and no KWallet.
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=%1").arg(root.filePath(QStringLiteral("no-bus"))));
    child.setProcessEnvironment(environment);
    child.start(QStringLiteral(SHIFT_CACHE_HELPER),
                {QStringLiteral("start"), directory, QLatin1String(keychainService), keyName});
    ASSERT_TRUE(child.waitForFinished(60000));
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    EXPECT_EQ(child.exitCode(), 3) << qPrintable(output) << child.readAllStandardError().constData();
    const int code = output.section(u' ', 1, 1).toInt();
    EXPECT_TRUE(code == static_cast<int>(CacheError::KeychainUnavailable) ||
                code == static_cast<int>(CacheError::KeychainRefused))
        << qPrintable(output);
    EXPECT_TRUE(output.contains(QLatin1String("never keeps conversations unencrypted"))) << qPrintable(output);
    // Nothing was written: no database, no manifest, not even the folder.
    EXPECT_FALSE(QFileInfo::exists(directory));
}

TEST_F(ShiftCacheTest, CacheFilesAreReadableOnlyByTheUserEvenWithAPermissiveUmask)
{
    const mode_t previous = ::umask(0);
    auto cache = makeCache();
    startWithCanaries(*cache);
    ::umask(previous);
    const QStringList present = files.existingFiles();
    ASSERT_TRUE(present.contains(files.databasePath()));
    ASSERT_TRUE(present.contains(files.databasePath() + QLatin1String("-wal")));
    ASSERT_TRUE(present.contains(files.databasePath() + QLatin1String("-shm")));
    ASSERT_TRUE(present.contains(files.manifestPath()));
    for (const QString &path : present)
        EXPECT_EQ(CacheFiles::modeOf(path), 0600) << qPrintable(path);
    EXPECT_EQ(CacheFiles::modeOf(directory), 0700);
}

TEST_F(ShiftCacheTest, AResumedCacheWithLooserPermissionsIsRefused)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    ASSERT_EQ(::chmod(files.databasePath().toUtf8().constData(), 0644), 0);
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::Failed);
    EXPECT_EQ(recovered.result.error, CacheError::FilePermissions) << qPrintable(recovered.message);
}

TEST_F(ShiftCacheTest, DatabaseWorkNeverRunsOnTheCallingThread)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    bool calledBack = false;
    bool answeredOnCallingThread = false;
    cache->appendMessage(MessageRecord{0,
                                       QStringLiteral("c"),
                                       MessageDirection::FromAdvocate,
                                       {},
                                       QStringLiteral("x"),
                                       QDateTime::currentDateTimeUtc(),
                                       {},
                                       DeliveryState::Sending,
                                       {},
                                       {}},
                         [&](const WriteResult &) {
                             calledBack = true;
                             answeredOnCallingThread =
                                 QThread::currentThread() == QCoreApplication::instance()->thread();
                         });
    EXPECT_FALSE(calledBack) << "the write ran synchronously on the calling thread";
    ASSERT_TRUE(QTest::qWaitFor([&] { return calledBack; }, 10000));
    EXPECT_TRUE(answeredOnCallingThread);

    const QList<Qt::HANDLE> threads = await<QList<Qt::HANDLE>>([&](auto done) { cache->statementThreads(done); });
    ASSERT_FALSE(threads.isEmpty()) << "SQLite's trace hook saw no statement";
    EXPECT_FALSE(threads.contains(QThread::currentThreadId()));
    EXPECT_EQ(threads, QList<Qt::HANDLE>{cache->writerThreadId()});
}

TEST_F(ShiftCacheTest, DeliveryStateUpdatesAreStored)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    ASSERT_TRUE(append(*cache, QStringLiteral("hello"), QStringLiteral("client-1")).result.ok());
    ASSERT_TRUE(await<CacheResult>([&](auto done) {
                    cache->updateDelivery(QStringLiteral("client-1"), DeliveryState::Delivered, 42, done);
                }).ok());
    const MessagesResult read = await<MessagesResult>([&](auto done) { cache->loadMessages({}, done); });
    ASSERT_EQ(read.messages.size(), 1);
    EXPECT_EQ(read.messages.first().deliveryState, DeliveryState::Delivered);
    EXPECT_EQ(read.messages.first().relaySequence, 42);
    EXPECT_TRUE(read.messages.first().deliveredAt.has_value());
    EXPECT_EQ(await<CacheResult>([&](auto done) {
                  cache->updateDelivery(QStringLiteral("unknown"), DeliveryState::Failed, {}, done);
              }).error,
              CacheError::WriteFailed);
}

TEST_F(ShiftCacheTest, WritesBeforeAShiftStartsAreRefused)
{
    auto cache = makeCache();
    EXPECT_EQ(append(*cache, QStringLiteral("x"), QStringLiteral("y")).result.error, CacheError::NotOpen);
    EXPECT_FALSE(QFileInfo::exists(directory));
}
