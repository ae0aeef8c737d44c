// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/SecureBytes.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace advocate {

// Secrets in the operating system's keychain (Secret Service on Linux, Credential Manager on Windows,
// Keychain on macOS) through Qt Keychain. There is deliberately no insecure fallback: when no keychain
// answers, every call fails with KeychainStatus::Unavailable and the caller must refuse to go on.
enum class KeychainStatus {
    Ok,
    NotFound,
    Unavailable,
    AccessDenied,
    Failed,
};

struct KeychainResult
{
    KeychainStatus status = KeychainStatus::Failed;
    // A sentence for the person at the keyboard; never contains the secret.
    QString message;
    // Only set by read() on success, in memory that is wiped when released. Filled inside the job's finished
    // handler, which then overwrites the job's own copy with zeros.
    SecureBytes secret;

    bool ok() const { return status == KeychainStatus::Ok; }
};

// Each call runs a Qt Keychain job. The jobs have no parent and are deleted by Qt Keychain itself after they
// finished (autoDelete): a job cannot be cancelled once started (the libsecret backend hands a pointer to it
// to a GLib callback that arrives later), so destroying this store must not destroy a running job. A job that
// finishes after the store is gone still wipes its copy of the secret, and its callback is dropped.
//
// Residual risk, out of our reach: Qt Keychain's libsecret backend base64-encodes a secret it writes and
// decodes one it reads in temporary QByteArrays of its own, and libsecret and the Secret Service copy it
// again; those copies are freed without being wiped.
class KeychainStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(KeychainResult)>;

    // `service` names the application's entries in the keychain (e.g. "org.advocatedesk.shift-cache").
    explicit KeychainStore(QString service, QObject *parent = nullptr);

    // Each call is asynchronous: `done` runs later on this object's thread, never before the call returns, and
    // not at all if this object is destroyed first.
    //
    // The job keeps an implicitly shared copy of `secret` until it ran; once it has (success or not), that
    // buffer is overwritten with zeros, so `secret` and every QByteArray sharing it read zeros afterwards.
    void write(const QString &key, const QByteArray &secret, Callback done);
    void read(const QString &key, Callback done);
    void remove(const QString &key, Callback done);

    const QString &service() const { return m_service; }

private:
    QString m_service;
};

} // namespace advocate
