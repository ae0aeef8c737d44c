// SPDX-License-Identifier: GPL-3.0-only
// The shift cache end to end on the real components: SQLCipher files on disk and the Secret Service of the
// test D-Bus session (scripts/with-test-keyring). Without that session these tests fail, they do not skip.
#include "cache/ShiftCache.h"
#include "ShiftCacheTestSupport.h"
#include "cache/CacheFiles.h"
#include "cache/CacheManifest.h"
#include "common/ManualClock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

// One personal canned-response entry in the library's entry format (docs/canned-responses.md), as compact JSON.
QByteArray personalEntry(const QString &id, const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("category"), QStringLiteral("check_in")},
                                     {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), id}}},
                                     {QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), text}}}})
        .toJson(QJsonDocument::Compact);
}

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

    ShiftCache::Options optionsFor(std::chrono::milliseconds maxShift = 12h) const
    {
        ShiftCache::Options options;
        options.directory = directory;
        options.keychainService = QLatin1String(keychainService);
        options.keyName = keyName;
        options.maxShiftLength = maxShift;
        options.clock = clock;
        return options;
    }
    std::unique_ptr<ShiftCache> makeCache(std::chrono::milliseconds maxShift = 12h)
    {
        return std::make_unique<ShiftCache>(optionsFor(maxShift));
    }

    // Runs shift_cache_child MODE on this test's folder and key and returns its first output line. With
    // `withoutKeychain`, the child has no D-Bus session bus, hence no Secret Service and no KWallet.
    QString runChild(const QString &mode, bool withoutKeychain)
    {
        QProcess child;
        if (withoutKeychain) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                               QStringLiteral("unix:path=%1").arg(root.filePath(QStringLiteral("no-bus"))));
            child.setProcessEnvironment(environment);
        }
        child.start(QStringLiteral(SHIFT_CACHE_CHILD), {mode, directory, QLatin1String(keychainService), keyName});
        EXPECT_TRUE(child.waitForFinished(60000));
        const QString output = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        EXPECT_FALSE(output.isEmpty()) << child.readAllStandardError().constData();
        return output;
    }
    // The number after the first word of a child's output line.
    static int field(const QString &line, int index) { return line.section(u' ', index, index).toInt(); }

    // Marks the manifest "wiping", as a wipe that died after its first step leaves it.
    void markManifestWiping()
    {
        std::optional<CacheManifest> manifest = CacheManifest::read(files.manifestPath());
        ASSERT_TRUE(manifest.has_value());
        manifest->setState(CacheManifest::State::Wiping);
        ASSERT_TRUE(manifest->write(files.manifestPath()).ok());
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
    static WriteResult savePersonal(ShiftCache &cache, const QString &id, const QByteArray &entryJson)
    {
        return await<WriteResult>([&](auto done) { cache.savePersonalCanned(id, entryJson, done); });
    }
    static CacheResult removePersonal(ShiftCache &cache, const QString &id)
    {
        return await<CacheResult>([&](auto done) { cache.removePersonalCanned(id, done); });
    }
    static PersonalCannedResult loadPersonal(ShiftCache &cache)
    {
        return await<PersonalCannedResult>([&](auto done) { cache.loadPersonalCanned(done); });
    }
    static QStringList idsOf(const PersonalCannedResult &read)
    {
        QStringList ids;
        for (const PersonalCannedRecord &entry : read.entries)
            ids.append(entry.id);
        return ids;
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
        return rawKeyText(read.secret.copyToByteArray());
    }

    QTemporaryDir root;
    QString directory = root.filePath(QStringLiteral("shift-cache"));
    CacheFiles files{directory};
    QString keyName = uniqueKeyName();
    std::shared_ptr<ManualClock> clock =
        std::make_shared<ManualClock>(QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()));
};

