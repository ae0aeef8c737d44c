// SPDX-License-Identifier: GPL-3.0-only
#include "RelaySocket.h"

#include <QSslConfiguration>
#include <QWebSocket>

namespace advocate {

RelaySocket::RelaySocket(QObject *parent) : QObject(parent)
{
    m_ping.setInterval(m_options.pingInterval);
    connect(&m_ping, &QTimer::timeout, this, [this] { send(frame::Ping{}); });
    m_answer.setSingleShot(true);
    connect(&m_answer, &QTimer::timeout, this, &RelaySocket::onAnswerOverdue);
}

RelaySocket::~RelaySocket()
{
    // Deleted with this object rather than later: nothing is left for an event loop that may not run again.
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void RelaySocket::setOptions(const Options &options)
{
    m_options = options;
    m_ping.setInterval(m_options.pingInterval);
}

void RelaySocket::open(const QUrl &url)
{
    abort();
    m_url = url;
    m_greeted = false;
    m_peerAccepted = false;
    m_tlsProblem = false;
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = m_socket.get();
    connect(socket, &QWebSocket::textMessageReceived, this, &RelaySocket::onText);
    connect(socket, &QWebSocket::disconnected, this, &RelaySocket::onDisconnected);
    watchTls(*socket);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(socket, &QWebSocket::errorOccurred, this, &RelaySocket::onSocketError);
#else
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &RelaySocket::onSocketError);
#endif
    socket->open(url);
}

void RelaySocket::watchTls(QWebSocket &socket)
{
    if (!m_options.trustedAuthorities.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_options.trustedAuthorities);
        socket.setSslConfiguration(tls);
    }
    connect(&socket, &QWebSocket::sslErrors, this, [this] { m_tlsProblem = true; });
    connect(&socket, &QWebSocket::connected, this, &RelaySocket::checkPin);
}

void RelaySocket::checkPin()
{
    // The handshake and the certificate verification are done, the relay's hello is not read yet: nothing of the
    // client's (no password, no session token) has gone out.
    if (m_options.pin.accepts(m_socket->sslConfiguration().peerCertificate())) {
        m_peerAccepted = true;
        return;
    }
    abort();
    Q_EMIT pinRefused();
}

void RelaySocket::onSocketError(QAbstractSocket::SocketError error)
{
    // Over wss, anything but "nobody there" before the relay's hello is the TLS layer failing (a server that
    // does not speak TLS closes the connection on the client hello).
    const bool unreachable =
        error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::HostNotFoundError ||
        error == QAbstractSocket::SocketTimeoutError || error == QAbstractSocket::NetworkError ||
        error == QAbstractSocket::TemporaryError || error == QAbstractSocket::ProxyConnectionRefusedError ||
        error == QAbstractSocket::ProxyNotFoundError;
    if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError ||
        error == QAbstractSocket::SslInvalidUserDataError ||
        (m_url.scheme() == QLatin1String("wss") && !m_greeted && !unreachable))
        m_tlsProblem = true;
    Q_EMIT failed();
}

void RelaySocket::abort()
{
    m_ping.stop();
    stopWaitingForAnswers();
    if (!m_socket)
        return;
    // Later: this may run inside one of the socket's own signals.
    QWebSocket *socket = m_socket.release();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void RelaySocket::close()
{
    m_ping.stop();
    stopWaitingForAnswers();
    if (!m_socket)
        return;
    m_socket->flush();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        onDisconnected();
        return;
    }
    m_socket->close();
}

void RelaySocket::flush()
{
    if (m_socket)
        m_socket->flush();
}

void RelaySocket::send(const ClientFrame &frame)
{
    if (!m_socket || !m_greeted)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
    if (!m_answer.isActive())
        m_answer.start(m_options.answerTimeout);
}

void RelaySocket::onAnswerOverdue()
{
    if (!m_socket)
        return;
    if (!m_probing) {
        // Not every frame is answered (typing is not): ask.
        m_probing = true;
        send(frame::Ping{});
        return;
    }
    // Nothing came back, not even the pong: a stalled network or a relay that is gone without a word.
    m_ping.stop();
    stopWaitingForAnswers();
    QWebSocket *socket = m_socket.release();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    Q_EMIT disconnected();
}

void RelaySocket::stopWaitingForAnswers()
{
    m_answer.stop();
    m_probing = false;
}

void RelaySocket::onText(const QString &text)
{
    if (!m_peerAccepted)
        return;              // before the pin check (none comes before it; this only makes sure)
    stopWaitingForAnswers(); // the relay is there
    const DecodeResult<RelayFrame> decoded = m_codec.decodeRelayFrame(text.toUtf8());
    if (decoded.otherDirection)
        return; // a type only clients send: nothing for us
    if (!decoded.ok()) {
        Q_EMIT undecodableFrame();
        return;
    }
    if (const auto *hello = std::get_if<frame::Hello>(&*decoded.frame)) {
        if (hello->protocol != m_options.protocolVersion) {
            Q_EMIT versionRefused(hello->protocol);
            return;
        }
        m_greeted = true;
        m_ping.start();
    }
    Q_EMIT frameReceived(*decoded.frame);
}

void RelaySocket::onDisconnected()
{
    m_ping.stop();
    stopWaitingForAnswers();
    if (m_socket) {
        QWebSocket *socket = m_socket.release();
        socket->disconnect(this);
        socket->deleteLater();
    }
    Q_EMIT disconnected();
}

} // namespace advocate
