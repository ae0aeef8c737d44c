// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/FieldReader.h"

#include <QJsonArray>

#include <cmath>

namespace advocate::wire {

bool isIdentifier(const QString &value)
{
    if (value.isEmpty() || value.size() > maxIdentifierChars)
        return false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool allowed =
            (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!allowed)
            return false;
    }
    return true;
}

bool isLanguageTag(const QString &value)
{
    if (value.size() < 2 || value.size() > maxLanguageChars)
        return false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool allowed =
            (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

QString FieldReader::identifier(const char *name)
{
    return checkedString(name, isIdentifier, QCoreApplication::translate("FrameCodec", "an identifier"));
}

std::optional<QString> FieldReader::optionalIdentifier(const char *name)
{
    return optional(name, [&] { return identifier(name); });
}

QString FieldReader::language(const char *name)
{
    return checkedString(name, isLanguageTag, QCoreApplication::translate("FrameCodec", "a language tag"));
}

std::optional<QString> FieldReader::optionalLanguage(const char *name)
{
    return optional(name, [&] { return language(name); });
}

QString FieldReader::alias(const char *name)
{
    return checkedString(
        name,
        [](const QString &value) {
            return !value.trimmed().isEmpty() && value.size() <= maxAliasChars && !hasControlCharacters(value);
        },
        QCoreApplication::translate("FrameCodec", "a name of 1 to 64 characters"));
}

std::optional<QString> FieldReader::optionalAlias(const char *name)
{
    return optional(name, [&] { return alias(name); });
}

QString FieldReader::limitedString(const char *name, int maxChars)
{
    return checkedString(
        name, [maxChars](const QString &value) { return !value.isEmpty() && value.size() <= maxChars; },
        QCoreApplication::translate("FrameCodec", "a non-empty string of limited length"));
}

std::optional<QString> FieldReader::optionalLimitedString(const char *name, int maxChars)
{
    return optional(name, [&] { return limitedString(name, maxChars); });
}

QString FieldReader::body(const char *name)
{
    const QString value = checkedString(
        name, [](const QString &text) { return !text.isEmpty(); },
        QCoreApplication::translate("FrameCodec", "a non-empty string"));
    if (ok() && codePoints(value) > m_limits.maxMessageChars) {
        fail(ErrorCode::MessageTooLong, name,
             QCoreApplication::translate("FrameCodec", "The message is longer than %1 characters.")
                 .arg(m_limits.maxMessageChars));
        return QString();
    }
    return value;
}

std::optional<QString> FieldReader::optionalBody(const char *name)
{
    return optional(name, [&] { return body(name); });
}

qint64 FieldReader::integer(const char *name, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = field(name);
    if (!ok())
        return 0;
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number || number < double(minimum) || number > double(maximum)) {
        fail(ErrorCode::BadField, name,
             QCoreApplication::translate("FrameCodec", "Field \"%1\" must be a whole number from %2 to %3.")
                 .arg(QLatin1String(name))
                 .arg(minimum)
                 .arg(maximum));
        return 0;
    }
    return static_cast<qint64>(number);
}

int FieldReader::smallInteger(const char *name, int minimum, int maximum)
{
    return static_cast<int>(integer(name, minimum, maximum));
}

bool FieldReader::boolean(const char *name)
{
    const QJsonValue value = field(name);
    if (ok() && !value.isBool())
        fail(ErrorCode::BadField, name,
             QCoreApplication::translate("FrameCodec", "Field \"%1\" must be true or false.").arg(QLatin1String(name)));
    return value.toBool();
}

int FieldReader::protocol(const char *name)
{
    const int version = smallInteger(name, 0, 1 << 20);
    if (ok() && version != FrameCodec::protocolVersion)
        fail(ErrorCode::UnsupportedVersion, name,
             QCoreApplication::translate("FrameCodec", "This relay speaks protocol version %1 only.")
                 .arg(FrameCodec::protocolVersion));
    return version;
}

std::optional<QStringList> FieldReader::optionalLanguages(const char *name)
{
    if (!has(name))
        return std::nullopt;
    const QJsonValue value = field(name);
    if (!value.isArray() || value.toArray().size() > 32) {
        fail(ErrorCode::BadField, name,
             QCoreApplication::translate("FrameCodec", "Field \"%1\" must be a list of language tags.")
                 .arg(QLatin1String(name)));
        return std::nullopt;
    }
    QStringList languages;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isString() || !isLanguageTag(entry.toString())) {
            fail(ErrorCode::BadField, name,
                 QCoreApplication::translate("FrameCodec", "Field \"%1\" must be a list of language tags.")
                     .arg(QLatin1String(name)));
            return std::nullopt;
        }
        languages.append(entry.toString());
    }
    return languages;
}

QJsonValue FieldReader::field(const char *name)
{
    if (!ok())
        return QJsonValue();
    const auto found = m_object.constFind(QLatin1String(name));
    if (found == m_object.constEnd()) {
        fail(ErrorCode::BadField, name,
             QCoreApplication::translate("FrameCodec", "Field \"%1\" is missing.").arg(QLatin1String(name)));
        return QJsonValue();
    }
    return *found;
}

void FieldReader::fail(ErrorCode code, const char *name, const QString &message)
{
    if (!m_error)
        m_error = ProtocolError{code, message, QLatin1String(name)};
}

} // namespace advocate::wire
