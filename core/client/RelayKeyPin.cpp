// SPDX-License-Identifier: GPL-3.0-only
#include "RelayKeyPin.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>

namespace advocate {

namespace {

constexpr int sha256Bytes = 32;

// One DER tag-length-value: where it starts, how long its header and its content are.
struct Tlv
{
    quint8 tag = 0;
    qsizetype start = 0;
    qsizetype header = 0;
    qsizetype length = 0;

    qsizetype content() const { return start + header; }
    qsizetype end() const { return start + header + length; }
};

// Reads the element at `at` that must end by `limit`. Only what an X.509 certificate needs: low tag numbers and
// definite lengths of up to four bytes.
std::optional<Tlv> readTlv(const QByteArray &der, qsizetype at, qsizetype limit)
{
    if (at < 0 || limit > der.size() || limit - at < 2)
        return std::nullopt;
    Tlv tlv;
    tlv.tag = static_cast<quint8>(der.at(at));
    tlv.start = at;
    if ((tlv.tag & 0x1f) == 0x1f)
        return std::nullopt;
    const auto first = static_cast<quint8>(der.at(at + 1));
    tlv.header = 2;
    if (first < 0x80) {
        tlv.length = first;
    } else {
        const int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 4 || limit - at - 2 < bytes)
            return std::nullopt;
        for (int i = 0; i < bytes; ++i)
            tlv.length = (tlv.length << 8) | static_cast<quint8>(der.at(at + 2 + i));
        tlv.header += bytes;
    }
    if (tlv.length > limit - at - tlv.header)
        return std::nullopt;
    return tlv;
}

constexpr quint8 sequenceTag = 0x30;
constexpr quint8 integerTag = 0x02;
constexpr quint8 explicitVersionTag = 0xa0; // [0] EXPLICIT Version

} // namespace

std::optional<RelayKeyPin> RelayKeyPin::parse(const QStringList &base64, QString *problem)
{
    RelayKeyPin pin;
    for (const QString &text : base64) {
        const QByteArray trimmed = text.trimmed().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != sha256Bytes) {
            if (problem)
                *problem = QCoreApplication::translate("RelayKeyPin",
                                                       "“%1” is not a SHA-256 in base64 (44 characters ending in "
                                                       "“=”).")
                               .arg(text.trimmed());
            return std::nullopt;
        }
        if (!pin.m_digests.contains(decoded.decoded))
            pin.m_digests.append(decoded.decoded);
    }
    return pin;
}

QStringList RelayKeyPin::toBase64() const
{
    QStringList texts;
    for (const QByteArray &digest : m_digests)
        texts.append(QString::fromLatin1(digest.toBase64()));
    return texts;
}

bool RelayKeyPin::accepts(const QSslCertificate &peer) const
{
    if (!isSet())
        return true;
    if (peer.isNull())
        return false;
    const QByteArray digest = keySha256(peer);
    return !digest.isEmpty() && m_digests.contains(digest);
}

QByteArray RelayKeyPin::keySha256(const QSslCertificate &certificate)
{
    const QByteArray info = subjectPublicKeyInfo(certificate.toDer());
    if (info.isEmpty())
        return {};
    return QCryptographicHash::hash(info, QCryptographicHash::Sha256);
}

QByteArray RelayKeyPin::subjectPublicKeyInfo(const QByteArray &certificateDer)
{
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber INTEGER,
    // signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name, subjectPublicKeyInfo, … }, … }
    const auto certificate = readTlv(certificateDer, 0, certificateDer.size());
    if (!certificate || certificate->tag != sequenceTag)
        return {};
    const auto tbs = readTlv(certificateDer, certificate->content(), certificate->end());
    if (!tbs || tbs->tag != sequenceTag)
        return {};
    auto field = readTlv(certificateDer, tbs->content(), tbs->end());
    if (field && field->tag == explicitVersionTag)
        field = readTlv(certificateDer, field->end(), tbs->end());
    if (!field || field->tag != integerTag)
        return {};
    // signature, issuer, validity, subject: four sequences before the key.
    for (int i = 0; i < 4; ++i) {
        field = readTlv(certificateDer, field->end(), tbs->end());
        if (!field || field->tag != sequenceTag)
            return {};
    }
    field = readTlv(certificateDer, field->end(), tbs->end());
    if (!field || field->tag != sequenceTag)
        return {};
    return certificateDer.mid(field->start, field->header + field->length);
}

} // namespace advocate
