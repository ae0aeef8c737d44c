// SPDX-License-Identifier: GPL-3.0-only
#include "SurvivorClient.h"

#include <QWebSocket>

namespace advocate {

SurvivorClient::SurvivorClient(QObject *parent) : QObject(parent)
{
    connect(&m_ping, &QTimer::timeout, this, [this] { transmit(frame::Ping{}); });
}

SurvivorClient::~SurvivorClient()
{
    forgetToken();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString SurvivorClient::describe(EndReason reason)
{
    switch (reason) {
    case EndReason::SurvivorEnded:
        return tr("You ended the chat.");
    case EndReason::AdvocateEnded:
        return tr("The advocate ended the chat.");
    case EndReason::QuickExit:
        return tr("You left with quick exit.");
    case EndReason::IdleClosed:
        return tr("The chat was closed after a long silence.");
    case EndReason::Disconnected:
        return tr("The chat ended because the connection was lost for too long.");
    }
    return {};
}

void SurvivorClient::start(const QUrl &relayUrl, const Options &options)
{
    if (m_state != State::Idle && m_state != State::Finished)
        return;
    if (m_socket) {
        // The last session's socket: nothing more is expected from it.
        QWebSocket *old = m_socket.release();
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    m_options = options;
    m_ping.setInterval(m_options.pingInterval);
    m_conversation.clear();
    m_held.clear();
    m_contiguous = 0;
    m_ahead.clear();
    m_greeted = false;
    if (!relayUrl.isValid() ||
        (relayUrl.scheme() != QLatin1String("ws") && relayUrl.scheme() != QLatin1String("wss"))) {
        setState(State::Finished);
        Q_EMIT problem(tr("The relay address must start with wss:// or ws://."));
        Q_EMIT finished();
        return;
    }
    setState(State::Connecting);
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = m_socket.get();
    connect(socket, &QWebSocket::textMessageReceived, this, &SurvivorClient::onText);
    connect(socket, &QWebSocket::disconnected, this, &SurvivorClient::onDisconnected);
    socket->open(relayUrl);
}

SurvivorClient::LineAction SurvivorClient::submitLine(const QString &line)
{
    const QString command = line.trimmed();
    if (command == endCommand) {
        if (m_state == State::Idle || m_state == State::Finished)
            return LineAction::Ignored;
        end();
        return LineAction::Ended;
    }
    if (command == exitCommand) {
        if (m_state == State::Idle || m_state == State::Finished)
            return LineAction::Ignored;
        quickExit();
        return LineAction::Exited;
    }
    if (command.isEmpty())
        return LineAction::Ignored;
    const bool now = m_state == State::Chatting;
    if (!send(line))
        return LineAction::Ignored;
    return now ? LineAction::Sent : LineAction::Held;
}

bool SurvivorClient::send(const QString &body)
{
    if (m_state != State::Connecting && m_state != State::Waiting && m_state != State::Chatting)
        return false;
    if (body.isEmpty() || body.toUcs4().size() > m_maxMessageChars)
        return false;
    Outgoing outgoing{QStringLiteral("s%1").arg(m_nextClientId++), body};
    if (m_state == State::Chatting)
        transmit(frame::Send{m_conversation, outgoing.clientId, outgoing.body});
    else
        m_held.append(outgoing);
    return true;
}

void SurvivorClient::end()
{
    if (m_state == State::Chatting) {
        transmit(frame::End{m_conversation, false});
        return; // the relay answers with ended
    }
    if (m_state == State::Connecting || m_state == State::Waiting) {
        // Leaving the queue: quick_exit is the frame that ends a waiting session and revokes its token, so the
        // place is not kept for the reconnect window.
        transmit(frame::QuickExit{});
        onEnded(EndReason::SurvivorEnded);
    }
}

void SurvivorClient::quickExit()
{
    if (m_state == State::Idle || m_state == State::Finished)
        return;
    transmit(frame::QuickExit{});
    onEnded(EndReason::QuickExit);
}

void SurvivorClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SurvivorClient::onText(const QString &text)
{
    const DecodeResult<RelayFrame> decoded = m_codec.decodeRelayFrame(text.toUtf8());
    if (!decoded.ok())
        return; // a frame from a newer relay that this client does not know
    handle(*decoded.frame);
}

void SurvivorClient::onDisconnected()
{
    const State was = m_state;
    m_ping.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket.release();
        socket->disconnect(this);
        socket->deleteLater();
    }
    if (was == State::Connecting || was == State::Waiting || was == State::Chatting) {
        forgetToken();
        m_held.clear();
        setState(State::Finished);
        Q_EMIT problem(m_greeted ? tr("The connection to the relay was lost.")
                                 : tr("The relay cannot be reached. Check the address."));
    }
    Q_EMIT finished();
}

void SurvivorClient::handle(const RelayFrame &frame)
{
    // One case per relay frame type: a frame added to protocol/Frames.h without one does not compile.
    std::visit(
        Overloaded{
            [&](const frame::Hello &hello) {
                if (hello.protocol != m_options.protocolVersion) {
                    Q_EMIT problem(tr("This client and the relay speak different protocol versions."));
                    setState(State::Finished);
                    closeSocket();
                    return;
                }
                m_greeted = true;
                m_maxMessageChars = hello.maxMessageChars;
                m_noticeVersion = hello.noticeVersion;
                transmit(frame::Start{m_options.protocolVersion, m_noticeVersion, m_options.alias, m_options.language});
                m_ping.start();
            },
            [&](const frame::Session &session) {
                m_resumeToken = session.resumeToken;
                setState(State::Waiting);
                Q_EMIT sessionOpened(m_noticeVersion);
            },
            [&](const frame::Queued &queuedFrame) {
                Q_EMIT queued(queuedFrame.position, queuedFrame.estimatedWaitSeconds);
            },
            [&](const frame::LongWait &wait) {
                Q_EMIT longWait(wait.text, wait.phone.value_or(QString()), wait.sms.value_or(QString()));
            },
            [&](const frame::Busy &busyFrame) {
                m_held.clear();
                forgetToken();
                setState(State::Finished);
                Q_EMIT busy(busyFrame.text, busyFrame.phone.value_or(QString()), busyFrame.sms.value_or(QString()));
                closeSocket();
            },
            [&](const frame::ConversationStarted &started) {
                // The same conversation again after a handoff through the queue keeps its seq.
                if (started.conversation != m_conversation) {
                    m_conversation = started.conversation;
                    m_contiguous = 0;
                    m_ahead.clear();
                }
                setState(State::Chatting);
                Q_EMIT conversationStarted(started.conversation, started.language);
                flushHeld();
            },
            [&](const frame::Message &message) { onMessage(message); },
            [&](const frame::AdvocateChanged &changed) {
                if (changed.conversation == m_conversation)
                    Q_EMIT advocateChanged(changed.reason);
            },
            // Staff frames.
            [](const frame::TransferStatus &) {}, [](const frame::TransferOffer &) {},
            [](const frame::TransferOfferClosed &) {}, [](const frame::Roster &) {},
            [](const frame::ShiftLogEntry &) {}, [](const frame::ShiftLogPosted &) {}, [](const frame::Statistics &) {},
            [&](const frame::Accepted &accepted) {
                if (accepted.conversation != m_conversation)
                    return;
                markSeq(accepted.seq);
                Q_EMIT messageAccepted(accepted.clientId, accepted.seq);
            },
            [&](const frame::Delivered &deliveredFrame) {
                if (deliveredFrame.conversation == m_conversation)
                    Q_EMIT delivered(deliveredFrame.seq);
            },
            [&](const frame::PeerTyping &typing) {
                if (typing.conversation == m_conversation)
                    Q_EMIT peerTyping(typing.active);
            },
            [&](const frame::PeerStatus &status) {
                if (status.conversation == m_conversation)
                    Q_EMIT peerStatus(status.connected);
            },
            [&](const frame::Ended &endedFrame) {
                if (endedFrame.conversation == m_conversation)
                    onEnded(endedFrame.reason);
            },
            [&](const frame::Error &error) { onError(error); }, [](const frame::SignedIn &) {}, // staff frames
            [](const frame::Inactivity &) {},                                                   // staff frames
            [](const frame::QueueSummary &) {},                                                 // staff frames
            [](const frame::Fetched &) {}, // a page of a fetch ends; the messages came before it
            [](const frame::Pong &) {},    // the socket is alive; nothing to do
        },
        frame);
}

void SurvivorClient::onMessage(const frame::Message &message)
{
    if (message.conversation != m_conversation || m_state != State::Chatting)
        return;
    if (message.seq <= m_contiguous || m_ahead.contains(message.seq))
        return; // already held
    if (message.seq > m_contiguous + 1) {
        // A gap: ask for everything after what we hold; the fetch re-sends this message too.
        transmit(frame::Fetch{m_conversation, m_contiguous});
        return;
    }
    markSeq(message.seq);
    if (message.from == Side::Survivor)
        return; // our own message, re-sent by a fetch
    Q_EMIT messageReceived(message.seq, message.body, QDateTime::fromMSecsSinceEpoch(message.at, Qt::UTC));
    transmit(frame::Ack{m_conversation, m_contiguous});
}

void SurvivorClient::onError(const frame::Error &error)
{
    switch (error.code) {
    case ErrorCode::NoticeOutdated:
        Q_EMIT problem(tr("The program's notice has changed. Start again to read and accept the current one."));
        break;
    case ErrorCode::UnsupportedVersion:
        Q_EMIT problem(tr("This client and the relay speak different protocol versions."));
        break;
    case ErrorCode::MessageTooLong:
        Q_EMIT problem(tr("That message is too long; it was not sent."));
        break;
    case ErrorCode::UnknownConversation:
        return; // the conversation ended; the ended frame says why
    default:
        Q_EMIT problem(tr("The relay refused a request (%1).").arg(errorCodeName(error.code)));
        break;
    }
    if (error.fatal || m_state == State::Connecting) {
        // Without a session there is nothing to go on with.
        forgetToken();
        m_held.clear();
        setState(State::Finished);
        closeSocket();
    }
}

void SurvivorClient::onEnded(EndReason reason)
{
    forgetToken();
    m_held.clear();
    m_conversation.clear();
    m_contiguous = 0;
    m_ahead.clear();
    setState(State::Finished);
    Q_EMIT ended(reason);
    closeSocket();
}

void SurvivorClient::markSeq(qint64 seq)
{
    if (seq <= m_contiguous)
        return;
    m_ahead.insert(seq);
    while (m_ahead.remove(m_contiguous + 1))
        ++m_contiguous;
}

void SurvivorClient::transmit(const ClientFrame &frame)
{
    if (!m_socket || !m_greeted)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(FrameCodec::encode(frame)));
}

void SurvivorClient::flushHeld()
{
    const QList<Outgoing> held = m_held;
    m_held.clear();
    for (const Outgoing &outgoing : held)
        transmit(frame::Send{m_conversation, outgoing.clientId, outgoing.body});
}

void SurvivorClient::closeSocket()
{
    m_ping.stop();
    if (!m_socket)
        return;
    // A close handshake rather than an abort: the last frame (end or quick_exit) reaches the relay first.
    // finished() follows when the socket has closed.
    m_socket->flush();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        onDisconnected();
        return;
    }
    m_socket->close();
}

void SurvivorClient::forgetToken()
{
    m_resumeToken.fill(QChar(u'\0'));
    m_resumeToken.clear();
}

} // namespace advocate