// `text` in UTF-8 or in UTF-16 (SQLite's two text encodings).
bool holdsText(const QByteArray &bytes, const QString &text)
{
    return bytes.contains(text.toUtf8()) ||
           bytes.contains(QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
}

QStringList canariesIn(const QByteArray &bytes)
{
    QStringList found;
    for (const QString &text : {canary, canaryName, canaryDraft, canaryHandoff, canaryConversation}) {
        if (holdsText(bytes, text))
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
    ASSERT_EQ(::chmod(QFile::encodeName(copyDirectory).constData(), 0700), 0);
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

// This cannot tell `synchronous = FULL` from `OFF`: a killed process's writes are in the page cache and survive
// it either way (only a power cut would show the difference). The setting itself is covered by
// CacheDatabase::open() reading it back and by CacheDatabaseTest.ConnectionHasSqlCipherFourAndItsSecuritySettingsOn.
TEST_F(ShiftCacheTest, EveryAcknowledgedWriteSurvivesSigkillInTheMiddleOfABurst)
{
    QProcess child;
    child.setProgram(QStringLiteral(SHIFT_CACHE_CHILD));
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
    const QString output = runChild(QStringLiteral("start"), true);
    const int code = field(output, 1);
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
    ShiftCache::Options options = optionsFor();
    options.recordStatementThreads = true;
    auto cache = std::make_unique<ShiftCache>(options);
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
    const Qt::HANDLE writer = await<Qt::HANDLE>([&](auto done) { cache->writerThread(done); });
    EXPECT_NE(writer, QThread::currentThreadId());
    EXPECT_EQ(threads, QList<Qt::HANDLE>{writer});
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

TEST_F(ShiftCacheTest, DestroyingTheCacheWhileItWaitsForTheKeychainIsSafe)
{
    // Destroyed at a range of moments during a start and during a wipe, several of them while a keychain job
    // is in flight (such a job cannot be cancelled and finishes later on its own). AddressSanitizer reports
    // any use of the freed objects; no callback may run after the destruction.
    QStringList keyNames;
    int round = 0;
    for (const int delayMs : {0, 1, 2, 4, 8, 16, 32, 64, 128, 256}) {
        for (const bool wiping : {false, true}) {
            ShiftCache::Options options = optionsFor();
            options.directory = root.filePath(QStringLiteral("destroyed-%1").arg(round++));
            options.keyName = uniqueKeyName();
            keyNames.append(options.keyName);
            auto cache = std::make_unique<ShiftCache>(options);
            if (wiping) {
                ASSERT_TRUE(start(*cache).ok());
            }
            bool answered = false;
            if (wiping)
                cache->wipe([&answered](const WipeResult &) { answered = true; });
            else
                cache->startShift([&answered](const CacheResult &) { answered = true; });
            QElapsedTimer waited;
            waited.start();
            static_cast<void>(QTest::qWaitFor([&] { return answered || waited.elapsed() >= delayMs; }, delayMs + 1000));
            cache.reset();
            const bool answeredBefore = answered;
            // Keychain jobs run one after the other: once this one answered, every earlier one has finished.
            keychainRead(keyName);
            QTest::qWait(20);
            EXPECT_EQ(answered, answeredBefore) << "a callback ran after the cache was destroyed";
        }
    }
    for (const QString &name : keyNames)
        keychainRemove(name);
}

TEST_F(ShiftCacheTest, ASecondCacheOnTheSameFolderIsRefusedAndChangesNothing)
{
    auto first = makeCache();
    startWithCanaries(*first);
    const QByteArray before = contentsOfFilesIn(directory);
    const QByteArray keyBefore = currentKeyText();

    auto second = makeCache();
    const RecoveryResult recovered = recover(*second);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::Failed);
    EXPECT_EQ(recovered.result.error, CacheError::InUse) << qPrintable(recovered.message);
    EXPECT_FALSE(recovered.message.isEmpty());
    EXPECT_EQ(start(*second).error, CacheError::InUse);
    const WipeResult wiped = wipe(*second);
    EXPECT_FALSE(wiped.complete);
    EXPECT_EQ(wiped.result.error, CacheError::InUse) << qPrintable(wiped.message);

    EXPECT_EQ(contentsOfFilesIn(directory), before);
    EXPECT_EQ(currentKeyText(), keyBefore) << "the second cache replaced or deleted the first one's key";
    EXPECT_EQ(first->state(), ShiftCache::State::Open);
    EXPECT_TRUE(append(*first, QStringLiteral("still writable"), QStringLiteral("after")).result.ok());

    // Once the first is gone, the second can take over the folder.
    first.reset();
    EXPECT_EQ(recover(*second).outcome, RecoveryOutcome::Resumable);
}

TEST_F(ShiftCacheTest, ACacheFolderHeldByAnotherProcessIsRefused)
{
    QProcess holder;
    holder.start(QStringLiteral(SHIFT_CACHE_CHILD),
                 {QStringLiteral("hold"), directory, QLatin1String(keychainService), keyName});
    ASSERT_TRUE(QTest::qWaitFor([&] { return holder.canReadLine() || holder.state() == QProcess::NotRunning; }, 60000));
    const QByteArray line = holder.readLine();
    ASSERT_TRUE(line.startsWith("result 0 ")) << line.constData() << holder.readAllStandardError().constData();
    const QByteArray before = contentsOfFilesIn(directory);

    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.result.error, CacheError::InUse) << qPrintable(recovered.message);
    EXPECT_EQ(contentsOfFilesIn(directory), before);
    EXPECT_TRUE(keychainRead(keyName).ok());

    holder.kill(); // the kernel releases its lock with the process
    ASSERT_TRUE(holder.waitForFinished());
    clock->set(QDateTime::currentDateTimeUtc()); // the child started its shift on the system clock
    const RecoveryResult afterwards = recover(*cache);
    EXPECT_EQ(afterwards.outcome, RecoveryOutcome::Resumable) << qPrintable(afterwards.message);
}

TEST_F(ShiftCacheTest, AfterACompleteWipeNotEvenTheFolderIsLeft)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    ASSERT_TRUE(QFileInfo::exists(QDir(directory).filePath(QStringLiteral(".lock"))));
    const WipeResult wiped = wipe(*cache);
    ASSERT_TRUE(wiped.complete) << qPrintable(wiped.message);
    EXPECT_FALSE(QFileInfo::exists(directory));
}

TEST_F(ShiftCacheTest, ASymlinkedCacheFolderIsRefused)
{
    const QString elsewhere = root.filePath(QStringLiteral("elsewhere"));
    ASSERT_EQ(::mkdir(QFile::encodeName(elsewhere).constData(), 0700), 0);
    ASSERT_TRUE(QFile::link(elsewhere, directory));
    auto cache = makeCache();
    const CacheResult started = start(*cache);
    EXPECT_EQ(started.error, CacheError::FilePermissions) << qPrintable(started.message);
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::Failed);
    EXPECT_EQ(recovered.result.error, CacheError::FilePermissions);
    EXPECT_TRUE(QDir(elsewhere).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
}

TEST_F(ShiftCacheTest, ACacheFolderOthersCanListIsRefused)
{
    ASSERT_EQ(::mkdir(QFile::encodeName(directory).constData(), 0755), 0);
    ASSERT_EQ(::chmod(QFile::encodeName(directory).constData(), 0755), 0);
    auto cache = makeCache();
    EXPECT_EQ(start(*cache).error, CacheError::FilePermissions);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, WipeDoesNotOverwriteThroughASymlinkAndSaysSo)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    cache.reset(); // closed: the WAL was checkpointed and removed
    const QString outside = root.filePath(QStringLiteral("outside"));
    QFile target(outside);
    ASSERT_TRUE(target.open(QIODevice::WriteOnly));
    target.write("not the cache's");
    target.close();
    ASSERT_TRUE(QFile::link(outside, files.databasePath() + QLatin1String("-journal")));

    cache = makeCache();
    const WipeResult wiped = wipe(*cache);
    EXPECT_TRUE(wiped.complete) << qPrintable(wiped.message);
    EXPECT_EQ(wiped.filesUnlinkedWithoutOverwrite, QStringList{QStringLiteral("shift-cache.sqlcipher-journal")});
    EXPECT_FALSE(wiped.filesRemoved.contains(QStringLiteral("shift-cache.sqlcipher-journal")));
    EXPECT_TRUE(wiped.filesRemoved.contains(QStringLiteral("shift-cache.sqlcipher")));
    ASSERT_TRUE(target.open(QIODevice::ReadOnly));
    EXPECT_EQ(target.readAll(), QByteArray("not the cache's"));
}

