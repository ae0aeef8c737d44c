// SPDX-License-Identifier: GPL-3.0-only
#include "relay/GuardedConnection.h"

#include "common/Clock.h"
#include "relay/HttpResponse.h"
#include "relay/HttpSite.h"
#include "relay/WebSocketFrameHeader.h"

#include <QMetaObject>
#include <QTcpSocket>

namespace advocate {

namespace {

Refusal refusalFor(int status)
{
    switch (status) {
    case 403:
        return Refusal::HttpForbiddenOrigin;
    case 405:
        return Refusal::HttpMethod;
    case 413:
        return Refusal::HttpBodyTooLarge;
    case 414:
        return Refusal::HttpUriTooLong;
    case 431:
        return Refusal::HttpHeadersTooLarge;
    case 426:
    case 501:
    case 505:
        return Refusal::HttpUnsupported;
    default:
        return Refusal::HttpBadRequest;
    }
}

} // namespace

GuardedConnection::GuardedConnection(QTcpSocket *socket, const Clock &clock, Limits limits, HttpSite &site,
                                     RefusalCounts &refusals)
    : QObject(socket), m_socket(socket), m_clock(clock), m_limits(limits), m_site(site), m_refusals(refusals),
      m_parser(limits.http)
{
    // Qt reads no more than this from the kernel until it is read here: the rest waits in the kernel (and the
    // sender's window closes), so a flood of header bytes costs the relay at most this much memory.
    m_socket->setReadBufferSize(httpReadBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &GuardedConnection::readyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_phase == Phase::Http)
            readHttp(); // requests held back while answers were unsent
    });
    // Safe to ask twice (the WebSocket layer also deletes a socket it took over when it disconnects).
    connect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
}

void GuardedConnection::readyRead()
{
    switch (m_phase) {
    case Phase::Http:
        readHttp();
        return;
    case Phase::HandingOver:
    case Phase::WebSocket:
        checkFrames();
        return;
    case Phase::Closed:
        return;
    }
}

void GuardedConnection::readHttp()
{
    while (m_phase == Phase::Http) {
        if (m_parser.state() == HttpRequestParser::State::Complete) {
            const qint64 missing = m_parser.request().contentLength - m_body.size();
            if (missing > 0)
                m_body += m_socket->read(missing);
            if (m_body.size() < m_parser.request().contentLength)
                return;
            answer();
            continue;
        }
        if (!m_socket->isTransactionStarted()) {
            // Between requests: wait for the client to read its answers before taking another request.
            if (m_socket->bytesAvailable() == 0 || m_socket->bytesToWrite() > maxUnsentBytes)
                return;
            // The head is read inside a transaction, so that an upgrade can be given back to the WebSocket layer.
            m_socket->startTransaction();
        }
        if (!m_socket->canReadLine()) {
            char first = 0;
            m_socket->peek(&first, 1);
            m_parser.partialLine(m_socket->bytesAvailable(), first);
            if (m_parser.state() == HttpRequestParser::State::Refused)
                refuse(m_parser.refusal(), refusalFor(m_parser.refusal()));
            return;
        }
        const qsizetype budget = m_parser.nextLineBudget();
        const QByteArray line = m_socket->readLine(budget + 1);
        if (!line.endsWith('\n'))
            m_parser.partialLine(budget + 1, line.front()); // longer than the budget: refused
        else if (m_parser.state() == HttpRequestParser::State::RequestLine && line == "\r\n")
            m_blankBytes += line.size();
        m_headBytes += line.size();
        if (m_parser.state() != HttpRequestParser::State::Refused)
            m_parser.feedLine(line);
        if (m_parser.state() == HttpRequestParser::State::Refused)
            refuse(m_parser.refusal(), refusalFor(m_parser.refusal()));
        else if (m_parser.state() == HttpRequestParser::State::Complete)
            headComplete();
    }
}

void GuardedConnection::headComplete()
{
    const HttpRequest &request = m_parser.request();
    const HttpSite::Route route = m_site.route(request.path);
    if (!route.methods.contains(request.method)) {
        refuse(405, Refusal::HttpMethod, {{QByteArrayLiteral("Allow"), route.methods.join(", ")}});
        return;
    }
    if (request.contentLength > route.maxBodyBytes) {
        refuse(413, Refusal::HttpBodyTooLarge);
        return;
    }
    if (route.webSocket && request.headerHasToken("upgrade", "websocket")) {
        upgrade(request);
        return;
    }
    m_socket->commitTransaction();
    m_body.clear();
}

void GuardedConnection::upgrade(const HttpRequest &request)
{
    // RFC 6455 section 4.2.1, checked here so that a refusal is an HTTP answer rather than a silent close.
    if (request.minorVersion != 1 || request.method != "GET" || !request.headerHasToken("connection", "upgrade") ||
        QByteArray::fromBase64(request.header("sec-websocket-key"), QByteArray::AbortOnBase64DecodingErrors).size() !=
            16 ||
        request.headerCount("origin") > 1) {
        refuse(400, Refusal::HttpBadRequest);
        return;
    }
    if (request.header("sec-websocket-version") != "13") {
        refuse(426, Refusal::HttpUnsupported, {{QByteArrayLiteral("Sec-WebSocket-Version"), QByteArrayLiteral("13")}});
        return;
    }
    if (!m_site.webSocketOriginAllowed(request.header("origin"))) {
        refuse(403, Refusal::HttpForbiddenOrigin);
        return;
    }
    // The WebSocket layer reads the request again from the socket, up to its first empty line: give it back,
    // without the blank lines that may have come before it.
    m_socket->rollbackTransaction();
    m_socket->skip(m_blankBytes);
    m_phase = Phase::HandingOver;
    m_unreadStart = 0;
    m_received = m_socket->bytesAvailable();
    m_upgradeBytes = m_headBytes - m_blankBytes;
    m_nextFrameAt = m_upgradeBytes;
    // Qt's WebSocket layer waits for a whole frame before it reads any of it; the largest must fit.
    m_socket->setReadBufferSize(2 * qint64(m_limits.webSocketFrameBytes));
    m_site.upgradeToWebSocket(*this);
}

