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

} // namespace advocate::test
