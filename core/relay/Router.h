// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "relay/AuditEvents.h"
#include "relay/Authorization.h"
#include "relay/ClientFrameHandler.h"
#include "relay/ConnectionGuard.h"
#include "relay/Conversation.h"
#include "relay/HistoryBudget.h"
#include "relay/RelayConfig.h"
#include "relay/RestartTokens.h"
#include "relay/ServiceNotice.h"
#include "relay/ShiftLogBoard.h"
#include "relay/SourceBlocks.h"
#include "relay/Statistics.h"
#include "relay/SupervisorBoard.h"
#include "relay/TokenTable.h"
#include "relay/TransferOffers.h"
#include "relay/WaitingQueue.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace advocate {

class Clock;
class RouterSink;
class StaffAuthenticator;
struct SignInOutcome;

// The relay's brain, free of sockets and timers: survivor sessions with resume tokens (RL2), the per-language
// queues and pull/push routing with the per-advocate cap (RL3), conversations with seq numbers, acks,
// idempotent client ids and end reasons (RL5), staff sessions and reconnect, and the authorization check (RL6).
// The server feeds it connections, decoded frames and a tick every second; it answers through a RouterSink. All
// state is in memory and dropped when a conversation or session ends (RL7). Its parts: ConnectionGuard (abuse
// limits per connection), TokenTable (resume and session tokens), ClientFrameHandler (one handler per client
// frame type) and AuditEvents (the content-free audit lines); the router orchestrates them. Its handlers live in
// Router.cpp (connections, conversations, the tick), RouterSurvivors.cpp (survivor sessions and the queue),
// RouterStaff.cpp (staff sessions), RouterHandoffs.cpp, RouterSupervision.cpp and RouterStatistics.cpp.
class Router : private ClientFrameHandler
{
public:
    using ConnectionId = quint64;
    using SessionId = quint64;
    // Survivors this close to the front of their queue hear of every change of their place at once (section 9).
    static constexpr int queueFrontPlaces = 10;

    Router(const RelayConfig &config, const Clock &clock, StaffAuthenticator &authenticator, RouterSink &sink);

    // What the server knows of a connection's source, never the address: `key`, a keyed hash of the peer's address
    // (SourceKeys), lets the router cap the survivor sessions one source may hold and match blocks; `earlierKeys` are
    // the same source under the secrets of the last days, for blocks only; `shared` says the address stands for many
    // people (a reverse proxy in front of the relay), so a block of it is refused (section 17).
    struct ConnectionSource
    {
        QByteArray key;
        QList<QByteArray> earlierKeys;
        bool shared = false;
    };
    void connectionOpened(ConnectionId connection);
    void connectionOpened(ConnectionId connection, const QByteArray &sourceKey);
    void connectionOpened(ConnectionId connection, const ConnectionSource &source);
    void frameReceived(ConnectionId connection, const DecodeResult<ClientFrame> &decoded);
    void connectionClosed(ConnectionId connection);
    // Time-driven rules: reconnect windows, inactivity notices, queue refresh and long-wait notice.
    void tick();

    int waitingCount() const { return m_queue.size(); }
    int openConversationCount() const { return static_cast<int>(m_conversations.size()); }
    // What the open conversations hold of their messages together (max_total_retained_kib).
    const HistoryBudget &history() const { return m_history; }
    int survivorSessionCount() const { return static_cast<int>(m_survivors.size()); }
    QStringList conversationsOf(const QString &staffUser) const;
    // Handoff offers standing, and shift-log entries held (section 15, 16): what the relay holds in memory.
    int standingOffers() const { return m_offers.size(); }
    int shiftLogEntries() const { return m_shiftLog.size(); }
    // Supervision (section 17): blocks and alerts held in memory.
    int blockCount() const { return m_blocks.size(); }
    int alertCount() const { return static_cast<int>(m_alerts.size()); }
    const Clock &clock() const { return m_clock; }
    // The per-day counts of RL10 (RouterStatistics.cpp answers get_statistics with them).
    Statistics &statistics() { return m_statistics; }
    const Statistics &statistics() const { return m_statistics; }

