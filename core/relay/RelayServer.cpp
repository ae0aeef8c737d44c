// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayServer.h"

#include "common/SystemClock.h"
#include "relay/AuditLog.h"
#include "relay/Router.h"
#include "relay/StaffAuthenticator.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QWebSocket>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QSslServer>
#endif

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

QByteArray contentTypeFor(const QString &path)
{
    static const QList<std::pair<QLatin1String, QByteArray>> types{
        {QLatin1String(".html"), QByteArrayLiteral("text/html; charset=utf-8")},
        {QLatin1String(".css"), QByteArrayLiteral("text/css; charset=utf-8")},
        {QLatin1String(".js"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QLatin1String(".json"), QByteArrayLiteral("application/json")},
        {QLatin1String(".svg"), QByteArrayLiteral("image/svg+xml")},
        {QLatin1String(".png"), QByteArrayLiteral("image/png")},
        {QLatin1String(".ico"), QByteArrayLiteral("image/x-icon")},
        {QLatin1String(".woff2"), QByteArrayLiteral("font/woff2")},
        {QLatin1String(".txt"), QByteArrayLiteral("text/plain; charset=utf-8")},
    };
    for (const auto &[suffix, type] : types) {
        if (path.endsWith(suffix))
            return type;
    }
    return QByteArrayLiteral("application/octet-stream");
}

// A file of the survivor page, from the resources embedded in the relay. Only plain relative names are looked
// up: no "..", no backslashes, no encoded characters (requirement RL9). Anything else is "not found".
QHttpServerResponse survivorPageFile(const QString &requested)
{
    const QString path = requested.isEmpty() ? QStringLiteral("index.html") : requested;
    bool plain = path.size() <= 200 && !path.startsWith(u'/') && !path.endsWith(u'/');
    for (const QChar c : path) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.' ||
              u == u'-' || u == u'_' || u == u'/'))
            plain = false;
    }
    for (const QStringView segment : QStringView(path).split(u'/')) {
        if (segment.isEmpty() || segment.startsWith(u'.'))
            plain = false;
    }
    QFile file(QStringLiteral(":/web/") + path);
    if (!plain || !file.open(QIODevice::ReadOnly))
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
    return QHttpServerResponse(contentTypeFor(path), file.readAll());
}

// Used when the relay is given no account file: nobody can sign in.
class NoAccounts final : public StaffAuthenticator
{
public:
    void signIn(const QString &, const QString &, Completion done) override { done(SignInOutcome{}); }
};

} // namespace

RelayServer::RelayServer(QObject *parent) : RelayServer(RelayConfig{}, nullptr, nullptr, parent) {}

RelayServer::RelayServer(const RelayConfig &config, const Clock *clock, StaffAuthenticator *accounts, QObject *parent)
    : QObject(parent), m_codec(ProtocolLimits{config.maxFrameBytes, config.maxMessageChars}),
      m_http(std::make_unique<QHttpServer>())
{
    if (!config.auditLogPath.isEmpty()) {
        m_audit = std::make_unique<AuditLog>(config.auditLogPath);
        if (!m_audit->isOpen())
            m_error = QCoreApplication::translate("RelayServer", "Cannot write the audit log %1: %2")
                          .arg(config.auditLogPath, m_audit->errorString());
    }
    if (!clock) {
        m_ownClock = std::make_unique<SystemClock>();
        clock = m_ownClock.get();
    }
    if (!accounts) {
        m_ownAccounts = std::make_unique<NoAccounts>();
        accounts = m_ownAccounts.get();
    }
    m_router = std::make_unique<Router>(config, *clock, *accounts, static_cast<RouterSink &>(*this));
    m_tick.setInterval(std::chrono::seconds(1));
    connect(&m_tick, &QTimer::timeout, this, [this] { m_router->tick(); });
    m_tick.start();

    m_http->route(QStringLiteral("/"), [] { return survivorPageFile(QString()); });
    routeWebSocketEndpoint();
    // Everything else is a file of the survivor page, or not found (the security headers come from afterRequest).
    m_http->route(QStringLiteral("/<arg>"),
                  [](const QUrl &rest) { return survivorPageFile(rest.path(QUrl::FullyEncoded)); });
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

RelayServer::~RelayServer()
{
    // Sockets go first, so that none reports a disconnect to a router that is being destroyed.
    for (QWebSocket *socket : std::as_const(m_sockets)) {
        socket->disconnect(this);
        socket->abort();
    }
    qDeleteAll(m_sockets);
    m_sockets.clear();
}

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

bool RelayServer::useTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QCoreApplication::translate("RelayServer", "Cannot read the TLS certificate or key.");
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    const QByteArray pem = keyFile.readAll();
    const QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    const QSslKey ecKey = key.isNull() ? QSslKey(pem, QSsl::Ec, QSsl::Pem) : key;
    if (chain.isEmpty() || (key.isNull() && ecKey.isNull())) {
        m_error = QCoreApplication::translate("RelayServer", "The TLS certificate or key is not valid PEM.");
        return false;
    }
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls->setLocalCertificateChain(chain);
    m_tls->setPrivateKey(key.isNull() ? ecKey : key);
    m_tls->setProtocol(QSsl::TlsV1_2OrLater);
    return true;
}

