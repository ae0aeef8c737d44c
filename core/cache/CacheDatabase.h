// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheRecords.h"
#include "cache/CacheResults.h"
#include "cache/CacheSchema.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <optional>
#include <span>

struct sqlite3;

namespace advocate {

class SqliteStatement;

class SecureBytes;

// One SQLCipher connection to the shift cache, through SQLite's C API. The thread that opens it owns it:
// every later call from another thread is refused with CacheError::WrongThread. ShiftCache keeps its
// CacheDatabase on one writer thread, never on the caller's (UI) thread.
//
// Settings applied at open, and why:
// - SQLCipher 4+ is checked on this very connection (`PRAGMA cipher_version`), otherwise refused.
// - `cipher_memory_security = ON`: SQLCipher locks and wipes the memory it allocates.
// - the key is the raw 256-bit key in SQLCipher's `x'…'` form through sqlite3_key: no key derivation (the
//   key is random, not a password), and the key never appears in SQL text that SQLite would copy.
// - `secure_delete = ON`: deleted content is overwritten inside the file.
// - `journal_mode = WAL` with `synchronous = FULL`: one fsync per commit, and a commit is on disk before it
//   is acknowledged (SIGKILL or power loss after the acknowledgement loses nothing). The WAL holds
//   encrypted pages like the database; its files get the database file's 0600 mode and are part of the wipe.
// - `temp_store = MEMORY`: sorting and temporary tables never spill into temporary files.
//
// CacheDatabase.cpp holds the connection, the writes and the reads (each statement a SqliteStatement);
// CacheDatabaseMigrations.cpp the schema migrations.
class CacheDatabase
{
public:
    struct Options
    {
        // Decides whether the `PRAGMA cipher_version` of the connection is acceptable. Only tests replace it
        // (to see that open() refuses a version it does not accept).
        std::function<bool(const QString &cipherVersion)> isSupportedCipherVersion;
        // Installs an SQLite trace hook that records on which threads statements ran (statementThreads()).
        // Only tests ask for it: the hook costs a mutex per statement.
        bool recordStatementThreads = false;
    };

    CacheDatabase();
    explicit CacheDatabase(Options options);
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    // Opens an existing file (CacheFiles creates it with mode 0600; SQLite is never allowed to create one).
    // CacheError::WrongKeyOrCorrupt when the key does not open it.
    CacheResult open(const QString &path, const SecureBytes &key);
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
    // Same library, same settings, no key. Compiled only into bench/'s copy of the library, so that the
    // shipped library has no way at all to write an unencrypted cache.
    CacheResult openWithoutEncryptionForBenchmark(const QString &path);
#endif
    void close();
    bool isOpen() const
    {
        return m_db != nullptr;
    }

    // Runs the steps newer than `PRAGMA user_version`, each in its own transaction with the version update.
    CacheResult migrate(std::span<const CacheMigration> steps = CacheSchema::migrations());
    // -1 when it cannot be read.
    int userVersion();
    // The first column of `PRAGMA <name>` (e.g. "journal_mode"), for checks and tests.
    QString pragma(const char *name);

    CacheResult recordShiftStart(const QDateTime &startedAt);
    CacheResult upsertConversation(const ConversationRecord &conversation);
    WriteResult appendMessage(const MessageRecord &message);
    CacheResult updateDelivery(const QString &clientMessageId, DeliveryState state, std::optional<qint64> relaySequence,
                               std::optional<QDateTime> deliveredAt);
    WriteResult saveDraft(const QString &conversationId, const QString &text, const QDateTime &at);
    WriteResult addNote(const NoteRecord &note);
    // Inserts the personal entry `id`, or replaces its JSON if it is stored already (keeping its place in the
    // order). Refused with CacheError::InvalidInput, before anything is written, when `id` is empty, when
    // `entryJson` is larger than maxPersonalCannedEntryBytes or is not one JSON object, or when the object's "id"
    // names another entry.
    WriteResult savePersonalCanned(const QString &id, const QByteArray &entryJson, const QDateTime &at);
    // Removing an id that is not stored succeeds and changes nothing.
    CacheResult removePersonalCanned(const QString &id);
    // Inserts or replaces the practice report of `conversationId` (storing the conversation first if need be).
    // Refused with CacheError::InvalidInput, before anything is written, when the id is empty or `reportJson` is
    // larger than maxPracticeReportBytes or not one JSON object.
    WriteResult savePracticeReport(const PracticeReportRecord &report);

    ConversationsResult conversations();
    // Every message of `conversationId` in the order stored; all messages when it is empty.
    MessagesResult messages(const QString &conversationId);
    NotesResult notes();
    // In the order the entries were first saved.
    PersonalCannedResult personalCanned();
    PracticeReportsResult practiceReports();
    std::optional<QDateTime> shiftStartedAt();

    // Threads on which SQLite ran a statement of this connection, as seen by SQLite's own trace hook; always
    // empty unless Options::recordStatementThreads was set.
    QList<Qt::HANDLE> statementThreads() const;

private:
    CacheResult openConnection(const QString &path, const SecureBytes *key);
    CacheResult checkUsable();
    CacheResult exec(const char *sql, CacheError error);
    CacheResult inTransaction(CacheError error, const std::function<CacheResult()> &work);
    CacheResult sqliteFailure(CacheError error, const QString &what) const;
    // Every row of `sql` (after `bind`, which may be empty), each given to `eachRow`, read in one savepoint; a failed
    // step says `failure`, and the caller drops what it took.
    CacheResult readRows(const char *sql, const std::function<void(SqliteStatement &)> &bind,
                         const std::function<void(SqliteStatement &)> &eachRow, const QString &failure);
    // One row written in a transaction: `work` stores it and sets the row id; the id is 0 unless it all succeeded.
    WriteResult writeRow(const std::function<CacheResult(qint64 &rowId)> &work);
    // Steps an INSERT … RETURNING statement whose one column is the row id; `failure` says what was not stored.
    CacheResult stepReturningRow(SqliteStatement &statement, qint64 &rowId, const QString &failure) const;
    // Inside a write transaction: stores the conversation `id` if it is not stored yet (a message, draft or
    // note may arrive before its conversation was stored explicitly; the foreign keys need it).
    CacheResult ensureConversation(const QString &id, const QDateTime &openedAt, const QString &failure);
    static int traceStatement(unsigned type, void *context, void *statement, void *sql);

    Options m_options;
    sqlite3 *m_db = nullptr;
    Qt::HANDLE m_ownerThread = nullptr;
    mutable QMutex m_traceMutex;
    QList<Qt::HANDLE> m_statementThreads;
};

} // namespace advocate
