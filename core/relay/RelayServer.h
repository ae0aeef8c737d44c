// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

class QHttpServer;
class QWebSocket;

namespace advocate {

// One port for everything the relay offers: the survivor page (static files from resources/web) and the
// WebSocket endpoint /ws. The relay keeps nothing on disk and logs no client address (requirement RL7).
class RelayServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int protocolVersion = 1;

    explicit RelayServer(QObject *parent = nullptr);

    // Turns off, for the whole process, the Qt categories that would log client addresses. Call once at start.
    static void silenceClientAddressLogging();
    ~RelayServer() override;

    // Binds `address`:`port` (0 = any free port). Only loopback addresses are accepted until TLS is
    // configured (requirement RL8). On failure returns false and sets errorString().
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    int connectionCount() const;

private:
    void routeWebSocketEndpoint();
    void acceptWebSockets();
    void greet(QWebSocket &socket) const;

    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace advocate