TEST_F(ShiftCacheTest, WipeDoesNotOverwriteAFileWithASecondHardLink)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    cache.reset();
    const QString secondName = root.filePath(QStringLiteral("second-link"));
    ASSERT_EQ(::link(QFile::encodeName(files.databasePath()).constData(), QFile::encodeName(secondName).constData()),
              0);
    QFile second(secondName);
    ASSERT_TRUE(second.open(QIODevice::ReadOnly));
    const QByteArray before = second.readAll();
    second.close();

    cache = makeCache();
    const WipeResult wiped = wipe(*cache);
    EXPECT_EQ(wiped.filesUnlinkedWithoutOverwrite, QStringList{QStringLiteral("shift-cache.sqlcipher")});
    EXPECT_FALSE(QFileInfo::exists(files.databasePath()));
    ASSERT_TRUE(second.open(QIODevice::ReadOnly));
    EXPECT_EQ(second.readAll(), before);
}

TEST_F(ShiftCacheTest, WipeReportsFilesItDoesNotKnowAndIsNotComplete)
{
    auto cache = makeCache();
    startWithCanaries(*cache);
    QFile stray(QDir(directory).filePath(QStringLiteral("stray.bin")));
    ASSERT_TRUE(stray.open(QIODevice::WriteOnly));
    stray.write("?");
    stray.close();

    const WipeResult wiped = wipe(*cache);
    EXPECT_FALSE(wiped.complete);
    EXPECT_EQ(wiped.filesLeft, QStringList{QStringLiteral("stray.bin")});
    EXPECT_EQ(wiped.result.error, CacheError::FileSystem);
    EXPECT_TRUE(wiped.message.contains(QLatin1String("stray.bin"))) << qPrintable(wiped.message);
    EXPECT_TRUE(files.existingFiles().isEmpty());
    EXPECT_TRUE(QFileInfo::exists(stray.fileName())) << "a file the cache does not know was deleted";
}

