// SPDX-License-Identifier: GPL-3.0-only
// A self-signed certificate for 127.0.0.1, made with openssl at test time in a folder the caller keeps.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace advocate::test {

struct TestCertificate
{
    QString certificate;
    QString key;
    // Empty when it was made; otherwise what openssl said.
    QString error;
};

TestCertificate makeTestCertificate(const QTemporaryDir &dir);

// The certificate's public-key pin as docs/it-install-guide.md has IT compute it with openssl (base64 SHA-256 of the
// DER SubjectPublicKeyInfo); empty when openssl failed.
QString opensslKeyPin(const QString &certificate);

} // namespace advocate::test
