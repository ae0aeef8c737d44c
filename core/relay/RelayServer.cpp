// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayServer.h"

#include "common/SystemClock.h"
#include "relay/AuditLog.h"
#include "relay/GuardedTcpServer.h"
#include "relay/Router.h"
#include "relay/ServiceNotice.h"
#include "relay/SourceKeys.h"
#include "relay/StaffAuthenticator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
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

QString clockTime(int minutes)
{
    minutes %= 24 * 60 + 1; // 24:00 stays 24:00
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// What the survivor page shows that comes from the program's config (issue 7, item 1). Public by nature:
// nothing here is about a survivor or a member of staff.
QJsonObject programJson(const RelayConfig &config)
{
    QJsonArray hours;
    for (const OpeningHours::Range &range : config.openingHours.ranges()) {
        const int end = range.endMinute > 24 * 60 ? range.endMinute - 24 * 60 : range.endMinute;
        hours.append(QJsonObject{{QStringLiteral("day"), range.day},
                                 {QStringLiteral("start"), clockTime(range.startMinute)},
                                 {QStringLiteral("end"), clockTime(end)},
                                 {QStringLiteral("overnight"), range.endMinute > 24 * 60}});
    }
    QJsonArray holidays;
    for (const QDate &day : config.openingHours.holidays())
        holidays.append(day.toString(Qt::ISODate));
    const auto texts = [&config](const QString &language) {
        const auto text = [&](const char *key, const QString &fallback) {
            return config.textFor(QLatin1String(key), fallback, language);
        };
        return QJsonObject{
            {QStringLiteral("programName"), text("program_name", config.programName)},
            {QStringLiteral("notice"), text("notice_text", config.noticeText)},
            {QStringLiteral("mandatoryReporting"), text("mandatory_reporting_text", config.mandatoryReportingText)},
            {QStringLiteral("retention"), text("retention_text", config.retentionText)},
            {QStringLiteral("monitoring"), text("monitoring_text", config.monitoringText)},
            {QStringLiteral("busy"), text("busy_text", config.busyText)},
            {QStringLiteral("longWait"), text("long_wait_text", config.longWaitText)},
            {QStringLiteral("closed"), text("closed_text", config.closedText)},
            {QStringLiteral("advocateLabel"), text("advocate_label", config.advocateLabel)}};
    };
    QJsonObject byLanguage;
    for (const QString &language : config.languages)
        byLanguage.insert(language, texts(language));
    return QJsonObject{
        {QStringLiteral("protocol"), RelayServer::protocolVersion},
        {QStringLiteral("noticeVersion"), config.noticeVersion},
        {QStringLiteral("languages"), QJsonArray::fromStringList(config.languages)},
        {QStringLiteral("exitUrl"), config.exitUrl},
        {QStringLiteral("emergencyNumber"), config.emergencyNumber},
        {QStringLiteral("hotlinePhone"), config.hotlinePhone},
        {QStringLiteral("hotlineSms"), config.hotlineSms},
        {QStringLiteral("maxMessageChars"), config.maxMessageChars},
        {QStringLiteral("reconnectWindowSeconds"), config.reconnectWindowSeconds},
        {QStringLiteral("timeZone"), QString::fromUtf8(config.openingHours.timeZone().id())},
        {QStringLiteral("alwaysOpen"), config.openingHours.alwaysOpen()},
        {QStringLiteral("hours"), hours},
        {QStringLiteral("holidays"), holidays},
        {QStringLiteral("texts"), byLanguage},
    };
}

// Nagle off on TLS connections too, as GuardedTcpServer does on plain ones (relay frames are small and awaited).
void setNoDelayOnAccept(QSslServer *server)
{
    QObject::connect(server, &QSslServer::startedEncryptionHandshake, server,
                     [](QSslSocket *socket) { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
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
    : QObject(parent), m_config(config), m_codec(ProtocolLimits{config.maxFrameBytes, config.maxMessageChars}),
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
    m_clock = clock;
    m_sourceKeys = std::make_unique<SourceKeys>(*clock);
    if (!accounts) {
        m_ownAccounts = std::make_unique<NoAccounts>();
        accounts = m_ownAccounts.get();
    }
    m_router = std::make_unique<Router>(config, *clock, *accounts, static_cast<RouterSink &>(*this));
    m_tick.setInterval(std::chrono::seconds(1));
    connect(&m_tick, &QTimer::timeout, this, &RelayServer::tick);
    m_tick.start();
    readServiceNotice();

    m_http->route(QStringLiteral("/"), [] { return survivorPageFile(QString()); });
    routeWebSocketEndpoint();
    routeSurvivorPageApi();
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

void RelayServer::routeSurvivorPageApi()
{
    // Registered before the catch-all file route, which would otherwise answer them with "not found".
    m_http->route(QStringLiteral("/api/program"), QHttpServerRequest::Method::Get,
                  [this] { return QHttpServerResponse(programJson(m_config)); });
    m_http->route(QStringLiteral("/api/status"), QHttpServerRequest::Method::Get, [this] {
        const QDateTime now = m_router->clock().now();
        const std::optional<QDateTime> next = m_config.openingHours.nextOpening(now);
        QJsonObject status{{QStringLiteral("open"), m_router->isOpen()},
                           {QStringLiteral("insideHours"), m_router->insideOpeningHours()},
                           {QStringLiteral("nextOpening"),
                            next ? QJsonValue(next->toOffsetFromUtc(next->offsetFromUtc()).toString(Qt::ISODate))
                                 : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("serviceNotice"), QJsonValue(QJsonValue::Null)}};
        if (const std::optional<ServiceNotice> &notice = m_router->serviceNotice()) {
            QJsonObject object{{QStringLiteral("kind"), ServiceNotice::kindName(notice->kind)},
                               {QStringLiteral("text"), notice->text},
                               {QStringLiteral("stopsNewChats"), notice->stopsNewChats()}};
            if (!notice->link.isEmpty())
                object.insert(QStringLiteral("link"), notice->link);
            status.insert(QStringLiteral("serviceNotice"), object);
        }
        return QHttpServerResponse(status);
    });
    // The page's quick exit when its socket is down: the resume token in the body (never in the URL, which a
    // proxy might log). Always 204, so the answer says nothing about the token.
    m_http->route(QStringLiteral("/api/quick-exit"), QHttpServerRequest::Method::Post,
                  [this](const QHttpServerRequest &request) {
                      const QByteArray body = request.body().left(256).trimmed();
                      m_router->quickExitByToken(QString::fromLatin1(body));
                      return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
                  });
}

void RelayServer::tick()
{
    readServiceNotice();
    m_router->dropDisabledStaff();
    m_router->tick();
}

void RelayServer::readServiceNotice()
{
    if (m_config.serviceNoticeFile.isEmpty())
        return;
    const QFileInfo info(m_config.serviceNoticeFile);
    const QString stamp = info.exists()
                              ? QStringLiteral("%1/%2").arg(info.lastModified().toMSecsSinceEpoch()).arg(info.size())
                              : QString();
    if (stamp == m_serviceNoticeStamp)
        return;
    m_serviceNoticeStamp = stamp;
    QString problem;
    m_router->setServiceNotice(ServiceNoticeFile::read(m_config.serviceNoticeFile, &problem));
    if (!problem.isEmpty())
        qWarning("%s", qUtf8Printable(problem));
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
        setNoDelayOnAccept(server);
        m_port = server->listen(address, port) ? server->serverPort() : 0;
        if (m_port != 0)
            m_http->bind(server);
#else
        m_http->sslSetup(*m_tls);
        m_port = m_http->listen(address, port);
        const QList<QTcpServer *> servers = m_http->servers();
        for (QTcpServer *server : servers) {
            if (auto *sslServer = qobject_cast<QSslServer *>(server))
                setNoDelayOnAccept(sslServer);
        }
#endif
    } else {
        // Survivors arrive in bursts (a link shared on social media): a deep accept backlog keeps the kernel from
        // dropping connection attempts while the event loop is busy. Qt's default is 50.
        auto *server = new GuardedTcpServer(
            *m_clock,
            GuardedTcpServer::Limits{m_config.maxConnections, m_config.maxConnectionsPerSource,
                                     m_config.httpRequestSeconds},
            [this](const QHostAddress &peer) { return m_sourceKeys->keyFor(peer); }, m_http.get());
        server->setListenBacklogSize(1024);
        m_guard = server;
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
        const QByteArray source = m_sourceKeys->keyFor(socket->peerAddress());
        if (m_guard) {
            m_guard->releaseUpgraded(socket->peerAddress(), socket->peerPort());
        } else if (m_sockets.size() >= m_config.maxConnections ||
                   m_perSource.value(source) >= m_config.maxConnectionsPerSource) {
            // Without the guarded listening socket (TLS on Qt before 6.8) the caps apply here, to WebSockets.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (!originAllowed(*socket)) {
            // A page on another site may not open chats in a visitor's name (cross-site WebSocket hijacking).
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket->deleteLater();
            continue;
        }
        const ConnectionId id = ++m_lastConnection;
        m_sockets.insert(id, socket);
        if (!m_guard) {
            m_socketSources.insert(id, source);
            ++m_perSource[source];
        }
        connect(socket, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) {
            m_router->frameReceived(id, m_codec.decodeClientFrame(text.toUtf8()));
        });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id](const QByteArray &) { m_router->frameReceived(id, m_codec.decodeBinary()); });
        connect(socket, &QWebSocket::disconnected, this, [this, id, socket] {
            m_sockets.remove(id);
            if (const auto counted = m_socketSources.constFind(id); counted != m_socketSources.constEnd()) {
                if (--m_perSource[*counted] <= 0)
                    m_perSource.remove(*counted);
                m_socketSources.erase(counted);
            }
            socket->deleteLater();
            m_router->connectionClosed(id);
        });
        m_router->connectionOpened(id, source);
    }
}

