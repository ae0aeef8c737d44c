// SPDX-License-Identifier: GPL-3.0-only
#include "relay/HttpResponse.h"

#include <QLocale>

namespace advocate {

const QByteArray HttpResponse::contentSecurityPolicy = QByteArrayLiteral("default-src 'self'; frame-ancestors 'none'");

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 426:
        return QByteArrayLiteral("Upgrade Required");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Error");
    }
}

HttpResponse HttpResponse::withStatus(int status)
{
    HttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = QByteArray::number(status) + ' ' + reasonPhrase(status) + '\n';
    return response;
}

QByteArray HttpResponse::serialize(bool includeBody, const QDateTime &date) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    const auto add = [&out](const QByteArray &name, const QByteArray &value) { out += name + ": " + value + "\r\n"; };
    add("Date", QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());
    if (!contentType.isEmpty())
        add("Content-Type", contentType);
    if (status != 204)
        add("Content-Length", QByteArray::number(body.size()));
    add("Cache-Control", "no-store");
    add("Referrer-Policy", "no-referrer");
    add("Content-Security-Policy", contentSecurityPolicy);
    add("X-Frame-Options", "DENY");
    add("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : headers)
        add(name, value);
    if (close)
        add("Connection", "close");
    out += "\r\n";
    if (includeBody && status != 204)
        out += body;
    return out;
}

} // namespace advocate
