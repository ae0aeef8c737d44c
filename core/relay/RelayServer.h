// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameCodec.h"
#include "relay/HttpSite.h"
#include "relay/RefusalCounts.h"
#include "relay/RelayConfig.h"
#include "relay/RouterSink.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace advocate {

class AuditLog;
class Clock;
class FrameOutbox;
class GuardedConnection;
class GuardedTcpServer;
class SourceKeys;
class Router;
class StaffAuthenticator;

// One port for everything the relay offers: the survivor page (static files from resources/web), its small
// same-origin JSON API (/api/program, /api/status, POST /api/quick-exit; docs/protocol.md section 12) and the
// WebSocket endpoint /ws, whose frames go through FrameCodec to the Router. Every connection is read under the
// limits of section 12 by a GuardedConnection before anything else sees its bytes (RL12). The relay keeps nothing
// on disk but its optional audit log and per-day counts (statistics file, RL10) and logs no client address (RL7).
class RelayServer : public QObject, private RouterSink, private HttpSite
{
    Q_OBJECT
public:
    static constexpr int protocolVersion = FrameCodec::protocolVersion;
    // The WebSocket layer closes a socket that sends more than this in one message, before the codec sees it.
    static constexpr int hardMessageLimitBytes = 64 * 1024;
    // The body of POST /api/quick-exit: a resume token (43 characters) with room for a line end.
    static constexpr int quickExitBodyBytes = 64;
    // How often the counts of refusals go to the audit log as one line (RL12).
    static constexpr std::chrono::seconds refusalSummaryInterval{60};
    // The per-day counts go to the statistics file at most this often when they changed, and when the server stops.
    static constexpr std::chrono::seconds statisticsWriteInterval{10};

    // `clock` and `accounts` must outlive the server; without them the server uses the system clock and
    // refuses every staff sign-in.
    explicit RelayServer(QObject *parent = nullptr);
    RelayServer(const RelayConfig &config, const Clock *clock, StaffAuthenticator *accounts, QObject *parent = nullptr);
    ~RelayServer() override;

    // Turns off, for the whole process, the Qt categories that would log client addresses. Call once at start.
    static void silenceClientAddressLogging();
    // Whether a WebSocket from a page with this Origin (empty: no Origin header, as from the workstation) is
    // accepted: the configured public origin or allowed origins, and without a public origin a page served from
    // this computer (localhost, 127.0.0.0/8, ::1) only. Never the Host header, which a DNS-rebinding page controls.
    static bool originAllowed(const RelayConfig &config, bool tls, const QByteArray &origin);

    // Binds `address`:`port` (0 = any free port). Only loopback addresses are accepted until TLS is
    // configured (requirement RL8). On failure returns false and sets errorString().
    bool listen(const QHostAddress &address, quint16 port);
    // Serves https and wss with this PEM certificate (chain) and key; call before listen(). With TLS the relay may
    // bind any address. On failure returns false and sets errorString().
    bool useTls(const QString &certificatePath, const QString &keyPath);
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    // False when an audit log was configured and cannot be written (errorString() says why).
    bool auditLogReady() const;
    // False when a statistics file was configured and cannot be written (errorString() says why).
    bool statisticsReady() const { return m_statisticsReady; }

    int connectionCount() const;
    const Router &router() const { return *m_router; }
    // Refusals counted since the last summary line.
    const RefusalCounts &refusals() const { return m_refusals; }
    // How often the time-driven rules run (default 1 s); tests with a ManualClock shorten it.
    void setTickInterval(std::chrono::milliseconds interval) { m_tick.setInterval(interval); }

private:
    void tick();
    void summarizeRefusals();
    void readStatistics();
    // Writes the counts when they changed since the last write, and (unless `now`) the interval has passed.
    void writeStatistics(bool now);
    void readServiceNotice();
    void acceptWebSockets();
    HttpResponse statusJson() const;
    HttpResponse privacyPage(const QByteArray &target) const;
    // RouterSink
    void send(ConnectionId connection, const RelayFrame &frame) override;
    void close(ConnectionId connection, bool policyViolation) override;
    void audit(const QString &event) override;
    void refused(Refusal refusal, const QString &label) override;
    // HttpSite
    Route route(const QByteArray &path) const override;
    HttpResponse respond(const HttpRequest &request) override;
    bool webSocketOriginAllowed(const QByteArray &origin) const override;
    void upgradeToWebSocket(GuardedConnection &connection) override;

    RelayConfig m_config;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Clock> m_ownClock;
    std::unique_ptr<StaffAuthenticator> m_ownAccounts;
    FrameCodec m_codec;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<QWebSocketServer> m_webSockets; // answers handshakes handed over by GuardedConnection
    QHash<ConnectionId, QWebSocket *> m_sockets;
    FrameOutbox *m_outbox = nullptr; // a child: the frames to send, written once per pass of the event loop
    const Clock *m_clock = nullptr;
    std::unique_ptr<SourceKeys> m_sourceKeys;
    GuardedTcpServer *m_listener = nullptr;           // a child of this server once listen() succeeded
    QList<QPointer<GuardedConnection>> m_handingOver; // upgrades whose handshake is not answered yet
    RefusalCounts m_refusals;
    qint64 m_refusalsSinceMs = 0;
    ConnectionId m_lastConnection = 0;
    QTimer m_tick;
    std::optional<QSslConfiguration> m_tls;
    quint16 m_port = 0;
    QString m_error;
    QString m_serviceNoticeStamp; // what the service notice file looked like when last read
    bool m_statisticsReady = true;
    quint64 m_statisticsWritten = 0; // the revision of the counts last written
    qint64 m_statisticsWrittenAtMs = 0;
    QString m_statisticsProblem; // the last write problem reported, so a failing disk is reported once
};

} // namespace advocate
