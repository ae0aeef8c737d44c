// SPDX-License-Identifier: GPL-3.0-only
// The router's supervision handlers (docs/protocol.md section 17), beside Router.cpp's conversations,
// RouterSurvivors.cpp's survivor sessions and queue and RouterHandoffs.cpp. The rules they keep: a conversation has
// exactly one staff member who answers it (or none while it waits), others may be present; nothing of supervision is
// ever sent to a survivor but the fact that a supervisor joined or left visibly; whispers go to staff connections only.
#include "relay/Router.h"

#include "common/Clock.h"
#include "relay/RouterSink.h"
#include "relay/SecureToken.h"

#include <QCoreApplication>

namespace advocate {

namespace {

constexpr int alertIdBytes = 12;
constexpr qint64 alertHoldMs = 24LL * 3600 * 1000;

QString notPossible()
{
    return QCoreApplication::translate("Router", "That is not possible in this conversation now.");
}

} // namespace

void Router::sendToStaff(const QString &user, const RelayFrame &frame)
{
    const ConnectionId id = staffConnection(user);
    const auto connection = m_connections.find(id);
    // A staff member's connection, never a survivor's: whispers and board rows depend on it.
    if (connection == m_connections.end() || connection->second.role == Role::Survivor ||
        connection->second.staffUser != user)
        return;
    send(id, frame);
}

void Router::sendToStaffIn(const Conversation &conversation, const RelayFrame &frame, const QString &except)
{
    for (const QString &user : conversation.staffUsers()) {
        if (user != except)
            sendToStaff(user, frame);
    }
}

void Router::sendParticipants(const Conversation &conversation, const QString &alsoTo)
{
    frame::Participants participants{conversation.id(), {}};
    for (const QString &user : conversation.staffUsers())
        participants.staff.append(frame::Presence{user, *conversation.participationOf(user)});
    sendToStaffIn(conversation, participants);
    if (!alsoTo.isEmpty() && !conversation.participationOf(alsoTo))
        sendToStaff(alsoTo, participants);
}

void Router::on(const FrameRequest &request, const frame::Join &join)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    Conversation &open = m_conversations.at(join.conversation);
    const std::optional<Participation> before = open.participationOf(user);
    if (open.isWaiting() || open.isReclaiming() || before == Participation::Answering ||
        before == Participation::Joined) {
        sendError(id, ErrorCode::BadState, notPossible(), request.type);
        return;
    }
    open.setPresent(user, Participation::Joined);
    open.setHandRaised(false);
    if (before)
        sendParticipants(open); // from monitoring: the chat is on their screen already
    else {
        sendHandedConversation(id, open, std::nullopt, Participation::Joined);
        sendParticipants(open);
    }
    send(peerConnection(open, Side::Survivor), frame::SupervisorPresent{open.id(), true});
    m_audit.supervision("supervisor_joined", user, open.id());
    m_statistics.countSupervisorAction(SupervisorAction::Join);
}

void Router::on(const FrameRequest &request, const frame::Leave &leave)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    Conversation &open = m_conversations.at(leave.conversation);
    const std::optional<Participation> before = open.participationOf(user);
    if (!before || *before == Participation::Answering) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "Hand the conversation on or end it; you answer it."),
                  request.type);
        return;
    }
    open.removePresent(user);
    noteLeft(id, open.id());
    if (*before == Participation::Joined)
        send(peerConnection(open, Side::Survivor), frame::SupervisorPresent{open.id(), false});
    sendParticipants(open, user);
    m_audit.supervision("presence_left", user, open.id(), QStringLiteral("was=%1").arg(participationName(*before)));
}

void Router::on(const FrameRequest &request, const frame::Whisper &whisper)
{
    const ConnectionId id = request.connection;
    const Connection &connection = m_connections.at(id);
    const QString user = connection.staffUser;
    Conversation &open = m_conversations.at(whisper.conversation);
    QStringList recipients = open.staffUsers();
    recipients.removeAll(user);
    // An advocate whispers to the supervisors present; a supervisor to everyone on the staff side.
    if (connection.role != Role::Supervisor) {
        recipients.erase(std::remove_if(recipients.begin(), recipients.end(),
                                        [this](const QString &other) {
                                            const auto member = m_staff.find(other);
                                            return member == m_staff.end() || member->second.role != Role::Supervisor;
                                        }),
                         recipients.end());
    }
    if (recipients.isEmpty()) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "Nobody else on the staff side is in this conversation."),
                  request.type);
        return;
    }
    const frame::WhisperNote note{open.id(), user, whisper.body, m_clock.now().toMSecsSinceEpoch()};
    for (const QString &recipient : std::as_const(recipients))
        sendToStaff(recipient, note);
    sendToStaff(user, note);
    if (connection.role == Role::Supervisor)
        open.setHandRaised(false);
    m_audit.supervision("whisper", user, open.id());
    m_statistics.countSupervisorAction(SupervisorAction::Whisper);
}

