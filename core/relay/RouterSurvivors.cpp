// SPDX-License-Identifier: GPL-3.0-only
// The router's survivor side (docs/protocol.md sections 8, 9 and 15): a survivor's session from start (or the neutral
// answer to a blocked source, the per-source cap, busy and closed) through resume and quick exit to its end, the
// per-language queues with pull and push routing under the cap, a conversation's start, the front of the queue for a
// conversation whose staff member handed it there or did not come back, and the queued and long-wait notices. Beside
// Router.cpp's connections and conversations, RouterStaff.cpp, RouterHandoffs.cpp and RouterSupervision.cpp.
#include "relay/Router.h"

#include "relay/RouterSink.h"
#include "relay/SecureToken.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace advocate {

namespace {

constexpr int conversationIdBytes = 16;

} // namespace

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

qint64 Router::survivorWindowMs(const SurvivorSession &survivor) const
{
    // A queued survivor who dropped holds a place others wait behind: a shorter window than in a conversation.
    const int seconds = survivor.conversation.isEmpty()
                            ? std::min(m_config.queuedReconnectWindowSeconds, m_config.reconnectWindowSeconds)
                            : m_config.reconnectWindowSeconds;
    return qint64(seconds) * 1000;
}

void Router::on(const FrameRequest &request, const frame::Start &start)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    if (start.practice != m_config.practice) {
        // Practice never mixes with live chats (issue 18): a practice relay takes no real survivor (the page), a live
        // relay no scripted one. Fatal: nothing else this connection could send would open a session. Counted, as
        // anyone can cause it (a page pointed at a practice relay).
        m_audit.practiceMismatch();
        send(id,
             frame::Error{ErrorCode::PracticeMismatch,
                          m_config.practice
                              ? QCoreApplication::translate("Router", "This is a practice relay: only practice "
                                                                      "survivors can start a chat here.")
                              : QCoreApplication::translate("Router", "This relay serves real survivors: a "
                                                                      "practice survivor cannot start a chat here."),
                          QStringLiteral("practice"), QStringLiteral("start"), true});
        closeConnection(id, false);
        return;
    }
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
        send(id, withHotline(frame::Busy{
                     m_config.textFor(QStringLiteral("unavailable_text"), m_config.unavailableText, language),
                     std::nullopt, std::nullopt}));
        closeConnection(id, false);
        return;
    }
    if (!connection.source.key.isEmpty()) {
        if (m_survivorsPerSource.value(connection.source.key) >= m_config.maxSurvivorSessionsPerSource) {
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
        send(id, withHotline(frame::Busy{text, std::nullopt, std::nullopt}));
        m_audit.startRefused(open, language);
        m_statistics.countTurnedAway(open);
        closeConnection(id, false);
        return;
    }
    SurvivorSession &survivor = m_survivors[session];
    survivor.restartId = makeRandomId();
    survivor.connection = id;
    survivor.language = language;
    survivor.alias = start.alias;
    setSurvivorSource(survivor, connection.source);
    survivor.monitoringDisclosed = m_config.supervisorMonitoring; // the notice says so when on
    issueSurvivorToken(session, survivor);
    survivor.startedAtMs = nowMs();
    m_statistics.countOffered(language);
    connection.role = Role::Survivor;
    connection.survivor = session;
    send(id, frame::Session{survivor.resumeToken.current, m_config.reconnectWindowSeconds});
    // At the back of the queue: nobody else's place changed.
    sendQueued(session, survivor);
    queueChanged();
    assignWaitingSurvivors();
}

