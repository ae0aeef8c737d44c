// SPDX-License-Identifier: GPL-3.0-only
#include "client/RelayConnection.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace advocate {

RelayConnection::RelayConnection(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RelayConnection::onTextMessage);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(&m_socket, &QWebSocket::errorOccurred, this, &RelayConnection::onError);
#else
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &RelayConnection::onError);
#endif
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_state != State::Failed)
            setState(State::Disconnected);
    });
}

void RelayConnection::open(const QUrl &relayUrl)
{
    m_error.clear();
    if (!relayUrl.isValid() ||
        (relayUrl.scheme() != QLatin1String("ws") && relayUrl.scheme() != QLatin1String("wss"))) {
        m_error = QCoreApplication::translate("RelayConnection", "The relay address must start with wss:// or ws://.");
        setState(State::Failed);
        return;
    }
    setState(State::Connecting);
    m_socket.open(relayUrl);
}

void RelayConnection::close()
{
    m_socket.close();
    setState(State::Disconnected);
}

void RelayConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RelayConnection::onTextMessage(const QString &message)
{
    const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
    if (m_state == State::Connecting && frame.value(QLatin1String("type")).toString() == QLatin1String("hello")) {
        m_serverName = frame.value(QLatin1String("server")).toString();
        m_serverProtocol = frame.value(QLatin1String("protocol")).toInt();
        setState(State::Connected);
    }
}

void RelayConnection::onError(QAbstractSocket::SocketError error)
{
    Q_UNUSED(error)
    m_error = QCoreApplication::translate("RelayConnection", "Cannot reach the relay: %1").arg(m_socket.errorString());
    setState(State::Failed);
}

} // namespace advocate
