// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace advocate::test {

// A real WebSocket client for integration tests: sends typed or raw frames and reads the relay's answers,
// decoded with the same codec the relay uses.
class WireClient : public QObject
{
    Q_OBJECT
public:
    explicit WireClient(const QUrl &url, QObject *parent = nullptr);

    // Opens the socket and waits for the relay's hello.
    bool connectAndGreet(int timeoutMs = 10000);
    // A header for the opening handshake (e.g. User-Agent); call before connectAndGreet().
    void setHandshakeHeader(const QByteArray &name, const QByteArray &value) { m_headers.append({name, value}); }
    quint16 localPort() const { return m_socket.localPort(); }
    void send(const ClientFrame &frame);
    void sendRaw(const QByteArray &text);
    void sendBinary(const QByteArray &data);
    void drop(); // the network goes away: no close handshake
    bool waitClosed(int timeoutMs = 10000);
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // The next frame of type T not read before, waiting for it if need be.
    template <typename T>
    std::optional<T> next(int timeoutMs = 10000)
    {
        std::optional<T> found;
        const bool arrived = QTest::qWaitFor(
            [&] {
                const QList<RelayFrame> frames = m_frames;
                int &cursor = m_cursor[RelayFrame(T{}).index()];
                for (int i = cursor; i < frames.size(); ++i) {
                    if (const auto *typed = std::get_if<T>(&frames.at(i))) {
                        cursor = i + 1;
                        found = *typed;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return arrived ? found : std::nullopt;
    }
    // The code of the next error frame.
    std::optional<ErrorCode> nextError(int timeoutMs = 10000);
    // Every frame received so far.
    QList<RelayFrame> frames() const { return m_frames; }
    // Every frame of type T received so far.
    template <typename T>
    QList<T> all() const
    {
        QList<T> found;
        for (const RelayFrame &frame : m_frames) {
            if (const auto *typed = std::get_if<T>(&frame))
                found.append(*typed);
        }
        return found;
    }
    // Lets queued frames arrive, then says whether any frame of type T came.
    template <typename T>
    bool receivedWithin(int ms)
    {
        QTest::qWait(ms);
        return !all<T>().isEmpty();
    }

private:
    QWebSocket m_socket;
    FrameCodec m_codec{ProtocolLimits{1 << 20, 1 << 20}};
    QList<RelayFrame> m_frames;
    QMap<std::size_t, int> m_cursor;
    QUrl m_url;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
};

} // namespace advocate::test
