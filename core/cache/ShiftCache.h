// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheRecords.h"
#include "cache/CacheResults.h"
#include "common/Clock.h"

#include <QObject>
#include <QThread>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace advocate {

class KeychainStore;
class SecureBytes;
class ShiftCacheWriter;

// The encrypted cache of one advocate shift (requirements WS3, WS4): each chat's transcript (with its delivery
// states), its draft (each Chat saves it as the advocate types), the shift log (an override's typed reason) and
// the advocate's personal canned responses survive a crash of the workstation, and nothing readable is left once
// the shift ends. The notes table also holds handoff notes once handing a chat over exists (NoteKind::Handoff).
//
// Lives on the caller's (UI) thread and never blocks it: each call returns at once, the work runs on the
// cache's own writer thread, and `done` is called later on this object's thread (never before the call
// returns). Calls run in the order they were made. A write is reported done only after its transaction
// committed to disk.
//
// Life cycle: recover() at program start (resume, or wipe what an earlier shift left), startShift(),
// writes and reads, wipe() at shift end. Destroying the object closes the database without wiping it,
// which is what a crash leaves behind too. Callbacks still pending when the object is destroyed are dropped,
// never called; a keychain call still running then finishes on its own (it cannot be cancelled) and the next
// recover() deals with whatever it left.
//
// One ShiftCache at a time owns the folder: the first recover(), startShift() or wipe() takes an exclusive
// lock on it (CacheFolderLock), held until the object is destroyed or a wipe leaves the folder empty. While
// another ShiftCache, in this process or another, holds it, these calls fail with CacheError::InUse and touch
// neither the files nor the keychain entry.
class ShiftCache : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Folder of the cache files; defaultOptions() uses the per-user application data folder.
        QString directory;
        // Qt Keychain service and key naming this application's cache key.
        QString keychainService;
        QString keyName;
        // A cache older than this is not offered for resume.
        std::chrono::milliseconds maxShiftLength = std::chrono::hours(12);
        std::shared_ptr<const Clock> clock;
        // Tests only: record the threads SQLite ran statements on (statementThreads()). Off in the program.
        bool recordStatementThreads = false;
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
        // Only in bench/'s copy of the library: no key, no keychain, same everything else.
        bool withoutEncryptionForBenchmark = false;
#endif
    };
    static Options defaultOptions();

    enum class State {
        Closed,
        Busy, // starting, recovering or wiping
        Open,
    };

    explicit ShiftCache(Options options, QObject *parent = nullptr);
    ~ShiftCache() override;

    State state() const
    {
        return m_state;
    }
    const Options &options() const
    {
        return m_options;
    }

    void recover(std::function<void(RecoveryResult)> done);
    void startShift(std::function<void(CacheResult)> done);
    void wipe(std::function<void(WipeResult)> done);

    void upsertConversation(ConversationRecord conversation, std::function<void(CacheResult)> done);
    void appendMessage(MessageRecord message, std::function<void(WriteResult)> done);
    // Stores the state as given (and the relay's sequence number when known); that delivery only moves forward is
    // the Chat's rule (deliveryMayBecome), which asks for nothing else.
    void updateDelivery(QString clientMessageId, DeliveryState state, std::optional<qint64> relaySequence,
                        std::function<void(CacheResult)> done);
    // The conversation's one draft, replaced at each save; an empty text is stored as empty (nothing to restore).
    void saveDraft(QString conversationId, QString text, std::function<void(WriteResult)> done);
    void addNote(NoteRecord note, std::function<void(WriteResult)> done);
    // The advocate's personal canned-response entries live here and nowhere else (never QSettings, never a plain
    // file), so they end with the shift's wipe and come back with a resumed cache. `entryJson` is one entry in
    // the library's format (CannedLibrary::personalEntriesJson); it is stored and returned byte for byte.
    // Saving an id that is stored already replaces its entry and keeps its place in the order. An empty id, an
    // entry larger than maxPersonalCannedEntryBytes, one that is not a JSON object, or one whose "id" names
    // another entry is refused with CacheError::InvalidInput and nothing is written.
    void savePersonalCanned(QString id, QByteArray entryJson, std::function<void(WriteResult)> done);
    // Removing an id that is not stored succeeds; an empty id is refused with CacheError::InvalidInput.
    void removePersonalCanned(QString id, std::function<void(CacheResult)> done);
    // The practice report of a chat of a practice shift (issue 18): counts and times only, as the report's JSON. It
    // lives here and nowhere else, so it comes back with a resumed cache and ends with the shift's wipe. Saving again
    // replaces it. An empty id, a report larger than maxPracticeReportBytes or one that is not a JSON object is
    // refused with CacheError::InvalidInput and nothing is written.
    // `report.updatedAt` is set to the cache's clock's time.
    void savePracticeReport(PracticeReportRecord report, std::function<void(WriteResult)> done);

    void loadConversations(std::function<void(ConversationsResult)> done);
    // All messages of a conversation; of every conversation when `conversationId` is empty.
    void loadMessages(QString conversationId, std::function<void(MessagesResult)> done);
    void loadNotes(std::function<void(NotesResult)> done);
    // The personal canned-response entries in the order they were first saved.
    void loadPersonalCanned(std::function<void(PersonalCannedResult)> done);
    void loadPracticeReports(std::function<void(PracticeReportsResult)> done);

    // Threads on which SQLite ran this cache's statements (for the check that it is never the UI thread;
    // empty unless Options::recordStatementThreads), and the writer thread itself.
    void statementThreads(std::function<void(QList<Qt::HANDLE>)> done);
    void writerThread(std::function<void(Qt::HANDLE)> done);

Q_SIGNALS:
    void stateChanged(advocate::ShiftCache::State state);

private:
    static constexpr std::size_t keySize = 32; // 256 bits
    // Why a call was refused while the cache starts, recovers or wipes.
    static CacheResult busy();

    // Runs `work` on the writer thread, then the function it returns on this object's thread.
    void runOnWriter(std::function<std::function<void()>(ShiftCacheWriter &)> work);
    // `work` on the writer thread, then `done` with its result here.
    template <typename Result>
    void onWriter(std::function<Result(ShiftCacheWriter &)> work, std::function<void(Result)> done)
    {
        runOnWriter([work = std::move(work), done = std::move(done)](ShiftCacheWriter &writer) {
            return std::function<void()>([done, result = work(writer)]() { done(result); });
        });
    }
    // `done` with `result`, later on this object's thread (never before the call that asked returns).
    template <typename Result>
    void later(std::function<void(Result)> done, Result result)
    {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result = std::move(result)]() { done(result); }, Qt::QueuedConnection);
    }
    template <typename Result>
    void whenOpen(std::function<Result(ShiftCacheWriter &)> work, std::function<void(Result)> done);

    void setState(State state);
    void runWipe(std::function<void(WipeResult)> done);
    // Recovery at program start (ShiftCacheRecovery.cpp).
    void wipeForRecovery(RecoveryOutcome outcome, QString why, QDateTime startedAt,
                         std::function<void(RecoveryResult)> done);
    void openRecovered(QDateTime startedAt, std::function<void(RecoveryResult)> done);
    void releaseFolderAndReport(std::function<void()> report);
    void createDatabase(std::shared_ptr<SecureBytes> key, std::function<void(CacheResult)> done);

    Options m_options;
    State m_state = State::Closed;
    KeychainStore *m_keychain = nullptr; // child
    QThread m_thread;
    std::unique_ptr<ShiftCacheWriter> m_writer;
};

} // namespace advocate
