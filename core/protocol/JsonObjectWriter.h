// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

class QJsonArray;
class QJsonObject;
class QJsonValue;

namespace advocate {

// Writes one JSON object straight to compact UTF-8, members in the order they are inserted: what the encoders of
// the frames need, without building a QJsonObject first (which sorts its keys into a CBOR container, allocating
// for each, and is then serialised: most of the cost of a frame on its way out, issue 16). The output is JSON as
// QJsonDocument::toJson(Compact) writes it: strings escape `"`, `\` and the control characters, and are otherwise
// UTF-8 (a lone surrogate becomes U+FFFD); nested arrays and objects, which only the larger and rarer frames have,
// are written by QJsonDocument. A member name must be inserted once.
class JsonObjectWriter
{
public:
    JsonObjectWriter();

    void insert(QLatin1String key, const QString &value);
    void insert(QLatin1String key, QLatin1String value);
    void insert(QLatin1String key, bool value);
    void insert(QLatin1String key, int value) { insert(key, qint64(value)); }
    void insert(QLatin1String key, qint64 value);
    void insert(QLatin1String key, const QJsonArray &value);
    void insert(QLatin1String key, const QJsonObject &value);
    void insert(QLatin1String key, const QJsonValue &value);

    // The object, closed.
    QByteArray finish() &&;

    // Appends `text` as a JSON string (with its quotes).
    static void appendString(QByteArray &out, QStringView text);

private:
    void name(QLatin1String key);

    QByteArray m_json;
    bool m_empty = true;
};

} // namespace advocate
