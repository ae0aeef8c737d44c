// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Router.h"

#include "common/BuildInfo.h"
#include "common/Clock.h"
#include "relay/RouterSink.h"
#include "relay/SecureToken.h"
#include "relay/StaffAuthenticator.h"

#include <QCoreApplication>

#include <algorithm>

namespace advocate {

Router::Router(const RelayConfig &config, const Clock &clock, StaffAuthenticator &authenticator, RouterSink &sink)
    : m_config(config), m_clock(clock), m_authenticator(authenticator), m_sink(sink), m_audit(sink),
      m_statistics(clock, config.openingHours.timeZone()), m_guard(config), m_queue(config.queueLimit),
      m_history(config.maxTotalRetainedBytes),
      m_restartTokens(config.restartSecret,
                      config.practice ? RestartTokens::Program::Practice : RestartTokens::Program::Live)
{
    m_config.restartSecret.clear(); // the keys derived from it are all the router keeps
    m_run = makeRandomId();
    m_runStartedWallMs = m_clock.now().toMSecsSinceEpoch();
    m_config.advocateCap = std::clamp(m_config.advocateCap, 1, 4);
    if (m_config.languages.isEmpty())
        m_config.languages = QStringList{QStringLiteral("en")};
}

qint64 Router::nowMs() const
{
    return m_clock.monotonicMs();
}

QStringList Router::conversationsOf(const QString &staffUser) const
{
    const auto found = m_staff.find(staffUser);
    return found == m_staff.end() ? QStringList() : found->second.conversations;
}

bool Router::insideOpeningHours() const
{
    return m_config.openingHours.isOpen(m_clock.now());
}

bool Router::isOpen() const
{
    return insideOpeningHours() && !(m_serviceNotice && m_serviceNotice->stopsNewChats());
}

void Router::setServiceNotice(const std::optional<ServiceNotice> &notice)
{
    if (notice == m_serviceNotice)
        return;
    m_serviceNotice = notice;
    m_audit.serviceNoticeChanged(notice);
}

void Router::connectionOpened(ConnectionId connection)
{
    connectionOpened(connection, ConnectionSource{});
}

void Router::connectionOpened(ConnectionId connection, const QByteArray &sourceKey)
{
    connectionOpened(connection, ConnectionSource{sourceKey, {}, false});
}

void Router::connectionOpened(ConnectionId connection, const ConnectionSource &source)
{
    Connection fresh;
    fresh.source = source;
    fresh.guard = m_guard.opened(nowMs());
    m_connections[connection] = fresh;
    send(connection, frame::Hello{FrameCodec::protocolVersion,
                                  QStringLiteral("advocate-relay %1").arg(QLatin1String(build::projectVersion)),
                                  m_config.maxFrameBytes, m_config.maxMessageChars, m_config.noticeVersion});
}

void Router::frameReceived(ConnectionId id, const DecodeResult<ClientFrame> &decoded)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    Connection &connection = found->second;
    if (!m_guard.admitFrame(connection.guard, nowMs())) {
        // Dropped unread; counts as a bad frame, so a flood ends in too_many_errors after a few answers.
        m_audit.rateLimited();
        sendError(id, ErrorCode::RateLimited, QCoreApplication::translate("Router", "Too many frames; slow down."),
                  decoded.type);
        return;
    }
    if (decoded.otherDirection) {
        sendError(id, ErrorCode::NotAuthorized,
                  QCoreApplication::translate("Router", "Clients may not send this frame."), decoded.type);
        return;
    }
    if (!decoded.ok()) {
        if (decoded.error.code == ErrorCode::UnsupportedVersion) {
            send(id, frame::Error{decoded.error.code, decoded.error.message, std::nullopt, decoded.type, true});
            closeConnection(id, true);
            return;
        }
        sendError(id, decoded.error.code, decoded.error.message, decoded.type, decoded.error.field);
        return;
    }
    handle(id, connection, *decoded.frame, decoded.type);
}

void Router::noteLeft(ConnectionId id, const QString &conversation)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    std::deque<QString> &left = found->second.leftConversations;
    left.push_back(conversation);
    if (left.size() > leftConversationsHeld)
        left.pop_front();
}

