// SPDX-License-Identifier: GPL-3.0-only
#include "cache/ShiftCache.h"

#include "cache/KeychainStore.h"
#include "cache/SecureBytes.h"
#include "cache/ShiftCacheWriter.h"
#include "common/SystemClock.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace advocate {

namespace {
constexpr std::size_t keySize = 32; // 256 bits

CacheResult notOpen()
{
    return CacheResult::failure(CacheError::NotOpen,
                                QCoreApplication::translate("ShiftCache", "No shift is open in the cache."));
}

CacheResult busy()
{
    return CacheResult::failure(
        CacheError::Busy, QCoreApplication::translate("ShiftCache", "The shift cache is busy starting, resuming or "
                                                                    "wiping; try again when it is done."));
}

// Results that carry a CacheResult as `result` member or are one.
CacheResult &resultOf(CacheResult &result)
{
    return result;
}
template <typename Result>
CacheResult &resultOf(Result &result)
{
    return result.result;
}
} // namespace

ShiftCache::Options ShiftCache::defaultOptions()
{
    Options options;
    options.directory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                            .filePath(QStringLiteral("shift-cache"));
    options.keychainService = QStringLiteral("org.advocatedesk.shift-cache");
    options.keyName = QStringLiteral("shift-cache-key");
    options.clock = std::make_shared<SystemClock>();
    return options;
}

