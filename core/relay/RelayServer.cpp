// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayServer.h"

#include "common/BuildInfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>

namespace advocate {

namespace {

QHttpServerResponse withSecurityHeaders(QHttpServerResponse &&response)
{
    // Requirement RL9: nothing cached, no referrer, nothing loaded from anywhere else, no cookies ever set.
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.addHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    response.addHeader(QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("default-src 'self'"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    return std::move(response);
}

QHttpServerResponse survivorPageIndex()
{
    QFile index(QStringLiteral(":/web/index.html"));
    if (!index.open(QIODevice::ReadOnly))
        return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
    return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"), index.readAll());
}

} // namespace

RelayServer::RelayServer(QObject *parent) : QObject(parent), m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/"), [] { return survivorPageIndex(); });
    routeWebSocketEndpoint();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_http->addAfterRequestHandler(this, [](const QHttpServerRequest &, QHttpServerResponse &response) {
        response = withSecurityHeaders(std::move(response));
    });
    m_http->addWebSocketUpgradeVerifier(this, [](const QHttpServerRequest &request) {
        return request.url().path() == QLatin1String("/ws") ? QHttpServerWebSocketUpgradeResponse::accept()
                                                            : QHttpServerWebSocketUpgradeResponse::deny();
    });
#else
    m_http->afterRequest([](QHttpServerResponse &&response) { return withSecurityHeaders(std::move(response)); });
#endif
    connect(m_http.get(), &QHttpServer::newWebSocketConnection, this, &RelayServer::acceptWebSockets);
}

RelayServer::~RelayServer() = default;

void RelayServer::silenceClientAddressLogging()
{
    // Qt's HTTP server and WebSocket modules print each request with the peer's address at debug level.
    // A filter (unlike logging rules) cannot be turned back on through QT_LOGGING_RULES (requirement RL7).
    static QLoggingCategory::CategoryFilter previous = nullptr;
    previous = QLoggingCategory::installFilter([](QLoggingCategory *category) {
        if (previous)
            previous(category);
        const QLatin1String name(category->categoryName());
        if (name.startsWith(QLatin1String("qt.httpserver")) || name.startsWith(QLatin1String("qt.websockets"))) {
            category->setEnabled(QtDebugMsg, false);
            category->setEnabled(QtInfoMsg, false);
        }
    });
}

void RelayServer::routeWebSocketEndpoint()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Upgrades are decided by the verifier above; a plain GET of the endpoint is told to upgrade.
    m_http->route(QStringLiteral("/ws"), [](const QHttpServerRequest &, QHttpServerResponder &responder) {
        responder.write(QHttpServerResponder::StatusCode::UpgradeRequired);
    });
#else
    // Before Qt 6.8 QAbstractHttpServer upgrades a WebSocket request only when a route "handles" it, and the
    // route must not answer it, or the answer would go out before the handshake. Plain GETs are answered.
    m_http->route(QStringLiteral("/ws"), [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) !=
            0)
            responder.write(QHttpServerResponder::StatusCode::UpgradeRequired);
    });
#endif
}

bool RelayServer::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback()) {
        m_error = QCoreApplication::translate("RelayServer",
                                              "Refusing to listen on %1: addresses other than loopback need TLS "
                                              "(wss) with a configured certificate and key.")
                      .arg(address.toString());
        return false;
    }
    m_port = m_http->listen(address, port);
    if (m_port == 0) {
        m_error = QCoreApplication::translate("RelayServer", "Could not listen on %1 port %2.")
                      .arg(address.toString())
                      .arg(port);
        return false;
    }
    return true;
}

void RelayServer::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> owned = m_http->nextPendingWebSocketConnection();
        QWebSocket *socket = owned.release();
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        greet(*socket);
    }
}

void RelayServer::greet(QWebSocket &socket) const
{
    const QJsonObject hello{
        {QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("protocol"), protocolVersion},
        {QStringLiteral("server"), QStringLiteral("advocate-relay %1").arg(QLatin1String(build::projectVersion))},
    };
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
}

int RelayServer::connectionCount() const
{
    return static_cast<int>(findChildren<QWebSocket *>(QString(), Qt::FindDirectChildrenOnly).size());
}

} // namespace advocate