void Router::stopAnswering(const QString &user, const QString &conversation)
{
    const auto member = m_staff.find(user);
    if (member == m_staff.end())
        return;
    member->second.conversations.removeAll(conversation);
    noteLeft(member->second.connection, conversation);
}

bool Router::answerLateFrame(ConnectionId id, const Connection &connection, const QString &conversation, bool unknown,
                             Operation operation, const QString &type)
{
    const std::deque<QString> &left = connection.leftConversations;
    if (std::find(left.begin(), left.end(), conversation) == left.end())
        return false;
    if (operation == Operation::Ack || operation == Operation::Typing)
        return true;
    frame::Error error{unknown ? ErrorCode::UnknownConversation : ErrorCode::NotAuthorized,
                       unknown ? QCoreApplication::translate("Router", "This conversation has ended.")
                               : QCoreApplication::translate("Router", "You no longer answer this conversation."),
                       QStringLiteral("conversation"), type, false};
    send(id, error);
    return true;
}

bool Router::countBadFrame(ConnectionId id)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end() || !m_guard.countBadFrame(found->second.guard))
        return false;
    m_audit.tooManyErrors();
    send(id, frame::Error{ErrorCode::TooManyErrors,
                          QCoreApplication::translate("Router", "Too many bad frames; closing the connection."),
                          std::nullopt, std::nullopt, true});
    closeConnection(id, true);
    return true;
}

void Router::sendPage(ConnectionId id, const Conversation &conversation, qint64 afterSeq)
{
    // A page at a time, so one reply cannot queue megabytes on a socket (the client fetches again on `more`).
    const Conversation::Page page =
        conversation.pageAfter(afterSeq, std::max(1, m_config.fetchPageMessages), m_config.maxPendingWriteBytes / 4);
    const auto connection = m_connections.find(id);
    const bool toSurvivor = connection != m_connections.end() && connection->second.role == Role::Survivor;
    for (const frame::Message &message : page.messages) {
        if (toSurvivor && message.by) {
            frame::Message withoutName = message;
            withoutName.by.reset();
            send(id, withoutName);
        } else {
            send(id, message);
        }
    }
    send(id, frame::Fetched{conversation.id(), conversation.oldestSeq(), conversation.lastSeq(), page.more});
}

void Router::closeStaleConnections()
{
    const qint64 now = nowMs();
    std::vector<ConnectionId> stale;
    for (const auto &[id, connection] : m_connections) {
        if (m_guard.isStale(connection.guard, !connection.role.has_value() && !connection.signingIn, now))
            stale.push_back(id);
    }
    // A survivor closed here keeps the reconnect window, as after any drop.
    for (const ConnectionId id : stale)
        closeConnection(id, false);
}

std::optional<QString> Router::conversationNamedBy(const ClientFrame &frame)
{
    return std::visit(
        [](const auto &f) -> std::optional<QString> {
            if constexpr (requires { f.conversation; })
                return f.conversation;
            else
                return std::nullopt;
        },
        frame);
}

Relation Router::relationTo(const Connection &connection, const QString &conversation) const
{
    const auto found = m_conversations.find(conversation);
    if (found == m_conversations.end())
        return Relation::Outsider;
    if (connection.role == Role::Survivor)
        return found->second.survivor() == connection.survivor ? Relation::Participant : Relation::Outsider;
    if (connection.role.has_value() && !connection.staffUser.isEmpty()) {
        const std::optional<Participation> participation = found->second.participationOf(connection.staffUser);
        if (!participation)
            return Relation::Outsider;
        return *participation == Participation::Answering ? Relation::Participant : Relation::Present;
    }
    return Relation::Outsider;
}

