// SPDX-License-Identifier: GPL-3.0-only
#include "TestCertificate.h"

#include <QProcess>

namespace advocate::test {

TestCertificate makeTestCertificate(const QTemporaryDir &dir)
{
    TestCertificate made{dir.filePath(QStringLiteral("relay.crt")), dir.filePath(QStringLiteral("relay.key")), {}};
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), made.key,
                   QStringLiteral("-out"), made.certificate});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        made.error = QString::fromLocal8Bit(openssl.readAllStandardError()) + openssl.errorString();
    return made;
}

QString opensslKeyPin(const QString &certificate)
{
    // The very pipeline of the IT install guide.
    QProcess shell;
    shell.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform der | "
                                "openssl dgst -sha256 -binary | openssl base64 -A"),
                 QStringLiteral("sh"), certificate});
    if (!shell.waitForFinished(60000) || shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0)
        return {};
    return QString::fromLatin1(shell.readAllStandardOutput()).trimmed();
}

} // namespace advocate::test