void GuardedConnection::webSocketOpened()
{
    if (m_phase != Phase::HandingOver)
        return;
    // Nothing has arrived since this connection last looked (every arrival passes through readyRead() first), so
    // what is unread now tells how much the handshake and the WebSocket layer have read.
    m_unreadStart = m_received - m_socket->bytesAvailable();
    if (m_unreadStart < m_upgradeBytes) {
        // The handshake did not read the request this connection handed over: the frame offsets would be wrong.
        m_phase = Phase::Closed;
        m_socket->abort();
        return;
    }
    m_phase = Phase::WebSocket;
    // After the WebSocket layer's own readyRead slot, which was connected when it took the socket.
    connect(m_socket, &QTcpSocket::readyRead, this, &GuardedConnection::webSocketRead);
}

void GuardedConnection::checkFrames()
{
    const qint64 available = m_socket->bytesAvailable();
    if (m_phase == Phase::HandingOver && m_unreadStart + available < m_received) {
        // While the upgrade is handed over only the handshake reads, and all of the request at once: it has just
        // done so, and Qt's WebSocket layer is about to read what came after the request (this very readyRead).
        m_unreadStart = m_received - available;
        if (m_unreadStart != m_upgradeBytes) {
            closeWebSocket(1002);
            return;
        }
    }
    m_received = m_unreadStart + available;
    while (true) {
        // The WebSocket layer may have read the start of a header already; its bytes were seen here first.
        const qint64 nextUnseen = m_nextFrameAt + m_frameHeader.size();
        if (nextUnseen >= m_received)
            return;
        const qint64 offset = nextUnseen - m_unreadStart;
        if (offset < 0) {
            closeWebSocket(1002); // bytes were read that were never checked: nothing can be trusted now
            return;
        }
        const qsizetype missing = WebSocketFrameHeader::maxBytes - m_frameHeader.size();
        m_frameHeader += m_socket->peek(offset + missing).mid(offset);
        const WebSocketFrameHeader header = WebSocketFrameHeader::read(m_frameHeader, m_limits.webSocketFrameBytes);
        switch (header.verdict) {
        case WebSocketFrameHeader::Verdict::NeedMore:
            return; // every byte there is was taken
        case WebSocketFrameHeader::Verdict::Unmasked:
            closeWebSocket(1002); // protocol error
            return;
        case WebSocketFrameHeader::Verdict::TooLong:
            closeWebSocket(1009); // message too big
            return;
        case WebSocketFrameHeader::Verdict::Complete:
            m_nextFrameAt += header.headerBytes + qint64(header.payloadBytes);
            m_frameHeader.clear();
            break;
        }
    }
}

void GuardedConnection::webSocketRead()
{
    if (m_phase == Phase::WebSocket)
        m_unreadStart = m_received - m_socket->bytesAvailable();
}

void GuardedConnection::closeWebSocket(quint16 code)
{
    m_refusals.add(Refusal::UnmaskedFrame);
    const bool handshakeAnswered = m_phase == Phase::WebSocket;
    m_phase = Phase::Closed;
    // Dropped before the WebSocket layer, whose readyRead slot runs next, can read any of it.
    m_socket->skip(m_socket->bytesAvailable());
    if (!handshakeAnswered) {
        m_socket->abort();
        return;
    }
    // A close frame as a server sends it (unmasked), between whole frames of the WebSocket layer, then the end.
    const char frame[] = {char(0x88), 0x02, char(code >> 8), char(code & 0xff)};
    m_socket->write(frame, sizeof frame);
    m_socket->disconnectFromHost();
}

void GuardedConnection::answer()
{
    HttpRequest request = m_parser.request();
    request.body = std::exchange(m_body, QByteArray());
    HttpResponse response = m_site.respond(request);
    response.close = response.close || !request.keepAlive();
    m_socket->write(response.serialize(request.method != "HEAD", m_clock.now()));
    m_parser.reset();
    m_headBytes = 0;
    m_blankBytes = 0;
    if (response.close) {
        m_phase = Phase::Closed;
        m_socket->disconnectFromHost();
    }
}

void GuardedConnection::refuse(int status, Refusal refusal, QList<std::pair<QByteArray, QByteArray>> headers)
{
    m_refusals.add(refusal);
    m_phase = Phase::Closed;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    HttpResponse response = HttpResponse::withStatus(status);
    response.headers = std::move(headers);
    response.close = true;
    m_socket->write(response.serialize(true, m_clock.now()));
    m_socket->disconnectFromHost();
}

} // namespace advocate