    // RL4: whether a new survivor may start now (inside opening hours, and no outage or forward notice).
    // Outside, `start` is answered with `busy` carrying the closed text or the notice, and no session opens.
    bool isOpen() const;
    bool insideOpeningHours() const;
    void setServiceNotice(const std::optional<ServiceNotice> &notice);
    const std::optional<ServiceNotice> &serviceNotice() const { return m_serviceNotice; }
    // Quick exit from a page whose socket is down (the page's beacon): ends the session holding this resume
    // token, and its conversation, with reason quick_exit. False when the token is unknown or revoked.
    bool quickExitByToken(const QString &resumeToken);
    // Ends the sessions (and conversations) of staff whose account the authenticator no longer enables; the
    // server calls it when the account file changes.
    void dropDisabledStaff();

private:
    struct Connection
    {
        std::optional<Role> role;
        SessionId survivor = 0;
        QString staffUser;
        bool signingIn = false;  // one password check at a time per connection
        ConnectionSource source; // an empty key when the server gave none
        ConnectionGuard::State guard;
        // Conversations this connection took part in until they ended or moved on to someone else, newest last (at
        // most leftConversationsHeld): a frame naming one of them crossed that change on the wire (section 7).
        std::deque<QString> leftConversations;
    };
    static constexpr std::size_t leftConversationsHeld = 16;
    struct SurvivorSession
    {
        HeldToken resumeToken;
        // Random, the same for the life of the session: what a restart-verifiable token names it by (section 8).
        quint64 restartId = 0;
        ConnectionId connection = 0;
        qint64 detachedAtMs = 0;
        QString language;
        std::optional<QString> alias;
        QString conversation;
        bool longWaitSent = false;
        qint64 queuedSentAtMs = -1;
        int queuedPositionSent = 0;
        QByteArray source;         // keyed hash of the address it started or last resumed from
        bool sharedSource = false; // that address stands for many people (ConnectionSource::shared)
        // The notice this survivor accepted told them a supervisor may read along (section 17).
        bool monitoringDisclosed = false;
        // When it started, for the wait band counted when it is first answered.
        qint64 startedAtMs = 0;
    };
    struct StaffMember
    {
        Role role = Role::Advocate;
        HeldToken sessionToken;
        ConnectionId connection = 0;
        qint64 detachedAtMs = 0;
        bool available = false;
        QStringList languages;
        QStringList conversations;
        qint64 lastAssignedAtMs = 0;
    };

    void handle(ConnectionId id, Connection &connection, const ClientFrame &frame, const QString &type);
    // ClientFrameHandler: one per client frame type, called once the frame is authorized.
    void on(const FrameRequest &request, const frame::Start &start) override;
    void on(const FrameRequest &request, const frame::Resume &resume) override;
    void on(const FrameRequest &request, const frame::SignIn &signIn) override;
    void on(const FrameRequest &request, const frame::StaffResume &resume) override;
    void on(const FrameRequest &request, const frame::SignOut &) override;
    void on(const FrameRequest &request, const frame::SetAvailable &available) override;
    void on(const FrameRequest &request, const frame::TakeNext &take) override;
    void on(const FrameRequest &request, const frame::Send &sendFrame) override;
    void on(const FrameRequest &request, const frame::Ack &ack) override;
    void on(const FrameRequest &request, const frame::Typing &typing) override;
    void on(const FrameRequest &request, const frame::Fetch &fetch) override;
    void on(const FrameRequest &request, const frame::End &end) override;
    void on(const FrameRequest &request, const frame::QuickExit &) override;
    void on(const FrameRequest &request, const frame::Ping &) override;
    void on(const FrameRequest &request, const frame::ShiftEndOverride &shiftEnd) override;
    // Handoff and shift log (RouterHandoffs.cpp; docs/protocol.md sections 15 and 16).
    void on(const FrameRequest &request, const frame::Transfer &transfer) override;
    void on(const FrameRequest &request, const frame::TransferWithdraw &withdraw) override;
    void on(const FrameRequest &request, const frame::TransferAccept &accept) override;
    void on(const FrameRequest &request, const frame::TransferDecline &decline) override;
    void on(const FrameRequest &request, const frame::GetRoster &) override;
    void on(const FrameRequest &request, const frame::PostShiftLog &post) override;
    void on(const FrameRequest &request, const frame::AckShiftLog &ack) override;
    // Supervision (RouterSupervision.cpp; docs/protocol.md section 17).
    void on(const FrameRequest &request, const frame::Join &join) override;
    void on(const FrameRequest &request, const frame::Leave &leave) override;
    void on(const FrameRequest &request, const frame::Whisper &whisper) override;
    void on(const FrameRequest &request, const frame::TakeOver &takeOver) override;
    void on(const FrameRequest &request, const frame::HandBack &handBack) override;
    void on(const FrameRequest &request, const frame::Monitor &monitor) override;
    void on(const FrameRequest &request, const frame::RaiseHand &raise) override;
    void on(const FrameRequest &request, const frame::Block &block) override;
    void on(const FrameRequest &request, const frame::Unblock &unblock) override;
    void on(const FrameRequest &request, const frame::SetNotice &notice) override;
    void on(const FrameRequest &request, const frame::AckAlert &ack) override;
    void on(const FrameRequest &request, const frame::GetStatistics &get) override; // RouterStatistics.cpp
    void on(const FrameRequest &request, const frame::Reserved &) override;
    void finishSignIn(ConnectionId id, const QString &user, const SignInOutcome &outcome, const QString &type);
    void dropStaffSession(const QString &user);