void Router::on(const FrameRequest &request, const frame::TakeOver &takeOver)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    Conversation &open = m_conversations.at(takeOver.conversation);
    const std::optional<Participation> before = open.participationOf(user);
    if (open.isWaiting() || open.isReclaiming() || before == Participation::Answering) {
        sendError(id, ErrorCode::BadState, notPossible(), request.type);
        return;
    }
    if (m_offers.forConversation(open.id())) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "An offer for this conversation stands; wait for it."),
                  request.type);
        return;
    }
    const QString advocate = open.staffUser();
    stopAnswering(advocate, open.id());
    open.handTo(user);
    open.removePresent(user);
    open.setTakenFrom(advocate);
    open.setHandRaised(false);
    const bool observe = takeOver.advocate == frame::AfterTakeOver::Observe;
    if (observe)
        open.setPresent(advocate, Participation::Observing);
    m_staff.at(user).conversations.append(open.id());
    send(peerConnection(open, Side::Survivor), frame::AdvocateChanged{open.id(), HandoffReason::Supervisor});
    if (!before)
        sendHandedConversation(id, open, Conversation::Handoff{HandoffReason::Supervisor, advocate, std::nullopt});
    sendParticipants(open, advocate);
    m_audit.supervision(
        "taken_over", user, open.id(),
        QStringLiteral("advocate=%1 mode=%2").arg(advocate, frame::afterTakeOverName(takeOver.advocate)));
    m_statistics.countSupervisorAction(SupervisorAction::TakeOver);
}

void Router::on(const FrameRequest &request, const frame::HandBack &handBack)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    Conversation &open = m_conversations.at(handBack.conversation);
    const QString advocate = open.takenFrom();
    if (advocate.isEmpty()) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "This conversation was not taken over."), request.type);
        return;
    }
    const auto member = m_staff.find(advocate);
    if (member == m_staff.end() || member->second.connection == 0) {
        sendError(id, ErrorCode::NotOnShift,
                  QCoreApplication::translate("Router", "That colleague is not on shift now."), request.type);
        return;
    }
    const bool observing = open.participationOf(advocate) == Participation::Observing;
    if (!observing && member->second.conversations.size() >= m_config.advocateCap) {
        sendError(
            id, ErrorCode::CapReached,
            QCoreApplication::translate("Router", "That colleague already has as many conversations as they may."),
            request.type);
        return;
    }
    stopAnswering(user, open.id());
    open.removePresent(advocate);
    open.handTo(advocate);
    open.setTakenFrom(QString());
    member->second.conversations.append(open.id());
    send(peerConnection(open, Side::Survivor), frame::AdvocateChanged{open.id(), HandoffReason::HandBack});
    if (!observing)
        sendHandedConversation(member->second.connection, open,
                               Conversation::Handoff{HandoffReason::HandBack, user, std::nullopt});
    sendParticipants(open, user);
    m_audit.supervision("handed_back", user, open.id(), QStringLiteral("advocate=%1").arg(advocate));
    m_statistics.countSupervisorAction(SupervisorAction::HandBack);
}

void Router::on(const FrameRequest &request, const frame::Monitor &monitor)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    Conversation &open = m_conversations.at(monitor.conversation);
    if (open.isReclaiming()) {
        sendError(id, ErrorCode::BadState, notPossible(), request.type);
        return;
    }
    const auto survivor = m_survivors.find(open.survivor());
    if (survivor == m_survivors.end() || !survivor->second.monitoringDisclosed) {
        sendError(id, ErrorCode::NotAuthorized,
                  QCoreApplication::translate("Router", "Silent monitoring is off, or this survivor was not told of "
                                                        "it."),
                  request.type);
        return;
    }
    if (open.participationOf(user)) {
        sendError(id, ErrorCode::BadState, notPossible(), request.type);
        return;
    }
    open.setPresent(user, Participation::Monitoring);
    open.setHandRaised(false);
    sendHandedConversation(id, open, std::nullopt, Participation::Monitoring);
    sendParticipants(open);
    m_audit.supervision("monitor_started", user, open.id());
    m_statistics.countSupervisorAction(SupervisorAction::Monitor);
}