ShiftCache::ShiftCache(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_keychain(new KeychainStore(m_options.keychainService, this)),
      m_writer(std::make_unique<ShiftCacheWriter>(m_options.directory))
{
    if (!m_options.clock)
        m_options.clock = std::make_shared<SystemClock>();
    m_thread.setObjectName(QStringLiteral("shift-cache-writer"));
    m_writer->moveToThread(&m_thread);
    m_thread.start();
}

ShiftCache::~ShiftCache()
{
    // The connection is closed on its own thread; pending work finishes first (queued in order).
    ShiftCacheWriter *writer = m_writer.get();
    QMetaObject::invokeMethod(
        writer, [writer] { writer->closeDatabase(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Qt::HANDLE ShiftCache::writerThreadId() const
{
    Qt::HANDLE id = nullptr;
    QMetaObject::invokeMethod(
        m_writer.get(), [&id] { id = QThread::currentThreadId(); }, Qt::BlockingQueuedConnection);
    return id;
}

template <typename Result>
void ShiftCache::onWriter(std::function<Result(ShiftCacheWriter &)> work, std::function<void(Result)> done)
{
    ShiftCacheWriter *writer = m_writer.get();
    // `this` outlives the writer's queue: the destructor drains it before returning. Results come back as
    // queued calls on this object's thread, which Qt drops if this object is gone by then.
    QMetaObject::invokeMethod(
        writer,
        [this, writer, work = std::move(work), done = std::move(done)]() {
            Result result = work(*writer);
            QMetaObject::invokeMethod(
                this, [done, result = std::move(result)]() { done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

template <typename Result>
void ShiftCache::later(std::function<void(Result)> done, Result result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); }, Qt::QueuedConnection);
}

template <typename Result>
void ShiftCache::whenOpen(std::function<Result(ShiftCacheWriter &)> work, std::function<void(Result)> done)
{
    if (m_state != State::Open) {
        Result result{};
        resultOf(result) = m_state == State::Busy ? busy() : notOpen();
        later(std::move(done), std::move(result));
        return;
    }
    onWriter(std::move(work), std::move(done));
}

void ShiftCache::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ShiftCache::startShift(std::function<void(CacheResult)> done)
{
    if (m_state != State::Closed) {
        later(std::move(done),
              m_state == State::Busy
                  ? busy()
                  : CacheResult::failure(CacheError::ExistingCache, tr("A shift is already open in the cache.")));
        return;
    }
    setState(State::Busy);
    onWriter<ShiftCacheWriter::Inspection>(
        [](ShiftCacheWriter &writer) { return writer.inspect(); },
        [this, done](const ShiftCacheWriter::Inspection &found) {
            if (!found.existingFiles.isEmpty()) {
                // Never start over files of an earlier shift: recover() resumes or wipes them first.
                setState(State::Closed);
                done(CacheResult::failure(CacheError::ExistingCache,
                                          tr("The cache of an earlier shift is still on this computer; it has to "
                                             "be resumed or wiped before a new shift starts.")));
                return;
            }
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
            if (m_options.withoutEncryptionForBenchmark) {
                createDatabase(nullptr, done);
                return;
            }
#endif
            auto key = std::make_shared<SecureBytes>(SecureBytes::random(keySize));
            QByteArray keychainCopy = key->copyToByteArray();
            m_keychain->write(m_options.keyName, keychainCopy, [this, key, done](const KeychainResult &written) {
                if (!written.ok()) {
                    // No keychain, no cache: nothing has been written to disk at this point.
                    setState(State::Closed);
                    const CacheError error = written.status == KeychainStatus::Unavailable
                                                 ? CacheError::KeychainUnavailable
                                                 : CacheError::KeychainRefused;
                    done(CacheResult::failure(
                        error, tr("The shift cannot start: the key of the encrypted shift cache cannot be kept in "
                                  "the keychain, and Advocate Desk never keeps conversations unencrypted. %1")
                                   .arg(written.message)));
                    return;
                }
                createDatabase(key, done);
            });
            SecureBytes::wipe(keychainCopy);
        });
}

void ShiftCache::createDatabase(std::shared_ptr<SecureBytes> key, std::function<void(CacheResult)> done)
{
    const QDateTime startedAt = m_options.clock->now();
    onWriter<CacheResult>(
        [key, startedAt](ShiftCacheWriter &writer) {
#ifdef ADVOCATE_CACHE_PLAINTEXT_FOR_BENCHMARK
            if (!key)
                return writer.createWithoutEncryptionForBenchmark(startedAt);
#endif
            return writer.create(*key, startedAt);
        },
        [this, done](const CacheResult &created) {
            if (created.ok()) {
                setState(State::Open);
                done(created);
                return;
            }
            // Undo the half-made start (files, key) and report why it failed.
            runWipe([this, done, created](const WipeResult &) {
                setState(State::Closed);
                done(created);
            });
        });
}

void ShiftCache::recover(std::function<void(RecoveryResult)> done)
{
    if (m_state != State::Closed) {
        RecoveryResult result;
        result.result = m_state == State::Busy
                            ? busy()
                            : CacheResult::failure(CacheError::ExistingCache, tr("A shift is already open."));
        result.message = result.result.message;
        later(std::move(done), std::move(result));
        return;
    }
    setState(State::Busy);
    onWriter<ShiftCacheWriter::Inspection>(
        [](ShiftCacheWriter &writer) { return writer.inspect(); },
        [this, done](const ShiftCacheWriter::Inspection &found) {
            if (!found.manifestExists && found.existingFiles.isEmpty()) {
                // Nothing on disk. A key may still be left if the program died between storing it and
                // writing the manifest; it protects nothing, so it goes.
                m_keychain->remove(m_options.keyName, [this, done](const KeychainResult &) {
                    setState(State::Closed);
                    RecoveryResult result;
                    result.outcome = RecoveryOutcome::NoCache;
                    done(result);
                });
                return;
            }
            if (found.manifest && found.manifest->state() == CacheManifest::State::Wiping) {
                wipeForRecovery(RecoveryOutcome::InterruptedWipeCompleted,
                                tr("The wipe of the last shift's cache had been interrupted; it is now complete."), {},
                                done);
                return;
            }
            if (!found.manifest || !found.databaseExists) {
                wipeForRecovery(RecoveryOutcome::WipedIncomplete,
                                tr("The last shift's cache was incomplete (its start record or its database was "
                                   "missing), so it was wiped."),
                                {}, done);
                return;
            }
            const QDateTime startedAt = found.manifest->shiftStartedAt();
            const qint64 age = startedAt.msecsTo(m_options.clock->now());
            // A start time in the future means the clock or the file cannot be trusted: treat as stale.
            if (age < 0 || age >= m_options.maxShiftLength.count()) {
                wipeForRecovery(
                    RecoveryOutcome::WipedStale,
                    tr("The last shift's cache was older than the maximum shift length of %n hour(s), "
                       "so it was wiped.",
                       nullptr,
                       static_cast<int>(
                           std::chrono::duration_cast<std::chrono::hours>(m_options.maxShiftLength).count())),
                    startedAt, done);
                return;
            }
            openRecovered(startedAt, done);
        });
}

void ShiftCache::openRecovered(QDateTime startedAt, std::function<void(RecoveryResult)> done)
{
    m_keychain->read(m_options.keyName, [this, startedAt, done](KeychainResult read) {
        if (read.status == KeychainStatus::NotFound) {
            wipeForRecovery(RecoveryOutcome::WipedKeyMissing,
                            tr("The key of the last shift's cache is no longer in the keychain, so the cache "
                               "could not be read and was wiped."),
                            startedAt, done);
            return;
        }
        if (!read.ok()) {
            // The key may well be there: without an answer nothing is opened and nothing is deleted.
            setState(State::Closed);
            RecoveryResult result;
            result.outcome = RecoveryOutcome::Failed;
            result.result = CacheResult::failure(
                read.status == KeychainStatus::Unavailable ? CacheError::KeychainUnavailable
                                                           : CacheError::KeychainRefused,
                tr("The last shift's cache cannot be resumed because the keychain did not answer. %1")
                    .arg(read.message));
            result.message = result.result.message;
            result.shiftStartedAt = startedAt;
            done(result);
            return;
        }
        auto key = std::make_shared<SecureBytes>(SecureBytes::takeFrom(read.secret));
        onWriter<CacheResult>([key](ShiftCacheWriter &writer) { return writer.openExisting(*key); },
                              [this, startedAt, done](const CacheResult &opened) {
                                  if (opened.ok()) {
                                      setState(State::Open);
                                      RecoveryResult result;
                                      result.outcome = RecoveryOutcome::Resumable;
                                      result.shiftStartedAt = startedAt;
                                      result.message = tr("The last shift's cache can be resumed.");
                                      done(result);
                                      return;
                                  }
                                  if (opened.error == CacheError::WrongKeyOrCorrupt) {
                                      wipeForRecovery(RecoveryOutcome::WipedWrongKeyOrCorrupt,
                                                      tr("The last shift's cache could not be opened with its key "
                                                         "(wrong key or damaged file), so it was wiped."),
                                                      startedAt, done);
                                      return;
                                  }
                                  setState(State::Closed);
                                  RecoveryResult result;
                                  result.outcome = RecoveryOutcome::Failed;
                                  result.result = opened;
                                  result.message = opened.message;
                                  result.shiftStartedAt = startedAt;
                                  done(result);
                              });
    });
}

void ShiftCache::wipeForRecovery(RecoveryOutcome outcome, QString why, QDateTime startedAt,
                                 std::function<void(RecoveryResult)> done)
{
    runWipe([this, outcome, why, startedAt, done](const WipeResult &wiped) {
        setState(State::Closed);
        RecoveryResult result;
        result.outcome = outcome;
        result.wipe = wiped;
        result.shiftStartedAt = startedAt;
        result.message = why + u' ' + wiped.message;
        if (!wiped.complete)
            result.result = CacheResult::failure(CacheError::FileSystem, wiped.message);
        done(result);
    });
}

void ShiftCache::wipe(std::function<void(WipeResult)> done)
{
    if (m_state == State::Busy) {
        WipeResult result;
        result.message = busy().message;
        later(std::move(done), std::move(result));
        return;
    }
    setState(State::Busy);
    runWipe([this, done](const WipeResult &wiped) {
        setState(State::Closed);
        done(wiped);
    });
}

void ShiftCache::runWipe(std::function<void(WipeResult)> done)
{
    // 1. mark the wipe and close the database (writer thread), 2. delete the key (keychain), 3. shred the
    // files and check they are gone (writer thread).
    onWriter<bool>(
        [](ShiftCacheWriter &writer) { return writer.beginWipe(); },
        [this, done](bool wasOpen) {
            const QString keyName = m_options.keyName;
            m_keychain->read(keyName, [this, done, wasOpen, keyName](KeychainResult present) {
                SecureBytes::wipe(present.secret);
                const auto shred = [this, done, wasOpen](KeyRemoval key, const QString &keyMessage) {
                    onWriter<std::pair<QStringList, QStringList>>(
                        [key](ShiftCacheWriter &writer) {
                            std::pair<QStringList, QStringList> files;
                            writer.shred(key != KeyRemoval::Failed, files.first, files.second);
                            return files;
                        },
                        [done, wasOpen, key, keyMessage](const std::pair<QStringList, QStringList> &files) {
                            WipeResult result;
                            result.databaseWasOpen = wasOpen;
                            result.key = key;
                            result.filesRemoved = files.first;
                            result.filesLeft = files.second;
                            result.complete = key != KeyRemoval::Failed && files.second.isEmpty();
                            QStringList parts;
                            parts << (key == KeyRemoval::Deleted ? tr("The cache key was deleted from the keychain.")
                                      : key == KeyRemoval::AlreadyAbsent
                                          ? tr("The cache key was already gone.")
                                          : tr("The cache key could not be deleted: %1").arg(keyMessage));
                            parts << tr("%n cache file(s) overwritten and removed.", nullptr,
                                        static_cast<int>(files.first.size()));
                            if (!files.second.isEmpty())
                                parts << tr("Still present: %1.").arg(files.second.join(QLatin1String(", ")));
                            if (key == KeyRemoval::Failed)
                                parts << tr("The wipe will be finished at the next start.");
                            result.message = parts.join(u' ');
                            done(result);
                        });
                };
                if (present.status == KeychainStatus::NotFound) {
                    shred(KeyRemoval::AlreadyAbsent, {});
                    return;
                }
                if (!present.ok()) {
                    shred(KeyRemoval::Failed, present.message);
                    return;
                }
                m_keychain->remove(keyName, [this, keyName, shred](const KeychainResult &removed) {
                    if (!removed.ok() && removed.status != KeychainStatus::NotFound) {
                        shred(KeyRemoval::Failed, removed.message);
                        return;
                    }
                    // Check that it is really gone rather than trusting the answer to the delete.
                    m_keychain->read(keyName, [shred](KeychainResult check) {
                        SecureBytes::wipe(check.secret);
                        if (check.status == KeychainStatus::NotFound)
                            shred(KeyRemoval::Deleted, {});
                        else
                            shred(KeyRemoval::Failed, check.ok() ? tr("it is still in the keychain.") : check.message);
                    });
                });
            });
        });
}

void ShiftCache::upsertConversation(ConversationRecord conversation, std::function<void(CacheResult)> done)
{
    whenOpen<CacheResult>(
        [conversation](ShiftCacheWriter &writer) { return writer.database().upsertConversation(conversation); },
        std::move(done));
}

void ShiftCache::appendMessage(MessageRecord message, std::function<void(WriteResult)> done)
{
    whenOpen<WriteResult>([message](ShiftCacheWriter &writer) { return writer.database().appendMessage(message); },
                          std::move(done));
}

void ShiftCache::updateDelivery(QString clientMessageId, DeliveryState state, std::optional<qint64> relaySequence,
                                std::function<void(CacheResult)> done)
{
    const QDateTime now = m_options.clock->now();
    whenOpen<CacheResult>(
        [clientMessageId, state, relaySequence, now](ShiftCacheWriter &writer) {
            const std::optional<QDateTime> deliveredAt =
                state == DeliveryState::Delivered ? std::optional<QDateTime>(now) : std::nullopt;
            return writer.database().updateDelivery(clientMessageId, state, relaySequence, deliveredAt);
        },
        std::move(done));
}

void ShiftCache::saveDraft(QString conversationId, QString text, std::function<void(WriteResult)> done)
{
    const QDateTime now = m_options.clock->now();
    whenOpen<WriteResult>(
        [conversationId, text, now](ShiftCacheWriter &writer) {
            return writer.database().saveDraft(conversationId, text, now);
        },
        std::move(done));
}

void ShiftCache::addNote(NoteRecord note, std::function<void(WriteResult)> done)
{
    if (!note.createdAt.isValid())
        note.createdAt = m_options.clock->now();
    whenOpen<WriteResult>([note](ShiftCacheWriter &writer) { return writer.database().addNote(note); },
                          std::move(done));
}

void ShiftCache::loadConversations(std::function<void(ConversationsResult)> done)
{
    whenOpen<ConversationsResult>([](ShiftCacheWriter &writer) { return writer.database().conversations(); },
                                  std::move(done));
}

void ShiftCache::loadMessages(QString conversationId, std::function<void(MessagesResult)> done)
{
    whenOpen<MessagesResult>(
        [conversationId](ShiftCacheWriter &writer) { return writer.database().messages(conversationId); },
        std::move(done));
}

void ShiftCache::loadNotes(std::function<void(NotesResult)> done)
{
    whenOpen<NotesResult>([](ShiftCacheWriter &writer) { return writer.database().notes(); }, std::move(done));
}

void ShiftCache::statementThreads(std::function<void(QList<Qt::HANDLE>)> done)
{
    onWriter<QList<Qt::HANDLE>>([](ShiftCacheWriter &writer) { return writer.database().statementThreads(); },
                                std::move(done));
}

} // namespace advocate
