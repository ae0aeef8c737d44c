// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <utility>

namespace advocate {

// An answer of the relay's HTTP side. Every answer, errors included, carries the headers of requirements RL9 and
// SW8: nothing cached, no referrer, nothing loaded from anywhere else, no framing by another site, no sniffing,
// and never a cookie.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // besides the standard ones: Allow, Upgrade, …
    bool close = false;                               // "Connection: close", and the connection closes

    static HttpResponse withStatus(int status); // a short plain-text body naming the status
    static QByteArray reasonPhrase(int status);
    static const QByteArray contentSecurityPolicy;

    // The status line, the headers and, unless `includeBody` is false (HEAD), the body. The body's length is
    // always what Content-Length says.
    QByteArray serialize(bool includeBody, const QDateTime &date) const;
};

} // namespace advocate