    void attachStaff(ConnectionId id, Connection &connection, const QString &user);
    Relation relationTo(const Connection &connection, const QString &conversation) const;
    static std::optional<QString> conversationNamedBy(const ClientFrame &frame);
    Side sideOf(const Connection &connection) const;
    // Whether `user` writes (and types) to the survivor as a supervisor (section 17): one who joined visibly, or a
    // supervisor answering a conversation they took over. The survivor's page labels them so.
    bool speaksAsSupervisor(const Conversation &conversation, const QString &user) const;
    ConnectionId peerConnection(const Conversation &conversation, Side from) const;
    ConnectionId staffConnection(const QString &user) const;

    void startConversation(SessionId survivor, const QString &staffUser);
    // The conversation goes to the front of its queue with no staff member; the survivor is told why.
    void requeueConversation(const QString &id, HandoffReason reason, const std::optional<QString> &note);
    // To the staff member a conversation was handed to, or a supervisor stepping in (`participation`, section 17):
    // conversation_started with how and the note, then the transcript the relay holds.
    void sendHandedConversation(ConnectionId id, const Conversation &conversation,
                                const std::optional<Conversation::Handoff> &handoff,
                                std::optional<Participation> participation = std::nullopt);
    // Tells the receivers still holding the offer that it closed.
    void closeOfferForReceivers(const TransferOffers::Offer &offer, frame::OfferClosedReason reason,
                                const QString &except = QString());
    // Closes the offer and tells its sender how.
    void closeOffer(const TransferOffers::Offer &offer, frame::TransferState state, const QString &by = QString());
    // A staff member went off shift or lost the connection: offers made to them close.
    void receiverGone(const QString &user);
    void expireOffers();
    void sendUnreadShiftLog(ConnectionId id, const QString &user);
    QStringList staffOnShift() const;
    void endConversation(const QString &id, EndReason reason);
    // `how` is counted as an abandonment when the survivor was still waiting for a first answer.
    void endSurvivorSession(SessionId survivor, EndReason how);
    void assignWaitingSurvivors();
    // Waiting survivors' places (section 9): after a change, the first queueFrontPlaces of each queue whose place
    // changed; on the tick, also everyone not told for queueRefreshSeconds. One walk over the room a refresh.
    void refreshQueued(bool onlyChanged);
    // Tells one waiting survivor their place now (after start or resume).
    void sendQueued(SessionId session, SurvivorSession &survivor);
    // The queue changed: staff get queue_summary now, or with the next tick if one went out less than a second ago.
    void queueChanged();
    // Moves the session's count from its old source key to `source` (empty: counted nowhere).
    void setSurvivorSource(SurvivorSession &survivor, const ConnectionSource &source);
    // Tick parts of the survivor side: sessions whose reconnect window passed end; waiting survivors get the
    // long-wait notice and their place, staff the queue's waits.
    void expireDetachedSurvivors();
    void refreshWaitingSurvivors();
    // The hotline alternatives a busy or long-wait answer offers.
    template <typename Answer>
    Answer withHotline(Answer answer) const
    {
        if (!m_config.hotlinePhone.isEmpty())
            answer.phone = m_config.hotlinePhone;
        if (!m_config.hotlineSms.isEmpty())
            answer.sms = m_config.hotlineSms;
        return answer;
    }
    void broadcastQueueSummary();
    frame::QueueSummary queueSummary() const;
    void sendConversationStarted(ConnectionId id, const Conversation &conversation, bool toStaff);

    // Supervision helpers (RouterSupervision.cpp).
    // A frame for the staff side of a conversation: everyone answering or present, but `except`. Never a survivor.
    void sendToStaffIn(const Conversation &conversation, const RelayFrame &frame, const QString &except = QString());
    void sendToStaff(const QString &user, const RelayFrame &frame);
    void sendParticipants(const Conversation &conversation, const QString &alsoTo = QString());
    // The staff member no longer present in any conversation (signed out or gone).
    void leaveAllPresence(const QString &user);
    void holdShiftEndReason(const QString &user, const QString &reason);
    void sendAlertsTo(ConnectionId id);
    void expireSupervision();
    SupervisorBoard::Rows boardRows() const;
    frame::Board boardRest() const;
    // Brings every supervisor's board up to date (at most once a tick); `joining` gets the whole board.
    void publishBoard(ConnectionId joining = 0);
    bool isBlockedSource(const Connection &connection) const;

