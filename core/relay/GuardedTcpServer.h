// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace advocate {

class Clock;

// The relay's listening socket, bound into QHttpServer with bind(): it refuses connections over the global and
// per-source caps at accept, and closes a plain HTTP connection that is still open `httpSeconds` after accept
// (slowloris; Qt 6.4's HTTP server has no request timeout). A connection that became a WebSocket is released
// from that deadline with releaseUpgraded(); the WebSocket rules (first frame, silence) then apply in the Router.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 5000;
        int maxPerSource = 32;
        int httpSeconds = 20;
    };
    using SourceKeyFunction = std::function<QByteArray(const QHostAddress &)>;

    GuardedTcpServer(const Clock &clock, Limits limits, SourceKeyFunction sourceKey, QObject *parent = nullptr);

    // Stops the HTTP deadline for the connection to `peer`:`peerPort` (it is a WebSocket now).
    void releaseUpgraded(const QHostAddress &peer, quint16 peerPort);
    int trackedCount() const { return static_cast<int>(m_entries.size()); }
    void setCheckInterval(std::chrono::milliseconds interval) { m_check.setInterval(interval); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Entry
    {
        QPointer<QTcpSocket> socket;
        QByteArray source;
        qint64 acceptedAtMs = 0;
        bool upgraded = false;
    };
    void forget(QTcpSocket *socket); // by address only: it may be destroyed already
    void sweep();
    void closeOverdue();

    const Clock &m_clock;
    Limits m_limits;
    SourceKeyFunction m_sourceKey;
    QHash<QTcpSocket *, Entry> m_entries;
    QHash<QByteArray, int> m_perSource; // entries vanish at zero: nothing outlives its connections
    QTimer m_check;
};

} // namespace advocate
