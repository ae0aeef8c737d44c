// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QPointer>

#include <unordered_map>
#include <vector>

class QTcpSocket;

namespace advocate {

// The relay's frames on their way out. A frame is JSON in UTF-8 from the codec; the outbox puts a WebSocket text
// frame header in front of it (RFC 6455 section 5.2: a server's frames are not masked) and keeps it with the other
// frames of the same connection until the event loop's current pass is over. Then each connection's frames go to its
// socket in one write and one flush: one system call where there was one per frame, and no trip through QString
// and back to UTF-8 in Qt's WebSocket layer, which keeps only the handshake, the reading and the closing.
//
// Output is bounded (docs/protocol.md section 13): a connection whose unsent output (in the outbox and in its
// socket's buffer) passes `perConnectionBytes` is aborted, and when the unsent output of all connections together
// passes `totalBytes`, the connections with the most of it are aborted until it is back under. Aborts happen from
// the event loop, never while the caller is in the middle of a decision.
class FrameOutbox : public QObject
{
    Q_OBJECT
public:
    using ConnectionId = quint64;
    struct Limits
    {
        qint64 perConnectionBytes = 1024 * 1024;
        qint64 totalBytes = 64 * 1024 * 1024;
    };

    explicit FrameOutbox(Limits limits, QObject *parent = nullptr);

    // The header of an unmasked, unfragmented text frame with a payload of `payloadBytes`.
    static QByteArray textFrameHeader(qint64 payloadBytes);
    static void appendTextFrameHeader(QByteArray &out, qint64 payloadBytes);

    // `socket` carries the connection's WebSocket; it must outlive neither the outbox's use of it nor be written
    // to by anything else between whole frames.
    void attach(ConnectionId connection, QTcpSocket *socket);
    void detach(ConnectionId connection);
    // Queues one text frame for the connection; false when the connection is unknown or is being closed for the
    // output it let pile up.
    bool append(ConnectionId connection, QByteArrayView utf8Json);
    // Writes every connection's queued frames now (also done by itself once per pass of the event loop).
    void flush();
    // Unsent output of all connections together: queued here and held in their sockets' buffers.
    qint64 unsentBytes() const { return m_unsent; }
    // Connections aborted so far for their output (for tests).
    int abortedForOutput() const { return m_aborted; }

private:
    struct Output
    {
        QPointer<QTcpSocket> socket;
        QByteArray queued;
        qint64 inSocket = 0; // the socket's unsent bytes when last looked at
        bool aborting = false;
    };

    void socketWrote(ConnectionId connection);
    qint64 unsentOf(const Output &output) const { return output.queued.size() + output.inSocket; }
    void abort(Output &output);
    void enforceTotal();

    Limits m_limits;
    std::unordered_map<ConnectionId, Output> m_outputs;
    std::vector<ConnectionId> m_queuedConnections;
    bool m_flushScheduled = false;
    qint64 m_unsent = 0;
    int m_aborted = 0;
};

} // namespace advocate
