// SPDX-License-Identifier: GPL-3.0-only
#include "cache/KeychainStore.h"

#include <QCoreApplication>
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

template <typename Job>
Job *makeJob(const QString &service, const QString &key, QObject *context, const KeychainStore::Callback &done)
{
    auto *job = new Job(service, context); // owned by `context`, deleted by Qt Keychain after finished()
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        KeychainResult result = resultOf(*finished);
        if (result.ok()) {
            if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.secret = reader->binaryData();
        }
        done(std::move(result));
    });
    return job;
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void KeychainStore::write(const QString &key, const QByteArray &secret, Callback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this, done);
    job->setBinaryData(secret);
    job->start();
}

void KeychainStore::read(const QString &key, Callback done)
{
    makeJob<QKeychain::ReadPasswordJob>(m_service, key, this, done)->start();
}

void KeychainStore::remove(const QString &key, Callback done)
{
    makeJob<QKeychain::DeletePasswordJob>(m_service, key, this, done)->start();
}

} // namespace advocate