TEST_F(ShiftCacheTest, AStartTimeInTheFutureIsWipedAsStale)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->set(clock->now().addSecs(-60));
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedStale) << qPrintable(recovered.message);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, ACacheExactlyTheMaximumShiftLengthOldIsStale)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(12h);
    auto cache = makeCache();
    EXPECT_EQ(recover(*cache).outcome, RecoveryOutcome::WipedStale);
}

TEST_F(ShiftCacheTest, ACacheOneMillisecondYoungerThanTheMaximumShiftLengthIsResumable)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(12h - 1ms);
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
}

TEST_F(ShiftCacheTest, TheStaleMessageGivesTheMaximumShiftLengthInHoursAndMinutes)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(2h);
    auto cache = makeCache(90min);
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::WipedStale);
    // Source text; an English translation turns "hour(s)" into "hour".
    EXPECT_TRUE(recovered.message.contains(QLatin1String("1 hour(s) and 30 minute(s)")) ||
                recovered.message.contains(QLatin1String("1 hour and 30 minutes")))
        << qPrintable(recovered.message);
}

TEST_F(ShiftCacheTest, AManifestStartTimeThatDisagreesWithTheDatabaseIsWiped)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    // 13 hours later the cache is stale, but an edited manifest claims the shift started an hour ago.
    clock->advance(13h);
    ASSERT_TRUE(
        CacheManifest(CacheManifest::State::Open, clock->now().addSecs(-3600)).write(files.manifestPath()).ok());
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedStartTimeMismatch) << qPrintable(recovered.message);
    EXPECT_TRUE(recovered.wipe.complete);
    EXPECT_EQ(cache->state(), ShiftCache::State::Closed);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, AResumedCacheReportsTheStartTimeFromInsideTheDatabase)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->advance(1h);
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable);
    EXPECT_EQ(recovered.shiftStartedAt, QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()));
}

TEST_F(ShiftCacheTest, AMissingManifestWithTheDatabasePresentIsWipedAsIncomplete)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    ASSERT_TRUE(QFile::remove(files.manifestPath()));
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedIncomplete) << qPrintable(recovered.message);
    EXPECT_TRUE(recovered.wiped());
    EXPECT_TRUE(files.existingFiles().isEmpty());
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
}

TEST_F(ShiftCacheTest, AnUnreadableManifestWithTheDatabasePresentIsWipedAsIncomplete)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    QFile manifest(files.manifestPath());
    ASSERT_TRUE(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifest.write("{ not json");
    manifest.close();
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::WipedIncomplete) << qPrintable(recovered.message);
    EXPECT_TRUE(files.existingFiles().isEmpty());
}

TEST_F(ShiftCacheTest, AManifestThatIsASymlinkIsNotFollowed)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    // A manifest elsewhere that would make the cache look young and valid.
    const QString planted = root.filePath(QStringLiteral("planted.manifest"));
    ASSERT_TRUE(CacheManifest::read(files.manifestPath())->write(planted).ok());
    ASSERT_TRUE(QFile::remove(files.manifestPath()));
    ASSERT_TRUE(QFile::link(planted, files.manifestPath()));
    EXPECT_FALSE(CacheManifest::read(files.manifestPath()).has_value());
}

TEST_F(ShiftCacheTest, AKeychainThatDoesNotAnswerDuringRecoveryLeavesEverythingInPlace)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    clock->set(QDateTime::currentDateTimeUtc()); // the child uses the system clock: keep the cache young
    ASSERT_TRUE(CacheManifest(CacheManifest::State::Open, clock->now()).write(files.manifestPath()).ok());
    const QByteArray before = contentsOfFilesIn(directory);

    const QString output = runChild(QStringLiteral("recover"), true);
    ASSERT_TRUE(output.startsWith(QLatin1String("recovery "))) << qPrintable(output);
    EXPECT_EQ(field(output, 1), static_cast<int>(RecoveryOutcome::Failed)) << qPrintable(output);
    const int error = field(output, 2);
    EXPECT_TRUE(error == static_cast<int>(CacheError::KeychainUnavailable) ||
                error == static_cast<int>(CacheError::KeychainRefused))
        << qPrintable(output);
    EXPECT_EQ(contentsOfFilesIn(directory), before);
    EXPECT_TRUE(keychainRead(keyName).ok());
}

