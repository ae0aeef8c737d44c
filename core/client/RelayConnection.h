// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

namespace advocate {

// The workstation's link to the relay. It opens the WebSocket and waits for the relay's hello; the chat
// protocol on top of it lives in the client session.
class RelayConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Connected,
        Failed,
    };
    Q_ENUM(State)

    explicit RelayConnection(QObject *parent = nullptr);

    void open(const QUrl &relayUrl);
    void close();

    State state() const { return m_state; }
    // Set when state() is Failed: a sentence for the advocate (never contains conversation text).
    QString errorString() const { return m_error; }
    // What the relay's hello said about itself, e.g. "advocate-relay 0.1.0".
    QString serverName() const { return m_serverName; }
    int serverProtocol() const { return m_serverProtocol; }

Q_SIGNALS:
    void stateChanged(advocate::RelayConnection::State state);

private:
    void setState(State state);
    void onTextMessage(const QString &message);
    void onError(QAbstractSocket::SocketError error);

    QWebSocket m_socket;
    State m_state = State::Disconnected;
    QString m_error;
    QString m_serverName;
    int m_serverProtocol = 0;
};

} // namespace advocate