void Router::on(const FrameRequest &request, const frame::Resume &resume)
{
    const ConnectionId id = request.connection;
    Connection &connection = m_connections.at(id);
    const QString &type = request.type;
    const SessionId session = m_resumeTokens.value(resume.token);
    const auto found = m_survivors.find(session);
    if (session == 0 && resumeAfterRestart(request, resume))
        return;
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
    issueSurvivorToken(session, survivor);
    survivor.connection = id;
    setSurvivorSource(survivor, connection.source);
    survivor.queuedPositionSent = 0;
    connection.role = Role::Survivor;
    connection.survivor = session;
    send(id, frame::Session{survivor.resumeToken.current, m_config.reconnectWindowSeconds});
    if (survivor.conversation.isEmpty()) {
        sendQueued(session, survivor);
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
        sendQueued(session, survivor);
        assignWaitingSurvivors();
        return;
    }
    sendConversationStarted(id, open, false);
    // A page that reloaded, or missed frames while away, knows nothing of supervision: it is told again, before the
    // messages, what stands now (section 17). The page announces only what it did not know.
    if (speaksAsSupervisor(open, open.staffUser()))
        send(id, frame::AdvocateChanged{open.id(), HandoffReason::Supervisor});
    const QStringList staff = open.staffUsers();
    if (std::any_of(staff.cbegin(), staff.cend(),
                    [&](const QString &user) { return open.participationOf(user) == Participation::Joined; }))
        send(id, frame::SupervisorPresent{open.id(), true});
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
        queueChanged();
        return;
    }
    const QString id = makeSecureToken(conversationIdBytes);
    const auto [it, inserted] =
        m_conversations.try_emplace(id, id, survivorId, staffUser, survivor.language, survivor.alias, nowMs());
    Q_UNUSED(inserted)
    it->second.setRetainedBytesLimit(m_config.maxRetainedBytes);
    it->second.useBudget(&m_history);
    survivor.conversation = id;
    member.conversations.append(id);
    member.lastAssignedAtMs = nowMs();
    m_statistics.countAnswered(nowMs() - survivor.startedAtMs);
    sendConversationStarted(survivor.connection, it->second, false);
    sendConversationStarted(member.connection, it->second, true);
    refreshQueued(true);
    queueChanged();
}

void Router::setSurvivorSource(SurvivorSession &survivor, const ConnectionSource &source)
{
    // The live sessions per source, kept as they change rather than counted over every session at each start.
    if (!survivor.source.isEmpty()) {
        const auto counted = m_survivorsPerSource.find(survivor.source);
        if (counted != m_survivorsPerSource.end() && --*counted <= 0)
            m_survivorsPerSource.erase(counted); // a key is held only while a session has it (RL7)
    }
    survivor.source = source.key;
    survivor.sharedSource = source.shared;
    if (!source.key.isEmpty())
        ++m_survivorsPerSource[source.key];
}

void Router::sendConversationStarted(ConnectionId id, const Conversation &conversation, bool toStaff)
{
    // The alias is for the advocate; the survivor's own page already knows it.
    send(id, frame::ConversationStarted{conversation.id(), conversation.language(),
                                        toStaff ? conversation.alias() : std::nullopt, std::nullopt, std::nullopt,
                                        std::nullopt, std::nullopt});
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
    setSurvivorSource(found->second, ConnectionSource{});
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
        queueChanged();
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
    // After a change only the front of each queue is walked and told at once; the tick walks the whole room and tells
    // everyone whose last word is queueRefreshSeconds old. Keeping N survivors informed so costs one walk and at most
    // N frames a refresh, where telling all of them of every change cost N frames a change (issue 16).
    const qint64 now = nowMs();
    const qint64 refreshMs = qint64(m_config.queueRefreshSeconds) * 1000;
    m_queue.forEachWaiting(
        [&](const WaitingQueue::Waiting &waiting) {
            SurvivorSession &survivor = m_survivors.at(waiting.session);
            if (survivor.connection == 0)
                return;
            const bool changedAtFront =
                waiting.position != survivor.queuedPositionSent && waiting.position <= queueFrontPlaces;
            const bool due = survivor.queuedSentAtMs < 0 || now - survivor.queuedSentAtMs >= refreshMs;
            if (!changedAtFront && (onlyChanged || !due))
                return;
            survivor.queuedPositionSent = waiting.position;
            survivor.queuedSentAtMs = now;
            send(survivor.connection,
                 frame::Queued{waiting.position, m_queue.estimatedWaitSeconds(waiting.language, waiting.position)});
        },
        onlyChanged ? queueFrontPlaces : std::numeric_limits<int>::max());
}