TEST_F(ShiftCacheTest, AWipeThatCannotDeleteTheKeyStaysMarkedAndIsFinishedAtTheNextStart)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    const QString output = runChild(QStringLiteral("wipe"), true);
    ASSERT_TRUE(output.startsWith(QLatin1String("wipe "))) << qPrintable(output);
    EXPECT_EQ(field(output, 1), 0) << "reported complete: " << qPrintable(output);
    const int error = field(output, 2);
    EXPECT_TRUE(error == static_cast<int>(CacheError::KeychainUnavailable) ||
                error == static_cast<int>(CacheError::KeychainRefused))
        << qPrintable(output);
    // The key is still there, so the manifest stays, marked "wiping"; the database files are shredded.
    const std::optional<CacheManifest> manifest = CacheManifest::read(files.manifestPath());
    ASSERT_TRUE(manifest.has_value());
    EXPECT_EQ(manifest->state(), CacheManifest::State::Wiping);
    EXPECT_FALSE(files.databaseExists());
    EXPECT_TRUE(keychainRead(keyName).ok());

    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    EXPECT_EQ(recovered.outcome, RecoveryOutcome::InterruptedWipeCompleted) << qPrintable(recovered.message);
    EXPECT_TRUE(recovered.wipe.complete);
    EXPECT_EQ(keychainRead(keyName).status, KeychainStatus::NotFound);
    EXPECT_FALSE(QFileInfo::exists(directory));
}

TEST_F(ShiftCacheTest, AWipeDuringRecoveryThatCannotDeleteTheKeyIsReportedAsFailed)
{
    {
        auto cache = makeCache();
        startWithCanaries(*cache);
    }
    markManifestWiping();
    const QString output = runChild(QStringLiteral("recover"), true);
    ASSERT_TRUE(output.startsWith(QLatin1String("recovery "))) << qPrintable(output);
    EXPECT_EQ(field(output, 1), static_cast<int>(RecoveryOutcome::Failed)) << qPrintable(output);
    const int error = field(output, 2);
    EXPECT_TRUE(error == static_cast<int>(CacheError::KeychainUnavailable) ||
                error == static_cast<int>(CacheError::KeychainRefused))
        << qPrintable(output);
    EXPECT_TRUE(keychainRead(keyName).ok());
    EXPECT_TRUE(QFileInfo::exists(files.manifestPath()));
}

TEST_F(ShiftCacheTest, DraftsAndNotesForAConversationNotYetStoredAreStored)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const WriteResult draft =
        await<WriteResult>([&](auto done) { cache->saveDraft(QStringLiteral("unseen-1"), QStringLiteral("d"), done); });
    EXPECT_TRUE(draft.result.ok()) << qPrintable(draft.result.message);
    NoteRecord note;
    note.kind = NoteKind::Handoff;
    note.conversationId = QStringLiteral("unseen-2");
    note.text = QStringLiteral("h");
    const WriteResult added = await<WriteResult>([&](auto done) { cache->addNote(note, done); });
    EXPECT_TRUE(added.result.ok()) << qPrintable(added.result.message);
    const NotesResult notes = await<NotesResult>([&](auto done) { cache->loadNotes(done); });
    EXPECT_EQ(notes.notes.size(), 2);
}

TEST_F(ShiftCacheTest, PersonalEntriesRoundTripInOrder)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    // Not in alphabetical order, so that an order by id would show.
    const QList<std::pair<QString, QByteArray>> saved = {
        {QStringLiteral("mine.zulu"), personalEntry(QStringLiteral("mine.zulu"), QStringLiteral("¿Estás a salvo?"))},
        {QStringLiteral("mine.alpha"), personalEntry(QStringLiteral("mine.alpha"), QStringLiteral("Take your time."))},
        {QStringLiteral("mine.mike"), personalEntry(QStringLiteral("mine.mike"), QStringLiteral("I'm here."))},
    };
    for (const auto &[id, json] : saved) {
        const WriteResult written = savePersonal(*cache, id, json);
        ASSERT_TRUE(written.result.ok()) << qPrintable(written.result.message);
        EXPECT_GT(written.rowId, 0);
    }
    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    ASSERT_EQ(read.entries.size(), saved.size());
    for (qsizetype i = 0; i < saved.size(); ++i) {
        EXPECT_EQ(read.entries.at(i).id, saved.at(i).first);
        EXPECT_EQ(read.entries.at(i).entryJson, saved.at(i).second) << "not byte for byte as saved";
        EXPECT_EQ(read.entries.at(i).updatedAt, clock->now());
    }
}

