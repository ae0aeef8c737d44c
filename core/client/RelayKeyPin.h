// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSslCertificate;

namespace advocate {

// The relay's public key as IT pinned it (requirements PK2, WS1): the SHA-256 of the DER SubjectPublicKeyInfo of the
// relay certificate, written in base64 (the form `openssl … | openssl dgst -sha256 -binary | base64` prints, and
// curl's --pinnedpubkey and HPKP use). Several may be pinned, so a new key can be rolled out before the switch.
//
// The pin is checked on top of the usual certificate verification, never instead of it: a certificate that the
// trust store does not accept fails the TLS handshake first, pinned or not. It names the relay's own certificate
// only, not an issuer's: the rest of the chain is whatever the peer chose to send.
class RelayKeyPin
{
public:
    // No pin: every verified relay is accepted.
    RelayKeyPin() = default;

    // Reads base64 SHA-256 values (surrounding spaces ignored). Empty, with `problem` set, when one is not exactly
    // 32 bytes in base64.
    static std::optional<RelayKeyPin> parse(const QStringList &base64, QString *problem);

    bool isSet() const { return !m_digests.isEmpty(); }
    // The pinned values as IT wrote them (normalised base64), for display.
    QStringList toBase64() const;
    // True without a pin, or when `peer`'s public key is one of the pinned ones. A null certificate (plain ws://)
    // never matches a pin.
    bool accepts(const QSslCertificate &peer) const;

    // The SHA-256 of `certificate`'s SubjectPublicKeyInfo; empty when the certificate cannot be read.
    static QByteArray keySha256(const QSslCertificate &certificate);
    // The SubjectPublicKeyInfo, as DER, inside a DER X.509 certificate; empty when it is not one.
    static QByteArray subjectPublicKeyInfo(const QByteArray &certificateDer);

    bool operator==(const RelayKeyPin &) const = default;

private:
    QList<QByteArray> m_digests;
};

} // namespace advocate
