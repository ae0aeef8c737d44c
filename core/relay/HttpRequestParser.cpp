// SPDX-License-Identifier: GPL-3.0-only
#include "relay/HttpRequestParser.h"

#include <algorithm>

namespace advocate {

namespace {

// RFC 9110 section 5.6.2: the characters of a method or a header name.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return QByteArray();
}

qsizetype HttpRequest::headerCount(QByteArrayView name) const
{
    return std::count_if(headers.cbegin(), headers.cend(), [name](const auto &entry) { return entry.first == name; });
}

bool HttpRequest::headerHasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &[key, value] : headers) {
        if (key != name)
            continue;
        for (const QByteArray &part : value.split(',')) {
            if (trimmedBlanks(part).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    return minorVersion == 1 && !headerHasToken("connection", "close");
}

HttpRequestParser::HttpRequestParser(HttpLimits limits) : m_limits(limits)
{
    reset();
}

void HttpRequestParser::reset()
{
    m_state = State::RequestLine;
    m_refusal = 0;
    m_requestLineBytesLeft = m_limits.requestLineBytes;
    m_headerBytesLeft = m_limits.headerBytes;
    m_request = HttpRequest{};
}

void HttpRequestParser::refuse(int status)
{
    m_state = State::Refused;
    m_refusal = status;
}

qsizetype HttpRequestParser::nextLineBudget() const
{
    switch (m_state) {
    case State::RequestLine:
        return m_requestLineBytesLeft + 2;
    case State::Headers:
        return std::max<qsizetype>(m_headerBytesLeft, 2); // the empty line that ends the head always fits
    case State::Complete:
    case State::Refused:
        break;
    }
    return 0;
}

void HttpRequestParser::partialLine(qsizetype bytes, char firstByte)
{
    // The line's '\n' is still to come, so the whole line will have at least one byte more.
    if (m_state == State::RequestLine && bytes + 1 > nextLineBudget())
        refuse(414);
    // A lone CR may be the start of the empty line that ends the head, which is not counted; anything else is a
    // field line, and counts.
    const bool endOfHead = bytes == 1 && firstByte == '\r';
    if (m_state == State::Headers && !endOfHead && bytes + 1 > m_headerBytesLeft)
        refuse(431);
}

void HttpRequestParser::feedLine(QByteArrayView line)
{
    if (m_state != State::RequestLine && m_state != State::Headers)
        return;
    if (line.size() > nextLineBudget()) {
        refuse(m_state == State::RequestLine ? 414 : 431);
        return;
    }
    // Only CRLF ends a line, and neither CR nor LF may appear inside one: a bare one is read differently by
    // different servers, which is how requests are smuggled past a proxy.
    if (!line.endsWith("\r\n")) {
        refuse(400);
        return;
    }
    const QByteArrayView content = line.first(line.size() - 2);
    if (content.contains('\r') || content.contains('\n')) {
        refuse(400);
        return;
    }
    if (m_state == State::RequestLine) {
        if (content.isEmpty()) {
            // RFC 9112 section 2.2: blank lines before a request line are ignored, within the line's budget.
            m_requestLineBytesLeft -= 2;
            if (m_requestLineBytesLeft < 0)
                refuse(400);
            return;
        }
        readRequestLine(content);
        return;
    }
    if (content.isEmpty()) {
        finishHead();
        return;
    }
    m_headerBytesLeft -= line.size();
    readHeaderLine(content);
}

void HttpRequestParser::readRequestLine(QByteArrayView line)
{
    const QList<QByteArrayView> parts = [line] {
        QList<QByteArrayView> split;
        qsizetype from = 0;
        for (qsizetype space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', from)) {
            split.append(line.sliced(from, space - from));
            from = space + 1;
        }
        split.append(line.sliced(from));
        return split;
    }();
    if (parts.size() != 3 || !isToken(parts.at(0))) {
        refuse(400);
        return;
    }
    const QByteArrayView target = parts.at(1);
    // Origin-form only: the relay is no proxy. Visible ASCII; what a path may name is the routes' business.
    if (!target.startsWith('/') ||
        !std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; })) {
        refuse(400);
        return;
    }
    const QByteArrayView version = parts.at(2);
    const bool shaped = version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.' &&
                        version.at(5) >= '0' && version.at(5) <= '9' && version.at(7) >= '0' && version.at(7) <= '9';
    if (!shaped) {
        refuse(400);
        return;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        refuse(505);
        return;
    }
    m_request.method = parts.at(0).toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype query = target.indexOf('?');
    m_request.path = (query < 0 ? target : target.first(query)).toByteArray();
    m_request.minorVersion = version.at(7) - '0';
    m_state = State::Headers;
}

void HttpRequestParser::readHeaderLine(QByteArrayView line)
{
    // A line starting with a blank continues the previous one in HTTP/1.0 (obs-fold); RFC 9112 lets a server
    // refuse it, and the relay does.
    const qsizetype colon = line.indexOf(':');
    if (isBlank(line.front()) || colon <= 0 || !isToken(line.first(colon))) {
        refuse(400);
        return;
    }
    if (m_request.headers.size() >= m_limits.headerFields) {
        refuse(431);
        return;
    }
    const QByteArrayView value = trimmedBlanks(line.sliced(colon + 1));
    const bool clean = std::all_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
    if (!clean) {
        refuse(400);
        return;
    }
    m_request.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
}

void HttpRequestParser::finishHead()
{
    const qsizetype hosts = m_request.headerCount("host");
    if (hosts > 1 || (m_request.minorVersion == 1 && hosts == 0)) {
        refuse(400);
        return;
    }
    if (m_request.headerCount("transfer-encoding") > 0) {
        // Chunked bodies are not taken; RFC 9112 section 6.1 answers an unsupported coding with 501.
        refuse(501);
        return;
    }
    const qsizetype lengths = m_request.headerCount("content-length");
    if (lengths > 1) {
        refuse(400);
        return;
    }
    if (lengths == 1) {
        const QByteArray value = m_request.header("content-length");
        const bool digits = !value.isEmpty() && value.size() <= 15 &&
                            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            refuse(400);
            return;
        }
        m_request.contentLength = value.toLongLong();
    }
    m_state = State::Complete;
}

} // namespace advocate
