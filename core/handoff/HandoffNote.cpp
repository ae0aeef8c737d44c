// SPDX-License-Identifier: GPL-3.0-only
#include "HandoffNote.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <array>

namespace advocate {

namespace {

struct Field
{
    QLatin1String key;
    QString HandoffNote::*member = nullptr;
    qsizetype maxLength = 0;
};

const std::array<Field, 5> &fields()
{
    static const std::array<Field, 5> all{{
        {QLatin1String("summary"), &HandoffNote::summary, HandoffNote::maxFieldLength},
        {QLatin1String("safetyConcerns"), &HandoffNote::safetyConcerns, HandoffNote::maxFieldLength},
        {QLatin1String("promised"), &HandoffNote::promised, HandoffNote::maxFieldLength},
        {QLatin1String("nextStep"), &HandoffNote::nextStep, HandoffNote::maxFieldLength},
        {QLatin1String("codeWord"), &HandoffNote::codeWord, HandoffNote::maxCodeWordLength},
    }};
    return all;
}

} // namespace

QString HandoffNote::toBody() const
{
    QJsonObject object;
    for (const Field &field : fields())
        object.insert(field.key, this->*field.member);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<HandoffNote> HandoffNote::fromBody(const QString &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    HandoffNote note;
    qsizetype known = 0;
    for (const Field &field : fields()) {
        const auto value = object.constFind(field.key);
        if (value == object.constEnd())
            continue;
        ++known;
        if (!value->isString())
            return std::nullopt;
        const QString text = value->toString();
        if (text.size() > field.maxLength)
            return std::nullopt;
        note.*field.member = text;
    }
    if (known != object.size()) // a field that is not one of the five
        return std::nullopt;
    return note;
}

bool HandoffNote::isEmpty() const
{
    for (const Field &field : fields()) {
        if (!(this->*field.member).trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace advocate
