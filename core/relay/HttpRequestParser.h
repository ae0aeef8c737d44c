// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace advocate {

// The sizes an HTTP request to the relay may have (docs/protocol.md section 12). A request over one of them is
// refused as soon as the byte that passes it arrives: nothing beyond them is ever held.
struct HttpLimits
{
    int requestLineBytes = 2048; // method, target and version, without the line's CRLF
    int headerBytes = 8192;      // every header field line with its CRLF; the empty line that ends them is not counted
    int headerFields = 100;      // as many as Qt's WebSocket handshake reads
};

// One HTTP/1.x request as the relay reads it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent, origin-form: "/path?query"
    QByteArray path;   // the target up to '?'
    int minorVersion = 1;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case, values without surrounding blanks
    qint64 contentLength = 0;
    QByteArray body;

    // The first value of header `name` (lower case), empty when there is none.
    QByteArray header(QByteArrayView name) const;
    qsizetype headerCount(QByteArrayView name) const;
    // Whether header `name` holds `token` in its comma-separated list, in any case ("Connection: keep-alive, Upgrade").
    bool headerHasToken(QByteArrayView name, QByteArrayView token) const;
    // Whether the connection stays open after the answer: HTTP/1.1 without "Connection: close".
    bool keepAlive() const;
};

// Reads the head of one request (request line and header fields) a line at a time, under HttpLimits, and says
// how it ends: complete, or refused with the HTTP status to answer. Strict where leniency has caused request
// smuggling: lines end in CRLF, no folded or blank-prefixed header lines, no blank before the colon, exactly one
// Host on HTTP/1.1, at most one Content-Length of digits, no Transfer-Encoding (the relay takes no chunked bodies).
class HttpRequestParser
{
public:
    enum class State { RequestLine, Headers, Complete, Refused };

    explicit HttpRequestParser(HttpLimits limits = {});

    State state() const { return m_state; }
    // The HTTP status of the refusal (400, 414, 431, 501, 505) once state() is Refused.
    int refusal() const { return m_refusal; }
    const HttpRequest &request() const { return m_request; }

    // The most bytes the next line may have, its CRLF included.
    qsizetype nextLineBudget() const;
    // The next line has not ended yet; `bytes` of it have arrived, the first being `firstByte`. Refuses the request
    // as soon as the line can no longer fit.
    void partialLine(qsizetype bytes, char firstByte);
    // One line, ending in '\n' (a longer line than nextLineBudget() is refused).
    void feedLine(QByteArrayView line);
    // Ready for the next request on the same connection.
    void reset();

private:
    void refuse(int status);
    void readRequestLine(QByteArrayView line);
    void readHeaderLine(QByteArrayView line);
    void finishHead();

    HttpLimits m_limits;
    State m_state = State::RequestLine;
    int m_refusal = 0;
    qsizetype m_requestLineBytesLeft = 0; // blank lines before the request line count against it too
    qsizetype m_headerBytesLeft = 0;
    HttpRequest m_request;
};

} // namespace advocate
