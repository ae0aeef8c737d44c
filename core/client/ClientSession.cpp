// SPDX-License-Identifier: GPL-3.0-only
#include "ClientSession.h"

#include "common/SystemClock.h"
#include "common/UtcTime.h"

#include <QUuid>

#include <algorithm>
#include <limits>

namespace advocate {

namespace {

QList<frame::Send> sends(const QList<Outbox::Entry> &entries)
{
    QList<frame::Send> out;
    out.reserve(entries.size());
    for (const Outbox::Entry &entry : entries)
        out.append(frame::Send{entry.conversation, entry.clientId, entry.body});
    return out;
}

ClientSession::Options withClock(ClientSession::Options options)
{
    if (!options.clock)
        options.clock = std::make_shared<SystemClock>();
    return options;
}

} // namespace

ClientSession::ClientSession(QObject *parent) : ClientSession(Options{}, parent) {}

ClientSession::ClientSession(Options options, QObject *parent)
    : QObject(parent), m_options(withClock(std::move(options))), m_outbox(m_options.clock, m_options.sendTimeout),
      m_pacer(m_options.clock, {})
{
    m_pace.setSingleShot(true);
    connect(&m_pace, &QTimer::timeout, this, &ClientSession::sendWhatIsDue);
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(m_options.reconnectDelay);
    connect(&m_reconnect, &QTimer::timeout, this, &ClientSession::openSocket);
    m_signInTimeout.setSingleShot(true);
    m_signInTimeout.setInterval(m_options.signInTimeout);
    connect(&m_signInTimeout, &QTimer::timeout, this, [this] {
        if (m_state == State::SigningIn)
            fail(SignInError::Unreachable);
    });
    m_socket.setOptions({m_options.protocolVersion, m_options.pingInterval, m_options.pin, m_options.trustedAuthorities,
                         m_options.answerTimeout});
    connect(&m_socket, &RelaySocket::pinRefused, this, [this] { fail(SignInError::PinMismatch); });
    connect(&m_socket, &RelaySocket::versionRefused, this, [this] { fail(SignInError::UnsupportedVersion); });
    connect(&m_socket, &RelaySocket::frameReceived, this, &ClientSession::handle);
    connect(&m_socket, &RelaySocket::undecodableFrame, this, [this] {
        if (m_state == State::SigningIn)
            fail(SignInError::ProtocolError); // once signed in, an unknown frame from a newer relay is ignored
    });
    connect(&m_socket, &RelaySocket::failed, this, &ClientSession::onSocketProblem);
    connect(&m_socket, &RelaySocket::disconnected, this, &ClientSession::onDisconnected);
    connect(&m_outbox, &Outbox::failed, this, &ClientSession::messageFailed);
}

ClientSession::~ClientSession()
{
    forgetToken();
    closeSocket();
}

QString ClientSession::describe(SignInError error)
{
    switch (error) {
    case SignInError::InvalidAddress:
        return tr("The relay address must start with wss:// or ws://.");
    case SignInError::BadCredentials:
        return tr("The user name or password is wrong.");
    case SignInError::LockedOut:
        return tr("This account is locked after too many failed sign-ins. Try again later or ask your supervisor.");
    case SignInError::Unreachable:
        return tr("The relay cannot be reached. Check the network connection or ask IT.");
    case SignInError::TlsFailure:
        return tr("The relay's security certificate could not be verified, so the connection was not made. Ask IT.");
    case SignInError::UnsupportedVersion:
        return tr("This workstation and the relay speak different protocol versions. Ask IT to update.");
    case SignInError::SessionExpired:
        return tr("Your session on the relay has ended. Please sign in again.");
    case SignInError::ProtocolError:
        return tr("The relay answered in a way this workstation does not understand. Ask IT.");
    case SignInError::PinMismatch:
        return tr("The relay's certificate does not match the one your IT department pinned, so the connection was "
                  "not made and nothing was sent. Someone may be intercepting the connection. Tell IT now.");
    }
    return {};
}

QString ClientSession::describeTrimmed(qint64 missing)
{
    return tr("%n earlier message(s) in this chat could not be fetched: the relay had already deleted them to stay "
              "within its memory limit.",
              nullptr, static_cast<int>(std::min<qint64>(missing, std::numeric_limits<int>::max())));
}

void ClientSession::signIn(const QUrl &relayUrl, const QString &user, const QString &password)
{
    if (m_state != State::SignedOut)
        return;
    if (!relayUrl.isValid() ||
        (relayUrl.scheme() != QLatin1String("ws") && relayUrl.scheme() != QLatin1String("wss"))) {
        Q_EMIT signInFailed(SignInError::InvalidAddress, describe(SignInError::InvalidAddress));
        return;
    }
    m_url = relayUrl;
    m_user = user;
    m_password = password;
    setState(State::SigningIn);
    m_signInTimeout.start();
    openSocket();
}

void ClientSession::signOut()
{
    if (m_state == State::SignedOut)
        return;
    if (m_state == State::SignedIn)
        transmit(frame::SignOut{});
    m_socket.flush();
    m_reconnect.stop();
    m_outbox.failAll();
    m_pacer.clear();
    m_pace.stop();
    m_known.clear();
    forgetToken();
    closeSocket();
    setState(State::SignedOut);
}

QString ClientSession::send(const QString &conversation, const QString &body)
{
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    retry(conversation, clientId, body);
    return clientId;
}

void ClientSession::retry(const QString &conversation, const QString &clientId, const QString &body)
{
    m_outbox.add(conversation, clientId, body);
    if (const auto known = m_known.find(conversation); known != m_known.end() && known->handedOver)
        known->sentIds.insert(clientId);
    if (m_state == State::SignedIn)
        transmitPaced(frame::Send{conversation, clientId, body});
}

void ClientSession::offerTransfer(const QString &conversation, frame::TransferTarget to, const QString &user,
                                  const QString &note)
{
    frame::Transfer transfer{conversation, to, std::nullopt, std::nullopt};
    if (to == frame::TransferTarget::Advocate)
        transfer.user = user;
    if (!note.isEmpty())
        transfer.note = note;
    transmit(transfer);
}

void ClientSession::reportShiftEndOverride(frame::OverrideCategory category, const QString &reason, int open)
{
    const QString typed = reason.trimmed().left(frame::maxOverrideReasonChars);
    transmit(frame::ShiftEndOverride{category, qBound(1, static_cast<int>(typed.size()), frame::maxOverrideReasonChars),
                                     open, typed.isEmpty() ? std::nullopt : std::optional<QString>(typed)});
}

qint64 ClientSession::lastSeq(const QString &conversation) const
{
    return m_known.value(conversation).seq.contiguous();
}

void ClientSession::holdUpTo(const QString &conversation, qint64 seq)
{
    m_known[conversation].seq.holdUpTo(seq);
}

void ClientSession::openSocket()
{
    m_socket.open(m_url);
}

void ClientSession::closeSocket()
{
    m_socket.abort();
}

void ClientSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_outbox.setConnected(state == State::SignedIn);
    Q_EMIT stateChanged(state);
}

