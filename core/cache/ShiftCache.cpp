// SPDX-License-Identifier: GPL-3.0-only
#include "cache/ShiftCache.h"

#include "cache/CacheDatabase.h"
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

CacheResult secureMemory()
{
    return CacheResult::failure(
        CacheError::SecureMemory,
        QCoreApplication::translate("ShiftCache", "The shift cannot start: no protected memory could be allocated "
                                                  "for the key of the encrypted shift cache."));
}

// "12 hours", "90 minutes" → "1 hour and 30 minutes": the maximum shift length as the person set it.
QString describeLength(std::chrono::milliseconds length)
{
    const auto totalMinutes = std::chrono::duration_cast<std::chrono::minutes>(length).count();
    const int hours = static_cast<int>(totalMinutes / 60);
    const int minutes = static_cast<int>(totalMinutes % 60);
    const QString hoursText = QCoreApplication::translate("ShiftCache", "%n hour(s)", nullptr, hours);
    const QString minutesText = QCoreApplication::translate("ShiftCache", "%n minute(s)", nullptr, minutes);
    if (totalMinutes == 0)
        return QCoreApplication::translate(
            "ShiftCache", "%n second(s)", nullptr,
            static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(length).count()));
    if (minutes == 0)
        return hoursText;
    if (hours == 0)
        return minutesText;
    return QCoreApplication::translate("ShiftCache", "%1 and %2", "hours and minutes").arg(hoursText, minutesText);
}

