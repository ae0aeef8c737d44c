// SPDX-License-Identifier: GPL-3.0-only
#include "relay/FrameOutbox.h"

#include <QTcpSocket>
#include <QTimer>

namespace advocate {

FrameOutbox::FrameOutbox(Limits limits, QObject *parent) : QObject(parent), m_limits(limits) {}

void FrameOutbox::appendTextFrameHeader(QByteArray &out, qint64 payloadBytes)
{
    out.append(char(0x81)); // FIN, text
    if (payloadBytes < 126) {
        out.append(char(payloadBytes));
    } else if (payloadBytes <= 0xffff) {
        const char length[] = {char(126), char(payloadBytes >> 8), char(payloadBytes & 0xff)};
        out.append(length, sizeof length);
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(payloadBytes) >> shift) & 0xff));
    }
}

QByteArray FrameOutbox::textFrameHeader(qint64 payloadBytes)
{
    QByteArray header;
    appendTextFrameHeader(header, payloadBytes);
    return header;
}

void FrameOutbox::attach(ConnectionId connection, QTcpSocket *socket)
{
    Output &output = m_outputs[connection];
    output.socket = socket;
    output.inSocket = socket->bytesToWrite();
    m_unsent += output.inSocket;
    connect(socket, &QTcpSocket::bytesWritten, this, [this, connection] { socketWrote(connection); });
}

void FrameOutbox::detach(ConnectionId connection)
{
    const auto found = m_outputs.find(connection);
    if (found == m_outputs.end())
        return;
    if (!found->second.aborting)
        m_unsent -= unsentOf(found->second);
    if (found->second.socket)
        disconnect(found->second.socket, nullptr, this, nullptr);
    m_outputs.erase(found);
}

bool FrameOutbox::append(ConnectionId connection, QByteArrayView utf8Json)
{
    const auto found = m_outputs.find(connection);
    if (found == m_outputs.end() || found->second.aborting || !found->second.socket)
        return false;
    Output &output = found->second;
    const qint64 inSocket = output.socket->bytesToWrite();
    m_unsent += inSocket - output.inSocket;
    output.inSocket = inSocket;
    const qint64 headerBytes = utf8Json.size() < 126 ? 2 : utf8Json.size() <= 0xffff ? 4 : 10;
    const qint64 frameBytes = headerBytes + utf8Json.size();
    if (unsentOf(output) + frameBytes > m_limits.perConnectionBytes) {
        // A reader that does not read (or reads slowly on purpose) would grow its output without bound.
        abort(output);
        return false;
    }
    if (output.queued.isEmpty())
        m_queuedConnections.push_back(connection);
    appendTextFrameHeader(output.queued, utf8Json.size());
    output.queued += utf8Json;
    m_unsent += frameBytes;
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &FrameOutbox::flush, Qt::QueuedConnection);
    }
    if (m_unsent > m_limits.totalBytes)
        enforceTotal();
    return !output.aborting;
}

void FrameOutbox::flush()
{
    m_flushScheduled = false;
    const std::vector<ConnectionId> queued = std::exchange(m_queuedConnections, {});
    for (const ConnectionId connection : queued) {
        auto found = m_outputs.find(connection);
        if (found == m_outputs.end() || found->second.aborting || found->second.queued.isEmpty())
            continue;
        const QPointer<QTcpSocket> socket = found->second.socket;
        if (!socket)
            continue;
        // From the queue to the socket's buffer: still unsent, so the total stays.
        const QByteArray frames = std::exchange(found->second.queued, QByteArray());
        found->second.inSocket += frames.size();
        socket->write(frames);
        // Writing may report an error and close the socket, and with it the connection: look it up again.
        if (socket)
            socket->flush();
        socketWrote(connection);
    }
}

void FrameOutbox::socketWrote(ConnectionId connection)
{
    const auto found = m_outputs.find(connection);
    if (found == m_outputs.end() || found->second.aborting || !found->second.socket)
        return;
    const qint64 inSocket = found->second.socket->bytesToWrite();
    m_unsent += inSocket - found->second.inSocket;
    found->second.inSocket = inSocket;
}

void FrameOutbox::abort(Output &output)
{
    m_unsent -= unsentOf(output);
    output.aborting = true;
    output.queued.clear();
    output.inSocket = 0;
    ++m_aborted;
    if (QTcpSocket *socket = output.socket)
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
}

void FrameOutbox::enforceTotal()
{
    while (m_unsent > m_limits.totalBytes) {
        auto largest = m_outputs.end();
        for (auto it = m_outputs.begin(); it != m_outputs.end(); ++it) {
            if (!it->second.aborting &&
                (largest == m_outputs.end() || unsentOf(it->second) > unsentOf(largest->second)))
                largest = it;
        }
        if (largest == m_outputs.end() || unsentOf(largest->second) == 0)
            return;
        abort(largest->second);
    }
}

} // namespace advocate