TEST_F(ShiftCacheTest, SavingAnEntryWithTheSameIdReplacesIt)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const QString first = QStringLiteral("mine.first");
    const QString second = QStringLiteral("mine.second");
    ASSERT_TRUE(savePersonal(*cache, first, personalEntry(first, QStringLiteral("old wording"))).result.ok());
    ASSERT_TRUE(savePersonal(*cache, second, personalEntry(second, QStringLiteral("other"))).result.ok());
    clock->advance(5min);
    const QByteArray edited = personalEntry(first, QStringLiteral("new wording"));
    const WriteResult replaced = savePersonal(*cache, first, edited);
    ASSERT_TRUE(replaced.result.ok()) << qPrintable(replaced.result.message);

    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    // One entry per id, and the edited entry keeps its place.
    EXPECT_EQ(idsOf(read), (QStringList{first, second}));
    ASSERT_EQ(read.entries.size(), 2);
    EXPECT_EQ(read.entries.at(0).entryJson, edited);
    EXPECT_EQ(read.entries.at(0).updatedAt, clock->now());
}

TEST_F(ShiftCacheTest, RemovingAnEntryRemovesOnlyIt)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    for (const QString &id : {QStringLiteral("mine.a"), QStringLiteral("mine.b"), QStringLiteral("mine.c")})
        ASSERT_TRUE(savePersonal(*cache, id, personalEntry(id, id)).result.ok());
    const CacheResult removed = removePersonal(*cache, QStringLiteral("mine.b"));
    ASSERT_TRUE(removed.ok()) << qPrintable(removed.message);
    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    EXPECT_EQ(idsOf(read), (QStringList{QStringLiteral("mine.a"), QStringLiteral("mine.c")}));
    EXPECT_EQ(read.entries.at(1).entryJson, personalEntry(QStringLiteral("mine.c"), QStringLiteral("mine.c")));
}

TEST_F(ShiftCacheTest, RemovingAnEntryThatIsNotStoredSucceedsAndChangesNothing)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    ASSERT_TRUE(
        savePersonal(*cache, QStringLiteral("mine.a"), personalEntry(QStringLiteral("mine.a"), {})).result.ok());
    const CacheResult removed = removePersonal(*cache, QStringLiteral("mine.never-saved"));
    EXPECT_TRUE(removed.ok()) << qPrintable(removed.message);
    EXPECT_EQ(idsOf(loadPersonal(*cache)), QStringList{QStringLiteral("mine.a")});
}

// A real crash: the child is killed with SIGKILL after its saves were acknowledged (no close, no checkpoint, the
// entries are still in the WAL), and a new cache resumes its shift.
TEST_F(ShiftCacheTest, PersonalEntriesComeBackAfterACrashResume)
{
    QProcess child;
    child.start(QStringLiteral(SHIFT_CACHE_CHILD),
                {QStringLiteral("personal"), directory, QLatin1String(keychainService), keyName});
    ASSERT_TRUE(child.waitForStarted());
    QByteArray output;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            output += child.readAllStandardOutput();
            return output.contains("all-saved\n") || child.state() == QProcess::NotRunning;
        },
        60000))
        << output.constData();
    ASSERT_EQ(child.state(), QProcess::Running) << output.constData() << child.readAllStandardError().constData();
    child.kill();
    ASSERT_TRUE(child.waitForFinished());
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);

    QStringList acknowledgedIds;
    QList<QByteArray> acknowledgedJson;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 3 && fields.at(0) == "saved") {
            acknowledgedIds.append(QString::fromUtf8(fields.at(1)));
            acknowledgedJson.append(QByteArray::fromBase64(fields.at(2)));
        }
    }
    ASSERT_EQ(acknowledgedIds.size(), 3) << output.constData();

    clock->set(QDateTime::currentDateTimeUtc()); // the child started its shift on the system clock
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    EXPECT_EQ(idsOf(read), acknowledgedIds);
    for (qsizetype i = 0; i < read.entries.size() && i < acknowledgedJson.size(); ++i)
        EXPECT_EQ(read.entries.at(i).entryJson, acknowledgedJson.at(i));
}

