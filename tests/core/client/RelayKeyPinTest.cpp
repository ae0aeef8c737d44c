// SPDX-License-Identifier: GPL-3.0-only
// The relay key pin (PK2): the value IT computes with openssl is the one the workstation compares, and a value that
// is not a SHA-256 in base64 is refused rather than read as "no pin".
#include "client/RelayKeyPin.h"

#include "TestCertificate.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QSslCertificate certificateIn(const QTemporaryDir &dir)
{
    const test::TestCertificate made = test::makeTestCertificate(dir);
    EXPECT_TRUE(made.error.isEmpty()) << qPrintable(made.error);
    const QList<QSslCertificate> read = QSslCertificate::fromPath(made.certificate);
    return read.isEmpty() ? QSslCertificate() : read.first();
}

} // namespace

TEST(RelayKeyPin, TheKeyHashIsTheOneOpensslPrintsForTheCertificate)
{
    QTemporaryDir dir;
    const QSslCertificate certificate = certificateIn(dir);
    ASSERT_FALSE(certificate.isNull());
    const QString fromOpenssl = test::opensslKeyPin(dir.filePath(QStringLiteral("relay.crt")));
    ASSERT_EQ(fromOpenssl.size(), 44) << qPrintable(fromOpenssl);
    EXPECT_EQ(QString::fromLatin1(RelayKeyPin::keySha256(certificate).toBase64()), fromOpenssl);
}

TEST(RelayKeyPin, APinOfTheCertificatesKeyAcceptsItAndAnotherKeysPinDoesNot)
{
    QTemporaryDir first;
    QTemporaryDir second;
    const QSslCertificate relay = certificateIn(first);
    const QSslCertificate other = certificateIn(second);
    QString problem;
    const auto pin = RelayKeyPin::parse({QString::fromLatin1(RelayKeyPin::keySha256(relay).toBase64())}, &problem);
    ASSERT_TRUE(pin) << qPrintable(problem);
    EXPECT_TRUE(pin->isSet());
    EXPECT_TRUE(pin->accepts(relay));
    EXPECT_FALSE(pin->accepts(other));
}

TEST(RelayKeyPin, AnyOfSeveralPinnedKeysIsAccepted)
{
    QTemporaryDir first;
    QTemporaryDir second;
    const QSslCertificate current = certificateIn(first);
    const QSslCertificate next = certificateIn(second);
    const auto pin = RelayKeyPin::parse({QString::fromLatin1(RelayKeyPin::keySha256(current).toBase64()),
                                         QString::fromLatin1(RelayKeyPin::keySha256(next).toBase64())},
                                        nullptr);
    ASSERT_TRUE(pin);
    EXPECT_TRUE(pin->accepts(current));
    EXPECT_TRUE(pin->accepts(next));
    EXPECT_EQ(pin->toBase64().size(), 2);
}

TEST(RelayKeyPin, WithoutAPinEveryVerifiedRelayIsAcceptedButAPinNeverAcceptsNoCertificate)
{
    QTemporaryDir dir;
    EXPECT_TRUE(RelayKeyPin().accepts(certificateIn(dir)));
    EXPECT_FALSE(RelayKeyPin().isSet());
    const auto pin = RelayKeyPin::parse({QString::fromLatin1(QByteArray(32, 'x').toBase64())}, nullptr);
    ASSERT_TRUE(pin);
    EXPECT_FALSE(pin->accepts(QSslCertificate())); // plain ws:// has no certificate to match
}

TEST(RelayKeyPin, AValueThatIsNotASha256InBase64IsRefusedAndSaysWhy)
{
    const QString hex = QString::fromLatin1(QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex());
    for (const QString &bad :
         {hex, QString::fromLatin1(QByteArray(31, 'x').toBase64()), QStringLiteral("not*base64"), QString()}) {
        QString problem;
        EXPECT_FALSE(RelayKeyPin::parse({bad}, &problem)) << qPrintable(bad);
        EXPECT_TRUE(problem.contains(QLatin1String("SHA-256"))) << qPrintable(problem);
    }
}

TEST(RelayKeyPin, ACutOrDamagedCertificateHasNoKeyInfoAndNoCrash)
{
    QTemporaryDir dir;
    const QByteArray der = certificateIn(dir).toDer();
    ASSERT_FALSE(RelayKeyPin::subjectPublicKeyInfo(der).isEmpty());
    for (qsizetype length = 0; length < der.size(); ++length)
        EXPECT_TRUE(RelayKeyPin::subjectPublicKeyInfo(der.left(length)).isEmpty()) << length;
    QByteArray wrongTag = der;
    wrongTag[0] = 0x31;
    EXPECT_TRUE(RelayKeyPin::subjectPublicKeyInfo(wrongTag).isEmpty());
}
