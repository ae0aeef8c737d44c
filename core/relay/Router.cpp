// SPDX-License-Identifier: GPL-3.0-only
#include "relay/Router.h"

#include "common/BuildInfo.h"
#include "common/Clock.h"
#include "relay/RouterSink.h"
#include "relay/SecureToken.h"
#include "relay/StaffAuthenticator.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace advocate {

namespace {

constexpr int conversationIdBytes = 16;

} // namespace

Router::Router(const RelayConfig &config, const Clock &clock, StaffAuthenticator &authenticator, RouterSink &sink)
    : m_config(config), m_clock(clock), m_authenticator(authenticator), m_sink(sink), m_audit(sink),
      m_statistics(clock, config.openingHours.timeZone()), m_guard(config), m_queue(config.queueLimit)
{
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

bool Router::quickExitByToken(const QString &resumeToken)
{
    if (!m_resumeTokens.contains(resumeToken))
        return false;
    const SessionId session = m_resumeTokens.value(resumeToken);
    const auto survivor = m_survivors.find(session);
    if (survivor == m_survivors.end())
        return false;
    if (!survivor->second.conversation.isEmpty())
        endConversation(survivor->second.conversation, EndReason::QuickExit);
    else
        endSurvivorSession(session, EndReason::QuickExit);
    return true;
}

void Router::connectionOpened(ConnectionId connection)
{
    connectionOpened(connection, QByteArray());
}

void Router::connectionOpened(ConnectionId connection, const QByteArray &sourceKey)
{
    connectionOpened(connection, sourceKey, {});
}

void Router::connectionOpened(ConnectionId connection, const QByteArray &sourceKey,
                              const QList<QByteArray> &earlierSourceKeys)
{
    Connection fresh;
    fresh.source = sourceKey;
    fresh.earlierSources = earlierSourceKeys;
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

qint64 Router::survivorWindowMs(const SurvivorSession &survivor) const
{
    // A queued survivor who dropped holds a place others wait behind: a shorter window than in a conversation.
    const int seconds = survivor.conversation.isEmpty()
                            ? std::min(m_config.queuedReconnectWindowSeconds, m_config.reconnectWindowSeconds)
                            : m_config.reconnectWindowSeconds;
    return qint64(seconds) * 1000;
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
    const Conversation &open = m_conversations.at(typing.conversation);
    const Connection &connection = m_connections.at(request.connection);
    if (connection.role == Role::Survivor) {
        sendToStaffIn(open, frame::PeerTyping{open.id(), typing.active});
        return;
    }
    // Observers and monitors are never seen typing (section 17).
    const std::optional<Participation> participation = open.participationOf(connection.staffUser);
    if (participation == Participation::Answering || participation == Participation::Joined)
        send(peerConnection(open, Side::Survivor), frame::PeerTyping{open.id(), typing.active});
}

void Router::on(const FrameRequest &request, const frame::Fetch &fetch)
{
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

void Router::on(const FrameRequest &request, const frame::Start &start)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    if (start.noticeVersion != m_config.noticeVersion) {
        sendError(id, ErrorCode::NoticeOutdated,
                  QCoreApplication::translate("Router", "Please read the current notice before starting."),
                  QStringLiteral("start"), QStringLiteral("noticeVersion"));
        return;
    }
    const QString language = start.language.value_or(m_config.languages.first());
    if (!m_config.languages.contains(language)) {
        sendError(id, ErrorCode::BadField,
                  QCoreApplication::translate("Router", "This program does not offer that language."),
                  QStringLiteral("start"), QStringLiteral("language"));
        return;
    }
    if (isBlockedSource(connection)) {
        // A neutral answer (section 17): nothing says the source was blocked.
        frame::Busy busy{m_config.textFor(QStringLiteral("unavailable_text"), m_config.unavailableText, language),
                         std::nullopt, std::nullopt};
        if (!m_config.hotlinePhone.isEmpty())
            busy.phone = m_config.hotlinePhone;
        if (!m_config.hotlineSms.isEmpty())
            busy.sms = m_config.hotlineSms;
        send(id, busy);
        closeConnection(id, false);
        return;
    }
    if (!connection.source.isEmpty()) {
        const auto live = std::count_if(m_survivors.cbegin(), m_survivors.cend(),
                                        [&](const auto &entry) { return entry.second.source == connection.source; });
        if (live >= m_config.maxSurvivorSessionsPerSource) {
            // One page (or one script) cannot fill the queue (docs/protocol.md section 13).
            send(id, frame::Error{ErrorCode::TooManySessions,
                                  QCoreApplication::translate(
                                      "Router", "Too many chats are open from this network; please try again later."),
                                  std::nullopt, QStringLiteral("start"), true});
            m_audit.sourceSessionCap();
            closeConnection(id, false);
            return;
        }
    }
    const SessionId session = m_nextSession++;
    const bool open = isOpen();
    if (!open || !m_queue.enqueue(session, language, nowMs())) {
        QString text = m_config.textFor(QStringLiteral("busy_text"), m_config.busyText, language);
        if (m_serviceNotice && m_serviceNotice->stopsNewChats())
            text = m_serviceNotice->text;
        else if (!open)
            text = m_config.textFor(QStringLiteral("closed_text"), m_config.closedText, language);
        frame::Busy busy{text, std::nullopt, std::nullopt};
        if (!m_config.hotlinePhone.isEmpty())
            busy.phone = m_config.hotlinePhone;
        if (!m_config.hotlineSms.isEmpty())
            busy.sms = m_config.hotlineSms;
        send(id, busy);
        m_audit.startRefused(open, language);
        m_statistics.countTurnedAway(open);
        closeConnection(id, false);
        return;
    }
    SurvivorSession &survivor = m_survivors[session];
    m_resumeTokens.reissue(survivor.resumeToken, session);
    survivor.connection = id;
    survivor.language = language;
    survivor.alias = start.alias;
    survivor.source = connection.source;
    survivor.monitoringDisclosed = m_config.supervisorMonitoring && !m_config.monitoringText.isEmpty();
    survivor.startedAtMs = nowMs();
    m_statistics.countOffered(language);
    connection.role = Role::Survivor;
    connection.survivor = session;
    send(id, frame::Session{survivor.resumeToken, m_config.reconnectWindowSeconds});
    refreshQueued(true);
    broadcastQueueSummary();
    assignWaitingSurvivors();
}

void Router::on(const FrameRequest &request, const frame::Resume &resume)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    const SessionId session = m_resumeTokens.value(resume.token);
    const auto found = m_survivors.find(session);
    if (session == 0 || found == m_survivors.end() ||
        (found->second.connection == 0 && nowMs() - found->second.detachedAtMs >= survivorWindowMs(found->second))) {
        sendError(id, ErrorCode::ResumeExpired,
                  QCoreApplication::translate("Router", "This chat can no longer be resumed."), type,
                  QStringLiteral("token"));
        return;
    }
    SurvivorSession &survivor = found->second;
    if (survivor.connection != 0 && survivor.connection != id) {
        // The old socket has not noticed it is gone yet; the new one takes over.
        const ConnectionId old = survivor.connection;
        m_connections.erase(old);
        m_sink.close(old, false);
    }
    // A resume token works once: the next drop needs the new one.
    m_resumeTokens.reissue(survivor.resumeToken, session);
    survivor.connection = id;
    survivor.source = connection.source;
    survivor.queuedPositionSent = 0;
    connection.role = Role::Survivor;
    connection.survivor = session;
    send(id, frame::Session{survivor.resumeToken, m_config.reconnectWindowSeconds});
    if (survivor.conversation.isEmpty()) {
        refreshQueued(true);
        // Push mode skipped this survivor while away; someone may be free now.
        assignWaitingSurvivors();
        return;
    }
    const Conversation &open = m_conversations.at(survivor.conversation);
    if (open.isWaiting()) {
        // Back at the front of the queue (section 15): what was missed, why, and the place.
        sendPage(id, open, resume.lastSeq);
        send(id, frame::AdvocateChanged{open.id(),
                                        open.waitingHandoff() ? open.waitingHandoff()->reason : HandoffReason::Queue});
        refreshQueued(true);
        assignWaitingSurvivors();
        return;
    }
    sendConversationStarted(id, open, false);
    sendPage(id, open, resume.lastSeq);
    sendToStaffIn(open, frame::PeerStatus{open.id(), true});
}

void Router::on(const FrameRequest &request, const frame::TakeNext &take)
{
    const ConnectionId id = request.connection;
    const Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    StaffMember &member = m_staff[connection.staffUser];
    if (member.conversations.size() >= m_config.advocateCap) {
        sendError(id, ErrorCode::CapReached,
                  QCoreApplication::translate("Router", "You already have as many conversations as you may."), type);
        return;
    }
    const QStringList languages = take.language ? QStringList{*take.language} : member.languages;
    // Someone still connected first; a survivor inside the reconnect window only when nobody connected waits.
    std::optional<SessionId> next = m_queue.takeNext(languages, nowMs(), [this](SessionId session) {
        const auto found = m_survivors.find(session);
        return found != m_survivors.end() && found->second.connection != 0;
    });
    if (!next)
        next = m_queue.takeNext(languages, nowMs());
    if (!next) {
        sendError(id, ErrorCode::QueueEmpty, QCoreApplication::translate("Router", "Nobody is waiting."), type);
        return;
    }
    startConversation(*next, connection.staffUser);
}

void Router::on(const FrameRequest &request, const frame::Send &sendFrame)
{
    const ConnectionId id = request.connection;
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
                    connection.staffUser, participation == Participation::Joined);
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

void Router::on(const FrameRequest &request, const frame::QuickExit &)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const SessionId session = connection.survivor;
    const auto found = m_survivors.find(session);
    if (found != m_survivors.end() && !found->second.conversation.isEmpty())
        endConversation(found->second.conversation, EndReason::QuickExit);
    else
        endSurvivorSession(session, EndReason::QuickExit);
    m_connections.erase(id);
    m_sink.close(id, false);
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

void Router::startConversation(SessionId survivorId, const QString &staffUser)
{
    SurvivorSession &survivor = m_survivors.at(survivorId);
    StaffMember &member = m_staff.at(staffUser);
    if (!survivor.conversation.isEmpty()) {
        // A conversation that came back to the queue (section 15) keeps its id, messages and seq.
        Conversation &waiting = m_conversations.at(survivor.conversation);
        const std::optional<Conversation::Handoff> handoff = waiting.takeWaitingHandoff();
        waiting.handTo(staffUser);
        member.conversations.append(waiting.id());
        member.lastAssignedAtMs = nowMs();
        sendConversationStarted(survivor.connection, waiting, false);
        sendHandedConversation(member.connection, waiting, handoff);
        refreshQueued(true);
        broadcastQueueSummary();
        return;
    }
    const QString id = makeSecureToken(conversationIdBytes);
    const auto [it, inserted] =
        m_conversations.try_emplace(id, id, survivorId, staffUser, survivor.language, survivor.alias, nowMs());
    Q_UNUSED(inserted)
    it->second.setRetainedBytesLimit(m_config.maxRetainedBytes);
    survivor.conversation = id;
    member.conversations.append(id);
    member.lastAssignedAtMs = nowMs();
    m_statistics.countAnswered(nowMs() - survivor.startedAtMs);
    sendConversationStarted(survivor.connection, it->second, false);
    sendConversationStarted(member.connection, it->second, true);
    refreshQueued(true);
    broadcastQueueSummary();
}

void Router::sendConversationStarted(ConnectionId id, const Conversation &conversation, bool toStaff)
{
    // The alias is for the advocate; the survivor's own page already knows it.
    send(id, frame::ConversationStarted{conversation.id(), conversation.language(),
                                        toStaff ? conversation.alias() : std::nullopt, std::nullopt, std::nullopt,
                                        std::nullopt, std::nullopt});
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
    if (const auto member = m_staff.find(open.staffUser()); member != m_staff.end())
        member->second.conversations.removeAll(id);
    const SessionId survivor = open.survivor();
    m_conversations.erase(found);
    endSurvivorSession(survivor, reason);
    // A freed slot may take the next survivor in push mode.
    assignWaitingSurvivors();
}

void Router::endSurvivorSession(SessionId survivorId, EndReason how)
{
    const auto found = m_survivors.find(survivorId);
    if (found == m_survivors.end())
        return;
    m_resumeTokens.revoke(found->second.resumeToken);
    const bool wasQueued = m_queue.remove(survivorId);
    if (wasQueued && found->second.conversation.isEmpty())
        m_statistics.countAbandoned(how);
    const ConnectionId connection = found->second.connection;
    m_survivors.erase(found);
    // The socket stays open as an anonymous connection: the page may start again.
    if (const auto open = m_connections.find(connection); open != m_connections.end()) {
        Connection &reset = open->second;
        reset.role.reset();
        reset.survivor = 0;
        reset.staffUser.clear();
        m_guard.becameAnonymous(reset.guard, nowMs());
    }
    if (wasQueued) {
        refreshQueued(true);
        broadcastQueueSummary();
    }
}

void Router::assignWaitingSurvivors()
{
    if (m_config.routing != RoutingMode::Push)
        return;
    for (;;) {
        // The available staff member with the fewest conversations, idle longest on a tie, who can take one.
        std::vector<std::pair<QString, const StaffMember *>> candidates;
        for (const auto &[user, member] : m_staff) {
            if (member.connection != 0 && member.available && member.role != Role::Admin &&
                member.conversations.size() < m_config.advocateCap)
                candidates.emplace_back(user, &member);
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
            if (a.second->conversations.size() != b.second->conversations.size())
                return a.second->conversations.size() < b.second->conversations.size();
            return a.second->lastAssignedAtMs < b.second->lastAssignedAtMs;
        });
        bool assigned = false;
        for (const auto &[user, member] : candidates) {
            // Never to someone who dropped: the advocate's slot would sit idle for the whole reconnect window. Nor
            // back to the staff member who just handed the conversation to the queue.
            const auto connected = [this, &user](SessionId session) {
                const auto found = m_survivors.find(session);
                if (found == m_survivors.end() || found->second.connection == 0)
                    return false;
                const auto open = m_conversations.find(found->second.conversation);
                return open == m_conversations.end() || !open->second.waitingHandoff() ||
                       open->second.waitingHandoff()->from != user;
            };
            if (const std::optional<SessionId> next = m_queue.takeNext(member->languages, nowMs(), connected)) {
                startConversation(*next, user);
                assigned = true;
                break;
            }
        }
        if (!assigned)
            return;
    }
}

