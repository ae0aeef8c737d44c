// SPDX-License-Identifier: GPL-3.0-only
#include "relay/ServiceNotice.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace advocate {

namespace {

constexpr qint64 maxFileBytes = 16 * 1024;

} // namespace

QString ServiceNotice::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Degraded:
        return QStringLiteral("degraded");
    case Kind::Outage:
        return QStringLiteral("outage");
    case Kind::Forward:
        return QStringLiteral("forward");
    }
    return {};
}

std::optional<ServiceNotice::Kind> ServiceNotice::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Degraded, Kind::Outage, Kind::Forward}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::optional<ServiceNotice> ServiceNoticeFile::read(const QString &path, QString *problem)
{
    QFile file(path);
    if (path.isEmpty() || !file.exists() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.read(maxFileBytes + 1);
    if (data.trimmed().isEmpty())
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    const std::optional<ServiceNotice::Kind> kind = ServiceNotice::kindFromName(object.value(u"kind").toString());
    const QString text = object.value(u"text").toString();
    const QString link = object.value(u"link").toString();
    if (data.size() > maxFileBytes || !kind || text.isEmpty()) {
        if (problem)
            *problem =
                QCoreApplication::translate("ServiceNoticeFile",
                                            "The service notice file %1 is not a notice written by set-service-notice.")
                    .arg(path);
        return std::nullopt;
    }
    ServiceNotice notice;
    notice.kind = *kind;
    notice.text = text;
    const QUrl url(link, QUrl::StrictMode);
    if (!link.isEmpty() && url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty())
        notice.link = link;
    notice.setAt = QDateTime::fromString(object.value(u"setAt").toString(), Qt::ISODate);
    return notice;
}

QByteArray ServiceNoticeFile::encode(const ServiceNotice &notice)
{
    QJsonObject object{{QStringLiteral("kind"), ServiceNotice::kindName(notice.kind)},
                       {QStringLiteral("text"), notice.text},
                       {QStringLiteral("setAt"), notice.setAt.toUTC().toString(Qt::ISODate)}};
    if (!notice.link.isEmpty())
        object.insert(QStringLiteral("link"), notice.link);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QString ServiceNoticeFile::write(const QString &path, const ServiceNotice &notice)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("ServiceNoticeFile", "Cannot write %1: %2").arg(path, file.errorString());
    file.write(encode(notice));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    if (!file.commit())
        return QCoreApplication::translate("ServiceNoticeFile", "Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString ServiceNoticeFile::clear(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove())
        return QCoreApplication::translate("ServiceNoticeFile", "Cannot remove %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace advocate