bool RelayServer::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback() && !m_tls) {
        m_error = QCoreApplication::translate("RelayServer",
                                              "Refusing to listen on %1: addresses other than loopback need TLS "
                                              "(wss) with a configured certificate and key.")
                      .arg(address.toString());
        return false;
    }
    if (m_tls) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        auto *server = new QSslServer(m_http.get());
        server->setSslConfiguration(*m_tls);
        m_port = server->listen(address, port) ? server->serverPort() : 0;
        if (m_port != 0)
            m_http->bind(server);
#else
        m_http->sslSetup(*m_tls);
        m_port = m_http->listen(address, port);
#endif
    } else {
        // Survivors arrive in bursts (a link shared on social media): a deep accept backlog keeps the kernel from
        // dropping connection attempts while the event loop is busy. Qt's default is 50.
        auto *server = new QTcpServer(m_http.get());
        server->setListenBacklogSize(1024);
        if (server->listen(address, port)) {
            m_http->bind(server);
            m_port = server->serverPort();
        } else {
            m_port = 0;
        }
    }
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
        socket->setMaxAllowedIncomingMessageSize(hardMessageLimitBytes);
        socket->setMaxAllowedIncomingFrameSize(hardMessageLimitBytes);
        const ConnectionId id = ++m_lastConnection;
        m_sockets.insert(id, socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, id](const QString &text) { m_router->frameReceived(id, m_codec.decode(text.toUtf8())); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id](const QByteArray &) { m_router->frameReceived(id, m_codec.decodeBinary()); });
        connect(socket, &QWebSocket::disconnected, this, [this, id, socket] {
            m_sockets.remove(id);
            socket->deleteLater();
            m_router->connectionClosed(id);
        });
        m_router->connectionOpened(id);
    }
}

void RelayServer::send(ConnectionId connection, const Frame &frame)
{
    if (QWebSocket *socket = m_sockets.value(connection))
        socket->sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
}

void RelayServer::close(ConnectionId connection, bool policyViolation)
{
    QWebSocket *socket = m_sockets.value(connection);
    if (!socket)
        return;
    // Close once the frames already queued for it (an error, "busy", "ended") have gone out.
    QTimer::singleShot(0, socket, [socket, policyViolation] {
        socket->close(policyViolation ? QWebSocketProtocol::CloseCodePolicyViolated
                                      : QWebSocketProtocol::CloseCodeNormal);
    });
}

void RelayServer::audit(const QString &event)
{
    if (m_audit)
        m_audit->record(event);
}

bool RelayServer::auditLogReady() const
{
    return !m_audit || m_audit->isOpen();
}

int RelayServer::connectionCount() const
{
    return static_cast<int>(findChildren<QWebSocket *>(QString(), Qt::FindDirectChildrenOnly).size());
}

} // namespace advocate
