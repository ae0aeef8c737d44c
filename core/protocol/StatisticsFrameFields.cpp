// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/StatisticsFrameFields.h"

#include "protocol/StatisticsCounters.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace advocate::wire {

frame::GetStatistics decodeFields(FieldReader &r, Tag<frame::GetStatistics>)
{
    frame::GetStatistics f;
    if (r.ok() && r.has("days"))
        f.days = r.smallInteger("days", 1, frame::maxStatisticsDays);
    return f;
}

frame::Statistics decodeFields(FieldReader &r, Tag<frame::Statistics>)
{
    frame::Statistics f;
    f.timeZone = r.limitedString("timeZone", maxIdentifierChars);
    const QJsonValue list = r.field("days");
    const QString problem =
        QCoreApplication::translate("FrameCodec", "Field \"days\" must be a list of at most %1 days of counts.")
            .arg(frame::maxStatisticsDays);
    if (r.ok() && (!list.isArray() || list.toArray().size() > frame::maxStatisticsDays))
        r.fail(ErrorCode::BadField, "days", problem);
    const QJsonArray days = list.toArray();
    for (qsizetype i = 0; r.ok() && i < days.size(); ++i) {
        if (const std::optional<frame::StatisticsDay> day = statisticsDayFromJson(days.at(i)))
            f.days.append(*day);
        else
            r.fail(ErrorCode::BadField, "days", problem);
    }
    return f;
}

void encodeFields(JsonObjectWriter &o, const frame::GetStatistics &f)
{
    put(o, "days", f.days);
}

void encodeFields(JsonObjectWriter &o, const frame::Statistics &f)
{
    o.insert(key("timeZone"), f.timeZone);
    QJsonArray days;
    for (const frame::StatisticsDay &day : f.days)
        days.append(statisticsDayToJson(day));
    o.insert(key("days"), days);
}

QJsonObject statisticsDayToJson(const frame::StatisticsDay &day)
{
    QJsonObject counts;
    for (auto it = day.counts.constBegin(); it != day.counts.constEnd(); ++it) {
        if (it.value() != 0)
            counts.insert(it.key(), it.value());
    }
    return QJsonObject{{key("date"), day.date.toString(Qt::ISODate)}, {key("counts"), counts}};
}

std::optional<frame::StatisticsDay> statisticsDayFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const QString date = object.value(key("date")).toString();
    frame::StatisticsDay day;
    day.date = QDate::fromString(date, Qt::ISODate);
    const QJsonValue counts = object.value(key("counts"));
    if (!value.isObject() || date.size() != 10 || !day.date.isValid() || !counts.isObject() ||
        counts.toObject().size() > maxStatisticsCounters)
        return std::nullopt;
    const QJsonObject entries = counts.toObject();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const double count = it.value().toDouble(-1);
        if (!StatisticsCounters::isWellFormed(it.key()) || !it.value().isDouble() || std::trunc(count) != count ||
            count < 0 || count > double(maxInteger))
            return std::nullopt;
        if (count > 0)
            day.counts.insert(it.key(), static_cast<qint64>(count));
    }
    return day;
}

} // namespace advocate::wire
