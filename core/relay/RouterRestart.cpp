// SPDX-License-Identifier: GPL-3.0-only
// The router's side of restart and failover (docs/protocol.md section 8): tokens a relay started with the same
// restart secret can verify without state (RestartTokens), renewed while their holders are connected; survivors and
// staff who come back with a token of an earlier relay run re-claim their conversations, which wait in the
// re-claiming state until both sides are back, then continue after the greater seq either side had. Beside
// RouterSurvivors.cpp and RouterStaff.cpp, whose resume handlers hand unknown tokens here.
#include "relay/Router.h"

#include "common/Clock.h"
#include "relay/RouterSink.h"
#include "relay/SecureToken.h"
#include "relay/StaffAuthenticator.h"

#include <algorithm>

namespace advocate {

namespace {

// The seqs of a re-claimed chat go on after the greater claim, so a claim is bounded by what a chat can reach: 2^31
// seqs would take 7 years at the frame rate limit (section 13). A claim above it, near the codec's 2^53, would leave
// the chat no seq both clients accept; it is refused like any claim the relay cannot take.
constexpr qint64 maxClaimedSeq = qint64(1) << 31;

qint64 wallMs(const Clock &clock)
{
    return clock.now().toMSecsSinceEpoch();
}

} // namespace

void Router::issueSurvivorToken(SessionId session, SurvivorSession &survivor, bool renewal)
{
    QString fresh;
    if (m_restartTokens.enabled()) {
        const qint64 issued = wallMs(m_clock);
        fresh = m_restartTokens.issue(RestartTokens::Survivor{
            m_run, survivor.restartId, survivor.language, survivor.conversation, survivor.monitoringDisclosed, issued,
            issued + qint64(m_config.tokenRenewalSeconds) * 1000 + survivorWindowMs(survivor)});
    } else {
        fresh = makeSecureToken();
    }
    if (renewal)
        m_resumeTokens.renew(survivor.resumeToken, session, fresh, nowMs());
    else
        m_resumeTokens.reissue(survivor.resumeToken, session, fresh, nowMs());
    survivor.resumeToken.says = survivor.conversation;
}

void Router::issueStaffToken(const QString &user, StaffMember &member, bool renewal)
{
    QString fresh;
    if (m_restartTokens.enabled()) {
        const qint64 issued = wallMs(m_clock);
        RestartTokens::Staff record{m_run,
                                    user,
                                    {},
                                    issued,
                                    issued +
                                        qint64(m_config.tokenRenewalSeconds + m_config.reconnectWindowSeconds) * 1000};
        for (const QString &conversation : std::as_const(member.conversations))
            record.conversations.append({conversation, m_conversations.at(conversation).language()});
        fresh = m_restartTokens.issue(record);
    } else {
        fresh = makeSecureToken();
    }
    if (renewal)
        m_sessionTokens.renew(member.sessionToken, user, fresh, nowMs());
    else
        m_sessionTokens.reissue(member.sessionToken, user, fresh, nowMs());
    member.sessionToken.says = member.conversations.join(u',');
}

void Router::renewTokens()
{
    if (!m_restartTokens.enabled())
        return;
    const qint64 now = nowMs();
    const qint64 renewal = qint64(m_config.tokenRenewalSeconds) * 1000;
    for (auto &[session, survivor] : m_survivors) {
        if (survivor.connection == 0)
            continue;
        if (now - survivor.resumeToken.issuedAtMs < renewal && survivor.resumeToken.says == survivor.conversation)
            continue;
        issueSurvivorToken(session, survivor, true);
        send(survivor.connection, frame::TokenRenewed{survivor.resumeToken.current});
    }
    for (auto &[user, member] : m_staff) {
        if (member.connection == 0)
            continue;
        if (now - member.sessionToken.issuedAtMs < renewal &&
            member.sessionToken.says == member.conversations.join(u','))
            continue;
        issueStaffToken(user, member, true);
        send(member.connection, frame::TokenRenewed{member.sessionToken.current});
    }
    // Survivors re-claimed in this run are remembered until their tokens of earlier runs have all expired.
    const qint64 wall = wallMs(m_clock);
    m_reclaimedSurvivors.removeIf([wall](const auto &entry) { return entry.value() <= wall; });
}

Conversation &Router::reclaimConversation(const QString &id, const QString &language, SessionId survivor,
                                          const QString &staffUser)
{
    const auto [it, inserted] =
        m_conversations.try_emplace(id, id, survivor, staffUser, language, std::nullopt, nowMs());
    Q_UNUSED(inserted)
    Conversation &conversation = it->second;
    conversation.setRetainedBytesLimit(m_config.maxRetainedBytes);
    conversation.useBudget(&m_history);
    conversation.startReclaim({false, false, 0, nowMs() + qint64(m_config.reconnectWindowSeconds) * 1000});
    return conversation;
}

bool Router::resumeAfterRestart(const FrameRequest &request, const frame::Resume &resume)
{
    if (!m_restartTokens.enabled())
        return false;
    const std::optional<RestartTokens::Survivor> record = m_restartTokens.survivor(resume.token, wallMs(m_clock));
    // Only a token of an earlier run, once per run, in a language this relay offers, with a claim a chat can reach.
    if (!record || record->run == m_run || m_reclaimedSurvivors.contains(record->survivorId) ||
        !m_config.languages.contains(record->language) || resume.lastSeq > maxClaimedSeq)
        return false;
    Conversation *open = nullptr;
    if (!record->conversation.isEmpty()) {
        if (const auto found = m_conversations.find(record->conversation); found != m_conversations.end()) {
            // Only a conversation its staff side re-created and whose survivor has not come back yet.
            if (!found->second.isReclaiming() || found->second.reclaim()->survivor)
                return false;
            open = &found->second;
        }
    }
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const SessionId session = open ? open->survivor() : m_nextSession++;
    SurvivorSession &survivor = m_survivors[session];
    if (record->conversation.isEmpty() && !m_queue.enqueue(session, record->language, nowMs())) {
        m_survivors.erase(session); // the queue is full: as for any resume that cannot be taken
        return false;
    }
    // Every token of an earlier run this survivor holds (the one used, and the older and newer renewals of it) was
    // issued before this run started: remembered until the longest of them would have expired, not only this one.
    const qint64 longestLifeMs =
        qint64(m_config.tokenRenewalSeconds +
               std::max(m_config.reconnectWindowSeconds, m_config.queuedReconnectWindowSeconds)) *
        1000;
    m_reclaimedSurvivors.insert(record->survivorId, std::max(record->expiresAtMs, m_runStartedWallMs + longestLifeMs));
    survivor.restartId = record->survivorId;
    survivor.language = record->language;
    survivor.monitoringDisclosed = record->monitoringDisclosed;
    if (!open)
        survivor.startedAtMs = nowMs();
    survivor.connection = id;
    setSurvivorSource(survivor, connection.source);
    connection.role = Role::Survivor;
    connection.survivor = session;
    if (record->conversation.isEmpty()) {
        // Queued again, in the order survivors come back.
        issueSurvivorToken(session, survivor);
        send(id, frame::Session{survivor.resumeToken.current, m_config.reconnectWindowSeconds});
        sendQueued(session, survivor);
        queueChanged();
        assignWaitingSurvivors();
        return true;
    }
    if (!open)
        open = &reclaimConversation(record->conversation, record->language, session, QString());
    survivor.conversation = open->id();
    Conversation::Reclaim &reclaim = *open->reclaim();
    reclaim.survivor = true;
    reclaim.lastSeq = std::max(reclaim.lastSeq, resume.lastSeq);
    issueSurvivorToken(session, survivor);
    send(id, frame::Session{survivor.resumeToken.current, m_config.reconnectWindowSeconds});
    sendConversationStarted(id, *open, false);
    send(id, frame::Fetched{open->id(), resume.lastSeq + 1, resume.lastSeq, false});
    if (reclaim.staff)
        finishReclaim(*open);
    else
        send(id, frame::PeerStatus{open->id(), false});
    return true;
}

bool Router::staffResumeAfterRestart(const FrameRequest &request, const frame::StaffResume &resume)
{
    if (!m_restartTokens.enabled())
        return false;
    const std::optional<RestartTokens::Staff> record = m_restartTokens.staff(resume.sessionToken, wallMs(m_clock));
    // A token of an earlier run, for someone who has not signed in or re-claimed in this one.
    if (!record || record->run == m_run || m_staffThisRun.contains(record->user) || m_staff.contains(record->user))
        return false;
    const QString &user = record->user;
    // The account file decides, as at every staff_resume: a disabled or removed account is refused.
    const std::optional<Role> role = m_authenticator.isEnabled(user) ? m_authenticator.roleOf(user) : std::nullopt;
    if (!role)
        return false;
    m_staffThisRun.insert(user);
    StaffMember &member = m_staff[user];
    member.role = *role;
    QStringList complete;
    for (const frame::ReclaimClaim &claim : resume.claims) {
        // The token's tag binds the list to the user: nobody claims a conversation they did not hold.
        const auto held = std::find_if(
            record->conversations.cbegin(), record->conversations.cend(),
            [&](const RestartTokens::HeldConversation &entry) { return entry.conversation == claim.conversation; });
        if (held == record->conversations.cend() || member.conversations.contains(claim.conversation) ||
            role == Role::Admin || claim.lastSeq > maxClaimedSeq)
            continue;
        Conversation *open = nullptr;
        if (const auto found = m_conversations.find(claim.conversation); found != m_conversations.end()) {
            // Only a conversation its survivor re-created and that no staff member has claimed yet.
            if (!found->second.isReclaiming() || found->second.reclaim()->staff || !found->second.staffUser().isEmpty())
                continue;
            open = &found->second;
            open->handTo(user);
        } else {
            // Re-created from this side: the survivor's session waits for the survivor, for the reconnect window.
            const SessionId session = m_nextSession++;
            SurvivorSession &waiting = m_survivors[session];
            waiting.language = held->language;
            waiting.conversation = claim.conversation;
            waiting.detachedAtMs = nowMs();
            waiting.startedAtMs = nowMs();
            open = &reclaimConversation(claim.conversation, held->language, session, user);
        }
        Conversation::Reclaim &reclaim = *open->reclaim();
        reclaim.staff = true;
        reclaim.lastSeq = std::max(reclaim.lastSeq, claim.lastSeq);
        member.conversations.append(open->id());
        if (reclaim.survivor)
            complete.append(open->id());
    }
    m_audit.staffReclaimed(user, *role);
    issueStaffToken(user, member);
    attachStaff(request.connection, m_connections.at(request.connection), user);
    for (const QString &conversation : std::as_const(complete)) {
        if (const auto found = m_conversations.find(conversation); found != m_conversations.end())
            finishReclaim(found->second);
    }
    return true;
}

void Router::finishReclaim(Conversation &conversation)
{
    conversation.finishReclaim();
    const frame::Reclaimed reclaimed{conversation.id(), conversation.lastSeq()};
    const ConnectionId survivor = peerConnection(conversation, Side::Survivor);
    const ConnectionId staff = peerConnection(conversation, Side::Advocate);
    send(survivor, reclaimed);
    send(staff, reclaimed);
    if (!conversation.isWaiting()) {
        send(survivor, frame::PeerStatus{conversation.id(), staff != 0});
        send(staff, frame::PeerStatus{conversation.id(), survivor != 0});
    }
}

void Router::expireReclaims()
{
    const qint64 now = nowMs();
    QStringList unclaimed;
    for (auto &[id, conversation] : m_conversations) {
        const Conversation::Reclaim *reclaim = conversation.reclaim();
        if (reclaim && !reclaim->staff && now >= reclaim->untilMs)
            unclaimed.append(id);
    }
    // The staff member did not come back: as for one who dropped, the chat goes to the front of the queue.
    for (const QString &id : std::as_const(unclaimed)) {
        Conversation &conversation = m_conversations.at(id);
        finishReclaim(conversation);
        requeueConversation(id, HandoffReason::Dropped, std::nullopt);
    }
}

bool Router::heldWhileReclaiming(ConnectionId id, const QString &conversation, const std::optional<qint64> &fetchAfter)
{
    const auto found = m_conversations.find(conversation);
    if (found == m_conversations.end() || !found->second.isReclaiming())
        return false;
    // Nothing is numbered before both sides have said what they have: the clients send again after reclaimed.
    if (fetchAfter)
        send(id, frame::Fetched{conversation, *fetchAfter + 1, *fetchAfter, false});
    return true;
}

} // namespace advocate