TEST_F(ShiftCacheTest, PersonalEntriesAreGoneAfterTheWipe)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    ASSERT_TRUE(
        savePersonal(*cache, QStringLiteral("mine.one"), personalEntry(QStringLiteral("mine.one"), QStringLiteral("x")))
            .result.ok());
    ASSERT_EQ(loadPersonal(*cache).entries.size(), 1);
    const WipeResult wiped = wipe(*cache);
    ASSERT_TRUE(wiped.complete) << qPrintable(wiped.message);

    const CacheResult restarted = start(*cache);
    ASSERT_TRUE(restarted.ok()) << qPrintable(restarted.message);
    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    EXPECT_TRUE(read.entries.isEmpty()) << qPrintable(idsOf(read).join(u' '));
}

TEST_F(ShiftCacheTest, ThePersonalEntryTextIsNotInTheCacheFileInPlaintext)
{
    const QString canaryId = QStringLiteral("mine.canary-personal-id-w5r");
    const QString canaryText = QStringLiteral("CANARY-personal-canned-text-Hq6");
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    ASSERT_TRUE(savePersonal(*cache, canaryId, personalEntry(canaryId, canaryText)).result.ok());
    // Control: the entry really is in the cache.
    ASSERT_EQ(loadPersonal(*cache).entries.value(0).entryJson, personalEntry(canaryId, canaryText));
    // While open (database, WAL and WAL index on disk) ...
    const QByteArray whileOpen = contentsOfFilesIn(directory);
    ASSERT_GT(whileOpen.size(), 4096);
    EXPECT_FALSE(holdsText(whileOpen, canaryText));
    EXPECT_FALSE(holdsText(whileOpen, canaryId));
    cache.reset();
    // ... and after the connection closed and checkpointed the WAL into the database.
    const QByteArray afterClose = contentsOfFilesIn(directory);
    ASSERT_GT(afterClose.size(), 4096);
    EXPECT_FALSE(holdsText(afterClose, canaryText));
    EXPECT_FALSE(holdsText(afterClose, canaryId));
}

TEST_F(ShiftCacheTest, AnOversizedOrIdlessEntryIsRefusedWithAClearError)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const QString id = QStringLiteral("mine.big");
    const QByteArray oversized = personalEntry(id, QString(maxPersonalCannedEntryBytes, u'x'));
    ASSERT_GT(oversized.size(), maxPersonalCannedEntryBytes);

    const WriteResult tooLarge = savePersonal(*cache, id, oversized);
    EXPECT_EQ(tooLarge.result.error, CacheError::InvalidInput) << qPrintable(tooLarge.result.message);
    EXPECT_TRUE(tooLarge.result.message.contains(QString::number(maxPersonalCannedEntryBytes)))
        << qPrintable(tooLarge.result.message);
    EXPECT_EQ(tooLarge.rowId, 0);

    const WriteResult idless = savePersonal(*cache, QString(), personalEntry(QString(), QStringLiteral("x")));
    EXPECT_EQ(idless.result.error, CacheError::InvalidInput) << qPrintable(idless.result.message);
    EXPECT_TRUE(idless.result.message.contains(QLatin1String("no id"))) << qPrintable(idless.result.message);
    EXPECT_EQ(removePersonal(*cache, QString()).error, CacheError::InvalidInput);

    const PersonalCannedResult read = loadPersonal(*cache);
    ASSERT_TRUE(read.result.ok());
    EXPECT_TRUE(read.entries.isEmpty()) << "a refused entry was written";
}

TEST_F(ShiftCacheTest, AnEntryOfExactlyTheMaximumSizeIsStored)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const QString id = QStringLiteral("mine.largest");
    const qsizetype overhead = personalEntry(id, QString()).size();
    const QByteArray largest = personalEntry(id, QString(maxPersonalCannedEntryBytes - overhead, u'x'));
    ASSERT_EQ(largest.size(), maxPersonalCannedEntryBytes);
    const WriteResult written = savePersonal(*cache, id, largest);
    ASSERT_TRUE(written.result.ok()) << qPrintable(written.result.message);
    EXPECT_EQ(loadPersonal(*cache).entries.value(0).entryJson, largest);
}

TEST_F(ShiftCacheTest, AnEntryThatIsNotOneJsonObjectIsRefused)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    for (const QByteArray &notAnEntry : {QByteArray(), QByteArray("{\"id\": \"mine.a\""), QByteArray("[]"),
                                         QByteArray("{\"id\": \"mine.a\", \"text\": \"\xff\xfe\"}")}) {
        const WriteResult written = savePersonal(*cache, QStringLiteral("mine.a"), notAnEntry);
        EXPECT_EQ(written.result.error, CacheError::InvalidInput) << notAnEntry.constData();
        EXPECT_FALSE(written.result.message.isEmpty());
    }
    EXPECT_TRUE(loadPersonal(*cache).entries.isEmpty());
}