void Router::sendQueued(SessionId session, SurvivorSession &survivor)
{
    const int position = m_queue.position(session);
    if (survivor.connection == 0 || position == 0)
        return;
    survivor.queuedPositionSent = position;
    survivor.queuedSentAtMs = nowMs();
    send(survivor.connection,
         frame::Queued{position, m_queue.estimatedWaitSeconds(m_queue.languageOf(session), position)});
}

frame::QueueSummary Router::queueSummary() const
{
    const qint64 now = nowMs();
    frame::QueueSummary summary{m_queue.waitingPerLanguage(), {}};
    m_queue.forEachWaiting([&](const WaitingQueue::Waiting &waiting) {
        summary.waits[waiting.language].append(
            static_cast<int>(std::max<qint64>(0, now - waiting.enqueuedAtMs) / 1000));
    });
    // Longest first, and only the longest: the desk shows how many wait and the longest wait, and every wait of
    // thousands waiting would send each staff member tens of kilobytes a second in a surge (issue 16).
    for (QList<int> &seconds : summary.waits) {
        const qsizetype kept = std::min<qsizetype>(seconds.size(), frame::maxQueueSummaryWaits);
        std::partial_sort(seconds.begin(), seconds.begin() + kept, seconds.end(), std::greater<int>());
        seconds.resize(kept);
    }
    return summary;
}

void Router::queueChanged()
{
    if (nowMs() - m_queueSummarySentAtMs >= 1000)
        broadcastQueueSummary();
    else
        m_queueSummaryDue = true; // the tick sends it
}

void Router::broadcastQueueSummary()
{
    m_queueSummarySentAtMs = nowMs();
    m_queueSummaryDue = false;
    const frame::QueueSummary summary = queueSummary();
    for (const auto &[user, member] : m_staff) {
        if (member.role != Role::Admin)
            send(member.connection, summary);
    }
}

void Router::requeueConversation(const QString &id, HandoffReason reason, const std::optional<QString> &note)
{
    Conversation &open = m_conversations.at(id);
    const QString from = open.staffUser();
    if (const std::optional<TransferOffers::Offer> offer = m_offers.takeForConversation(id)) {
        closeOfferForReceivers(*offer, frame::OfferClosedReason::Withdrawn);
        closeOffer(*offer, frame::TransferState::Withdrawn);
    }
    stopAnswering(from, id);
    open.waitInQueue({reason, from, note});
    SurvivorSession &survivor = m_survivors.at(open.survivor());
    m_queue.enqueueFront(open.survivor(), open.language(), nowMs());
    survivor.queuedPositionSent = 0;
    send(survivor.connection, frame::AdvocateChanged{id, reason});
    m_audit.conversationRequeued(from, reason);
    m_statistics.countRequeued(reason);
    refreshQueued(true);
    queueChanged();
    assignWaitingSurvivors();
}

void Router::expireDetachedSurvivors()
{
    const qint64 now = nowMs();
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
}

void Router::refreshWaitingSurvivors()
{
    const qint64 now = nowMs();
    const qint64 longWait = qint64(m_config.longWaitSeconds) * 1000;
    for (const SessionId session : m_queue.all()) {
        SurvivorSession &survivor = m_survivors.at(session);
        const qint64 waited = now - m_queue.enqueuedAtMs(session);
        if (survivor.longWaitSent || survivor.connection == 0 || waited < longWait)
            continue;
        survivor.longWaitSent = true;
        send(survivor.connection,
             withHotline(frame::LongWait{
                 static_cast<int>(waited / 1000),
                 m_config.textFor(QStringLiteral("long_wait_text"), m_config.longWaitText, survivor.language),
                 std::nullopt, std::nullopt}));
    }
    refreshQueued(false);
    // Staff see wait times age even when nothing changes (the queue panel shows the longest wait).
    if (m_queueSummaryDue ||
        (m_queue.size() > 0 && nowMs() - m_queueSummarySentAtMs >= qint64(m_config.queueRefreshSeconds) * 1000))
        broadcastQueueSummary();
}

} // namespace advocate