bool RelayServer::originAllowed(const QWebSocket &socket) const
{
    // Staff workstations send no Origin; browsers always do. Same origin means the Host the page was loaded from.
    const QString origin = socket.origin();
    if (origin.isEmpty() || m_config.allowedOrigins.contains(origin))
        return true;
    const QUrl url(origin);
    const QUrl requested = socket.request().url();
    const QString expectedScheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
    const int defaultPort = m_tls ? 443 : 80;
    return url.isValid() && url.scheme() == expectedScheme && !requested.host().isEmpty() &&
           url.host().compare(requested.host(), Qt::CaseInsensitive) == 0 &&
           url.port(defaultPort) == requested.port(defaultPort);
}

void RelayServer::send(ConnectionId connection, const RelayFrame &frame)
{
    QWebSocket *socket = m_sockets.value(connection);
    if (!socket)
        return;
    socket->sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
    if (socket->bytesToWrite() > m_config.maxPendingWriteBytes) {
        // A reader that does not read (or reads slowly on purpose) would grow this buffer without bound. Aborted
        // from the event loop: the router is in the middle of a decision and must not hear of the drop yet.
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
    }
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
    // The router has forgotten the connection: a peer that never answers the close handshake must not keep it.
    QTimer::singleShot(std::chrono::seconds(5), socket, [socket] { socket->abort(); });
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
