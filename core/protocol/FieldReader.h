// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameCodec.h"
#include "protocol/ProtocolError.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// The field rules of docs/protocol.md section 1, for the codec's per-frame decoders (FrameCodec.cpp,
// ConversationFrameFields, HandoffFrameFields).
namespace advocate::wire {

inline constexpr qint64 maxInteger = (qint64(1) << 53) - 1;
inline constexpr int maxIdentifierChars = 64;
inline constexpr int maxAliasChars = 64;
inline constexpr int maxLanguageChars = 35;
inline constexpr int maxUserChars = 64;
inline constexpr int maxPasswordChars = 1024;
inline constexpr int maxTokenChars = 1024; // a restart-verifiable token (section 8) with its records
inline constexpr int maxTextChars = 2000;

// Selects a frame type's decodeFields() overload.
template <typename T>
struct Tag
{
};

// For the encoders: a member name, and an optional member written only when it has a value.
inline QLatin1String key(const char *name)
{
    return QLatin1String(name);
}
template <typename Object, typename T>
void put(Object &object, const char *name, const std::optional<T> &value)
{
    if (value)
        object.insert(QLatin1String(name), *value);
}

bool isIdentifier(const QString &value);
bool isLanguageTag(const QString &value);
qsizetype codePoints(const QString &text);
bool hasControlCharacters(const QString &text);

// Reads typed fields from a frame object. The first problem wins; later reads return defaults.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, const ProtocolLimits &limits) : m_object(object), m_limits(limits) {}

    bool ok() const { return !m_error.has_value(); }
    ProtocolError error() const { return m_error.value_or(ProtocolError{}); }

    QString identifier(const char *name);
    std::optional<QString> optionalIdentifier(const char *name);
    QString language(const char *name);
    std::optional<QString> optionalLanguage(const char *name);
    QString alias(const char *name);
    std::optional<QString> optionalAlias(const char *name);
    QString limitedString(const char *name, int maxChars);
    std::optional<QString> optionalLimitedString(const char *name, int maxChars);
    QString body(const char *name);
    std::optional<QString> optionalBody(const char *name);
    qint64 integer(const char *name, qint64 minimum = 0, qint64 maximum = maxInteger);
    int smallInteger(const char *name, int minimum = 0, int maximum = 1 << 30);
    bool boolean(const char *name);
    int protocol(const char *name);
    std::optional<QStringList> optionalLanguages(const char *name);
    template <typename Enum>
    Enum named(const char *name, std::optional<Enum> (*fromName)(const QString &))
    {
        const QString text = checkedString(
            name, [fromName](const QString &value) { return fromName(value).has_value(); },
            QCoreApplication::translate("FrameCodec", "a known name"));
        return ok() ? *fromName(text) : Enum{};
    }
    QJsonValue field(const char *name);
    bool has(const char *name) const { return m_object.contains(QLatin1String(name)); }
    void fail(ErrorCode code, const char *name, const QString &message);

private:
    template <typename Read>
    auto optional(const char *name, Read read) -> std::optional<decltype(read())>
    {
        if (!has(name) || !ok())
            return std::nullopt;
        auto value = read();
        if (!ok())
            return std::nullopt;
        return value;
    }

    template <typename Check>
    QString checkedString(const char *name, Check check, const QString &what)
    {
        const QJsonValue value = field(name);
        if (!ok())
            return QString();
        if (!value.isString() || !check(value.toString())) {
            fail(ErrorCode::BadField, name,
                 QCoreApplication::translate("FrameCodec", "Field \"%1\" must be %2.").arg(QLatin1String(name), what));
            return QString();
        }
        return value.toString();
    }

    const QJsonObject &m_object;
    const ProtocolLimits &m_limits;
    std::optional<ProtocolError> m_error;
};

} // namespace advocate::wire
