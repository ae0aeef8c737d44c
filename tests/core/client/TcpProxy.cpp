// SPDX-License-Identifier: GPL-3.0-only
#include "TcpProxy.h"

#include <QHostAddress>

namespace advocate::test {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::cut()
{
    m_cut = true;
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

void TcpProxy::restore()
{
    m_cut = false;
}

void TcpProxy::pause()
{
    m_paused = true;
}

void TcpProxy::resume()
{
    m_paused = false;
    for (int i = 0; i + 1 < m_sockets.size(); i += 2) {
        forward(m_sockets.at(i), m_sockets.at(i + 1));
        forward(m_sockets.at(i + 1), m_sockets.at(i));
    }
}

void TcpProxy::forward(QTcpSocket *from, QTcpSocket *to) const
{
    if (m_paused || !from || !to || to->state() != QAbstractSocket::ConnectedState)
        return;
    to->write(from->readAll());
}

int TcpProxy::openPairs() const
{
    int open = 0;
    for (const QPointer<QTcpSocket> &socket : m_sockets) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            ++open;
    }
    return open / 2;
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *inbound = m_server.nextPendingConnection()) {
        if (m_cut) {
            inbound->abort();
            inbound->deleteLater();
            continue;
        }
        auto *outbound = new QTcpSocket(inbound);
        m_sockets.append(inbound);
        m_sockets.append(outbound);
        connect(inbound, &QTcpSocket::readyRead, outbound, [this, inbound, outbound] { forward(inbound, outbound); });
        connect(outbound, &QTcpSocket::connected, inbound, [this, inbound, outbound] { forward(inbound, outbound); });
        connect(outbound, &QTcpSocket::readyRead, inbound, [this, inbound, outbound] { forward(outbound, inbound); });
        connect(inbound, &QTcpSocket::disconnected, outbound, [outbound] { outbound->abort(); });
        connect(outbound, &QTcpSocket::disconnected, inbound, [inbound] { inbound->abort(); });
        connect(inbound, &QTcpSocket::disconnected, inbound, &QObject::deleteLater);
        outbound->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

} // namespace advocate::test
