// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayServer.h"

#include "common/SystemClock.h"
#include "relay/AuditLog.h"
#include "relay/FrameOutbox.h"
#include "relay/GuardedConnection.h"
#include "relay/GuardedTcpServer.h"
#include "relay/PrivacyStatement.h"
#include "relay/ProgramDescription.h"
#include "relay/Router.h"
#include "relay/ServiceNotice.h"
#include "relay/SourceKeys.h"
#include "relay/StaffAuthenticator.h"
#include "relay/StatisticsFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

namespace advocate {

namespace {

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

HttpResponse jsonResponse(const QJsonObject &object)
{
    HttpResponse response;
    response.contentType = QByteArrayLiteral("application/json");
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

// A file of the survivor page, from the resources embedded in the relay. Only plain relative names are looked
// up: no "..", no backslashes, no encoded characters (requirement RL9). Anything else is "not found".
HttpResponse survivorPageFile(const QByteArray &requested)
{
    const QString path = requested.isEmpty() ? QStringLiteral("index.html") : QString::fromLatin1(requested);
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
        return HttpResponse::withStatus(404);
    HttpResponse response;
    response.contentType = contentTypeFor(path);
    response.body = file.readAll();
    return response;
}

// Host, scheme and port of an origin, in the form compared: lower case, the port spelled out.
struct OriginParts
{
    QString scheme;
    QString host;
    int port = -1;
    bool operator==(const OriginParts &) const = default;
};

std::optional<OriginParts> originParts(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty())
        return std::nullopt;
    return OriginParts{scheme, url.host().toLower(), url.port(scheme == QLatin1String("https") ? 443 : 80)};
}

// What the survivor page shows that comes from the program's config (issue 7, item 1). Public by nature:
// nothing here is about a survivor or a member of staff.
QJsonObject programJson(const RelayConfig &config)
{
    QJsonArray hours;
    for (const OpeningHours::Range &range : config.openingHours.ranges()) {
        const int end = range.endMinute > 24 * 60 ? range.endMinute - 24 * 60 : range.endMinute;
        hours.append(QJsonObject{{QStringLiteral("day"), range.day},
                                 {QStringLiteral("start"), ProgramDescription::clockTime(range.startMinute)},
                                 {QStringLiteral("end"), ProgramDescription::clockTime(end)},
                                 {QStringLiteral("overnight"), range.endMinute > 24 * 60}});
    }
    QJsonArray holidays;
    for (const QDate &day : config.openingHours.holidays())
        holidays.append(day.toString(Qt::ISODate));
    const auto texts = [&config](const QString &language) {
        const auto text = [&](const char *key, const QString &fallback) {
            return config.textFor(QLatin1String(key), fallback, language);
        };
        // The same sentences as the privacy statement's (PK4).
        const PrivacyStatement::NoticeTexts notice = PrivacyStatement::noticeTexts(config, language);
        QJsonObject byKey{
            {QStringLiteral("programName"), text("program_name", config.programName)},
            {QStringLiteral("notice"), text("notice_text", config.noticeText)},
            {QStringLiteral("mandatoryReporting"), text("mandatory_reporting_text", config.mandatoryReportingText)},
            {QStringLiteral("retention"), notice.retention},
            {QStringLiteral("monitoring"), notice.monitoring},
            {QStringLiteral("busy"), text("busy_text", config.busyText)},
            {QStringLiteral("longWait"), text("long_wait_text", config.longWaitText)},
            {QStringLiteral("closed"), text("closed_text", config.closedText)},
            {QStringLiteral("advocateLabel"), text("advocate_label", config.advocateLabel)}};
        // Why the page of a practice program starts no chat (issue 18).
        if (config.practice)
            byKey.insert(QStringLiteral("practice"), ProgramDescription::practiceNotice(language));
        return byKey;
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
      m_webSockets(
          std::make_unique<QWebSocketServer>(QStringLiteral("advocate-relay"), QWebSocketServer::NonSecureMode)),
      m_outbox(
          new FrameOutbox(FrameOutbox::Limits{config.maxPendingWriteBytes, config.maxTotalPendingWriteBytes}, this))
{
    if (!config.auditLogPath.isEmpty()) {
        m_audit = std::make_unique<AuditLog>(config.auditLogPath,
                                             AuditLog::Rotation{config.auditLogMaxBytes, config.auditLogKeep});
        if (!m_audit->isOpen())
            m_error = QCoreApplication::translate("RelayServer", "Cannot write the audit log %1: %2")
                          .arg(config.auditLogPath, m_audit->errorString());
    }
    if (!clock) {
        m_ownClock = std::make_unique<SystemClock>();
        clock = m_ownClock.get();
    }
    m_clock = clock;
    m_refusalsSinceMs = clock->monotonicMs();
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
    readStatistics();
    connect(m_webSockets.get(), &QWebSocketServer::newConnection, this, &RelayServer::acceptWebSockets);
}

RelayServer::~RelayServer()
{
    summarizeRefusals();
    writeStatistics(true);
    // Sockets go first, so that none reports a disconnect to a router that is being destroyed.
    for (QWebSocket *socket : std::as_const(m_sockets)) {
        socket->disconnect(this);
        socket->abort();
    }
    qDeleteAll(m_sockets);
    m_sockets.clear();
    delete m_listener; // and with it every connection not handed to the WebSocket layer
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

bool RelayServer::originAllowed(const RelayConfig &config, bool tls, const QByteArray &origin)
{
    // Staff workstations send no Origin; browsers always do, and a page cannot change it.
    if (origin.isEmpty())
        return true;
    const std::optional<OriginParts> parts = originParts(QString::fromLatin1(origin));
    if (!parts)
        return false; // "null" (a sandboxed or file page) included
    QStringList accepted = config.allowedOrigins;
    if (!config.publicOrigin.isEmpty())
        accepted.append(config.publicOrigin);
    for (const QString &allowed : std::as_const(accepted)) {
        if (originParts(allowed) == parts)
            return true;
    }
    if (!config.publicOrigin.isEmpty())
        return false;
    // No public origin: only a page this computer served itself. A DNS-rebinding page has a name of its own as its
    // origin, whatever address that name now points to.
    const bool loopback = parts->host == QLatin1String("localhost") || QHostAddress(parts->host).isLoopback();
    return loopback && parts->scheme == (tls ? QLatin1String("https") : QLatin1String("http"));
}

HttpSite::Route RelayServer::route(const QByteArray &path) const
{
    if (path == "/ws")
        return Route{{QByteArrayLiteral("GET")}, 0, true};
    if (path == "/api/quick-exit")
        return Route{{QByteArrayLiteral("POST")}, quickExitBodyBytes, false};
    // The page, its files and the rest of its API.
    return Route{{QByteArrayLiteral("GET"), QByteArrayLiteral("HEAD")}, 0, false};
}

HttpResponse RelayServer::respond(const HttpRequest &request)
{
    const QByteArray &path = request.path;
    if (path == "/ws") {
        // A plain GET of the WebSocket endpoint (an upgrade never gets here).
        HttpResponse response = HttpResponse::withStatus(426);
        response.headers.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
        return response;
    }
    if (path == "/api/program")
        return jsonResponse(programJson(m_config));
    if (path == "/api/status")
        return statusJson();
    if (path == "/privacy")
        return privacyPage(request.target);
    if (path == "/api/quick-exit") {
        // The page's quick exit when its socket is down: the resume token in the body (never in the URL, which a
        // proxy might log). Always 204, so the answer says nothing about the token.
        m_router->quickExitByToken(QString::fromLatin1(request.body.trimmed()));
        HttpResponse response;
        response.status = 204;
        return response;
    }
    return survivorPageFile(path.mid(1));
}

// The privacy statement (PK4) as a page of its own, in the language of "?lang=" (the config's first language
// without it), with the page's headers like every answer.
HttpResponse RelayServer::privacyPage(const QByteArray &target) const
{
    const qsizetype query = target.indexOf('?');
    QString language = m_config.languages.value(0, QStringLiteral("en"));
    if (query >= 0) {
        for (const QByteArray &pair : target.mid(query + 1).split('&')) {
            if (pair.startsWith("lang="))
                language = QString::fromLatin1(pair.mid(5));
        }
    }
    HttpResponse response;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.body = PrivacyStatement::html(m_config, language);
    return response;
}

HttpResponse RelayServer::statusJson() const
{
    const QDateTime now = m_router->clock().now();
    const std::optional<QDateTime> next = m_config.openingHours.nextOpening(now);
    QJsonObject status{{QStringLiteral("open"), m_router->isOpen()},
                       {QStringLiteral("insideHours"), m_router->insideOpeningHours()},
                       {QStringLiteral("nextOpening"),
                        next ? QJsonValue(next->toOffsetFromUtc(next->offsetFromUtc()).toString(Qt::ISODate))
                             : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("serviceNotice"), QJsonValue(QJsonValue::Null)},
                       // A practice relay (issue 18): the survivor page starts no chat on it.
                       {QStringLiteral("practice"), m_config.practice}};
    if (const std::optional<ServiceNotice> &notice = m_router->serviceNotice()) {
        QJsonObject object{{QStringLiteral("kind"), ServiceNotice::kindName(notice->kind)},
                           {QStringLiteral("text"), notice->text},
                           {QStringLiteral("stopsNewChats"), notice->stopsNewChats()}};
        if (!notice->link.isEmpty())
            object.insert(QStringLiteral("link"), notice->link);
        status.insert(QStringLiteral("serviceNotice"), object);
    }
    return jsonResponse(status);
}

bool RelayServer::webSocketOriginAllowed(const QByteArray &origin) const
{
    return originAllowed(m_config, m_tls.has_value(), origin);
}

void RelayServer::upgradeToWebSocket(GuardedConnection &connection)
{
    m_handingOver.append(&connection);
    m_webSockets->handleConnection(connection.socket());
}

void RelayServer::tick()
{
    readServiceNotice();
    m_router->dropDisabledStaff();
    m_router->tick();
    const std::chrono::milliseconds interval = refusalSummaryInterval;
    if (m_clock->monotonicMs() - m_refusalsSinceMs >= interval.count())
        summarizeRefusals();
    m_router->statistics().touch();
    writeStatistics(false);
}

void RelayServer::readStatistics()
{
    if (m_config.statisticsFile.isEmpty())
        return;
    const StatisticsFile::Loaded loaded = StatisticsFile::read(m_config.statisticsFile);
    if (!loaded.error.isEmpty()) {
        // Counting starts again from nothing, and the file is kept for whoever wants to look into it: never
        // replaced without a word.
        const QString aside = StatisticsFile::setAside(m_config.statisticsFile);
        qWarning("%s", qUtf8Printable(
                           aside.isEmpty()
                               ? QCoreApplication::translate("RelayServer", "%1 Counting starts again from zero; the "
                                                                            "file will be replaced.")
                                     .arg(loaded.error)
                               : QCoreApplication::translate("RelayServer", "%1 Counting starts again from zero; the "
                                                                            "file was moved to %2.")
                                     .arg(loaded.error, aside)));
        audit(QStringLiteral("statistics_file_unreadable set_aside=%1")
                  .arg(aside.isEmpty() ? QStringLiteral("no") : QStringLiteral("yes")));
    }
    m_router->statistics().add(loaded.days);
    m_router->statistics().touch();
    // Written once at start, so a folder the relay cannot write to is found now rather than at the first count.
    writeStatistics(true);
    if (!m_statisticsProblem.isEmpty()) {
        m_statisticsReady = false;
        if (m_error.isEmpty())
            m_error = m_statisticsProblem;
    }
}

void RelayServer::writeStatistics(bool now)
{
    const Statistics &statistics = m_router->statistics();
    const qint64 nowMs = m_clock->monotonicMs();
    const std::chrono::milliseconds interval = statisticsWriteInterval;
    if (m_config.statisticsFile.isEmpty() || statistics.revision() == m_statisticsWritten ||
        (!now && nowMs - m_statisticsWrittenAtMs < interval.count()))
        return;
    const QString problem =
        StatisticsFile::write(m_config.statisticsFile, statistics.lastDays(frame::maxStatisticsDays));
    m_statisticsWrittenAtMs = nowMs;
    if (problem.isEmpty())
        m_statisticsWritten = statistics.revision();
    else if (problem != m_statisticsProblem)
        qWarning("%s", qUtf8Printable(problem)); // the counts stay in memory and are written again
    m_statisticsProblem = problem;
}

void RelayServer::summarizeRefusals()
{
    const qint64 now = m_clock->monotonicMs();
    const QString summary = m_refusals.takeSummary((now - m_refusalsSinceMs + 500) / 1000);
    m_refusalsSinceMs = now;
    if (!summary.isEmpty())
        audit(summary);
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
    // Survivors arrive in bursts (a link shared on social media): a deep accept backlog keeps the kernel from
    // dropping connection attempts while the event loop is busy. Qt's default is 50.
    auto *server = new GuardedTcpServer(
        *m_clock,
        GuardedTcpServer::Limits{m_config.maxConnections, m_config.maxConnectionsPerSource,
                                 m_config.httpRequestSeconds},
        [this](const QHostAddress &peer) { return m_sourceKeys->keyFor(peer); }, m_refusals, m_tls, this);
    server->setListenBacklogSize(1024);
    connect(server, &GuardedTcpServer::accepted, this, [this](QTcpSocket *socket) {
        // Made before anything else connects to the socket, so that it reads every byte first.
        new GuardedConnection(socket, *m_clock, GuardedConnection::Limits{}, *this, m_refusals);
    });
    if (server->listen(address, port)) {
        delete m_listener;
        m_listener = server;
        m_port = server->serverPort();
    } else {
        delete server;
        m_port = 0;
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
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        socket->setParent(this);
        // The connection that handed this socket over: the same peer (address and port name one TCP connection).
        GuardedConnection *guarded = nullptr;
        for (auto it = m_handingOver.begin(); it != m_handingOver.end();) {
            if (!*it) {
                it = m_handingOver.erase(it);
            } else if ((*it)->socket()->peerPort() == socket->peerPort() &&
                       (*it)->socket()->peerAddress() == socket->peerAddress()) {
                guarded = *it;
                m_handingOver.erase(it);
                break;
            } else {
                ++it;
            }
        }
        if (!guarded || !m_listener) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        guarded->webSocketOpened();
        m_listener->releaseUpgraded(guarded->socket());
        socket->setMaxAllowedIncomingMessageSize(hardMessageLimitBytes);
        socket->setMaxAllowedIncomingFrameSize(hardMessageLimitBytes);
        const QByteArray source = m_sourceKeys->keyFor(socket->peerAddress());
        const ConnectionId id = ++m_lastConnection;
        m_sockets.insert(id, socket);
        // The relay writes its frames to the WebSocket's own transport (FrameOutbox); Qt's layer reads and closes.
        m_outbox->attach(id, guarded->socket());
        connect(socket, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) {
            m_router->frameReceived(id, m_codec.decodeClientFrame(text.toUtf8()));
        });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id](const QByteArray &) { m_router->frameReceived(id, m_codec.decodeBinary()); });
        connect(socket, &QWebSocket::disconnected, this, [this, id, socket] {
            m_sockets.remove(id);
            m_outbox->detach(id);
            socket->deleteLater();
            m_router->connectionClosed(id);
        });
        m_router->connectionOpened(
            id, Router::ConnectionSource{source, m_sourceKeys->earlierKeysFor(socket->peerAddress()),
                                         SourceKeys::isShared(socket->peerAddress(), m_config.behindProxy)});
    }
}

void RelayServer::send(ConnectionId connection, const RelayFrame &frame)
{
    // Over its output limit, the connection is aborted from the event loop: the router is in the middle of a decision
    // and must not hear of the drop yet.
    m_outbox->append(connection, FrameCodec::encode(frame));
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

void RelayServer::refused(Refusal refusal, const QString &label)
{
    m_refusals.add(refusal, label);
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