void Router::refreshQueued(bool onlyChanged)
{
    const qint64 now = nowMs();
    for (const SessionId session : m_queue.all()) {
        SurvivorSession &survivor = m_survivors.at(session);
        if (survivor.connection == 0)
            continue;
        const int position = m_queue.position(session);
        const bool due =
            survivor.queuedSentAtMs < 0 || now - survivor.queuedSentAtMs >= qint64(m_config.queueRefreshSeconds) * 1000;
        if (position == survivor.queuedPositionSent && (onlyChanged || !due))
            continue;
        survivor.queuedPositionSent = position;
        survivor.queuedSentAtMs = now;
        send(survivor.connection, frame::Queued{position, m_queue.estimatedWaitSeconds(session)});
    }
}

frame::QueueSummary Router::queueSummary() const
{
    const qint64 now = nowMs();
    frame::QueueSummary summary{m_queue.waitingPerLanguage(), {}};
    // Longest first: the queue is FIFO, so the oldest entry leads each language.
    for (const SessionId session : m_queue.all()) {
        const int waited = static_cast<int>(std::max<qint64>(0, now - m_queue.enqueuedAtMs(session)) / 1000);
        summary.waits[m_queue.languageOf(session)].append(waited);
    }
    for (QList<int> &seconds : summary.waits)
        std::sort(seconds.begin(), seconds.end(), std::greater<int>());
    return summary;
}

