// SPDX-License-Identifier: GPL-3.0-only
#include "relay/GuardedTcpServer.h"

#include "common/Clock.h"
#include "relay/RefusalCounts.h"

#include <QList>
#include <QSslSocket>
#include <QTcpSocket>

#include <vector>

namespace advocate {

GuardedTcpServer::GuardedTcpServer(const Clock &clock, Limits limits, SourceKeyFunction sourceKey,
                                   RefusalCounts &refusals, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_clock(clock), m_limits(limits), m_sourceKey(std::move(sourceKey)), m_refusals(refusals),
      m_tls(std::move(tls))
{
    m_check.setInterval(std::chrono::seconds(1));
    connect(&m_check, &QTimer::timeout, this, &GuardedTcpServer::closeOverdue);
    m_check.start();
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    QSslSocket *tlsSocket = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tlsSocket ? tlsSocket : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QByteArray source = m_sourceKey(socket->peerAddress());
    const auto overCap = [&] {
        return static_cast<int>(m_entries.size()) >= m_limits.maxConnections ||
               m_perSource.value(source) >= m_limits.maxPerSource;
    };
    // Gone connections the counts still hold are looked for only when they would refuse this one: a look at every
    // connection on every accept made filling the relay quadratic (issue 16).
    if (overCap())
        sweep();
    if (overCap()) {
        const bool overall = static_cast<int>(m_entries.size()) >= m_limits.maxConnections;
        // Refused before a byte is read (before the TLS handshake): no HTTP answer, the peer sees a reset.
        m_refusals.add(overall ? Refusal::ConnectionCap : Refusal::SourceConnectionCap);
        socket->abort();
        delete socket;
        return;
    }
    // Nagle off (TCP_NODELAY): relay frames are small and each is awaited by the other side. With Nagle on, a
    // frame written while an earlier one is unacknowledged waits for the peer's delayed ACK. The option stays
    // with the descriptor when the connection becomes a WebSocket.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_entries.insert(socket, Entry{socket, source, m_clock.monotonicMs(), false});
    ++m_perSource[source];
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    Q_EMIT accepted(socket);
    if (tlsSocket) {
        tlsSocket->setSslConfiguration(*m_tls);
        tlsSocket->startServerEncryption();
    }
}

void GuardedTcpServer::forget(QTcpSocket *socket)
{
    const auto found = m_entries.find(socket);
    if (found == m_entries.end())
        return;
    const QByteArray source = found->source;
    m_entries.erase(found);
    if (--m_perSource[source] <= 0)
        m_perSource.remove(source);
}

void GuardedTcpServer::sweep()
{
    // Qt's WebSocket layer disconnects every signal of its socket when it lets go of it, so gone or closed sockets
    // are also found by looking.
    QList<QTcpSocket *> gone;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->socket || it->socket->state() == QAbstractSocket::UnconnectedState)
            gone.append(it.key());
    }
    for (QTcpSocket *socket : std::as_const(gone))
        forget(socket);
}

void GuardedTcpServer::releaseUpgraded(const QTcpSocket *socket)
{
    const auto found = m_entries.find(const_cast<QTcpSocket *>(socket));
    if (found != m_entries.end())
        found->upgraded = true;
}

void GuardedTcpServer::closeOverdue()
{
    sweep();
    const qint64 deadline = m_clock.monotonicMs() - qint64(m_limits.httpSeconds) * 1000;
    std::vector<QPointer<QTcpSocket>> overdue;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.upgraded && entry.acceptedAtMs <= deadline)
            overdue.push_back(entry.socket);
    }
    for (const QPointer<QTcpSocket> &socket : overdue) {
        if (socket)
            socket->abort();
    }
}

} // namespace advocate
