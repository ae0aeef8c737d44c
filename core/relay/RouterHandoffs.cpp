// SPDX-License-Identifier: GPL-3.0-only
// The router's handoff and shift-log handlers (docs/protocol.md sections 15 and 16), beside Router.cpp's connections
// and conversations and RouterSurvivors.cpp's survivor sessions and queue (where a chat goes back to the front). The
// rule they keep: a conversation has exactly one staff member who can write, or none while it waits at the front of
// the queue; an offer never changes who that is until the moment it is accepted.
#include "relay/Router.h"

#include "common/Clock.h"
#include "relay/RouterSink.h"
#include "relay/SecureToken.h"

#include <QCoreApplication>

namespace advocate {

namespace {

constexpr int queueTransferIdBytes = 16;

} // namespace

void Router::on(const FrameRequest &request, const frame::Transfer &transfer)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    const Conversation &open = m_conversations.at(transfer.conversation);
    if (open.isReclaiming()) {
        // After a relay restart the survivor is not back yet (docs/protocol.md section 8): nothing to pass on.
        sendError(
            id, ErrorCode::BadState,
            QCoreApplication::translate("Router", "The chat is not back yet after a restart of the chat service."),
            request.type);
        return;
    }
    if (m_offers.forConversation(open.id())) {
        sendError(id, ErrorCode::BadState,
                  QCoreApplication::translate("Router", "An offer for this conversation already stands."),
                  request.type);
        return;
    }
    if (transfer.to == frame::TransferTarget::Queue) {
        m_audit.transferOffered(user, transfer.to, QString());
        send(id, frame::TransferStatus{open.id(), makeSecureToken(queueTransferIdBytes), frame::TransferState::Queued,
                                       std::nullopt, std::nullopt});
        requeueConversation(open.id(), HandoffReason::Queue, transfer.note);
        return;
    }
    QStringList receivers;
    if (transfer.to == frame::TransferTarget::Advocate) {
        const QString &to = *transfer.user;
        if (to == user) {
            sendError(id, ErrorCode::BadField,
                      QCoreApplication::translate("Router", "You cannot offer a conversation to yourself."),
                      request.type, QStringLiteral("user"));
            return;
        }
        const auto member = m_staff.find(to);
        if (member == m_staff.end() || member->second.connection == 0 || member->second.role == Role::Admin) {
            sendError(id, ErrorCode::NotOnShift,
                      QCoreApplication::translate("Router", "That colleague is not on shift now."), request.type,
                      QStringLiteral("user"));
            return;
        }
        if (member->second.conversations.size() >= m_config.advocateCap) {
            sendError(id, ErrorCode::CapReached,
                      QCoreApplication::translate("Router", "That colleague already has as many conversations as "
                                                            "they may."),
                      request.type, QStringLiteral("user"));
            return;
        }
        receivers.append(to);
    } else {
        for (const auto &[name, member] : m_staff) {
            if (name != user && member.role == Role::Supervisor && member.connection != 0)
                receivers.append(name);
        }
        if (receivers.isEmpty()) {
            sendError(id, ErrorCode::NotOnShift,
                      QCoreApplication::translate("Router", "No supervisor is on shift now."), request.type,
                      QStringLiteral("to"));
            return;
        }
    }
    const int seconds = m_config.transferOfferSeconds;
    const TransferOffers::Offer &offer =
        m_offers.add(open.id(), user, transfer.to, receivers, transfer.note, nowMs() + qint64(seconds) * 1000);
    for (const QString &receiver : std::as_const(receivers))
        send(staffConnection(receiver),
             frame::TransferOffer{offer.id, open.id(), user, open.language(), open.alias(), offer.note,
                                  transfer.to == frame::TransferTarget::Supervisors, seconds});
    send(id, frame::TransferStatus{open.id(), offer.id, frame::TransferState::Pending, std::nullopt, seconds});
    m_audit.transferOffered(user, transfer.to, transfer.user.value_or(QString()));
    m_statistics.countTransferOffered();
}

void Router::on(const FrameRequest &request, const frame::TransferWithdraw &withdraw)
{
    const std::optional<TransferOffers::Offer> offer = m_offers.takeForConversation(withdraw.conversation);
    if (!offer) {
        sendError(request.connection, ErrorCode::OfferGone,
                  QCoreApplication::translate("Router", "That offer no longer stands."), request.type);
        return;
    }
    closeOfferForReceivers(*offer, frame::OfferClosedReason::Withdrawn);
    closeOffer(*offer, frame::TransferState::Withdrawn);
}

void Router::on(const FrameRequest &request, const frame::TransferAccept &accept)
{
    const ConnectionId id = request.connection;
    const QString user = m_connections.at(id).staffUser;
    const TransferOffers::Offer *standing = m_offers.find(accept.offer);
    if (!standing || !standing->receivers.contains(user)) {
        // Also for an offer made to someone else: the caller learns nothing about it.
        sendError(id, ErrorCode::OfferGone, QCoreApplication::translate("Router", "That offer no longer stands."),
                  request.type, QStringLiteral("offer"));
        return;
    }
    StaffMember &member = m_staff.at(user);
    if (member.conversations.size() >= m_config.advocateCap) {
        sendError(id, ErrorCode::CapReached,
                  QCoreApplication::translate("Router", "You already have as many conversations as you may."),
                  request.type);
        return;
    }
    const TransferOffers::Offer offer = *m_offers.take(accept.offer);
    Conversation &open = m_conversations.at(offer.conversation);
    const QString from = open.staffUser();
    // One step: from here on the receiver, and only the receiver, can write.
    stopAnswering(from, open.id());
    open.handTo(user);
    member.conversations.append(open.id());
    member.lastAssignedAtMs = nowMs();
    closeOffer(offer, frame::TransferState::Accepted, user);
    closeOfferForReceivers(offer, frame::OfferClosedReason::Taken, user);
    send(peerConnection(open, Side::Survivor), frame::AdvocateChanged{open.id(), HandoffReason::Transfer});
    sendHandedConversation(id, open, Conversation::Handoff{HandoffReason::Transfer, from, offer.note});
}