void Router::handle(ConnectionId id, Connection &connection, const ClientFrame &frame, const QString &type)
{
    const Operation operation = Authorization::operationFor(frame);
    const std::optional<QString> conversation = conversationNamedBy(frame);
    const Relation relation = conversation ? relationTo(connection, *conversation) : Relation::NoConversation;
    const bool unknown = conversation && !m_conversations.contains(*conversation);
    if (unknown || !Authorization::allows(operation, connection.role, relation)) {
        if (conversation && answerLateFrame(id, connection, *conversation, unknown, operation, type))
            return;
        // Only a caller who could send the frame to some conversation learns that this one does not exist.
        if (unknown && Authorization::allows(operation, connection.role, Relation::Participant))
            sendError(id, ErrorCode::UnknownConversation,
                      QCoreApplication::translate("Router", "There is no open conversation with that id."), type,
                      QStringLiteral("conversation"));
        else
            sendError(id, ErrorCode::NotAuthorized,
                      QCoreApplication::translate("Router", "Your role does not allow this."), type);
        return;
    }

    dispatch(FrameRequest{id, type}, frame);
}

void Router::on(const FrameRequest &request, const frame::SetAvailable &available)
{
    StaffMember &member = m_staff[m_connections.at(request.connection).staffUser];
    member.available = available.available;
    member.languages = available.languages.value_or(QStringList());
    assignWaitingSurvivors();
}

void Router::on(const FrameRequest &request, const frame::Ack &ack)
{
    if (heldWhileReclaiming(request.connection, ack.conversation, std::nullopt))
        return;
    Conversation &open = m_conversations.at(ack.conversation);
    const Connection &connection = m_connections.at(request.connection);
    const Side by = sideOf(connection);
    // Only the staff member answering speaks for the staff side's receipts (section 17).
    if (by == Side::Advocate && open.staffUser() != connection.staffUser)
        return;
    if (open.acknowledge(by, ack.seq)) {
        const Side other = by == Side::Survivor ? Side::Advocate : Side::Survivor;
        send(peerConnection(open, other), frame::Delivered{open.id(), open.acknowledged(by)});
    }
}

void Router::on(const FrameRequest &request, const frame::Typing &typing)
{
    if (heldWhileReclaiming(request.connection, typing.conversation, std::nullopt))
        return;
    const Conversation &open = m_conversations.at(typing.conversation);
    const Connection &connection = m_connections.at(request.connection);
    if (connection.role == Role::Survivor) {
        sendToStaffIn(open, frame::PeerTyping{open.id(), typing.active, std::nullopt, false});
        return;
    }
    // Observers and monitors are never seen typing (section 17).
    const QString &user = connection.staffUser;
    const std::optional<Participation> participation = open.participationOf(user);
    if (participation != Participation::Answering && participation != Participation::Joined)
        return;
    // Each side is told who types: the survivor whether it is a supervisor (never a user name), the staff side who.
    send(peerConnection(open, Side::Survivor),
         frame::PeerTyping{open.id(), typing.active, std::nullopt, speaksAsSupervisor(open, user)});
    sendToStaffIn(open, frame::PeerTyping{open.id(), typing.active, user, false}, user);
}

void Router::on(const FrameRequest &request, const frame::Fetch &fetch)
{
    if (heldWhileReclaiming(request.connection, fetch.conversation, fetch.afterSeq))
        return;
    sendPage(request.connection, m_conversations.at(fetch.conversation), fetch.afterSeq);
}

void Router::on(const FrameRequest &request, const frame::Ping &)
{
    send(request.connection, frame::Pong{});
}

void Router::on(const FrameRequest &request, const frame::ShiftEndOverride &shiftEnd)
{
    const QString &user = m_connections.at(request.connection).staffUser;
    m_audit.shiftEndOverride(user, shiftEnd, m_staff[user].conversations.size());
    if (shiftEnd.reason)
        holdShiftEndReason(user, *shiftEnd.reason);
    m_statistics.countShiftEndOverride(shiftEnd.category);
}

void Router::on(const FrameRequest &request, const frame::Reserved &)
{
    sendError(request.connection, ErrorCode::NotSupported,
              QCoreApplication::translate("Router", "This relay does not support that operation yet."), request.type);
}

