// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/HttpRequestParser.h"
#include "relay/RefusalCounts.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <utility>

class QTcpSocket;

namespace advocate {

class Clock;
class HttpSite;

// One accepted connection, read under the relay's input limits (requirement RL12, docs/protocol.md section 12)
// before anything else reads it. First it is HTTP: each request is read a line at a time within HttpLimits, the
// method and body size are checked against the site's route, and a request over a limit is answered 400, 405, 413,
// 414 or 431 (…) and closed the moment the limit is passed, with no more than the limit held. A WebSocket upgrade
// to the site's endpoint is handed to the WebSocket layer; from then on the connection reads the header of every
// frame the client sends before Qt's WebSocket layer does, and closes it (1002) on a frame without a mask, which Qt
// would accept (RFC 6455 section 5.1).
class GuardedConnection : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        HttpLimits http;
        quint64 webSocketFrameBytes = 64 * 1024; // a longer frame payload closes the connection (1009)
    };
    // What Qt may hold of a connection's input while it is HTTP: the largest head with room to see it pass a limit.
    static constexpr qint64 httpReadBufferBytes = 16 * 1024;
    // Answers a client has not read yet: beyond this the connection reads no further request (pipelined requests
    // for large files would otherwise multiply memory).
    static constexpr qint64 maxUnsentBytes = 256 * 1024;

    // Becomes a child of `socket` and reads it from now on. Create it before anything else connects to the
    // socket's readyRead: its slot must run first. `clock`, `site` and `refusals` must outlive the socket.
    GuardedConnection(QTcpSocket *socket, const Clock &clock, Limits limits, HttpSite &site, RefusalCounts &refusals);

    QTcpSocket *socket() const { return m_socket; }
    // The WebSocket layer has read the upgrade request and answered it; it reads the socket from now on, after
    // the frame check.
    void webSocketOpened();

private:
    enum class Phase {
        Http,        // reading requests
        HandingOver, // upgrade handed to the WebSocket layer, handshake not answered yet
        WebSocket,   // reading frame headers ahead of the WebSocket layer
        Closed,      // answered and closing: nothing more is read
    };

    void readyRead();
    void readHttp();
    void headComplete();
    void upgrade(const HttpRequest &request);
    void answer();
    void refuse(int status, Refusal refusal, QList<std::pair<QByteArray, QByteArray>> headers = {});
    void checkFrames();
    void webSocketRead();
    void closeWebSocket(quint16 code);

    QTcpSocket *m_socket;
    const Clock &m_clock;
    Limits m_limits;
    HttpSite &m_site;
    RefusalCounts &m_refusals;
    Phase m_phase = Phase::Http;
    HttpRequestParser m_parser;
    qsizetype m_headBytes = 0;  // of the request being read, blank lines before it included
    qsizetype m_blankBytes = 0; // blank lines before the request line
    QByteArray m_body;

    // The frame check counts bytes from the first byte of the upgrade request. The client's input is a stream
    // shared with Qt's WebSocket layer, which reads it only in its readyRead slot (after readyRead() here) and once
    // in the handshake, all of the request at once. Every byte it reads has been seen here first.
    qint64 m_received = 0;     // bytes received so far
    qint64 m_unreadStart = 0;  // bytes read by anyone so far
    qint64 m_nextFrameAt = 0;  // where the next frame header starts
    QByteArray m_frameHeader;  // the bytes of that header seen so far
    qint64 m_upgradeBytes = 0; // the upgrade request, which the handshake reads
};

} // namespace advocate