TEST_F(ShiftCacheTest, AnEntryWhoseJsonNamesAnotherIdIsRefused)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const WriteResult written =
        savePersonal(*cache, QStringLiteral("mine.a"), personalEntry(QStringLiteral("mine.b"), QStringLiteral("x")));
    EXPECT_EQ(written.result.error, CacheError::InvalidInput) << qPrintable(written.result.message);
    EXPECT_TRUE(loadPersonal(*cache).entries.isEmpty());
}

TEST_F(ShiftCacheTest, PersonalEntriesCannotBeSavedBeforeAShiftStarts)
{
    auto cache = makeCache();
    const WriteResult written =
        savePersonal(*cache, QStringLiteral("mine.a"), personalEntry(QStringLiteral("mine.a"), QStringLiteral("x")));
    EXPECT_EQ(written.result.error, CacheError::NotOpen);
    EXPECT_FALSE(QFileInfo::exists(directory));
}

// The practice report of a practice shift's chat (issue 18): counts and times as JSON, in the shift cache only. It
// comes back with a resumed cache and is gone once the shift's cache is wiped.
TEST_F(ShiftCacheTest, APracticeReportComesBackWithAResumedCacheAndIsGoneAfterTheWipe)
{
    const QByteArray report = R"({"advocate_desk_practice_report":1,"check_ins":1,"first_reply_ms":60000})";
    const QByteArray changed = R"({"advocate_desk_practice_report":1,"check_ins":2,"first_reply_ms":60000})";
    const auto save = [](ShiftCache &cache, const QByteArray &json, bool received) {
        PracticeReportRecord record;
        record.conversationId = QStringLiteral("practice-1");
        record.reportJson = json;
        record.received = received;
        return await<WriteResult>([&](auto done) { cache.savePracticeReport(record, done); });
    };
    const auto load = [](ShiftCache &cache) {
        return await<PracticeReportsResult>([&](auto done) { cache.loadPracticeReports(done); });
    };
    {
        auto cache = makeCache();
        ASSERT_TRUE(start(*cache).ok());
        ASSERT_TRUE(save(*cache, report, false).result.ok());
        const WriteResult replaced = save(*cache, changed, true);
        ASSERT_TRUE(replaced.result.ok()) << qPrintable(replaced.result.message);
    } // closed without a wipe, as a crash leaves it
    auto cache = makeCache();
    const RecoveryResult recovered = recover(*cache);
    ASSERT_EQ(recovered.outcome, RecoveryOutcome::Resumable) << qPrintable(recovered.message);
    const PracticeReportsResult read = load(*cache);
    ASSERT_TRUE(read.result.ok()) << qPrintable(read.result.message);
    ASSERT_EQ(read.reports.size(), 1) << "saving again replaces the report";
    EXPECT_EQ(read.reports.first().conversationId, QStringLiteral("practice-1"));
    EXPECT_EQ(read.reports.first().reportJson, changed);
    EXPECT_TRUE(read.reports.first().received);

    const WipeResult wiped = wipe(*cache);
    ASSERT_TRUE(wiped.complete) << qPrintable(wiped.message);
    ASSERT_TRUE(start(*cache).ok());
    const PracticeReportsResult after = load(*cache);
    ASSERT_TRUE(after.result.ok()) << qPrintable(after.result.message);
    EXPECT_TRUE(after.reports.isEmpty());
}

TEST_F(ShiftCacheTest, APracticeReportThatIsNoReportIsRefusedAndNothingIsWritten)
{
    auto cache = makeCache();
    ASSERT_TRUE(start(*cache).ok());
    const auto save = [&](const QString &conversation, const QByteArray &json) {
        PracticeReportRecord record;
        record.conversationId = conversation;
        record.reportJson = json;
        return await<WriteResult>([&](auto done) { cache->savePracticeReport(record, done); });
    };
    EXPECT_EQ(save(QString(), "{}").result.error, CacheError::InvalidInput);
    EXPECT_EQ(save(QStringLiteral("c1"), "not json").result.error, CacheError::InvalidInput);
    EXPECT_EQ(save(QStringLiteral("c1"), "[1]").result.error, CacheError::InvalidInput);
    EXPECT_EQ(save(QStringLiteral("c1"), "{\"x\":\"" + QByteArray(maxPracticeReportBytes, 'a') + "\"}").result.error,
              CacheError::InvalidInput);
    const PracticeReportsResult read =
        await<PracticeReportsResult>([&](auto done) { cache->loadPracticeReports(done); });
    ASSERT_TRUE(read.result.ok());
    EXPECT_TRUE(read.reports.isEmpty());
}