void ClientSession::fail(SignInError error)
{
    m_signInTimeout.stop();
    m_reconnect.stop();
    m_password.fill(QChar(u'\0'));
    m_password.clear();
    m_outbox.failAll();
    m_pacer.clear();
    m_pace.stop();
    // The relay no longer knows the session, so it no longer holds its conversations either.
    const QStringList lost = m_known.keys();
    m_known.clear();
    for (const QString &conversation : lost)
        Q_EMIT ended(conversation, EndReason::Disconnected);
    forgetToken();
    closeSocket();
    setState(State::SignedOut);
    Q_EMIT signInFailed(error, describe(error));
}

void ClientSession::forgetToken()
{
    m_sessionToken.fill(QChar(u'\0'));
    m_sessionToken.clear();
}

void ClientSession::onSocketProblem()
{
    if (m_state == State::SigningIn)
        fail(m_socket.tlsProblem() ? SignInError::TlsFailure : SignInError::Unreachable);
    else if (m_state == State::SignedIn || m_state == State::Reconnecting)
        onDisconnected();
}

void ClientSession::onDisconnected()
{
    if (m_state == State::SigningIn) {
        fail(m_socket.tlsProblem() ? SignInError::TlsFailure : SignInError::Unreachable);
        return;
    }
    if (m_state != State::SignedIn && m_state != State::Reconnecting)
        return;
    closeSocket();
    setState(State::Reconnecting);
    if (!m_reconnect.isActive())
        m_reconnect.start();
}

