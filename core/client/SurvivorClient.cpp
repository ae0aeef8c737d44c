// SPDX-License-Identifier: GPL-3.0-only
#include "SurvivorClient.h"

#include "common/UtcTime.h"

#include <algorithm>
#include <utility>

namespace advocate {

SurvivorClient::SurvivorClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &RelaySocket::versionRefused, this, [this] {
        Q_EMIT problem(tr("This client and the relay speak different protocol versions."));
        setState(State::Finished);
        closeSocket();
    });
    connect(&m_socket, &RelaySocket::frameReceived, this, &SurvivorClient::handle);
    // An undecodable frame comes from a newer relay that this client does not know: ignored.
    connect(&m_socket, &RelaySocket::disconnected, this, &SurvivorClient::onDisconnected);
    connect(&m_socket, &RelaySocket::failed, this, [this] {
        // Nobody answered a resume (the relay is restarting): try again within the window.
        if (m_resuming) {
            m_socket.abort();
            if (!resumeLater())
                onDisconnected();
        }
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, [this] { m_socket.open(m_url); });
}

SurvivorClient::~SurvivorClient()
{
    forgetToken();
    // m_socket drops the connection as it goes.
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
    // The last session's socket: nothing more is expected from it.
    m_socket.abort();
    m_options = options;
    m_socket.setOptions({m_options.protocolVersion, m_options.pingInterval, RelayKeyPin{}, {}});
    m_conversation.clear();
    m_held.clear();
    m_sent.clear();
    m_advocateIds.clear();
    m_resuming = false;
    m_dropped.invalidate();
    m_url = relayUrl;
    m_seq = {};
    if (!relayUrl.isValid() ||
        (relayUrl.scheme() != QLatin1String("ws") && relayUrl.scheme() != QLatin1String("wss"))) {
        setState(State::Finished);
        Q_EMIT problem(tr("The relay address must start with wss:// or ws://."));
        Q_EMIT finished();
        return;
    }
    setState(State::Connecting);
    m_socket.open(relayUrl);
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
        transmitMessage(outgoing);
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

void SurvivorClient::setTyping(bool active)
{
    if (m_state == State::Chatting)
        transmit(frame::Typing{m_conversation, active});
}

bool SurvivorClient::dropAndComeBack(std::chrono::milliseconds comeBack)
{
    if ((m_state != State::Waiting && m_state != State::Chatting) || m_resumeToken.isEmpty() || m_resuming)
        return false;
    // abort() drops the socket without telling this client, so the resume is started here rather than by
    // onDisconnected(); the relay sees the connection lost and keeps the session for its reconnect window.
    m_socket.abort();
    m_dropped.start();
    m_resuming = true;
    m_reconnect.start(std::max(comeBack, std::chrono::milliseconds(1)));
    return true;
}

void SurvivorClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SurvivorClient::onDisconnected()
{
    const State was = m_state;
    if ((was == State::Waiting || was == State::Chatting) && resumeLater())
        return;
    if (was == State::Connecting || was == State::Waiting || was == State::Chatting) {
        forgetToken();
        m_resuming = false;
        m_held.clear();
        setState(State::Finished);
        Q_EMIT problem(m_socket.isGreeted() ? tr("The connection to the relay was lost.")
                                            : tr("The relay cannot be reached. Check the address."));
    }
    Q_EMIT finished();
}

void SurvivorClient::handle(const RelayFrame &frame)
{
    // One case per relay frame type: a frame added to protocol/Frames.h without one does not compile.
    std::visit(Overloaded{
                   [&](const frame::Hello &hello) {
                       // The socket has checked the protocol version: frames go out from here on.
                       m_maxMessageChars = hello.maxMessageChars;
                       m_noticeVersion = hello.noticeVersion;
                       if (m_resuming)
                           transmit(frame::Resume{m_options.protocolVersion, m_resumeToken, m_seq.contiguous()});
                       else
                           transmit(frame::Start{m_options.protocolVersion, m_noticeVersion, m_options.alias,
                                                 m_options.language, m_options.practice});
                   },
                   [&](const frame::Session &session) {
                       m_resumeToken = session.resumeToken;
                       m_reconnectWindowSeconds = session.reconnectWindowSeconds;
                       if (std::exchange(m_resuming, false)) {
                           m_dropped.invalidate();
                           return;
                       }
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
                       Q_EMIT busy(busyFrame.text, busyFrame.phone.value_or(QString()),
                                   busyFrame.sms.value_or(QString()));
                       closeSocket();
                   },
                   [&](const frame::ConversationStarted &started) {
                       // The same conversation again after a handoff through the queue keeps its seq.
                       if (started.conversation != m_conversation) {
                           m_conversation = started.conversation;
                           m_seq = {};
                       }
                       setState(State::Chatting);
                       Q_EMIT conversationStarted(started.conversation, started.language);
                       // After a resume: what the relay had not accepted goes out again under its client id.
                       for (const Outgoing &outgoing : std::as_const(m_sent)) {
                           if (outgoing.seq == 0)
                               transmit(frame::Send{m_conversation, outgoing.clientId, outgoing.body});
                       }
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
                   [](const frame::ShiftLogEntry &) {}, [](const frame::ShiftLogPosted &) {},
                   [](const frame::Board &) {}, [](const frame::Participants &) {}, [](const frame::WhisperNote &) {},
                   [](const frame::Alert &) {}, [](const frame::AlertClosed &) {}, [](const frame::Statistics &) {},
                   [&](const frame::SupervisorPresent &present) {
                       if (present.conversation == m_conversation)
                           Q_EMIT supervisorPresent(present.present);
                   },
                   [&](const frame::Accepted &accepted) {
                       if (accepted.conversation != m_conversation)
                           return;
                       m_seq.mark(accepted.seq);
                       for (Outgoing &outgoing : m_sent) {
                           if (outgoing.clientId == accepted.clientId)
                               outgoing.seq = accepted.seq;
                       }
                       Q_EMIT messageAccepted(accepted.clientId, accepted.seq);
                   },
                   [&](const frame::Delivered &deliveredFrame) {
                       if (deliveredFrame.conversation != m_conversation)
                           return;
                       m_sent.removeIf([&](const Outgoing &outgoing) {
                           return outgoing.seq > 0 && outgoing.seq <= deliveredFrame.seq;
                       });
                       Q_EMIT delivered(deliveredFrame.seq);
                   },
                   [&](const frame::TokenRenewed &renewed) {
                       forgetToken();
                       m_resumeToken = renewed.token;
                   },
                   [&](const frame::Reclaimed &reclaimed) {
                       // The relay restarted and both sides are back (docs/protocol.md section 8): seqs go on after
                       // lastSeq, and every message the advocate's side has not acknowledged goes out again.
                       if (reclaimed.conversation != m_conversation)
                           return;
                       m_seq.reclaim(reclaimed.lastSeq);
                       for (const Outgoing &outgoing : std::as_const(m_sent))
                           transmit(frame::Send{m_conversation, outgoing.clientId, outgoing.body});
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
    switch (m_seq.arrival(message.seq)) {
    case SeqTracker::Arrival::Held:
        return;
    case SeqTracker::Arrival::AboveGap:
        // Ask for everything after what we hold; the fetch re-sends this message too.
        transmit(frame::Fetch{m_conversation, m_seq.contiguous()});
        return;
    case SeqTracker::Arrival::Next:
        break;
    }
    m_seq.mark(message.seq);
    if (message.from == Side::Survivor)
        return; // our own message, re-sent by a fetch
    if (m_advocateIds.contains(message.clientId)) {
        // Delivered before a relay restart and sent again after it: held already, acknowledged again.
        transmit(frame::Ack{m_conversation, m_seq.contiguous()});
        return;
    }
    m_advocateIds.insert(message.clientId);
    Q_EMIT messageReceived(message.seq, message.body, utcFromMSecsSinceEpoch(message.at));
    transmit(frame::Ack{m_conversation, m_seq.contiguous()});
}

void SurvivorClient::onError(const frame::Error &error)
{
    QString message;
    switch (error.code) {
    case ErrorCode::NoticeOutdated:
        message = tr("The program's notice has changed. Start again to read and accept the current one.");
        break;
    case ErrorCode::UnsupportedVersion:
        message = tr("This client and the relay speak different protocol versions.");
        break;
    case ErrorCode::MessageTooLong:
        message = tr("That message is too long; it was not sent.");
        break;
    case ErrorCode::PracticeMismatch:
        message = m_options.practice ? tr("This relay serves real survivors: a practice survivor cannot chat here.")
                                     : tr("This is a practice relay: only a practice survivor can chat here.");
        break;
    case ErrorCode::UnknownConversation:
        return; // the conversation ended; the ended frame says why
    case ErrorCode::ResumeExpired:
        // Back too late, or the relay restarted without a way to re-claim the chat: it has ended.
        m_resuming = false;
        onEnded(EndReason::Disconnected);
        return;
    default:
        message = tr("The relay refused a request (%1).").arg(errorCodeName(error.code));
        break;
    }
    if (error.fatal || m_state == State::Connecting) {
        // Without a session there is nothing to go on with: finished before the problem is told, so that whoever
        // hears it knows the client stopped (advocate-survivor exits with 1).
        forgetToken();
        m_held.clear();
        setState(State::Finished);
        closeSocket();
    }
    Q_EMIT problem(message);
}

void SurvivorClient::onEnded(EndReason reason)
{
    forgetToken();
    m_held.clear();
    m_sent.clear();
    m_reconnect.stop();
    m_conversation.clear();
    m_seq = {};
    setState(State::Finished);
    Q_EMIT ended(reason);
    closeSocket();
}

void SurvivorClient::transmit(const ClientFrame &frame)
{
    m_socket.send(frame);
}

void SurvivorClient::flushHeld()
{
    const QList<Outgoing> held = m_held;
    m_held.clear();
    for (const Outgoing &outgoing : held)
        transmitMessage(outgoing);
}

void SurvivorClient::transmitMessage(const Outgoing &outgoing)
{
    m_sent.append(outgoing);
    transmit(frame::Send{m_conversation, outgoing.clientId, outgoing.body});
}

bool SurvivorClient::resumeLater()
{
    if (m_options.reconnectDelay <= std::chrono::milliseconds::zero() || m_resumeToken.isEmpty())
        return false;
    if (!m_dropped.isValid())
        m_dropped.start();
    if (m_dropped.elapsed() >= qint64(m_reconnectWindowSeconds) * 1000)
        return false;
    m_resuming = true;
    m_reconnect.start(m_options.reconnectDelay);
    return true;
}

void SurvivorClient::closeSocket()
{
    // A close handshake rather than an abort: the last frame (end or quick_exit) reaches the relay first.
    // finished() follows when the socket has closed.
    m_socket.close();
}

void SurvivorClient::forgetToken()
{
    m_resumeToken.fill(QChar(u'\0'));
    m_resumeToken.clear();
}

} // namespace advocate