void Router::on(const FrameRequest &request, const frame::TransferDecline &decline)
{
    const QString user = m_connections.at(request.connection).staffUser;
    const TransferOffers::Offer *standing = m_offers.find(decline.offer);
    if (!standing || !standing->receivers.contains(user)) {
        sendError(request.connection, ErrorCode::OfferGone,
                  QCoreApplication::translate("Router", "That offer no longer stands."), request.type,
                  QStringLiteral("offer"));
        return;
    }
    send(request.connection, frame::TransferOfferClosed{decline.offer, frame::OfferClosedReason::Declined});
    if (!m_offers.removeReceiver(decline.offer, user)->receivers.isEmpty())
        return; // other supervisors may still take it
    closeOffer(*m_offers.take(decline.offer), frame::TransferState::Declined, user);
}

void Router::on(const FrameRequest &request, const frame::GetRoster &)
{
    const QString caller = m_connections.at(request.connection).staffUser;
    frame::Roster roster;
    for (const auto &[user, member] : m_staff) {
        if (user != caller && member.connection != 0 && member.role != Role::Admin)
            roster.staff.append({user, member.role, member.available, static_cast<int>(member.conversations.size())});
    }
    send(request.connection, roster);
}

void Router::on(const FrameRequest &request, const frame::PostShiftLog &post)
{
    const QString user = m_connections.at(request.connection).staffUser;
    const ShiftLogBoard::Entry &entry = m_shiftLog.post(user, post.body, m_clock.now().toMSecsSinceEpoch(), nowMs());
    send(request.connection, frame::ShiftLogPosted{entry.id, m_config.shiftLogHours * 3600});
    const frame::ShiftLogEntry delivered{entry.id, entry.author, entry.body, entry.postedAtWallMs};
    for (const auto &[name, member] : m_staff) {
        if (name != user && member.role != Role::Admin)
            send(member.connection, delivered);
    }
    m_audit.shiftLogPosted(user);
}

void Router::on(const FrameRequest &request, const frame::AckShiftLog &ack)
{
    if (!m_shiftLog.acknowledge(ack.entry, m_connections.at(request.connection).staffUser))
        return;
    if (const QStringList dropped = m_shiftLog.dropRead(staffOnShift()); !dropped.isEmpty())
        m_audit.shiftLogDropped(static_cast<int>(dropped.size()), false);
}

QStringList Router::staffOnShift() const
{
    QStringList users;
    for (const auto &[user, member] : m_staff) {
        if (member.role != Role::Admin)
            users.append(user);
    }
    return users;
}

void Router::sendUnreadShiftLog(ConnectionId id, const QString &user)
{
    for (const ShiftLogBoard::Entry *entry : m_shiftLog.unreadBy(user))
        send(id, frame::ShiftLogEntry{entry->id, entry->author, entry->body, entry->postedAtWallMs});
}

void Router::sendHandedConversation(ConnectionId id, const Conversation &conversation,
                                    const std::optional<Conversation::Handoff> &handoff,
                                    std::optional<Participation> participation)
{
    frame::ConversationStarted started{
        conversation.id(), conversation.language(), conversation.alias(), std::nullopt, std::nullopt, std::nullopt,
        participation};
    if (handoff) {
        started.handoff = handoff->reason;
        if (!handoff->from.isEmpty())
            started.handedFrom = handoff->from;
        started.note = handoff->note;
    }
    send(id, started);
    sendPage(id, conversation, 0);
    if (peerConnection(conversation, Side::Survivor) == 0)
        send(id, frame::PeerStatus{conversation.id(), false});
}

void Router::closeOfferForReceivers(const TransferOffers::Offer &offer, frame::OfferClosedReason reason,
                                    const QString &except)
{
    for (const QString &receiver : offer.receivers) {
        if (receiver != except)
            send(staffConnection(receiver), frame::TransferOfferClosed{offer.id, reason});
    }
}

void Router::closeOffer(const TransferOffers::Offer &offer, frame::TransferState state, const QString &by)
{
    send(staffConnection(offer.from),
         frame::TransferStatus{offer.conversation, offer.id, state,
                               by.isEmpty() ? std::nullopt : std::optional<QString>(by), std::nullopt});
    m_audit.transferClosed(offer.from, state, by);
    m_statistics.countTransferClosed(state);
}

void Router::receiverGone(const QString &user)
{
    for (const QString &offerId : m_offers.offersTo(user)) {
        if (m_offers.removeReceiver(offerId, user)->receivers.isEmpty())
            closeOffer(*m_offers.take(offerId), frame::TransferState::Unavailable);
    }
}

void Router::expireOffers()
{
    for (const TransferOffers::Offer &offer : m_offers.takeExpired(nowMs())) {
        closeOfferForReceivers(offer, frame::OfferClosedReason::Expired);
        closeOffer(offer, frame::TransferState::Expired);
    }
}

} // namespace advocate