void Router::on(const FrameRequest &request, const frame::RaiseHand &raise)
{
    Conversation &open = m_conversations.at(raise.conversation);
    if (open.handRaised() == raise.raised)
        return;
    open.setHandRaised(raise.raised);
    m_audit.supervision(raise.raised ? "hand_raised" : "hand_lowered", m_connections.at(request.connection).staffUser,
                        open.id());
}

void Router::on(const FrameRequest &request, const frame::Block &block)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    const Conversation &open = m_conversations.at(block.conversation);
    if (!m_config.supervisorBlocking) {
        sendError(id, ErrorCode::BlockingOff,
                  QCoreApplication::translate("Router", "Blocking is switched off in this program's config."),
                  request.type);
        return;
    }
    const auto survivor = m_survivors.find(open.survivor());
    if (survivor == m_survivors.end() || survivor->second.source.isEmpty()) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "This chat's source is not known, so it cannot be blocked."),
                  request.type);
        return;
    }
    // A block holds an address, not a person. Where the address stands for many people (a reverse proxy in front of
    // the relay, or another survivor chatting from it now: a shared network), it would turn them all away.
    const QByteArray &source = survivor->second.source;
    const bool othersUseIt = m_survivorsPerSource.value(source) > 1;
    if (survivor->second.sharedSource || othersUseIt) {
        sendError(id, ErrorCode::SourceShared,
                  QCoreApplication::translate("Router", "Others reach the relay from this chat's address too (a "
                                                        "proxy or a shared network); a block would turn them away."),
                  request.type);
        m_audit.supervision("block_refused", user, open.id(), QStringLiteral("reason=source_shared"));
        return;
    }
    const int hours = block.hours.value_or(frame::defaultBlockHours);
    const QString blockId = m_blocks.add(source, user, nowMs() + qint64(hours) * 3600 * 1000);
    m_statistics.countSupervisorAction(SupervisorAction::Block);
    m_audit.supervision("source_blocked", user, open.id(), QStringLiteral("hours=%1 block=%2").arg(hours).arg(blockId));
    // A neutral end for the survivor; their resume token goes with the session.
    endConversation(open.id(), EndReason::AdvocateEnded);
}

void Router::on(const FrameRequest &request, const frame::Unblock &unblock)
{
    if (!m_blocks.remove(unblock.block))
        return;
    m_statistics.countSupervisorAction(SupervisorAction::Unblock);
    m_audit.supervision("source_unblocked", m_connections.at(request.connection).staffUser, QString(),
                        QStringLiteral("block=%1").arg(unblock.block));
}

void Router::on(const FrameRequest &request, const frame::SetNotice &notice)
{
    std::optional<ServiceNotice> next;
    if (notice.kind != frame::NoticeKind::None) {
        ServiceNotice set;
        // The desk's kinds and the notice file's share their wire names (degraded, outage, forward).
        set.kind =
            ServiceNotice::kindFromName(frame::noticeKindName(notice.kind)).value_or(ServiceNotice::Kind::Outage);
        set.text = notice.text;
        set.link = notice.link.value_or(QString());
        set.setAt = m_clock.now();
        next = set;
    }
    m_serviceNotice = next;
    m_statistics.countSupervisorAction(next ? SupervisorAction::SetNotice : SupervisorAction::ClearNotice);
    m_audit.serviceNoticeSetBy(m_connections.at(request.connection).staffUser, next);
}

void Router::on(const FrameRequest &request, const frame::AckAlert &ack)
{
    const auto found = m_alerts.find(ack.alert);
    if (found == m_alerts.end())
        return;
    m_alerts.erase(found);
    const QString user = m_connections.at(request.connection).staffUser;
    for (const auto &[name, member] : m_staff) {
        if (member.role == Role::Supervisor && name != user)
            sendToStaff(name, frame::AlertClosed{ack.alert});
    }
    m_audit.supervision("alert_acknowledged", user, QString(), QStringLiteral("alert=%1").arg(ack.alert));
}

void Router::holdShiftEndReason(const QString &user, const QString &reason)
{
    const QString id = makeSecureToken(alertIdBytes);
    const frame::Alert alert{id, frame::AlertKind::ShiftEndReason, user, reason, m_clock.now().toMSecsSinceEpoch()};
    m_alerts[id] = HeldAlert{alert, nowMs() + alertHoldMs};
    for (const auto &[name, member] : m_staff) {
        if (member.role == Role::Supervisor && name != user)
            sendToStaff(name, alert);
    }
}