void Router::on(const FrameRequest &request, const frame::Send &sendFrame)
{
    const ConnectionId id = request.connection;
    if (heldWhileReclaiming(id, sendFrame.conversation, std::nullopt))
        return;
    const Connection &connection = m_connections.at(id);
    Conversation &open = m_conversations.at(sendFrame.conversation);
    const Side from = sideOf(connection);
    std::optional<Participation> participation;
    if (from == Side::Advocate) {
        participation = open.participationOf(connection.staffUser);
        if (participation != Participation::Answering && participation != Participation::Joined) {
            sendError(id, ErrorCode::BadState,
                      QCoreApplication::translate("Router", "You are reading along; join or take over to write."),
                      request.type);
            return;
        }
    }
    const Conversation::Acceptance accepted =
        open.accept(from, sendFrame.clientId, sendFrame.body, m_clock.now().toMSecsSinceEpoch(), nowMs(),
                    connection.staffUser, from == Side::Advocate && speaksAsSupervisor(open, connection.staffUser));
    send(id, frame::Accepted{open.id(), sendFrame.clientId, accepted.message.seq});
    if (accepted.duplicate)
        return;
    // Every staff member in the conversation sees every message; the survivor sees no user names.
    sendToStaffIn(open, accepted.message, connection.staffUser);
    if (from == Side::Advocate) {
        frame::Message toSurvivor = accepted.message;
        toSurvivor.by.reset();
        send(peerConnection(open, Side::Survivor), toSurvivor);
    }
}

void Router::on(const FrameRequest &request, const frame::End &end)
{
    const ConnectionId id = request.connection;
    const Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    const Conversation &open = m_conversations.at(end.conversation);
    if (connection.role == Role::Survivor) {
        endConversation(open.id(), EndReason::SurvivorEnded);
        return;
    }
    if (end.idle && open.inactivityStage() < 2) {
        sendError(
            id, ErrorCode::BadState,
            QCoreApplication::translate("Router", "The survivor has not been silent long enough for an idle close."),
            type, QStringLiteral("reason"));
        return;
    }
    endConversation(open.id(), end.idle ? EndReason::IdleClosed : EndReason::AdvocateEnded);
}

bool Router::speaksAsSupervisor(const Conversation &conversation, const QString &user) const
{
    const std::optional<Participation> participation = conversation.participationOf(user);
    if (participation == Participation::Joined)
        return true;
    const auto member = m_staff.find(user);
    return participation == Participation::Answering && !conversation.takenFrom().isEmpty() &&
           member != m_staff.end() && member->second.role == Role::Supervisor;
}

Side Router::sideOf(const Connection &connection) const
{
    return connection.role == Role::Survivor ? Side::Survivor : Side::Advocate;
}

Router::ConnectionId Router::staffConnection(const QString &user) const
{
    const auto found = m_staff.find(user);
    return found == m_staff.end() ? 0 : found->second.connection;
}

Router::ConnectionId Router::peerConnection(const Conversation &conversation, Side side) const
{
    if (side == Side::Advocate)
        return staffConnection(conversation.staffUser());
    const auto found = m_survivors.find(conversation.survivor());
    return found == m_survivors.end() ? 0 : found->second.connection;
}

void Router::endConversation(const QString &id, EndReason reason)
{
    const auto found = m_conversations.find(id);
    if (found == m_conversations.end())
        return;
    const Conversation &open = found->second;
    if (const std::optional<TransferOffers::Offer> offer = m_offers.takeForConversation(id)) {
        closeOfferForReceivers(*offer, frame::OfferClosedReason::Ended);
        m_audit.transferClosed(offer->from, frame::TransferState::Withdrawn, QString());
        m_statistics.countTransferClosed(frame::TransferState::Withdrawn);
    }
    const ConnectionId survivorConnection = peerConnection(open, Side::Survivor);
    m_statistics.countEnded(reason, nowMs() - open.startedAtMs());
    send(survivorConnection, frame::Ended{id, reason});
    sendToStaffIn(open, frame::Ended{id, reason});
    noteLeft(survivorConnection, id);
    stopAnswering(open.staffUser(), id);
    for (const QString &user : open.present().keys())
        noteLeft(staffConnection(user), id);
    const SessionId survivor = open.survivor();
    m_conversations.erase(found);
    endSurvivorSession(survivor, reason);
    // A freed slot may take the next survivor in push mode.
    assignWaitingSurvivors();
}