void Router::broadcastQueueSummary()
{
    m_queueSummarySentAtMs = nowMs();
    const frame::QueueSummary summary = queueSummary();
    for (const auto &[user, member] : m_staff) {
        if (member.role != Role::Admin)
            send(member.connection, summary);
    }
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

    std::vector<SessionId> goneSurvivors;
    for (const auto &[id, survivor] : m_survivors) {
        if (survivor.connection == 0 && now - survivor.detachedAtMs >= survivorWindowMs(survivor))
            goneSurvivors.push_back(id);
    }
    for (const SessionId id : goneSurvivors) {
        const auto found = m_survivors.find(id);
        if (found == m_survivors.end())
            continue;
        if (!found->second.conversation.isEmpty())
            endConversation(found->second.conversation, EndReason::Disconnected);
        else
            endSurvivorSession(id, EndReason::Disconnected);
    }

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

    const qint64 longWait = qint64(m_config.longWaitSeconds) * 1000;
    for (const SessionId session : m_queue.all()) {
        SurvivorSession &survivor = m_survivors.at(session);
        const qint64 waited = now - m_queue.enqueuedAtMs(session);
        if (survivor.longWaitSent || survivor.connection == 0 || waited < longWait)
            continue;
        survivor.longWaitSent = true;
        frame::LongWait notice{
            static_cast<int>(waited / 1000),
            m_config.textFor(QStringLiteral("long_wait_text"), m_config.longWaitText, survivor.language), std::nullopt,
            std::nullopt};
        if (!m_config.hotlinePhone.isEmpty())
            notice.phone = m_config.hotlinePhone;
        if (!m_config.hotlineSms.isEmpty())
            notice.sms = m_config.hotlineSms;
        send(survivor.connection, notice);
    }
    refreshQueued(false);
    // Staff see wait times age even when nothing changes (the queue panel shows the longest wait).
    if (m_queue.size() > 0 && nowMs() - m_queueSummarySentAtMs >= qint64(m_config.queueRefreshSeconds) * 1000)
        broadcastQueueSummary();
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
