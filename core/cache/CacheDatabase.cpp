// SPDX-License-Identifier: GPL-3.0-only
#include "cache/CacheDatabase.h"

#include "cache/SecureBytes.h"
#include "cache/SqlCipherLibrary.h"
#include "cache/SqliteStatement.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QThread>

#include <sqlite3.h>

namespace advocate {

namespace {

// Refused (InvalidInput) unless `json` is one JSON object of at most `maxBytes`; `tooLong` has %1 (its size) and %2
// (the limit). The messages name no content.
CacheResult checkJsonObject(const QByteArray &json, qsizetype maxBytes, const QString &tooLong, const QString &notJson)
{
    if (json.size() > maxBytes)
        return CacheResult::failure(CacheError::InvalidInput, tooLong.arg(json.size()).arg(maxBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return CacheResult::failure(CacheError::InvalidInput, notJson);
    return CacheResult::success();
}

// Why a personal canned entry cannot be stored; success when it can.
CacheResult checkPersonalCanned(const QString &id, const QByteArray &entryJson)
{
    const auto refused = [](const QString &why) { return CacheResult::failure(CacheError::InvalidInput, why); };
    if (id.isEmpty())
        return refused(
            QCoreApplication::translate("CacheDatabase", "The personal canned response was not saved: it has no id."));
    if (CacheResult checked = checkJsonObject(
            entryJson, maxPersonalCannedEntryBytes,
            QCoreApplication::translate("CacheDatabase",
                                        "The personal canned response was not saved: it is %1 bytes long, "
                                        "more than the %2 bytes one entry may have."),
            QCoreApplication::translate("CacheDatabase",
                                        "The personal canned response was not saved: it is not one entry in JSON."));
        !checked.ok())
        return checked;
    const QJsonValue entryId = QJsonDocument::fromJson(entryJson).object().value(QLatin1String("id"));
    if (!entryId.isUndefined() && entryId.toString() != id)
        return refused(QCoreApplication::translate(
            "CacheDatabase", "The personal canned response was not saved: its JSON names another id."));
    return CacheResult::success();
}

// Why a practice report cannot be stored; success when it can.
CacheResult checkPracticeReport(const PracticeReportRecord &report)
{
    if (report.conversationId.isEmpty())
        return CacheResult::failure(
            CacheError::InvalidInput,
            QCoreApplication::translate("CacheDatabase",
                                        "The practice report was not saved: it names no conversation."));
    return checkJsonObject(
        report.reportJson, maxPracticeReportBytes,
        QCoreApplication::translate("CacheDatabase", "The practice report was not saved: it is %1 bytes long, "
                                                     "more than the %2 bytes a report may have."),
        QCoreApplication::translate("CacheDatabase",
                                    "The practice report was not saved: it is not one report in JSON."));
}

} // namespace

CacheDatabase::CacheDatabase() : CacheDatabase(Options{}) {}

CacheDatabase::CacheDatabase(Options options) : m_options(std::move(options))
{
    if (!m_options.isSupportedCipherVersion)
        m_options.isSupportedCipherVersion = &SqlCipherLibrary::isSupportedCipherVersion;
}

CacheDatabase::~CacheDatabase()
{
    close();
}

CacheResult CacheDatabase::open(const QString &path, const SecureBytes &key)
{
    if (key.size() != 32)
        return CacheResult::failure(
            CacheError::WrongKeyOrCorrupt,
            QCoreApplication::translate("CacheDatabase", "The shift cache key has the wrong length."));
    return openConnection(path, &key);
}

#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
CacheResult CacheDatabase::openWithoutEncryptionForBenchmark(const QString &path)
{
    return openConnection(path, nullptr);
}
#endif

CacheResult CacheDatabase::openConnection(const QString &path, const SecureBytes *key)
{
    close();
    m_ownerThread = QThread::currentThreadId();
    {
        const QMutexLocker locker(&m_traceMutex);
        m_statementThreads.clear();
    }
    // No SQLITE_OPEN_CREATE: a missing file is an error, never silently a new empty cache.
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
    if (rc != SQLITE_OK) {
        const CacheResult result =
            sqliteFailure(CacheError::OpenFailed,
                          QCoreApplication::translate("CacheDatabase", "The shift cache could not be opened."));
        close();
        return result;
    }
    sqlite3_extended_result_codes(m_db, 1);
    if (m_options.recordStatementThreads)
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &CacheDatabase::traceStatement, this);

    const QString cipherVersion = pragma("cipher_version");
    if (!m_options.isSupportedCipherVersion(cipherVersion)) {
        close();
        return CacheResult::failure(
            CacheError::UnsupportedSqlCipher,
            QCoreApplication::translate("CacheDatabase",
                                        "The database library is not SQLCipher 4 or newer (it reports \"%1\"); the "
                                        "shift cache refuses to store anything with it.")
                .arg(cipherVersion));
    }
    CacheResult result = exec("PRAGMA cipher_memory_security = ON;", CacheError::OpenFailed);
    if (result.ok() && key != nullptr) {
        const SecureBytes rawKey = key->toSqlCipherRawKey();
        if (rawKey.isEmpty())
            result = CacheResult::failure(
                CacheError::SecureMemory,
                QCoreApplication::translate("CacheDatabase", "No protected memory could be allocated for the key."));
        else if (sqlite3_key(m_db, rawKey.data(), static_cast<int>(rawKey.size())) != SQLITE_OK)
            result = sqliteFailure(
                CacheError::OpenFailed,
                QCoreApplication::translate("CacheDatabase", "The shift cache key could not be applied."));
    }
    if (result.ok())
        result = checkUsable();
    if (!result.ok())
        close();
    return result;
}

CacheResult CacheDatabase::checkUsable()
{
    // The first read decrypts page 1 and checks its HMAC: a wrong key or a damaged file fails here.
    {
        SqliteStatement probe(m_db, "SELECT count(*) FROM sqlite_schema;");
        const int rc = probe.prepared() ? probe.step() : sqlite3_errcode(m_db);
        if (rc != SQLITE_ROW) {
            const int primary = sqlite3_errcode(m_db) & 0xff;
            if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
                return CacheResult::failure(
                    CacheError::WrongKeyOrCorrupt,
                    QCoreApplication::translate("CacheDatabase",
                                                "The shift cache cannot be read with its key: the key is wrong or "
                                                "the file is damaged."));
            return sqliteFailure(CacheError::OpenFailed,
                                 QCoreApplication::translate("CacheDatabase", "The shift cache could not be read."));
        }
    }
    const char *settings[] = {"PRAGMA secure_delete = ON;", "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;",
                              "PRAGMA temp_store = MEMORY;", "PRAGMA foreign_keys = ON;"};
    for (const char *setting : settings) {
        if (CacheResult result = exec(setting, CacheError::OpenFailed); !result.ok())
            return result;
    }
    // Read the settings back: a library that ignores one of them must not be trusted with the cache.
    // synchronous must read 2 (FULL): with less, an acknowledged commit could be lost in a power cut.
    if (pragma("cipher_memory_security") != QLatin1String("1") || pragma("secure_delete") != QLatin1String("1") ||
        pragma("journal_mode") != QLatin1String("wal") || pragma("synchronous") != QLatin1String("2"))
        return CacheResult::failure(
            CacheError::OpenFailed,
            QCoreApplication::translate("CacheDatabase",
                                        "The database library did not accept the shift cache's security settings."));
    return CacheResult::success();
}

void CacheDatabase::close()
{
    if (m_db != nullptr) {
        // With WAL, the last connection to close checkpoints and removes the -wal and -shm files.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

CacheResult CacheDatabase::exec(const char *sql, CacheError error)
{
    if (m_db == nullptr)
        return CacheResult::failure(CacheError::NotOpen,
                                    QCoreApplication::translate("CacheDatabase", "The shift cache is not open."));
    if (QThread::currentThreadId() != m_ownerThread)
        return CacheResult::failure(
            CacheError::WrongThread,
            QCoreApplication::translate("CacheDatabase",
                                        "The shift cache was used from a thread that does not own it."));
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteFailure(error, QCoreApplication::translate("CacheDatabase", "A shift cache operation failed."));
    return CacheResult::success();
}

CacheResult CacheDatabase::inTransaction(CacheError error, const std::function<CacheResult()> &work)
{
    if (CacheResult begun = exec("BEGIN IMMEDIATE;", error); !begun.ok())
        return begun;
    CacheResult result = work();
    if (result.ok())
        result = exec("COMMIT;", error);
    if (!result.ok())
        exec("ROLLBACK;", error);
    return result;
}

CacheResult CacheDatabase::sqliteFailure(CacheError error, const QString &what) const
{
    // SQLite's messages name tables and constraints, never the values involved.
    const QString detail = m_db != nullptr ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    return CacheResult::failure(error, detail.isEmpty() ? what : what + u' ' + detail);
}

WriteResult CacheDatabase::writeRow(const std::function<CacheResult(qint64 &rowId)> &work)
{
    WriteResult written;
    written.result = inTransaction(CacheError::WriteFailed, [&] { return work(written.rowId); });
    if (!written.result.ok())
        written.rowId = 0;
    return written;
}

CacheResult CacheDatabase::stepReturningRow(SqliteStatement &statement, qint64 &rowId, const QString &failure) const
{
    if (!statement.prepared() || statement.step() != SQLITE_ROW)
        return sqliteFailure(CacheError::WriteFailed, failure);
    rowId = statement.integer(0);
    return statement.step() == SQLITE_DONE ? CacheResult::success() : sqliteFailure(CacheError::WriteFailed, failure);
}

int CacheDatabase::traceStatement(unsigned /*type*/, void *context, void * /*statement*/, void * /*sql*/)
{
    auto *self = static_cast<CacheDatabase *>(context);
    const Qt::HANDLE thread = QThread::currentThreadId();
    const QMutexLocker locker(&self->m_traceMutex);
    if (!self->m_statementThreads.contains(thread))
        self->m_statementThreads.append(thread);
    return 0;
}

QList<Qt::HANDLE> CacheDatabase::statementThreads() const
{
    const QMutexLocker locker(&m_traceMutex);
    return m_statementThreads;
}

QString CacheDatabase::pragma(const char *name)
{
    if (m_db == nullptr || QThread::currentThreadId() != m_ownerThread)
        return {};
    SqliteStatement statement(m_db, (QByteArrayLiteral("PRAGMA ") + name + ';').constData());
    if (!statement.prepared() || statement.step() != SQLITE_ROW)
        return {};
    return statement.text(0);
}

CacheResult CacheDatabase::recordShiftStart(const QDateTime &startedAt)
{
    return inTransaction(CacheError::WriteFailed, [&] {
        SqliteStatement statement(m_db, "INSERT INTO shift (id, started_at) VALUES (1, ?1) "
                                        "ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at;");
        statement.bind(1, startedAt.toMSecsSinceEpoch());
        return statement.prepared() && statement.step() == SQLITE_DONE
                   ? CacheResult::success()
                   : sqliteFailure(CacheError::WriteFailed,
                                   QCoreApplication::translate("CacheDatabase", "The shift could not be recorded."));
    });
}

CacheResult CacheDatabase::ensureConversation(const QString &id, const QDateTime &openedAt, const QString &failure)
{
    SqliteStatement conversation(m_db, "INSERT INTO conversations (id, opened_at) VALUES (?1, ?2) "
                                       "ON CONFLICT (id) DO NOTHING;");
    conversation.bind(1, id);
    conversation.bind(2, openedAt.toMSecsSinceEpoch());
    if (!conversation.prepared() || conversation.step() != SQLITE_DONE)
        return sqliteFailure(CacheError::WriteFailed, failure);
    return CacheResult::success();
}

CacheResult CacheDatabase::upsertConversation(const ConversationRecord &conversation)
{
    return inTransaction(CacheError::WriteFailed, [&] {
        SqliteStatement statement(m_db, "INSERT INTO conversations (id, opened_at, closed_at, language, alias) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                                        "closed_at = excluded.closed_at, language = excluded.language, "
                                        "alias = excluded.alias;");
        statement.bind(1, conversation.id);
        statement.bind(2, conversation.openedAt.toMSecsSinceEpoch());
        statement.bind(3, conversation.closedAt);
        statement.bind(4, conversation.language);
        statement.bind(5, conversation.alias);
        return statement.prepared() && statement.step() == SQLITE_DONE
                   ? CacheResult::success()
                   : sqliteFailure(
                         CacheError::WriteFailed,
                         QCoreApplication::translate("CacheDatabase", "The conversation could not be stored."));
    });
}

WriteResult CacheDatabase::appendMessage(const MessageRecord &message)
{
    return writeRow([&](qint64 &rowId) {
        const QString failure = QCoreApplication::translate("CacheDatabase", "The message could not be stored.");
        if (CacheResult stored = ensureConversation(message.conversationId, message.createdAt, failure); !stored.ok())
            return stored;
        SqliteStatement statement(m_db, "INSERT INTO messages (conversation_id, direction, author_display_name, body, "
                                        "created_at, delivered_at, delivery_state, relay_sequence, client_message_id) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id;");
        statement.bind(1, message.conversationId);
        statement.bind(2, static_cast<int>(message.direction));
        statement.bind(3, message.authorDisplayName);
        statement.bind(4, message.text);
        statement.bind(5, message.createdAt.toMSecsSinceEpoch());
        statement.bind(6, message.deliveredAt);
        statement.bind(7, static_cast<int>(message.deliveryState));
        statement.bind(8, message.relaySequence);
        if (message.clientMessageId.isEmpty())
            statement.bindNull(9);
        else
            statement.bind(9, message.clientMessageId);
        return stepReturningRow(statement, rowId, failure);
    });
}

CacheResult CacheDatabase::updateDelivery(const QString &clientMessageId, DeliveryState state,
                                          std::optional<qint64> relaySequence, std::optional<QDateTime> deliveredAt)
{
    return inTransaction(CacheError::WriteFailed, [&] {
        SqliteStatement statement(m_db, "UPDATE messages SET delivery_state = ?2, "
                                        "relay_sequence = coalesce(?3, relay_sequence), "
                                        "delivered_at = coalesce(?4, delivered_at) WHERE client_message_id = ?1;");
        statement.bind(1, clientMessageId);
        statement.bind(2, static_cast<int>(state));
        statement.bind(3, relaySequence);
        statement.bind(4, deliveredAt);
        if (!statement.prepared() || statement.step() != SQLITE_DONE)
            return sqliteFailure(
                CacheError::WriteFailed,
                QCoreApplication::translate("CacheDatabase", "The delivery state could not be stored."));
        if (sqlite3_changes(m_db) != 1)
            return CacheResult::failure(
                CacheError::WriteFailed,
                QCoreApplication::translate("CacheDatabase", "No cached message has that client message id."));
        return CacheResult::success();
    });
}

WriteResult CacheDatabase::saveDraft(const QString &conversationId, const QString &text, const QDateTime &at)
{
    return writeRow([&](qint64 &rowId) {
        const QString failure = QCoreApplication::translate("CacheDatabase", "The draft could not be stored.");
        if (CacheResult stored = ensureConversation(conversationId, at, failure); !stored.ok())
            return stored;
        SqliteStatement statement(m_db, "INSERT INTO notes (kind, conversation_id, body, created_at, updated_at) "
                                        "VALUES (0, ?1, ?2, ?3, ?3) ON CONFLICT (conversation_id) WHERE kind = 0 "
                                        "DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at "
                                        "RETURNING id;");
        statement.bind(1, conversationId);
        statement.bind(2, text);
        statement.bind(3, at.toMSecsSinceEpoch());
        return stepReturningRow(statement, rowId, failure);
    });
}

WriteResult CacheDatabase::addNote(const NoteRecord &note)
{
    return writeRow([&](qint64 &rowId) {
        const QString failure = QCoreApplication::translate("CacheDatabase", "The note could not be stored.");
        if (!note.conversationId.isEmpty()) {
            if (CacheResult stored = ensureConversation(note.conversationId, note.createdAt, failure); !stored.ok())
                return stored;
        }
        SqliteStatement statement(m_db, "INSERT INTO notes (kind, conversation_id, body, created_at, updated_at) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id;");
        statement.bind(1, static_cast<int>(note.kind));
        if (note.conversationId.isEmpty())
            statement.bindNull(2);
        else
            statement.bind(2, note.conversationId);
        statement.bind(3, note.text);
        statement.bind(4, note.createdAt.toMSecsSinceEpoch());
        statement.bind(5, (note.updatedAt.isValid() ? note.updatedAt : note.createdAt).toMSecsSinceEpoch());
        return stepReturningRow(statement, rowId, failure);
    });
}

WriteResult CacheDatabase::savePersonalCanned(const QString &id, const QByteArray &entryJson, const QDateTime &at)
{
    if (CacheResult checked = checkPersonalCanned(id, entryJson); !checked.ok())
        return {checked, 0};
    return writeRow([&](qint64 &rowId) {
        SqliteStatement statement(m_db, "INSERT INTO personal_canned (id, entry, updated_at) VALUES (?1, ?2, ?3) "
                                        "ON CONFLICT (id) DO UPDATE SET entry = excluded.entry, "
                                        "updated_at = excluded.updated_at RETURNING position;");
        statement.bind(1, id);
        statement.bindUtf8(2, entryJson);
        statement.bind(3, at.toMSecsSinceEpoch());
        return stepReturningRow(
            statement, rowId,
            QCoreApplication::translate("CacheDatabase", "The personal canned response could not be stored."));
    });
}

CacheResult CacheDatabase::removePersonalCanned(const QString &id)
{
    if (id.isEmpty())
        return CacheResult::failure(
            CacheError::InvalidInput,
            QCoreApplication::translate("CacheDatabase", "No personal canned response was removed: no id was given."));
    return inTransaction(CacheError::WriteFailed, [&] {
        SqliteStatement statement(m_db, "DELETE FROM personal_canned WHERE id = ?1;");
        statement.bind(1, id);
        return statement.prepared() && statement.step() == SQLITE_DONE
                   ? CacheResult::success()
                   : sqliteFailure(CacheError::WriteFailed,
                                   QCoreApplication::translate("CacheDatabase",
                                                               "The personal canned response could not be removed."));
    });
}

WriteResult CacheDatabase::savePracticeReport(const PracticeReportRecord &report)
{
    if (CacheResult checked = checkPracticeReport(report); !checked.ok())
        return {checked, 0};
    return writeRow([&](qint64 &rowId) {
        const QString failure =
            QCoreApplication::translate("CacheDatabase", "The practice report could not be stored.");
        if (CacheResult stored = ensureConversation(report.conversationId, report.updatedAt, failure); !stored.ok())
            return stored;
        SqliteStatement statement(m_db, "INSERT INTO practice_reports (conversation_id, report, received, updated_at) "
                                        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (conversation_id) DO UPDATE SET "
                                        "report = excluded.report, received = excluded.received, "
                                        "updated_at = excluded.updated_at RETURNING rowid;");
        statement.bind(1, report.conversationId);
        statement.bindUtf8(2, report.reportJson);
        statement.bind(3, qint64(report.received ? 1 : 0));
        statement.bind(4, report.updatedAt.toMSecsSinceEpoch());
        return stepReturningRow(statement, rowId, failure);
    });
}

CacheResult CacheDatabase::readRows(const char *sql, const std::function<void(SqliteStatement &)> &bind,
                                    const std::function<void(SqliteStatement &)> &eachRow, const QString &failure)
{
    // In a savepoint, so that every row is from the same moment; the statement is gone before it is released.
    if (CacheResult begun = exec("SAVEPOINT read_rows;", CacheError::ReadFailed); !begun.ok())
        return begun;
    CacheResult read = CacheResult::success();
    {
        SqliteStatement statement(m_db, sql);
        if (bind)
            bind(statement);
        int rc = statement.prepared() ? statement.step() : SQLITE_ERROR;
        for (; rc == SQLITE_ROW; rc = statement.step())
            eachRow(statement);
        if (rc != SQLITE_DONE)
            read = sqliteFailure(CacheError::ReadFailed, failure);
    }
    exec("RELEASE read_rows;", CacheError::ReadFailed);
    return read;
}

ConversationsResult CacheDatabase::conversations()
{
    ConversationsResult read;
    read.result = readRows(
        "SELECT id, opened_at, closed_at, language, alias FROM conversations ORDER BY opened_at;", {},
        [&](SqliteStatement &row) {
            read.conversations.append({row.text(0), row.time(1), row.optionalTime(2), row.text(3), row.text(4)});
        },
        QCoreApplication::translate("CacheDatabase", "The conversations could not be read."));
    if (!read.result.ok())
        read.conversations.clear();
    return read;
}

MessagesResult CacheDatabase::messages(const QString &conversationId)
{
    MessagesResult read;
    read.result = readRows(
        "SELECT id, conversation_id, direction, author_display_name, body, created_at, delivered_at, delivery_state, "
        "relay_sequence, client_message_id FROM messages WHERE ?1 IS NULL OR conversation_id = ?1 ORDER BY id;",
        [&](SqliteStatement &statement) {
            if (conversationId.isEmpty())
                statement.bindNull(1);
            else
                statement.bind(1, conversationId);
        },
        [&](SqliteStatement &row) {
            MessageRecord message;
            message.rowId = row.integer(0);
            message.conversationId = row.text(1);
            message.direction = static_cast<MessageDirection>(row.integer(2));
            message.authorDisplayName = row.text(3);
            message.text = row.text(4);
            message.createdAt = row.time(5);
            message.deliveredAt = row.optionalTime(6);
            message.deliveryState = static_cast<DeliveryState>(row.integer(7));
            if (!row.isNull(8))
                message.relaySequence = row.integer(8);
            message.clientMessageId = row.text(9);
            read.messages.append(std::move(message));
        },
        QCoreApplication::translate("CacheDatabase", "The messages could not be read."));
    if (!read.result.ok())
        read.messages.clear();
    return read;
}

NotesResult CacheDatabase::notes()
{
    NotesResult read;
    read.result = readRows(
        "SELECT id, kind, conversation_id, body, created_at, updated_at FROM notes ORDER BY id;", {},
        [&](SqliteStatement &row) {
            NoteRecord note;
            note.rowId = row.integer(0);
            note.kind = static_cast<NoteKind>(row.integer(1));
            note.conversationId = row.text(2);
            note.text = row.text(3);
            note.createdAt = row.time(4);
            note.updatedAt = row.time(5);
            read.notes.append(std::move(note));
        },
        QCoreApplication::translate("CacheDatabase", "The notes could not be read."));
    if (!read.result.ok())
        read.notes.clear();
    return read;
}

PersonalCannedResult CacheDatabase::personalCanned()
{
    PersonalCannedResult read;
    read.result = readRows(
        "SELECT id, entry, updated_at FROM personal_canned ORDER BY position;", {},
        [&](SqliteStatement &row) {
            read.entries.append({row.text(0), row.utf8(1), row.time(2)});
        },
        QCoreApplication::translate("CacheDatabase", "The personal canned responses could not be read."));
    if (!read.result.ok())
        read.entries.clear();
    return read;
}

PracticeReportsResult CacheDatabase::practiceReports()
{
    PracticeReportsResult read;
    read.result = readRows(
        "SELECT conversation_id, report, received, updated_at FROM practice_reports ORDER BY rowid;", {},
        [&](SqliteStatement &row) {
            read.reports.append({row.text(0), row.utf8(1), row.integer(2) != 0, row.time(3)});
        },
        QCoreApplication::translate("CacheDatabase", "The practice reports could not be read."));
    if (!read.result.ok())
        read.reports.clear();
    return read;
}

std::optional<QDateTime> CacheDatabase::shiftStartedAt()
{
    if (m_db == nullptr || QThread::currentThreadId() != m_ownerThread)
        return std::nullopt;
    SqliteStatement statement(m_db, "SELECT started_at FROM shift WHERE id = 1;");
    if (!statement.prepared() || statement.step() != SQLITE_ROW)
        return std::nullopt;
    return statement.time(0);
}

} // namespace advocate