void ClientSession::handle(const RelayFrame &frame)
{
    // One case per relay frame type: a frame added to protocol/Frames.h without one does not compile.
    std::visit(
        Overloaded{
            [&](const frame::Hello &hello) {
                // The socket has checked the protocol version: frames go out from here on.
                m_maxMessageChars = hello.maxMessageChars;
                if (m_state == State::SigningIn)
                    transmit(frame::SignIn{m_options.protocolVersion, m_user, m_password});
                else if (m_state == State::Reconnecting)
                    transmit(frame::StaffResume{m_options.protocolVersion, m_sessionToken, reclaimClaims()});
            },
            [&](const frame::SignedIn &signedInFrame) { onSignedIn(signedInFrame); },
            [&](const frame::Error &error) { onError(error); },
            [&](const frame::ConversationStarted &started) {
                if (!m_known.contains(started.conversation)) {
                    Known fresh;
                    fresh.handedOver = started.handoff.has_value();
                    m_known.insert(started.conversation, fresh);
                    Q_EMIT conversationStarted(started.conversation, started.language,
                                               started.alias.value_or(QString()));
                    if (started.handoff)
                        Q_EMIT conversationHandedOver(started.conversation, *started.handoff,
                                                      started.handedFrom.value_or(QString()),
                                                      started.note.value_or(QString()));
                }
            },
            [&](const frame::Message &message) { onMessage(message); },
            [&](const frame::Accepted &accepted) { settleOwn(accepted.conversation, accepted.clientId, accepted.seq); },
            [&](const frame::Delivered &deliveredFrame) {
                m_outbox.confirmDelivered(deliveredFrame.conversation, deliveredFrame.seq);
                Q_EMIT delivered(deliveredFrame.conversation, deliveredFrame.seq);
            },
            [&](const frame::TokenRenewed &renewed) {
                forgetToken();
                m_sessionToken = renewed.token;
            },
            [&](const frame::Reclaimed &reclaimed) { onReclaimed(reclaimed); },
            [&](const frame::PeerTyping &typing) {
                Q_EMIT peerTyping(typing.conversation, typing.active, typing.by.value_or(QString()));
            },
            [&](const frame::PeerStatus &status) { Q_EMIT peerStatus(status.conversation, status.connected); },
            [&](const frame::Inactivity &idle) {
                Q_EMIT inactivity(idle.conversation, idle.stage, idle.silentSeconds);
            },
            [&](const frame::Ended &endedFrame) {
                m_outbox.fail(endedFrame.conversation);
                m_known.remove(endedFrame.conversation);
                Q_EMIT ended(endedFrame.conversation, endedFrame.reason);
            },
            [&](const frame::QueueSummary &summary) {
                m_queueWaits = summary.waits;
                Q_EMIT queueSummary(summary.waiting);
            },
            [&](const frame::Fetched &fetched) { onFetched(fetched); },
            [](const frame::Session &) {},         // survivor frames
            [](const frame::Queued &) {},          // survivor frames
            [](const frame::LongWait &) {},        // survivor frames
            [](const frame::Busy &) {},            // survivor frames
            [](const frame::Pong &) {},            // the socket is alive; nothing to do
            [](const frame::AdvocateChanged &) {}, // survivor frames
            [&](const frame::TransferStatus &status) {
                if (status.state == frame::TransferState::Accepted || status.state == frame::TransferState::Queued) {
                    // No longer ours: what the relay has not accepted can no longer go out from here.
                    m_outbox.fail(status.conversation);
                    m_known.remove(status.conversation);
                }
                Q_EMIT transferStatus(status);
            },
            [&](const frame::TransferOffer &offer) { Q_EMIT transferOffered(offer); },
            [&](const frame::TransferOfferClosed &closed) { Q_EMIT transferOfferClosed(closed.offer, closed.reason); },
            [&](const frame::Roster &roster) { Q_EMIT rosterReceived(roster.staff); },
            [&](const frame::ShiftLogEntry &entry) { Q_EMIT shiftLogReceived(entry); },
            [&](const frame::ShiftLogPosted &posted) { Q_EMIT shiftLogPosted(posted.entry); },
            [&](const frame::Board &board) { Q_EMIT boardReceived(board); },
            [&](const frame::Participants &participants) {
                const bool stillIn = std::any_of(participants.staff.cbegin(), participants.staff.cend(),
                                                 [this](const frame::Presence &p) { return p.user == m_user; });
                if (!stillIn) {
                    m_outbox.fail(participants.conversation);
                    m_known.remove(participants.conversation);
                }
                Q_EMIT participantsChanged(participants.conversation, participants.staff);
            },
            [&](const frame::WhisperNote &whisper) { Q_EMIT whisperReceived(whisper); },
            [&](const frame::Alert &alert) { Q_EMIT alertReceived(alert); },
            [&](const frame::AlertClosed &closed) { Q_EMIT alertClosed(closed.alert); },
            [](const frame::SupervisorPresent &) {}, // survivor frames
            [&](const frame::Statistics &statistics) { Q_EMIT statisticsReceived(statistics); },
        },
        frame);
}

