// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RestartTokens.h"

#include "protocol/FieldReader.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <sodium.h>
#include <sys/stat.h>

namespace advocate {

namespace {

constexpr char recordVersion = 1;
constexpr char survivorKind = 'S';
constexpr char staffKind = 'T';
constexpr char kdfContext[crypto_kdf_CONTEXTBYTES + 1] = "advrelay";
// A practice relay's keys: another context, so that its tokens and a live relay's never verify at the other.
constexpr char practiceKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "advpract";
// A record never holds more than a few conversations and short strings; anything larger is not ours.
constexpr int maxRecordBytes = 700;

QByteArray derive(const QByteArray &secret, quint64 id, RestartTokens::Program program)
{
    QByteArray key(crypto_auth_KEYBYTES, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(key.data()), static_cast<size_t>(key.size()), id,
                               program == RestartTokens::Program::Practice ? practiceKdfContext : kdfContext,
                               reinterpret_cast<const unsigned char *>(secret.constData()));
    return key;
}

QDataStream &stream(QDataStream &s)
{
    s.setVersion(QDataStream::Qt_6_0);
    return s;
}

quint64 randomWord()
{
    quint64 word = 0;
    randombytes_buf(&word, sizeof word);
    return word;
}

} // namespace

RestartTokens::RestartTokens(QByteArray secret, Program program)
{
    static_assert(crypto_kdf_KEYBYTES == secretBytes);
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    if (secret.size() == secretBytes) {
        m_survivorKey = derive(secret, 1, program);
        m_staffKey = derive(secret, 2, program);
    }
    sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
}

RestartTokens::~RestartTokens()
{
    for (QByteArray *key : {&m_survivorKey, &m_staffKey}) {
        if (!key->isEmpty() && !key->isDetached())
            continue; // shared with a copy that still needs it
        if (!key->isEmpty())
            sodium_memzero(key->data(), static_cast<size_t>(key->size()));
    }
}

QString RestartTokens::seal(char kind, const QByteArray &record) const
{
    const QByteArray &key = kind == survivorKind ? m_survivorKey : m_staffKey;
    QByteArray sealed;
    sealed.append(recordVersion).append(kind).append(record);
    QByteArray tag(crypto_auth_BYTES, Qt::Uninitialized);
    crypto_auth(reinterpret_cast<unsigned char *>(tag.data()), reinterpret_cast<const unsigned char *>(sealed.data()),
                static_cast<unsigned long long>(sealed.size()), reinterpret_cast<const unsigned char *>(key.data()));
    sealed.append(tag);
    return QString::fromLatin1(sealed.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> RestartTokens::open(char kind, const QString &token) const
{
    if (!enabled() || token.isEmpty() || token.size() > wire::maxTokenChars)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                              QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &bytes = decoded.decoded;
    if (!decoded || bytes.size() < 2 + crypto_auth_BYTES || bytes.size() > maxRecordBytes ||
        bytes.at(0) != recordVersion || bytes.at(1) != kind)
        return std::nullopt;
    const QByteArray &key = kind == survivorKind ? m_survivorKey : m_staffKey;
    const qsizetype signedBytes = bytes.size() - crypto_auth_BYTES;
    if (crypto_auth_verify(reinterpret_cast<const unsigned char *>(bytes.constData() + signedBytes),
                           reinterpret_cast<const unsigned char *>(bytes.constData()),
                           static_cast<unsigned long long>(signedBytes),
                           reinterpret_cast<const unsigned char *>(key.constData())) != 0)
        return std::nullopt;
    return bytes.mid(2, signedBytes - 2);
}

QString RestartTokens::issue(const Survivor &r) const
{
    QByteArray record;
    QDataStream out(&record, QIODevice::WriteOnly);
    stream(out) << r.run << r.survivorId << r.language << r.conversation << r.monitoringDisclosed << r.issuedAtMs
                << r.expiresAtMs << randomWord();
    return seal(survivorKind, record);
}

QString RestartTokens::issue(const Staff &r) const
{
    // The token names as many of the conversations as fit in a record (maxRecordBytes, which keeps it within the
    // codec's maxTokenChars): someone who answers more (a supervisor who took many over) re-claims only those after
    // a restart, and the others go to the front of the queue; a longer token would be refused by the workstation's
    // codec in signed_in and token_renewed, and break the session.
    const auto bytesOf = [](const QString &text) { return 4 + 2 * text.size(); }; // QDataStream: length, UTF-16
    constexpr qsizetype sealBytes = 2 + crypto_auth_BYTES;                        // version, kind, tag
    constexpr qsizetype fixedBytes = 8 + 8 + 8 + 4 + 8; // run, issued, expires, count, random word
    qsizetype room = maxRecordBytes - sealBytes - fixedBytes - bytesOf(r.user);
    quint32 named = 0;
    for (const HeldConversation &held : r.conversations) {
        room -= bytesOf(held.conversation) + bytesOf(held.language);
        if (room < 0)
            break;
        ++named;
    }
    QByteArray record;
    QDataStream out(&record, QIODevice::WriteOnly);
    stream(out) << r.run << r.user << r.issuedAtMs << r.expiresAtMs << named;
    for (quint32 i = 0; i < named; ++i)
        out << r.conversations.at(i).conversation << r.conversations.at(i).language;
    out << randomWord();
    return seal(staffKind, record);
}

std::optional<RestartTokens::Survivor> RestartTokens::survivor(const QString &token, qint64 nowMs) const
{
    const std::optional<QByteArray> record = open(survivorKind, token);
    if (!record)
        return std::nullopt;
    QDataStream in(*record);
    Survivor r;
    quint64 random = 0;
    stream(in) >> r.run >> r.survivorId >> r.language >> r.conversation >> r.monitoringDisclosed >> r.issuedAtMs >>
        r.expiresAtMs >> random;
    if (in.status() != QDataStream::Ok || nowMs >= r.expiresAtMs)
        return std::nullopt;
    return r;
}

std::optional<RestartTokens::Staff> RestartTokens::staff(const QString &token, qint64 nowMs) const
{
    const std::optional<QByteArray> record = open(staffKind, token);
    if (!record)
        return std::nullopt;
    QDataStream in(*record);
    Staff r;
    quint32 count = 0;
    stream(in) >> r.run >> r.user >> r.issuedAtMs >> r.expiresAtMs >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok && i < 64; ++i) {
        HeldConversation held;
        in >> held.conversation >> held.language;
        r.conversations.append(held);
    }
    quint64 random = 0;
    in >> random;
    if (in.status() != QDataStream::Ok || nowMs >= r.expiresAtMs)
        return std::nullopt;
    return r;
}

namespace {

const char credentialName[] = "restart-secret";

QString credentialsDirectory()
{
    const QString directory = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    return directory.isEmpty() ? QString() : QDir(directory).canonicalPath();
}

} // namespace

QString RestartTokens::secretFile(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    const QString directory = credentialsDirectory();
    if (directory.isEmpty())
        return {};
    const QString credential = QDir(directory).filePath(QLatin1String(credentialName));
    return QFileInfo::exists(credential) ? credential : QString();
}

RestartTokens::Loaded RestartTokens::readSecretFile(const QString &path)
{
    const auto problem = [&](const char *text) {
        return Loaded{{}, QCoreApplication::translate("RestartTokens", text).arg(path)};
    };
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return problem(QT_TRANSLATE_NOOP("RestartTokens", "The restart secret file %1 cannot be read."));
    if (!S_ISREG(info.st_mode))
        return problem(QT_TRANSLATE_NOOP("RestartTokens", "The restart secret file %1 is not a regular file."));
    const QString credentials = credentialsDirectory();
    const bool credential = !credentials.isEmpty() && QFileInfo(path).canonicalPath() == credentials;
    if ((info.st_mode & (credential ? mode_t(S_IRWXO) : mode_t(S_IRWXG | S_IRWXO))) != 0)
        return problem(QT_TRANSLATE_NOOP(
            "RestartTokens", "The restart secret file %1 may be read by others: it must be mode 0600 or 0400 "
                             "(install -m 0600 -o root)."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return problem(QT_TRANSLATE_NOOP("RestartTokens", "The restart secret file %1 cannot be read."));
    QByteArray secret = file.read(secretBytes + 1);
    if (secret.size() != secretBytes) {
        sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
        return problem(QT_TRANSLATE_NOOP(
            "RestartTokens", "The restart secret file %1 must hold exactly 32 bytes (head -c 32 /dev/urandom)."));
    }
    return Loaded{secret, {}};
}

} // namespace advocate
