// SPDX-License-Identifier: GPL-3.0-only
#include "relay/StatisticsFile.h"

#include "protocol/StatisticsFrameFields.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace advocate {

namespace {

const QLatin1String formatName("advocate-relay-statistics");
constexpr int formatVersion = 1;

QString unusable(const QString &path, const QString &why)
{
    return QCoreApplication::translate("StatisticsFile", "The statistics file %1 cannot be used: %2").arg(path, why);
}

} // namespace

StatisticsFile::Loaded StatisticsFile::read(const QString &path)
{
    Loaded loaded;
    QFile file(path);
    if (!file.exists())
        return loaded;
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = unusable(path, file.errorString());
        return loaded;
    }
    const QByteArray data = file.read(maxFileBytes + 1);
    if (data.size() > maxFileBytes) {
        loaded.error = unusable(
            path, QCoreApplication::translate("StatisticsFile", "it is larger than %1 bytes.").arg(maxFileBytes));
        return loaded;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const QJsonObject object = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        object.value(QLatin1String("format")).toString() != formatName) {
        loaded.error = unusable(
            path, QCoreApplication::translate("StatisticsFile", "it is not a statistics file written by the relay."));
        return loaded;
    }
    if (object.value(QLatin1String("version")).toInt() != formatVersion) {
        loaded.error =
            unusable(path, QCoreApplication::translate("StatisticsFile", "it has a version this relay does not read."));
        return loaded;
    }
    const QJsonValue days = object.value(QLatin1String("days"));
    if (!days.isArray()) {
        loaded.error = unusable(path, QCoreApplication::translate("StatisticsFile", "it holds no list of days."));
        return loaded;
    }
    for (const QJsonValue &entry : days.toArray()) {
        const std::optional<frame::StatisticsDay> day = wire::statisticsDayFromJson(entry);
        if (!day) {
            loaded.days.clear();
            loaded.error = unusable(path, QCoreApplication::translate(
                                              "StatisticsFile", "a day in it is not a date with whole-number counts."));
            return loaded;
        }
        loaded.days.append(*day);
    }
    return loaded;
}

QByteArray StatisticsFile::encode(const QList<frame::StatisticsDay> &days)
{
    QJsonArray list;
    for (const frame::StatisticsDay &day : days)
        list.append(wire::statisticsDayToJson(day));
    const QJsonObject object{{QStringLiteral("format"), formatName},
                             {QStringLiteral("version"), formatVersion},
                             {QStringLiteral("days"), list}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString StatisticsFile::write(const QString &path, const QList<frame::StatisticsDay> &days)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("StatisticsFile", "Cannot write the statistics file %1: %2")
            .arg(path, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(encode(days));
    if (!file.commit())
        return QCoreApplication::translate("StatisticsFile", "Cannot write the statistics file %1: %2")
            .arg(path, file.errorString());
    return QString();
}

QString StatisticsFile::setAside(const QString &path)
{
    const QString aside = path + QLatin1String(".unreadable");
    QFile::remove(aside);
    return QFile::rename(path, aside) ? aside : QString();
}

} // namespace advocate
