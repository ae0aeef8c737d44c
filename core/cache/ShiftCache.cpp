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

CacheResult ShiftCache::busy()
{
    return CacheResult::failure(
        CacheError::Busy, QCoreApplication::translate("ShiftCache", "The shift cache is busy starting, resuming or "
                                                                    "wiping; try again when it is done."));
}

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

void ShiftCache::runOnWriter(std::function<std::function<void()>(ShiftCacheWriter &)> work)
{
    ShiftCacheWriter *writer = m_writer.get();
    // `this` outlives the writer's queue: the destructor drains it before returning. Results come back as
    // queued calls on this object's thread, which Qt drops if this object is gone by then.
    QMetaObject::invokeMethod(
        writer,
        [this, writer, work = std::move(work)]() {
            QMetaObject::invokeMethod(this, work(*writer), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
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

void ShiftCache::savePracticeReport(PracticeReportRecord report, std::function<void(WriteResult)> done)
{
    report.updatedAt = m_options.clock->now();
    whenOpen<WriteResult>([report](ShiftCacheWriter &writer) { return writer.database().savePracticeReport(report); },
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

void ShiftCache::loadPracticeReports(std::function<void(PracticeReportsResult)> done)
{
    whenOpen<PracticeReportsResult>([](ShiftCacheWriter &writer) { return writer.database().practiceReports(); },
                                    std::move(done));
}

void ShiftCache::statementThreads(std::function<void(QList<Qt::HANDLE>)> done)
{
    onWriter<QList<Qt::HANDLE>>([](ShiftCacheWriter &writer) { return writer.database().statementThreads(); },
                                std::move(done));
}

} // namespace advocate
