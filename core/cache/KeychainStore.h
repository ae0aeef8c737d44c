// SPDX-License-Identifier: GPL-3.0-only
#pragma once

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
    // Only set by read() on success. Callers move it into their own wiped buffer at once.
    QByteArray secret;

    bool ok() const { return status == KeychainStatus::Ok; }
};

class KeychainStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(KeychainResult)>;

    // `service` names the application's entries in the keychain (e.g. "org.advocatedesk.shift-cache").
    explicit KeychainStore(QString service, QObject *parent = nullptr);

    // Each call is asynchronous: `done` runs later on this object's thread, never before the call returns.
    void write(const QString &key, const QByteArray &secret, Callback done);
    void read(const QString &key, Callback done);
    void remove(const QString &key, Callback done);

    const QString &service() const { return m_service; }

private:
    QString m_service;
};

} // namespace advocate
