// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace advocate::test {

// A loopback TCP forwarder between a client and the relay, so that a test can cut the network (both sockets
// aborted, no WebSocket close handshake) and let it come back, while the relay keeps running.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Aborts every open pair; new connections are refused until restore().
    void cut();
    void restore();
    // Holds every byte in both directions without closing anything (a stalled network); resume() lets it through.
    void pause();
    void resume();
    int openPairs() const;
    // New connections go to `targetPort` from now on (a failover: the address now leads to a standby); open ones
    // stay where they are.
    void setTarget(quint16 targetPort) { m_targetPort = targetPort; }

private:
    void onNewConnection();
    void forward(QTcpSocket *from, QTcpSocket *to) const;

    QTcpServer m_server;
    quint16 m_targetPort;
    bool m_cut = false;
    bool m_paused = false;
    // Inbound and outbound socket of each connection, in pairs.
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace advocate::test
