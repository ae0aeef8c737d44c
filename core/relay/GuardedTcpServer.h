// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace advocate {

class Clock;
class RefusalCounts;

// The relay's listening socket, plain or TLS: it refuses connections over the global and per-source caps at accept
// (counted, never logged), and closes a connection that has not become a WebSocket `httpSeconds` after accept
// (slowloris). Each accepted socket is announced with accepted(); nothing is queued as a pending connection. A
// connection that became a WebSocket is released from the deadline with releaseUpgraded(); the WebSocket rules
// (first frame, silence) then apply in the Router.
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

    // With `tls`, every accepted connection is a QSslSocket that starts the server handshake at once; accepted()
    // comes before the handshake, and the socket's readyRead only carries decrypted bytes.
    GuardedTcpServer(const Clock &clock, Limits limits, SourceKeyFunction sourceKey, RefusalCounts &refusals,
                     std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

    // Stops the HTTP deadline for `socket` (it is a WebSocket now).
    void releaseUpgraded(const QTcpSocket *socket);
    int trackedCount() const { return static_cast<int>(m_entries.size()); }
    void setCheckInterval(std::chrono::milliseconds interval) { m_check.setInterval(interval); }

Q_SIGNALS:
    // A connection within the caps, a child of this server; nothing has been read from it.
    void accepted(QTcpSocket *socket);

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
    RefusalCounts &m_refusals;
    std::optional<QSslConfiguration> m_tls;
    QHash<QTcpSocket *, Entry> m_entries;
    QHash<QByteArray, int> m_perSource; // entries vanish at zero: nothing outlives its connections
    QTimer m_check;
};

} // namespace advocate
