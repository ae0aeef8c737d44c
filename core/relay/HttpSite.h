// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/HttpRequestParser.h"
#include "relay/HttpResponse.h"

#include <QByteArray>
#include <QList>

namespace advocate {

class GuardedConnection;

// What the relay serves over HTTP, as a GuardedConnection asks it: the methods and body size each path takes, the
// answer to a request read within them, and the hand-over of a WebSocket upgrade.
class HttpSite
{
public:
    struct Route
    {
        QList<QByteArray> methods; // answered; any other method gets 405 with these in Allow
        qint64 maxBodyBytes = 0;   // a larger Content-Length gets 413 before any of the body is read
        bool webSocket = false;    // the WebSocket endpoint: a GET with "Upgrade: websocket" is handed over
    };

    virtual ~HttpSite() = default;
    virtual Route route(const QByteArray &path) const = 0;
    // The answer to `request`, its body read (HEAD is asked as GET is; the connection leaves the body out).
    virtual HttpResponse respond(const HttpRequest &request) = 0;
    // Whether a WebSocket upgrade with this Origin header value (empty: no Origin header) may go ahead.
    virtual bool webSocketOriginAllowed(const QByteArray &origin) const = 0;
    // Takes the connection over as a WebSocket: the upgrade request is back in its socket, unread. The site calls
    // connection.webSocketOpened() once the WebSocket layer has answered the handshake.
    virtual void upgradeToWebSocket(GuardedConnection &connection) = 0;
};

} // namespace advocate