void ClientSession::onSignedIn(const frame::SignedIn &signedInFrame)
{
    m_signInTimeout.stop();
    m_password.fill(QChar(u'\0'));
    m_password.clear();
    m_sessionToken = signedInFrame.sessionToken;
    m_role = signedInFrame.role;
    m_cap = signedInFrame.cap;
    if (signedInFrame.maxShiftMinutes)
        m_maxShiftLength = std::chrono::minutes(*signedInFrame.maxShiftMinutes);
    if (signedInFrame.program)
        m_programFacts = signedInFrame.program;
    const bool first = m_state == State::SigningIn;
    setState(State::SignedIn);
    if (first)
        Q_EMIT signedIn(signedInFrame.user, signedInFrame.role);
    else if (m_available)
        transmit(frame::SetAvailable{*m_available, std::nullopt});
    QSet<QString> stillOpen;
    for (const frame::ConversationSummary &summary : signedInFrame.conversations) {
        stillOpen.insert(summary.conversation);
        if (!m_known.contains(summary.conversation)) {
            m_known.insert(summary.conversation, {});
            Q_EMIT conversationStarted(summary.conversation, summary.language, summary.alias.value_or(QString()));
        }
        const auto held = m_known.find(summary.conversation);
        if (held == m_known.end())
            continue;
        held->seq.forgetFetch(); // a fetch sent on the old connection has no answer coming
        if (summary.lastSeq > held->seq.contiguous() || held->seq.hasHeldBack())
            requestFetch(summary.conversation);
    }
    // Conversations the relay no longer has ended while we were away.
    const QStringList known = m_known.keys();
    for (const QString &conversation : known) {
        if (!stillOpen.contains(conversation)) {
            m_outbox.fail(conversation);
            m_known.remove(conversation);
            Q_EMIT ended(conversation, EndReason::Disconnected);
        }
    }
    flushOutbox();
}

