// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/JsonObjectWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <utility>

namespace advocate {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void appendUtf8(QByteArray &out, char32_t codePoint)
{
    if (codePoint < 0x800) {
        out.append(char(0xc0 | (codePoint >> 6)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    } else if (codePoint < 0x10000) {
        out.append(char(0xe0 | (codePoint >> 12)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    } else {
        out.append(char(0xf0 | (codePoint >> 18)));
        out.append(char(0x80 | ((codePoint >> 12) & 0x3f)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3f)));
        out.append(char(0x80 | (codePoint & 0x3f)));
    }
}

// A control character as JSON writes it: the short escapes where JSON has one, else \u00XX.
void appendControlEscape(QByteArray &out, char control)
{
    static constexpr std::pair<char, char> shortEscapes[] = {
        {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'}};
    for (const auto &[character, letter] : shortEscapes) {
        if (character == control) {
            const char escape[] = {'\\', letter};
            out.append(escape, sizeof escape);
            return;
        }
    }
    const char escape[] = {'\\', 'u', '0', '0', hexDigits[control >> 4], hexDigits[control & 0xf]};
    out.append(escape, sizeof escape);
}

// A nested value as QJsonDocument writes it.
QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A scalar: written inside a one-element array, then unwrapped.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

JsonObjectWriter::JsonObjectWriter()
{
    m_json.reserve(160);
    m_json.append('{');
}

void JsonObjectWriter::appendString(QByteArray &out, QStringView text)
{
    out.append('"');
    const qsizetype size = text.size();
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = units[i];
        if (unit >= 0x20 && unit < 0x80) {
            if (unit == u'"' || unit == u'\\')
                out.append('\\');
            out.append(char(unit));
        } else if (unit < 0x20) {
            appendControlEscape(out, char(unit));
        } else if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(units[i + 1])) {
            appendUtf8(out, QChar::surrogateToUcs4(unit, units[i + 1]));
            ++i;
        } else if (QChar::isSurrogate(unit)) {
            appendUtf8(out, QChar::ReplacementCharacter);
        } else {
            appendUtf8(out, unit);
        }
    }
    out.append('"');
}

void JsonObjectWriter::name(QLatin1String key)
{
    if (!m_empty)
        m_json.append(',');
    m_empty = false;
    // Member names are the protocol's own (ASCII letters), never anything a client sent: nothing to escape.
    m_json.append('"');
    m_json.append(key.data(), key.size());
    m_json.append("\":", 2);
}

void JsonObjectWriter::insert(QLatin1String key, const QString &value)
{
    name(key);
    appendString(m_json, value);
}

void JsonObjectWriter::insert(QLatin1String key, QLatin1String value)
{
    insert(key, QString(value));
}

void JsonObjectWriter::insert(QLatin1String key, bool value)
{
    name(key);
    m_json.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonObjectWriter::insert(QLatin1String key, qint64 value)
{
    name(key);
    m_json.append(QByteArray::number(value));
}

void JsonObjectWriter::insert(QLatin1String key, const QJsonArray &value)
{
    name(key);
    m_json.append(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

void JsonObjectWriter::insert(QLatin1String key, const QJsonObject &value)
{
    name(key);
    m_json.append(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

void JsonObjectWriter::insert(QLatin1String key, const QJsonValue &value)
{
    name(key);
    m_json.append(compact(value));
}

QByteArray JsonObjectWriter::finish() &&
{
    m_json.append('}');
    return std::move(m_json);
}

} // namespace advocate