void Router::sendAlertsTo(ConnectionId id)
{
    const QString &user = m_connections.at(id).staffUser;
    for (const auto &[alertId, held] : m_alerts) {
        if (held.alert.user != user)
            send(id, held.alert);
    }
}

void Router::leaveAllPresence(const QString &user)
{
    for (auto &[id, open] : m_conversations) {
        const std::optional<Participation> before = open.participationOf(user);
        if (!before || *before == Participation::Answering)
            continue;
        open.removePresent(user);
        if (*before == Participation::Joined)
            send(peerConnection(open, Side::Survivor), frame::SupervisorPresent{open.id(), false});
        sendParticipants(open);
    }
}

void Router::expireSupervision()
{
    const qint64 now = nowMs();
    if (const int expired = m_blocks.expire(now); expired > 0)
        m_audit.supervision("blocks_expired", QStringLiteral("relay"), QString(),
                            QStringLiteral("count=%1").arg(expired));
    std::erase_if(m_alerts, [now](const auto &entry) { return entry.second.expiresAtMs <= now; });
}

bool Router::isBlockedSource(const Connection &connection) const
{
    if (connection.source.key.isEmpty() || m_blocks.size() == 0)
        return false;
    return m_blocks.isBlocked(QList<QByteArray>{connection.source.key} + connection.source.earlierKeys, nowMs());
}

SupervisorBoard::Rows Router::boardRows() const
{
    SupervisorBoard::Rows rows;
    for (const auto &[id, open] : m_conversations) {
        frame::BoardRow row;
        row.conversation = id;
        row.waiting = open.isWaiting();
        row.language = open.language();
        if (!open.isWaiting())
            row.advocate = open.staffUser();
        for (auto it = open.present().cbegin(); it != open.present().cend(); ++it)
            row.present.append(frame::Presence{it.key(), it.value()});
        if (open.handRaised())
            row.flags.append(frame::BoardFlag::HandRaised);
        if (m_offers.forConversation(id))
            row.flags.append(frame::BoardFlag::OfferPending);
        if (open.inactivityStage() >= 1)
            row.flags.append(frame::BoardFlag::CheckInDue);
        if (peerConnection(open, Side::Survivor) == 0)
            row.flags.append(frame::BoardFlag::SurvivorAway);
        if (!open.isWaiting() && staffConnection(open.staffUser()) == 0)
            row.flags.append(frame::BoardFlag::AdvocateAway);
        rows.insert(id, SupervisorBoard::Entry{row, open.startedAtMs()});
    }
    return rows;
}

frame::Board Router::boardRest() const
{
    frame::Board rest;
    const frame::QueueSummary summary = queueSummary();
    for (auto it = summary.waiting.cbegin(); it != summary.waiting.cend(); ++it) {
        const QList<int> waits = summary.waits.value(it.key());
        rest.queues.append(frame::QueueWait{it.key(), it.value(), waits.isEmpty() ? 0 : waits.first()});
    }
    for (const auto &[user, member] : m_staff) {
        if (member.role == Role::Admin)
            continue;
        const frame::StaffStatus status = member.connection == 0 ? frame::StaffStatus::Disconnected
                                          : member.available     ? frame::StaffStatus::Available
                                                                 : frame::StaffStatus::Away;
        rest.staff.append(frame::StaffState{user, member.role, status, static_cast<int>(member.conversations.size())});
    }
    rest.cap = m_config.advocateCap;
    rest.blocks = m_blocks.entries(nowMs());
    if (m_serviceNotice) {
        const ServiceNotice::Kind kind = m_serviceNotice->kind;
        rest.notice.kind = frame::noticeKindFromName(ServiceNotice::kindName(kind)).value_or(frame::NoticeKind::Outage);
        rest.notice.text = m_serviceNotice->text;
        if (!m_serviceNotice->link.isEmpty())
            rest.notice.link = m_serviceNotice->link;
    }
    return rest;
}

void Router::publishBoard(ConnectionId joining)
{
    QList<ConnectionId> supervisors;
    for (const auto &[user, member] : m_staff) {
        if (member.role == Role::Supervisor && member.connection != 0 && member.connection != joining)
            supervisors.append(member.connection);
    }
    if (supervisors.isEmpty() && joining == 0)
        return;
    const qint64 now = nowMs();
    const QList<frame::Board> changes = m_board.update(boardRows(), boardRest(), now);
    for (const ConnectionId id : std::as_const(supervisors)) {
        for (const frame::Board &board : changes)
            send(id, board);
    }
    if (joining != 0) {
        for (const frame::Board &board : m_board.snapshot(now))
            send(joining, board);
    }
}

} // namespace advocate