void ClientSession::onMessage(const frame::Message &message)
{
    const auto known = m_known.find(message.conversation);
    // A staff-side message is our own unless it names someone else (section 17), or, from relays that do not name
    // the writer, a colleague wrote it before the conversation was handed to us.
    const bool colleagues =
        message.by ? *message.by != m_user
                   : known != m_known.end() && known->handedOver && !known->sentIds.contains(message.clientId);
    if (message.from == Side::Advocate && !colleagues) {
        onOwnMessage(message);
        return;
    }
    if (known == m_known.end())
        return;
    switch (known->seq.arrival(message.seq)) {
    case SeqTracker::Arrival::Held:
        return;
    case SeqTracker::Arrival::AboveGap:
        // Held back until the gap closes, so the transcript stays in order; a fetch re-sends what is missing, or
        // its `fetched` says the relay trimmed it.
        known->seq.holdBack(message);
        requestFetch(message.conversation);
        return;
    case SeqTracker::Arrival::Next:
        break;
    }
    receive(message);
    drain(message.conversation);
    acknowledge(message.conversation);
}

void ClientSession::onOwnMessage(const frame::Message &message)
{
    // Our own message, re-sent by a fetch: it counts as accepted.
    const auto known = m_known.find(message.conversation);
    if (known == m_known.end() || known->seq.arrival(message.seq) == SeqTracker::Arrival::Held)
        return;
    settleOwn(message.conversation, message.clientId, message.seq);
}

void ClientSession::settleOwn(const QString &conversation, const QString &clientId, qint64 seq)
{
    m_outbox.settle(conversation, clientId, seq);
    if (const auto known = m_known.find(conversation); known != m_known.end())
        known->seq.mark(seq);
    Q_EMIT messageAccepted(conversation, clientId, seq);
    // Our own seq may have closed a gap that held the other side's messages back.
    drain(conversation);
    acknowledge(conversation);
}

void ClientSession::onFetched(const frame::Fetched &fetched)
{
    const QString conversation = fetched.conversation;
    auto known = m_known.find(conversation);
    if (known == m_known.end())
        return;
    const qint64 after = known->seq.endFetch();
    // The relay trimmed what lies before its oldest seq before we fetched it (docs/protocol.md section 6). Say so
    // instead of waiting for it forever, then go on from the oldest message it still holds.
    if (const std::optional<SeqTracker::Trimmed> trimmed = known->seq.skipTrimmed(fetched.oldestSeq)) {
        if (trimmed->missing > 0)
            Q_EMIT historyTrimmed(conversation, trimmed->firstSeq, trimmed->lastSeq, trimmed->missing);
        for (const frame::Message &message : trimmed->heldBack) {
            if (!m_known.contains(conversation))
                return;
            Q_EMIT messageReceived(message.conversation, message.seq, message.from, message.clientId, message.body,
                                   utcFromMSecsSinceEpoch(message.at), message.by.value_or(QString()),
                                   message.supervisor);
        }
    }
    drain(conversation);
    acknowledge(conversation);
    known = m_known.find(conversation);
    if (known == m_known.end())
        return;
    // Page after page while the relay has more, from the last seq held. A page that brought nothing new would
    // bring nothing new again: no loop on it; the next gap asks again.
    const bool gapLeft = known->seq.hasHeldBack() || known->seq.contiguous() < fetched.lastSeq;
    if ((fetched.more || gapLeft) && known->seq.contiguous() > after)
        requestFetch(conversation);
}

QList<frame::ReclaimClaim> ClientSession::reclaimClaims() const
{
    QList<frame::ReclaimClaim> claims;
    for (auto known = m_known.cbegin(); known != m_known.cend() && claims.size() < frame::maxReclaimClaims; ++known)
        claims.append({known.key(), known->seq.contiguous()});
    return claims;
}

void ClientSession::onReclaimed(const frame::Reclaimed &reclaimed)
{
    // The relay restarted and both sides are back (docs/protocol.md section 8): seqs go on after lastSeq, and what
    // the survivor has not acknowledged goes out again under its client ids (the survivor drops what it has).
    const auto known = m_known.find(reclaimed.conversation);
    if (known == m_known.end())
        return;
    known->seq.reclaim(reclaimed.lastSeq);
    m_pacer.requeue(sends(m_outbox.resendAfterReclaim(reclaimed.conversation)));
    sendWhatIsDue();
}

