// SPDX-License-Identifier: GPL-3.0-only
// The values the shift cache answers with. Errors are values: a code for the program and a sentence for the
// person at the keyboard. No result ever carries key material; only the read results carry content.
#pragma once

#include "cache/CacheRecords.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace advocate {

enum class CacheError {
    None,
    KeychainUnavailable,  // no keychain answers: the shift must not start (no plaintext fallback)
    KeychainRefused,      // the keychain denied access or failed
    UnsupportedSqlCipher, // the linked library is not SQLCipher 4 or newer
    ExistingCache,        // files of an earlier shift are present: recover() or wipe() first
    FileSystem,           // a folder or file could not be created, written or removed
    FilePermissions,      // a cache file is readable by someone other than the user
    OpenFailed,           // SQLite could not open the file
    WrongKeyOrCorrupt,    // the key does not open the file, or the file is damaged
    SchemaTooNew,         // the file was written by a newer version of the program
    MigrationFailed,      // a schema migration failed and was rolled back
    WriteFailed,          // a statement or its COMMIT failed; nothing of it was stored
    ReadFailed,
    NotOpen,      // no shift is open
    Busy,         // another start, recovery or wipe is still running
    WrongThread,  // the connection was used off its writer thread (a programming error)
    InUse,        // another ShiftCache (another window or process of the program) holds the cache folder
    SecureMemory, // no protected memory could be allocated for the key
    InvalidInput, // the call's arguments were refused before anything was written (e.g. an empty id)
};

struct CacheResult
{
    CacheError error = CacheError::None;
    QString message;

    bool ok() const { return error == CacheError::None; }
    static CacheResult success() { return {}; }
    static CacheResult failure(CacheError error, QString message) { return {error, std::move(message)}; }
};

// Answer to a write: acknowledged only after its transaction committed.
struct WriteResult
{
    CacheResult result;
    // Row id of what was written (message, note, or the position of a personal canned entry); 0 on failure.
    qint64 rowId = 0;
};

struct MessagesResult
{
    CacheResult result;
    QList<MessageRecord> messages;
};

struct ConversationsResult
{
    CacheResult result;
    QList<ConversationRecord> conversations;
};

struct NotesResult
{
    CacheResult result;
    QList<NoteRecord> notes;
};

struct PersonalCannedResult
{
    CacheResult result;
    // In the order the entries were first saved.
    QList<PersonalCannedRecord> entries;
};

struct PracticeReportsResult
{
    CacheResult result;
    QList<PracticeReportRecord> reports;
};

enum class KeyRemoval {
    Deleted,       // the keychain entry existed and was deleted
    AlreadyAbsent, // there was no keychain entry
    Failed,        // the keychain could not be asked or refused; the wipe stays marked as unfinished
};

struct WipeResult
{
    // True when the key is gone and no cache file is left. The files are unreadable without the key, and
    // they are overwritten and removed even when the key could not be deleted.
    bool complete = false;
    bool databaseWasOpen = false;
    KeyRemoval key = KeyRemoval::Failed;
    // File names (without folder) that were overwritten with zeros, flushed and removed.
    QStringList filesRemoved;
    // File names that were removed without being overwritten first (not a private regular file of ours, e.g.
    // a symbolic link or a file with a second hard link, or the overwrite failed). Their content, if any, is
    // ciphertext under a deleted key.
    QStringList filesUnlinkedWithoutOverwrite;
    // Names still in the cache folder after the wipe, including files the cache does not know (should be
    // empty). The folder itself is removed when it is empty.
    QStringList filesLeft;
    // Why the wipe is not complete (None when it is): the keychain's error, or FileSystem for files left.
    CacheResult result;
    // What happened, for the person at the keyboard.
    QString message;
};

enum class RecoveryOutcome {
    NoCache,                  // nothing from an earlier shift: a new shift can start
    Resumable,                // the earlier shift's cache is open and can be used
    WipedStale,               // older than the maximum shift length
    WipedKeyMissing,          // its key is not in the keychain
    WipedWrongKeyOrCorrupt,   // the key does not open it
    WipedIncomplete,          // its start-up record or its database file is missing
    WipedStartTimeMismatch,   // the start time in its (unencrypted) record differs from the encrypted one
    InterruptedWipeCompleted, // a wipe had been interrupted; it is now finished
    // Could not decide (e.g. no keychain, or the folder is in use): nothing was opened or deleted. Also a
    // wipe that recovery began and could not complete (`wipe` says what is left; the next start finishes it).
    Failed,
};

struct RecoveryResult
{
    RecoveryOutcome outcome = RecoveryOutcome::Failed;
    // Set for Failed (including a wipe that could not complete).
    CacheResult result;
    // Set when a wipe ran.
    WipeResult wipe;
    // When the cache's shift started (Resumable: as recorded inside the encrypted database; WipedStale: as
    // recorded in the manifest).
    QDateTime shiftStartedAt;
    // Why, for the person at the keyboard.
    QString message;

    // True only when a wipe ran and completed.
    bool wiped() const
    {
        return outcome != RecoveryOutcome::NoCache && outcome != RecoveryOutcome::Resumable &&
               outcome != RecoveryOutcome::Failed && wipe.complete;
    }
};

} // namespace advocate
