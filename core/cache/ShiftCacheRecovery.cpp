// SPDX-License-Identifier: GPL-3.0-only
// The shift cache's recovery at program start: what an earlier shift left in the folder is resumed when it is young
// enough and opens with its key, and wiped otherwise (an interrupted wipe, an incomplete or stale cache, a missing
// key, a start time that does not match, a wrong key or a damaged file), each with its reason. Beside ShiftCache.cpp's
// start, wipe and data calls.
#include "cache/ShiftCache.h"

#include "cache/KeychainStore.h"
#include "cache/SecureBytes.h"
#include "cache/ShiftCacheWriter.h"

#include <QCoreApplication>

namespace advocate {

namespace {

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

} // namespace

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

} // namespace advocate