    // Restart and failover (RouterRestart.cpp; docs/protocol.md section 8). A fresh token for the holder: stateless
    // under the restart secret, random without one. `renewal` keeps the previous token valid (token_renewed).
    void issueSurvivorToken(SessionId session, SurvivorSession &survivor, bool renewal = false);
    void issueStaffToken(const QString &user, StaffMember &member, bool renewal = false);
    // Tick: connected holders whose token is old or no longer says what they hold get token_renewed.
    void renewTokens();
    // A resume or staff_resume with a token of an earlier relay run: true when it was taken (and answered).
    bool resumeAfterRestart(const FrameRequest &request, const frame::Resume &resume);
    bool staffResumeAfterRestart(const FrameRequest &request, const frame::StaffResume &resume);
    // A conversation re-created from a token, waiting for its other side (section 8).
    Conversation &reclaimConversation(const QString &id, const QString &language, SessionId survivor,
                                      const QString &staffUser);
    // Both sides are back: seqs continue after the greater claim; both get reclaimed.
    void finishReclaim(Conversation &conversation);
    // Tick: re-claims whose staff side did not come back within the window go to the front of the queue.
    void expireReclaims();
    // Answers a frame about a re-claiming conversation (send unanswered, ack and typing ignored, fetch an empty
    // page); true when it was such a frame.
    bool heldWhileReclaiming(ConnectionId id, const QString &conversation, const std::optional<qint64> &fetchAfter);

    // Counts a bad frame on the connection; closes it with too_many_errors at the limit. True when it closed.
    bool countBadFrame(ConnectionId id);
    // The connection no longer takes part in the conversation (it ended, or moved on to someone else).
    void noteLeft(ConnectionId id, const QString &conversation);
    // The staff member stops answering the conversation: it leaves their list, and their connection notes it.
    void stopAnswering(const QString &user, const QString &conversation);
    // Answers a frame for a conversation the connection has just left, which crossed that change on the wire: a
    // receipt (ack, typing) needs no answer, anything else is refused without counting as a bad frame. False when
    // the connection never took part in it.
    bool answerLateFrame(ConnectionId id, const Connection &connection, const QString &conversation, bool unknown,
                         Operation operation, const QString &type);
    void closeStaleConnections();
    void sendPage(ConnectionId id, const Conversation &conversation, qint64 afterSeq);
    qint64 survivorWindowMs(const SurvivorSession &survivor) const;
    void sendError(ConnectionId id, ErrorCode code, const QString &message, const QString &inReplyTo = QString(),
                   const QString &field = QString());
    void send(ConnectionId id, const RelayFrame &frame);
    void closeConnection(ConnectionId id, bool policyViolation);
    qint64 nowMs() const;

    RelayConfig m_config;
    const Clock &m_clock;
    StaffAuthenticator &m_authenticator;
    RouterSink &m_sink;
    AuditEvents m_audit;
    Statistics m_statistics;
    ConnectionGuard m_guard;
    WaitingQueue m_queue;
    // Node-based maps: handlers keep references across inserts and erases of other entries.
    std::unordered_map<ConnectionId, Connection> m_connections;
    std::map<SessionId, SurvivorSession> m_survivors;
    QHash<QByteArray, int> m_survivorsPerSource; // live sessions per source key, for the per-source cap
    TokenTable<SessionId> m_resumeTokens;
    std::map<QString, StaffMember> m_staff;
    TokenTable<QString> m_sessionTokens;
    // Before the conversations, which leave it as they end.
    HistoryBudget m_history;
    std::map<QString, Conversation> m_conversations;
    TransferOffers m_offers;
    ShiftLogBoard m_shiftLog;
    SourceBlocks m_blocks;
    SupervisorBoard m_board;
    struct HeldAlert
    {
        frame::Alert alert;
        qint64 expiresAtMs = 0;
    };
    std::map<QString, HeldAlert> m_alerts;
    SessionId m_nextSession = 1;
    // Restart and failover (section 8): the keys, this run's id, the survivors re-claimed with a token of an earlier
    // run (until those tokens expire), and the users who signed in or re-claimed in this run.
    RestartTokens m_restartTokens;
    quint64 m_run = 0;
    qint64 m_runStartedWallMs = 0;
    QHash<quint64, qint64> m_reclaimedSurvivors;
    QSet<QString> m_staffThisRun;
    int m_pendingSignIns = 0;
    qint64 m_queueSummarySentAtMs = std::numeric_limits<qint64>::min() / 2; // never
    bool m_queueSummaryDue = false;                                         // a change not yet in a queue_summary
    std::optional<ServiceNotice> m_serviceNotice;
    // Sign-in completions may arrive later; they check this before touching the router.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace advocate
