// SPDX-License-Identifier: GPL-3.0-only
// The router's staff sessions (docs/protocol.md section 8): sign-in with the password check off the router's
// thread, staff resume with a single-use token, attaching a connection (what signed_in lists, the peers told, the
// queue and the unread shift log sent), sign-out, and dropping sessions whose account was disabled. Beside
// RouterSurvivors.cpp's survivor sessions and queue and RouterHandoffs.cpp's handoffs.
#include "relay/Router.h"

#include "relay/ProgramDescription.h"
#include "relay/RouterSink.h"
#include "relay/StaffAuthenticator.h"

#include <QCoreApplication>

namespace advocate {

void Router::on(const FrameRequest &request, const frame::SignIn &signIn)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    if (connection.signingIn) {
        sendError(id, ErrorCode::BadState, QCoreApplication::translate("Router", "A sign-in is already being checked."),
                  type);
        return;
    }
    if (m_pendingSignIns >= m_config.maxPendingSignIns) {
        // Each check costs 64 MiB and a tenth of a second: a storm waits outside rather than in memory.
        m_audit.rateLimited();
        sendError(id, ErrorCode::RateLimited,
                  QCoreApplication::translate("Router", "Too many sign-ins are being checked; try again shortly."),
                  type);
        return;
    }
    connection.signingIn = true;
    ++m_pendingSignIns;
    const std::weak_ptr<bool> alive = m_alive;
    m_authenticator.signIn(signIn.user, signIn.password,
                           [this, alive, id, user = signIn.user, type](const SignInOutcome &outcome) {
                               if (alive.lock()) {
                                   --m_pendingSignIns;
                                   finishSignIn(id, user, outcome, type);
                               }
                           });
}

void Router::finishSignIn(ConnectionId id, const QString &user, const SignInOutcome &outcome, const QString &type)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return; // the socket went away while the password was checked
    Connection &connection = found->second;
    connection.signingIn = false;
    if (connection.role.has_value())
        return;
    if (!outcome.role) {
        m_audit.signInFailed(outcome.error == ErrorCode::LockedOut);
        if (outcome.error == ErrorCode::LockedOut)
            sendError(id, ErrorCode::LockedOut,
                      QCoreApplication::translate("Router", "Too many failed sign-ins; try again later."), type);
        else
            sendError(id, ErrorCode::BadCredentials,
                      QCoreApplication::translate("Router", "The name or password is wrong."), type);
        return;
    }
    StaffMember &member = m_staff[user];
    member.role = *outcome.role;
    m_audit.signedIn(user, *outcome.role);
    // A fresh token on every sign-in: one that leaked earlier stops working.
    issueStaffToken(user, member);
    m_staffThisRun.insert(user);
    attachStaff(id, connection, user);
}

void Router::on(const FrameRequest &request, const frame::StaffResume &resume)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    const QString user = m_sessionTokens.value(resume.sessionToken);
    if (user.isEmpty() && staffResumeAfterRestart(request, resume))
        return;
    if (user.isEmpty() || !m_staff.contains(user)) {
        sendError(id, ErrorCode::ResumeExpired,
                  QCoreApplication::translate("Router", "The session has expired; please sign in."), type,
                  QStringLiteral("sessionToken"));
        return;
    }
    if (!m_authenticator.isEnabled(user)) {
        // Disabled (or removed) since signing in: the session goes, and its conversations end.
        dropStaffSession(user);
        sendError(id, ErrorCode::ResumeExpired,
                  QCoreApplication::translate("Router", "The session has expired; please sign in."), type,
                  QStringLiteral("sessionToken"));
        return;
    }
    // Each token works once, as survivors' resume tokens do.
    StaffMember &member = m_staff.at(user);
    issueStaffToken(user, member);
    attachStaff(id, connection, user);
}

void Router::attachStaff(ConnectionId id, Connection &connection, const QString &user)
{
    StaffMember &member = m_staff[user];
    if (member.connection != 0 && member.connection != id) {
        const ConnectionId old = member.connection;
        m_connections.erase(old);
        m_sink.close(old, false);
    }
    const bool wasDetached = member.connection == 0;
    member.connection = id;
    connection.role = member.role;
    connection.staffUser = user;
    frame::SignedIn signedIn{user, member.role,          member.sessionToken.current,
                             {},   m_config.advocateCap, m_config.maxShiftMinutes};
    signedIn.program = ProgramDescription::facts(m_config); // the one source of the program's facts (issue 17)
    for (const QString &conversationId : std::as_const(member.conversations)) {
        const Conversation &open = m_conversations.at(conversationId);
        signedIn.conversations.append({open.id(), open.language(), open.alias(), open.lastSeq()});
    }
    // And those the caller is present in without answering (section 17).
    for (const auto &[conversationId, open] : m_conversations) {
        const std::optional<Participation> participation = open.participationOf(user);
        if (participation && *participation != Participation::Answering)
            signedIn.conversations.append({open.id(), open.language(), open.alias(), open.lastSeq()});
    }
    send(id, signedIn);
    if (wasDetached) {
        for (const QString &conversationId : std::as_const(member.conversations)) {
            const Conversation &open = m_conversations.at(conversationId);
            send(peerConnection(open, Side::Survivor), frame::PeerStatus{open.id(), true});
        }
    }
    if (member.role != Role::Admin) {
        send(id, queueSummary());
        sendUnreadShiftLog(id, user);
    }
    if (member.role == Role::Supervisor) {
        publishBoard(id);
        sendAlertsTo(id);
    }
    assignWaitingSurvivors();
}

void Router::dropStaffSession(const QString &user)
{
    const auto found = m_staff.find(user);
    if (found == m_staff.end())
        return;
    const QStringList open = found->second.conversations;
    for (const QString &conversationId : open)
        endConversation(conversationId, EndReason::AdvocateEnded);
    receiverGone(user);
    leaveAllPresence(user);
    m_sessionTokens.revoke(found->second.sessionToken);
    const ConnectionId connection = found->second.connection;
    m_staff.erase(found);
    if (connection != 0) {
        m_connections.erase(connection);
        m_sink.close(connection, false);
    }
}

void Router::dropDisabledStaff()
{
    QStringList disabled;
    for (const auto &[user, member] : m_staff) {
        if (!m_authenticator.isEnabled(user))
            disabled.append(user);
    }
    for (const QString &user : std::as_const(disabled)) {
        m_audit.staffSessionDropped(user);
        dropStaffSession(user);
    }
}

void Router::on(const FrameRequest &request, const frame::SignOut &)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const QString user = connection.staffUser;
    const auto found = m_staff.find(user);
    if (found != m_staff.end()) {
        const QStringList open = found->second.conversations;
        for (const QString &conversationId : open)
            endConversation(conversationId, EndReason::AdvocateEnded);
        receiverGone(user);
        leaveAllPresence(user);
        m_sessionTokens.revoke(found->second.sessionToken);
        m_staff.erase(found);
    }
    m_connections.erase(id);
    m_sink.close(id, false);
}

} // namespace advocate
