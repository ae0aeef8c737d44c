// SPDX-License-Identifier: GPL-3.0-only
#include "WireClient.h"

#include <QNetworkRequest>

#include <gtest/gtest.h>

namespace advocate::test {

WireClient::WireClient(const QUrl &url, QObject *parent) : QObject(parent), m_url(url)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const DecodeResult<RelayFrame> decoded = m_codec.decodeRelayFrame(text.toUtf8());
        if (decoded.ok())
            m_frames.append(*decoded.frame);
        else
            ADD_FAILURE() << "the relay sent an undecodable frame: " << qPrintable(text);
    });
}

bool WireClient::connectAndGreet(int timeoutMs)
{
    QNetworkRequest request(m_url);
    for (const auto &[name, value] : std::as_const(m_headers))
        request.setRawHeader(name, value);
    m_socket.open(request);
    return next<frame::Hello>(timeoutMs).has_value();
}

void WireClient::send(const ClientFrame &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
}

void WireClient::sendRaw(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

void WireClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

void WireClient::drop()
{
    m_socket.abort();
}

bool WireClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

std::optional<ErrorCode> WireClient::nextError(int timeoutMs)
{
    const std::optional<frame::Error> error = next<frame::Error>(timeoutMs);
    return error ? std::optional<ErrorCode>(error->code) : std::nullopt;
}

} // namespace advocate::test