void Router::connectionClosed(ConnectionId id)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    const Connection connection = found->second;
    m_connections.erase(found);
    const qint64 now = nowMs();
    if (connection.role == Role::Survivor) {
        const auto survivor = m_survivors.find(connection.survivor);
        if (survivor == m_survivors.end())
            return;
        survivor->second.connection = 0;
        survivor->second.detachedAtMs = now;
        if (!survivor->second.conversation.isEmpty()) {
            const Conversation &open = m_conversations.at(survivor->second.conversation);
            sendToStaffIn(open, frame::PeerStatus{open.id(), false});
        }
    } else if (!connection.staffUser.isEmpty()) {
        const auto member = m_staff.find(connection.staffUser);
        if (member == m_staff.end())
            return;
        member->second.connection = 0;
        member->second.detachedAtMs = now;
        for (const QString &conversationId : std::as_const(member->second.conversations)) {
            const Conversation &open = m_conversations.at(conversationId);
            send(peerConnection(open, Side::Survivor), frame::PeerStatus{open.id(), false});
        }
        receiverGone(connection.staffUser);
    }
}

void Router::tick()
{
    closeStaleConnections();
    const qint64 now = nowMs();
    const qint64 window = qint64(m_config.reconnectWindowSeconds) * 1000;

    expireDetachedSurvivors();
    expireReclaims();
    renewTokens();
    expireOffers();
    if (const QStringList dropped = m_shiftLog.dropExpired(now, qint64(m_config.shiftLogHours) * 3600 * 1000);
        !dropped.isEmpty())
        m_audit.shiftLogDropped(static_cast<int>(dropped.size()), true);

    QStringList goneStaff;
    QStringList abandoned;
    QStringList goneFromPresence;
    for (const auto &[user, member] : m_staff) {
        if (member.connection != 0)
            continue;
        if (now - member.detachedAtMs >= window) {
            abandoned.append(member.conversations);
            goneFromPresence.append(user);
        }
        if (now - member.detachedAtMs >= qint64(m_config.staffSessionHours) * 3600 * 1000)
            goneStaff.append(user);
    }
    // No survivor waits on a gone advocate: each of their chats goes to the front of the queue (section 15).
    for (const QString &conversationId : std::as_const(abandoned))
        requeueConversation(conversationId, HandoffReason::Dropped, std::nullopt);
    for (const QString &user : std::as_const(goneFromPresence))
        leaveAllPresence(user);
    for (const QString &user : std::as_const(goneStaff)) {
        m_sessionTokens.revoke(m_staff.at(user).sessionToken);
        m_staff.erase(user);
    }

    const qint64 t1 = qint64(m_config.inactivityT1Seconds) * 1000;
    const qint64 t2 = qint64(m_config.inactivityT2Seconds) * 1000;
    for (auto &[id, open] : m_conversations) {
        if (const std::optional<int> stage = open.inactivityDue(now, t1, t2))
            sendToStaffIn(open, frame::Inactivity{id, *stage, static_cast<int>(open.survivorSilentMs(now) / 1000)});
    }

    refreshWaitingSurvivors();
    expireSupervision();
    publishBoard();
}

void Router::sendError(ConnectionId id, ErrorCode code, const QString &message, const QString &inReplyTo,
                       const QString &field)
{
    frame::Error error{code, message, std::nullopt, std::nullopt, false};
    if (!field.isEmpty())
        error.field = field;
    if (!inReplyTo.isEmpty())
        error.inReplyTo = inReplyTo;
    send(id, error);
    if (isBadFrameCode(code))
        countBadFrame(id);
}

void Router::send(ConnectionId id, const RelayFrame &frame)
{
    if (id != 0)
        m_sink.send(id, frame);
}

void Router::closeConnection(ConnectionId id, bool policyViolation)
{
    // Dropped as if the socket had closed, so a survivor keeps the reconnect window.
    connectionClosed(id);
    m_sink.close(id, policyViolation);
}

} // namespace advocate