// The result of a wipe whose key step ended with `key` and whose shredding reported `files`.
WipeResult describeWipe(bool databaseWasOpen, KeyRemoval key, CacheError keyError, const QString &keyMessage,
                        const CacheFiles::ShredReport &files)
{
    WipeResult result;
    result.databaseWasOpen = databaseWasOpen;
    result.key = key;
    result.filesRemoved = files.overwritten;
    result.filesUnlinkedWithoutOverwrite = files.unlinkedOnly;
    result.filesLeft = files.left;
    result.complete = key != KeyRemoval::Failed && files.left.isEmpty();
    QStringList parts;
    if (key == KeyRemoval::Deleted)
        parts << QCoreApplication::translate("ShiftCache", "The cache key was deleted from the keychain.");
    else if (key == KeyRemoval::AlreadyAbsent)
        parts << QCoreApplication::translate("ShiftCache", "The cache key was already gone.");
    else
        parts << QCoreApplication::translate("ShiftCache", "The cache key could not be deleted: %1").arg(keyMessage);
    parts << QCoreApplication::translate("ShiftCache", "%n cache file(s) overwritten and removed.", nullptr,
                                         static_cast<int>(files.overwritten.size()));
    if (!files.unlinkedOnly.isEmpty())
        parts << QCoreApplication::translate("ShiftCache",
                                             "Removed without overwriting (not a private file of yours): %1.")
                     .arg(files.unlinkedOnly.join(QLatin1String(", ")));
    if (!files.left.isEmpty())
        parts << QCoreApplication::translate("ShiftCache", "Still in the cache folder: %1.")
                     .arg(files.left.join(QLatin1String(", ")));
    if (key == KeyRemoval::Failed)
        parts << QCoreApplication::translate("ShiftCache", "The wipe will be finished at the next start.");
    result.message = parts.join(u' ');
    if (key == KeyRemoval::Failed)
        result.result = CacheResult::failure(keyError, result.message);
    else if (!files.left.isEmpty())
        result.result = CacheResult::failure(CacheError::FileSystem, result.message);
    return result;
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
      m_writer(std::make_unique<ShiftCacheWriter>(m_options.directory,
                                                  CacheDatabase::Options{{}, m_options.recordStatementThreads}))
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

void ShiftCache::writerThread(std::function<void(Qt::HANDLE)> done)
{
    onWriter<Qt::HANDLE>([](ShiftCacheWriter &) { return QThread::currentThreadId(); }, std::move(done));
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
    // The folder's lock comes before anything else, the keychain entry included: the key name is the same for
    // every instance, so a second one writing a new key would make the first one's cache unreadable.
    onWriter<ShiftCacheWriter::Inspection>(
        [](ShiftCacheWriter &writer) { return writer.lockAndInspect(); },
        [this, done](const ShiftCacheWriter::Inspection &found) {
            if (!found.access.ok()) {
                setState(State::Closed);
                done(found.access);
                return;
            }
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
            if (key->size() != keySize) {
                releaseFolderAndReport([this, done] {
                    setState(State::Closed);
                    done(secureMemory());
                });
                return;
            }
            // The keychain store wipes this copy (and the job's, which shares it) once the job has run.
            m_keychain->write(
                m_options.keyName, key->copyToByteArray(), [this, key, done](const KeychainResult &written) {
                    if (written.ok()) {
                        createDatabase(key, done);
                        return;
                    }
                    // No keychain, no cache: nothing but the empty, locked folder is on disk.
                    const CacheError error = written.status == KeychainStatus::Unavailable
                                                 ? CacheError::KeychainUnavailable
                                                 : CacheError::KeychainRefused;
                    const CacheResult failed =
                        CacheResult::failure(error, tr("The shift cannot start: the key of the encrypted shift cache "
                                                       "cannot be kept in the keychain, and Advocate Desk never keeps "
                                                       "conversations unencrypted. %1")
                                                        .arg(written.message));
                    releaseFolderAndReport([this, done, failed] {
                        setState(State::Closed);
                        done(failed);
                    });
                });
        });
}

void ShiftCache::releaseFolderAndReport(std::function<void()> report)
{
    onWriter<bool>(
        [](ShiftCacheWriter &writer) {
            writer.releaseIfEmpty();
            return true;
        },
        [report = std::move(report)](bool) { report(); });
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
            if (created.error == CacheError::ExistingCache) {
                // Files appeared that this start did not make: they are not ours to wipe.
                setState(State::Closed);
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
        [](ShiftCacheWriter &writer) { return writer.lockAndInspect(); },
        [this, done](const ShiftCacheWriter::Inspection &found) {
            if (!found.access.ok()) {
                // Another instance's live cache, or a folder that is not ours: nothing is read or deleted.
                setState(State::Closed);
                RecoveryResult result;
                result.outcome = RecoveryOutcome::Failed;
                result.result = found.access;
                result.message = found.access.message;
                done(result);
                return;
            }
            if (!found.manifestExists && found.existingFiles.isEmpty()) {
                // Nothing on disk. A key may still be left if the program died between storing it and
                // writing the manifest; it protects nothing, so it goes (under the lock, so it is not the key
                // of a shift another instance is starting).
                m_keychain->remove(m_options.keyName, [this, done](const KeychainResult &) {
                    releaseFolderAndReport([this, done] {
                        setState(State::Closed);
                        RecoveryResult result;
                        result.outcome = RecoveryOutcome::NoCache;
                        done(result);
                    });
                });
                return;
            }
            if (found.manifest && found.manifest->state() == CacheManifest::State::Wiping) {
                wipeForRecovery(RecoveryOutcome::InterruptedWipeCompleted,
                                tr("The wipe of the last shift's cache had been interrupted."), {}, done);
                return;
            }
            if (!found.manifest || !found.databaseExists) {
                wipeForRecovery(RecoveryOutcome::WipedIncomplete,
                                tr("The last shift's cache was incomplete (its start record or its database was "
                                   "missing)."),
                                {}, done);
                return;
            }
            const QDateTime startedAt = found.manifest->shiftStartedAt();
            const qint64 age = startedAt.msecsTo(m_options.clock->now());
            // A start time in the future means the clock or the file cannot be trusted: treat as stale. The
            // manifest is unencrypted and could be edited; openRecovered() checks it against the database.
            if (age < 0 || age >= m_options.maxShiftLength.count()) {
                wipeForRecovery(RecoveryOutcome::WipedStale,
                                tr("The last shift's cache was older than the maximum shift length of %1.")
                                    .arg(describeLength(m_options.maxShiftLength)),
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
                               "could not be read."),
                            startedAt, done);
            return;
        }
        if (!read.ok() || read.secret.size() != keySize) {
            // The key may well be there: without an answer nothing is opened and nothing is deleted.
            setState(State::Closed);
            RecoveryResult result;
            result.outcome = RecoveryOutcome::Failed;
            result.result =
                !read.ok() ? CacheResult::failure(
                                 read.status == KeychainStatus::Unavailable ? CacheError::KeychainUnavailable
                                                                            : CacheError::KeychainRefused,
                                 tr("The last shift's cache cannot be resumed because the keychain did not answer. %1")
                                     .arg(read.message))
                           : CacheResult::failure(CacheError::WrongKeyOrCorrupt,
                                                  tr("The key of the last shift's cache in the keychain has the wrong "
                                                     "length; nothing was opened or deleted."));
            result.message = result.result.message;
            result.shiftStartedAt = startedAt;
            done(result);
            return;
        }
        auto key = std::make_shared<SecureBytes>(std::move(read.secret));
        onWriter<ShiftCacheWriter::Opened>(
            [key](ShiftCacheWriter &writer) { return writer.openExisting(*key); },
            [this, startedAt, done](const ShiftCacheWriter::Opened &opened) {
                if (opened.result.ok() && opened.shiftStartedAt != startedAt) {
                    // The unencrypted manifest decided the cache was young enough; the encrypted record
                    // disagrees, so the manifest was changed or damaged and its age cannot be trusted.
                    wipeForRecovery(RecoveryOutcome::WipedStartTimeMismatch,
                                    tr("The start time recorded next to the last shift's cache does not match the "
                                       "one inside it, so its age cannot be trusted."),
                                    startedAt, done);
                    return;
                }
                if (opened.result.ok()) {
                    setState(State::Open);
                    RecoveryResult result;
                    result.outcome = RecoveryOutcome::Resumable;
                    result.shiftStartedAt = *opened.shiftStartedAt;
                    result.message = tr("The last shift's cache can be resumed.");
                    done(result);
                    return;
                }
                if (opened.result.error == CacheError::WrongKeyOrCorrupt) {
                    wipeForRecovery(RecoveryOutcome::WipedWrongKeyOrCorrupt,
                                    tr("The last shift's cache could not be opened with its key (wrong key or "
                                       "damaged file)."),
                                    startedAt, done);
                    return;
                }
                setState(State::Closed);
                RecoveryResult result;
                result.outcome = RecoveryOutcome::Failed;
                result.result = opened.result;
                result.message = opened.result.message;
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
        result.wipe = wiped;
        result.shiftStartedAt = startedAt;
        if (wiped.complete) {
            result.outcome = outcome;
            result.message = why + u' ' + tr("It was wiped.") + u' ' + wiped.message;
        } else {
            // Not "wiped": something is left (the key, or files). The caller gets the real reason, and the
            // manifest stays marked "wiping" so that the next start finishes the job.
            result.outcome = RecoveryOutcome::Failed;
            result.message = why + u' ' + tr("Wiping it did not complete.") + u' ' + wiped.message;
            result.result = CacheResult::failure(wiped.result.error, result.message);
        }
        done(result);
    });
}

void ShiftCache::wipe(std::function<void(WipeResult)> done)
{
    if (m_state == State::Busy) {
        WipeResult result;
        result.result = busy();
        result.message = result.result.message;
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
    // 1. take the folder's lock, mark the wipe and close the database (writer thread), 2. delete the key
    // (keychain), 3. shred the files, check what is left and remove the folder (writer thread).
    onWriter<ShiftCacheWriter::WipeStart>(
        [](ShiftCacheWriter &writer) { return writer.beginWipe(); },
        [this, done](const ShiftCacheWriter::WipeStart &started) {
            if (!started.access.ok()) {
                WipeResult refused;
                refused.result = started.access;
                refused.message = started.access.message;
                done(refused);
                return;
            }
            const bool wasOpen = started.databaseWasOpen;
            const QString keyName = m_options.keyName;
            m_keychain->read(keyName, [this, done, wasOpen, keyName](const KeychainResult &present) {
                const auto shred = [this, done, wasOpen](KeyRemoval key, const KeychainResult &keyAnswer) {
                    const CacheError keyError = keyAnswer.status == KeychainStatus::Unavailable
                                                    ? CacheError::KeychainUnavailable
                                                    : CacheError::KeychainRefused;
                    const QString keyMessage = keyAnswer.ok() ? tr("it is still in the keychain.") : keyAnswer.message;
                    onWriter<CacheFiles::ShredReport>(
                        [key](ShiftCacheWriter &writer) { return writer.shred(key != KeyRemoval::Failed); },
                        [done, wasOpen, key, keyError, keyMessage](const CacheFiles::ShredReport &files) {
                            done(describeWipe(wasOpen, key, keyError, keyMessage, files));
                        });
                };
                if (present.status == KeychainStatus::NotFound) {
                    shred(KeyRemoval::AlreadyAbsent, KeychainResult{KeychainStatus::NotFound, {}, {}});
                    return;
                }
                if (!present.ok()) {
                    shred(KeyRemoval::Failed, present);
                    return;
                }
                m_keychain->remove(keyName, [this, keyName, shred](const KeychainResult &removed) {
                    if (!removed.ok() && removed.status != KeychainStatus::NotFound) {
                        shred(KeyRemoval::Failed, removed);
                        return;
                    }
                    // Check that it is really gone rather than trusting the answer to the delete.
                    m_keychain->read(keyName, [shred](const KeychainResult &check) {
                        if (check.status == KeychainStatus::NotFound)
                            shred(KeyRemoval::Deleted, check);
                        else
                            shred(KeyRemoval::Failed, check);
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

void ShiftCache::savePersonalCanned(QString id, QByteArray entryJson, std::function<void(WriteResult)> done)
{
    const QDateTime now = m_options.clock->now();
    whenOpen<WriteResult>(
        [id, entryJson, now](ShiftCacheWriter &writer) {
            return writer.database().savePersonalCanned(id, entryJson, now);
        },
        std::move(done));
}

void ShiftCache::removePersonalCanned(QString id, std::function<void(CacheResult)> done)
{
    whenOpen<CacheResult>([id](ShiftCacheWriter &writer) { return writer.database().removePersonalCanned(id); },
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

void ShiftCache::loadPersonalCanned(std::function<void(PersonalCannedResult)> done)
{
    whenOpen<PersonalCannedResult>([](ShiftCacheWriter &writer) { return writer.database().personalCanned(); },
                                   std::move(done));
}

void ShiftCache::statementThreads(std::function<void(QList<Qt::HANDLE>)> done)
{
    onWriter<QList<Qt::HANDLE>>([](ShiftCacheWriter &writer) { return writer.database().statementThreads(); },
                                std::move(done));
}

} // namespace advocate