void ClientSession::requestFetch(const QString &conversation)
{
    const auto known = m_known.find(conversation);
    if (known == m_known.end() || m_state != State::SignedIn)
        return;
    // One fetch at a time per conversation: every page would otherwise be sent once per gap message seen.
    if (const std::optional<qint64> afterSeq = known->seq.beginFetch())
        transmit(frame::Fetch{conversation, *afterSeq});
}

void ClientSession::receive(const frame::Message &message)
{
    const auto known = m_known.find(message.conversation);
    if (known == m_known.end() || !known->seq.take(message.seq))
        return;
    if (message.from == Side::Survivor && !message.clientId.isEmpty()) {
        if (known->survivorIds.contains(message.clientId))
            return; // delivered before a relay restart, sent again after it: its seq is held now, and acknowledged
        known->survivorIds.insert(message.clientId);
    }
    Q_EMIT messageReceived(message.conversation, message.seq, message.from, message.clientId, message.body,
                           utcFromMSecsSinceEpoch(message.at), message.by.value_or(QString()), message.supervisor);
}

void ClientSession::drain(const QString &conversation)
{
    // Re-looked up every round: a slot of messageReceived may end the conversation or sign out.
    for (auto known = m_known.find(conversation); known != m_known.end(); known = m_known.find(conversation)) {
        const std::optional<frame::Message> next = known->seq.nextHeldBack();
        if (!next)
            return;
        receive(*next);
    }
}

void ClientSession::acknowledge(const QString &conversation)
{
    // While a fetch is in flight, one ack closes its page: an ack per replayed message would run into the relay's
    // frame rate limit (section 13) and get this connection closed.
    const auto known = m_known.find(conversation);
    if (known == m_known.end())
        return;
    if (const std::optional<qint64> seq = known->seq.takeAck())
        transmit(frame::Ack{conversation, *seq});
}

void ClientSession::onError(const frame::Error &error)
{
    const bool signingIn = m_state == State::SigningIn;
    const bool resuming = m_state == State::Reconnecting;
    if (signingIn || resuming) {
        switch (error.code) {
        case ErrorCode::BadCredentials:
            fail(SignInError::BadCredentials);
            return;
        case ErrorCode::LockedOut:
            fail(SignInError::LockedOut);
            return;
        case ErrorCode::UnsupportedVersion:
            fail(SignInError::UnsupportedVersion);
            return;
        case ErrorCode::ResumeExpired:
            fail(SignInError::SessionExpired);
            return;
        default:
            if (error.fatal) {
                fail(SignInError::ProtocolError);
                return;
            }
            break;
        }
    }
    if (error.code == ErrorCode::UnknownConversation && error.inReplyTo == QStringLiteral("send"))
        return; // the conversation ended; the ended frame fails its outbox
    Q_EMIT requestRefused(error.code, error.inReplyTo.value_or(QString()));
}

void ClientSession::transmit(const ClientFrame &frame)
{
    m_socket.send(frame);
}

void ClientSession::transmitPaced(const frame::Send &send)
{
    m_pacer.push(send);
    sendWhatIsDue();
}

void ClientSession::sendWhatIsDue()
{
    // While the connection is down what waits stays queued: it goes on after the resume (the outbox sends its
    // waiting messages again too, and the pacer keeps each client id once).
    if (m_state != State::SignedIn)
        return;
    for (const frame::Send &send : m_pacer.takeDue())
        transmit(send);
    if (const std::optional<qint64> next = m_pacer.msUntilNext())
        m_pace.start(std::chrono::milliseconds(*next));
}

void ClientSession::flushOutbox()
{
    m_pacer.requeue(sends(m_outbox.resend()));
    sendWhatIsDue();
}

} // namespace advocate
