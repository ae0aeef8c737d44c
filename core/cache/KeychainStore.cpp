// SPDX-License-Identifier: GPL-3.0-only
#include "cache/KeychainStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace advocate {

namespace {

KeychainResult resultOf(const QKeychain::Job &job)
{
    KeychainResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = KeychainStatus::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = KeychainStatus::NotFound;
        result.message = QCoreApplication::translate("KeychainStore", "The key was not found in the keychain.");
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = KeychainStatus::Unavailable;
        result.message = QCoreApplication::translate(
            "KeychainStore", "No keychain is available on this computer (on Linux: the Secret Service, such as "
                             "GNOME Keyring or KWallet, is not running or is locked).");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = KeychainStatus::AccessDenied;
        result.message = QCoreApplication::translate("KeychainStore", "The keychain refused access.");
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = KeychainStatus::Failed;
        result.message = QCoreApplication::translate("KeychainStore", "The keychain reported an error.");
        break;
    }
    // Qt Keychain's own text names the backend's failure (e.g. a D-Bus error); it never contains the secret.
    if (!job.errorString().isEmpty())
        result.message += u' ' + job.errorString();
    return result;
}

// Runs when a job finished, whether or not its store still exists.
void finish(QKeychain::Job &job, const QByteArray &written, const QPointer<KeychainStore> &store,
            const KeychainStore::Callback &done)
{
    // The buffer the write job was given (`written` shares it): the secret is in the keychain now, or it never
    // will be.
    SecureBytes::wipeShared(written);
    KeychainResult result = resultOf(job);
    if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(&job)) {
        // `data` shares the job's buffer: takeFrom() copies it into wiped memory, then zeroes the shared buffer.
        QByteArray data = reader->binaryData();
        if (result.ok()) {
            const qsizetype size = data.size();
            result.secret = SecureBytes::takeFrom(data);
            if (size > 0 && result.secret.isEmpty()) {
                result.status = KeychainStatus::Failed;
                result.message = QCoreApplication::translate(
                    "KeychainStore", "No protected memory could be allocated for the key read from the keychain.");
            }
        }
        SecureBytes::wipe(data);
    }
    if (store)
        done(std::move(result));
}

template <typename Job>
Job *makeJob(const QString &service, const QString &key, KeychainStore *store, KeychainStore::Callback done,
             QByteArray written = {})
{
    // No parent: Qt Keychain deletes the job after finished() (autoDelete). Deleting it earlier, as a child
    // of the store would be, leaves the libsecret backend's pending GLib callback with a dangling pointer.
    auto *job = new Job(service, nullptr);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    // The job itself is the context: the handler runs whenever the job finishes, so the secret's copies are
    // wiped even when the store is gone by then; the store's callback runs only if the store still exists.
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [store = QPointer<KeychainStore>(store), done = std::move(done), written = std::move(written)](
                         QKeychain::Job *finished) { finish(*finished, written, store, done); });
    return job;
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void KeychainStore::write(const QString &key, const QByteArray &secret, Callback done)
{
    // setBinaryData() shares `secret`'s buffer; the finished handler wipes it. It cannot be wiped here: the
    // job only starts when the event loop next runs (Job::start() is a queued call).
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this, std::move(done), secret);
    job->setBinaryData(secret);
    job->start();
}

void KeychainStore::read(const QString &key, Callback done)
{
    makeJob<QKeychain::ReadPasswordJob>(m_service, key, this, std::move(done))->start();
}

void KeychainStore::remove(const QString &key, Callback done)
{
    makeJob<QKeychain::DeletePasswordJob>(m_service, key, this, std::move(done))->start();
}

} // namespace advocate
