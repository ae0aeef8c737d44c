// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/RelayKeyPin.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QAbstractSocket>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QWebSocket;

namespace advocate {

// One client's WebSocket connection to the relay (docs/protocol.md sections 1 and 2), shared by the staff session
// and the survivor client: opens it, checks the protocol version of the relay's hello, sends frames only once
// that hello has come, pings while the connection is idle, and turns each text frame the relay sends into a typed
// frame. Frames of the other direction are dropped without a word. Reconnecting, and what a dropped connection
// means, are the owner's business. Keeps nothing, never logs.
class RelaySocket : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // The protocol version this client announces and expects in the relay's hello; only tests change it.
        int protocolVersion = FrameCodec::protocolVersion;
        // Keeps proxies from closing an idle socket.
        std::chrono::milliseconds pingInterval{30000};
        // The relay's public key as IT pinned it (PK2), checked on top of the trust store once the handshake is
        // done and before the relay's first frame is read. Unset: any relay the trust store accepts.
        RelayKeyPin pin;
        // Only tests set it: the certificate authorities trusted instead of the system's.
        QList<QSslCertificate> trustedAuthorities;
        // A stalled network passes no byte and closes nothing. When the relay has sent nothing for this long after
        // this client sent something, the client asks (a ping, always answered); when that goes unanswered as long
        // again, the connection is taken for gone: dropped, and disconnected() emitted as for a drop, so the owner
        // reconnects and what waits to be sent waits for that instead of timing out on a dead connection.
        std::chrono::milliseconds answerTimeout{10000};
    };

    explicit RelaySocket(QObject *parent = nullptr);
    ~RelaySocket() override;

    // For the next open().
    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // Opens a new connection to `url` (ws:// or wss://), first dropping the current one as abort() does.
    void open(const QUrl &url);
    // Drops the connection at once, without a close handshake; nothing is emitted for it.
    void abort();
    // Closes with a close handshake, after what was sent has gone out, so that a last frame reaches the relay;
    // disconnected() follows (at once when the connection is down already). Nothing when there is no connection.
    void close();
    // Writes out what is buffered.
    void flush();
    bool isOpen() const { return m_socket != nullptr; }
    // The relay's hello in this client's protocol version came on the current (or last) connection.
    bool isGreeted() const { return m_greeted; }
    // The last connection failed in its TLS layer (certificate, handshake), not because nobody answered.
    bool tlsProblem() const { return m_tlsProblem; }

    // Sends `frame` if the relay has greeted the current connection; otherwise it is dropped.
    void send(const ClientFrame &frame);

Q_SIGNALS:
    // The relay's hello names another protocol version; nothing is sent on this connection, and the hello is not
    // passed on.
    void versionRefused(int relayVersion);
    // Each frame the relay sends, in order. The hello comes once its protocol version is this client's: from then
    // on send() sends (it dropped every frame before).
    void frameReceived(const advocate::RelayFrame &frame);
    // A text frame that is no relay frame of this protocol (not even one of the other direction).
    void undecodableFrame();
    // The relay's certificate verified but its key is not a pinned one. The connection is dropped already, before
    // any frame was read or sent; the next open() tries again (and checks again).
    void pinRefused();
    // The connection failed (refused, unreachable, TLS: see tlsProblem()). The connection is left to the owner,
    // which drops it with abort().
    void failed();
    // The connection is closed and gone, or taken for gone (see Options::answerTimeout).
    void disconnected();

private:
    // The TLS side of a new connection: the trusted authorities, TLS errors, and the pin check once connected.
    void watchTls(QWebSocket &socket);
    void checkPin();
    void onSocketError(QAbstractSocket::SocketError error);
    void onText(const QString &text);
    void onDisconnected();
    void onAnswerOverdue();
    void stopWaitingForAnswers();

    Options m_options;
    FrameCodec m_codec{ProtocolLimits{1 << 20, 1 << 20}};
    QUrl m_url;
    std::unique_ptr<QWebSocket> m_socket;
    bool m_greeted = false;
    bool m_peerAccepted = false; // the pin check passed on this connection
    bool m_tlsProblem = false;
    QTimer m_ping;
    // Runs from something sent until something comes back (Options::answerTimeout); m_probing: a ping asked since.
    QTimer m_answer;
    bool m_probing = false;
};

} // namespace advocate
