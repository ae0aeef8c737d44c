// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/Outbox.h"
#include "client/RelayKeyPin.h"
#include "client/RelaySocket.h"
#include "client/SendPacer.h"
#include "client/SeqTracker.h"
#include "common/Clock.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace advocate {

// A staff member's session with the relay, speaking docs/protocol.md version 1 (requirements WS1, WS19).
//
// Signs in, keeps the session token in memory only, and after a dropped connection reconnects by itself with
// staff_resume: it fetches every gap, page after page, and resends its outbox with the same client ids until the
// relay accepts them, so nothing is lost and nothing is duplicated; what the relay trimmed before it could be
// fetched is reported by historyTrimmed(), never dropped in silence. Never logs; frame content only leaves through
// signals.
class ClientSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // The protocol version this client announces; only tests change it.
        int protocolVersion = FrameCodec::protocolVersion;
        // Wait before each reconnect attempt after the connection dropped.
        std::chrono::milliseconds reconnectDelay{1000};
        // A sign-in that gets no answer in this time fails as unreachable.
        std::chrono::milliseconds signInTimeout{15000};
        // A message the relay has not accepted in this time (while connected) is reported failed.
        std::chrono::milliseconds sendTimeout{30000};
        // Keeps proxies from closing an idle socket.
        std::chrono::milliseconds pingInterval{30000};
        // Finds a stalled connection (RelaySocket::Options::answerTimeout) well before the send timeout, so that its
        // messages wait for the reconnect instead of failing.
        std::chrono::milliseconds answerTimeout{10000};
        // The clock the send timeout is measured on (its monotonic part); null means the system clock. Tests pass
        // a ManualClock to decide when a message is late instead of racing a short real timeout.
        std::shared_ptr<const Clock> clock;
        // The relay's public key as IT pinned it (PK2): checked once TLS is up and before any frame, on every
        // connection, reconnects included. Unset: any relay the trust store accepts.
        RelayKeyPin pin;
        // Only tests set it: the certificate authorities trusted instead of the system's, so a test relay's own
        // certificate verifies as a real one would (no TLS error is ever ignored).
        QList<QSslCertificate> trustedAuthorities;
    };

    enum class State {
        SignedOut,
        SigningIn,
        SignedIn,
        Reconnecting, // signed in, but the connection dropped; conversations and outbox are kept
    };
    Q_ENUM(State)

    enum class SignInError {
        InvalidAddress,
        BadCredentials,
        LockedOut,
        Unreachable,
        TlsFailure,
        UnsupportedVersion,
        SessionExpired, // a reconnect found the session gone (relay restarted or the token expired)
        ProtocolError,
        PinMismatch, // the relay's certificate verified, but its key is not the one IT pinned
    };
    Q_ENUM(SignInError)

    explicit ClientSession(QObject *parent = nullptr);
    ClientSession(Options options, QObject *parent = nullptr);
    ~ClientSession() override;

    State state() const { return m_state; }
    QString user() const { return m_user; }
    Role role() const { return m_role; }
    // The relay's limit on one message, from its hello.
    int maxMessageChars() const { return m_maxMessageChars; }
    // The relay's per-advocate cap from signed_in; empty until then, or when the relay does not send it.
    std::optional<int> cap() const { return m_cap; }
    // The program's maximum shift length from signed_in; empty until then, or when the relay does not send it.
    std::optional<std::chrono::minutes> maxShiftLength() const { return m_maxShiftLength; }
    // The program's facts from signed_in (name, hotline, hours: the relay config's, issue 17); empty until then, or
    // when the relay does not send them.
    const std::optional<frame::ProgramFacts> &programFacts() const { return m_programFacts; }
    // From the last queue_summary: per language, each waiting survivor's wait in seconds, longest first, as the
    // relay measured it when it sent the frame (it refreshes them at least every 30 s).
    QMap<QString, QList<int>> queueWaits() const { return m_queueWaits; }
    bool hasSessionToken() const { return !m_sessionToken.isEmpty(); }

    void signIn(const QUrl &relayUrl, const QString &user, const QString &password);
    // The relay this session signs in to (the last signIn()).
    QUrl relayUrl() const { return m_url; }
    // Ends the session on the relay (open conversations end) and forgets the token.
    void signOut();

    void setAvailable(bool available)
    {
        m_available = available;
        transmit(frame::SetAvailable{available, std::nullopt});
    }
    void takeNext() { transmit(frame::TakeNext{}); }
    // Queues a message and returns its client id; it stays in the outbox until the relay accepts it.
    QString send(const QString &conversation, const QString &body);
    // Puts a failed message back into the outbox under its old client id.
    void retry(const QString &conversation, const QString &clientId, const QString &body);
    void setTyping(const QString &conversation, bool active) { transmit(frame::Typing{conversation, active}); }
    void end(const QString &conversation, bool idle = false) { transmit(frame::End{conversation, idle}); }
    // Handoff (docs/protocol.md section 15). `note` is the opaque handoff note (HandoffNote::toBody()).
    void offerTransfer(const QString &conversation, frame::TransferTarget to, const QString &user, const QString &note);
    void withdrawTransfer(const QString &conversation) { transmit(frame::TransferWithdraw{conversation}); }
    void acceptTransfer(const QString &offer) { transmit(frame::TransferAccept{offer}); }
    void declineTransfer(const QString &offer) { transmit(frame::TransferDecline{offer}); }
    void requestRoster() { transmit(frame::GetRoster{}); }
    // The per-day counts (section 18; supervisors only): today and the days−1 before it, all the relay holds when
    // nullopt. Answered by statisticsReceived().
    void requestStatistics(std::optional<int> days = std::nullopt) { transmit(frame::GetStatistics{days}); }
    // Shift log (section 16).
    void postShiftLog(const QString &body) { transmit(frame::PostShiftLog{body}); }
    void acknowledgeShiftLog(const QString &entry) { transmit(frame::AckShiftLog{entry}); }
    // Tells the relay that the shift ends with `open` chats open (WS2): its audit log gets the category and the
    // reason's length; the supervisors on shift get the typed reason as an alert (section 17), never logged.
    void reportShiftEndOverride(frame::OverrideCategory category, const QString &reason, int open);
    // Supervision (section 17): a frame of that section (join, leave, whisper, take_over, hand_back, monitor,
    // raise_hand, block, unblock, set_notice, ack_alert); the relay answers with participants, board rows or an
    // error (requestRefused).
    template <typename SupervisionFrame>
    void supervise(const SupervisionFrame &request)
    {
        transmit(request);
    }
    // Messages not yet accepted by the relay.
    int outboxSize() const { return m_outbox.size(); }
    // Highest sequence number held for `conversation` without a gap.
    qint64 lastSeq(const QString &conversation) const;
    // Every message of `conversation` up to `seq` is held already (a resumed shift's cache has them): after the
    // next sign-in the session fetches only what follows. Call before signing in; a conversation the relay no
    // longer has then ends as usual.
    void holdUpTo(const QString &conversation, qint64 seq);

    // A plain sentence for the person at the keyboard.
    static QString describe(SignInError error);
    // A plain sentence for historyTrimmed(), for the transcript.
    static QString describeTrimmed(qint64 missing);

Q_SIGNALS:
    void stateChanged(advocate::ClientSession::State state);
    void signInFailed(advocate::ClientSession::SignInError error, const QString &message);
    void signedIn(const QString &user, advocate::Role role);
    // A new conversation, or one the relay still had open for us after a reconnect.
    void conversationStarted(const QString &conversation, const QString &language, const QString &alias);
    // Right after conversationStarted for a conversation handed to us (section 15): how, from whom, the note.
    void conversationHandedOver(const QString &conversation, advocate::HandoffReason reason, const QString &from,
                                const QString &note);
    // Our offer of `conversation` stands, closed, or was accepted (then the conversation is no longer ours, and
    // no `ended` follows for it).
    void transferStatus(const advocate::frame::TransferStatus &status);
    void transferOffered(const advocate::frame::TransferOffer &offer);
    void transferOfferClosed(const QString &offer, advocate::frame::OfferClosedReason reason);
    void rosterReceived(const QList<advocate::frame::RosterEntry> &staff);
    void statisticsReceived(const advocate::frame::Statistics &statistics);
    void shiftLogReceived(const advocate::frame::ShiftLogEntry &entry);
    void shiftLogPosted(const QString &entry);
    // Messages from the other side, in seq order and each once, live or fetched after a gap or a reconnect. In a
    // conversation handed to us, `from` is Advocate for what a colleague wrote before.
    // `by` names the staff member who wrote a staff-side message (empty from relays before section 17), and
    // `supervisor` says a supervisor who joined wrote it.
    void messageReceived(const QString &conversation, qint64 seq, advocate::Side from, const QString &clientId,
                         const QString &body, const QDateTime &at, const QString &by, bool supervisor);
    // The relay no longer holds seqs firstSeq … lastSeq (it trimmed them, section 6 of docs/protocol.md) and this
    // session never received `missing` of them: they cannot be shown. Emitted before the messages that follow.
    void historyTrimmed(const QString &conversation, qint64 firstSeq, qint64 lastSeq, qint64 missing);
    void messageAccepted(const QString &conversation, const QString &clientId, qint64 seq);
    void messageFailed(const QString &conversation, const QString &clientId);
    void delivered(const QString &conversation, qint64 seq);
    // `by`: the colleague on the staff side who types (section 17); empty: the survivor.
    void peerTyping(const QString &conversation, bool active, const QString &by);
    void peerStatus(const QString &conversation, bool connected);
    void inactivity(const QString &conversation, int stage, int silentSeconds);
    void ended(const QString &conversation, advocate::EndReason reason);
    void queueSummary(const QMap<QString, int> &waiting);
    // Supervision (section 17). Who is on the staff side of a conversation now; when it no longer lists this user,
    // the conversation has left this workstation (no `ended` follows).
    void participantsChanged(const QString &conversation, const QList<advocate::frame::Presence> &staff);
    void whisperReceived(const advocate::frame::WhisperNote &whisper);
    void boardReceived(const advocate::frame::Board &board);
    void alertReceived(const advocate::frame::Alert &alert);
    void alertClosed(const QString &alert);
    // The relay refused a request that is not about signing in (cap_reached, queue_empty, not_authorized …).
    void requestRefused(advocate::ErrorCode code, const QString &inReplyTo);

private:
    struct Known
    {
        SeqTracker seq;
        bool handedOver = false; // came from a colleague: their messages are not ours
        QSet<QString> sentIds;   // client ids we sent, in a handed-over conversation
        // The survivor's client ids received: one delivered before a relay restart but sent again after it (its
        // acknowledgement was lost) is not shown twice (docs/protocol.md section 8, restart and failover).
        QSet<QString> survivorIds;
    };

    void openSocket();
    void closeSocket();
    void setState(State state);
    void fail(SignInError error);
    void onSocketProblem();
    void onDisconnected();
    void handle(const RelayFrame &frame);
    void onSignedIn(const frame::SignedIn &signedIn);
    void onMessage(const frame::Message &message);
    void onFetched(const frame::Fetched &fetched);
    void onReclaimed(const frame::Reclaimed &reclaimed);
    QList<frame::ReclaimClaim> reclaimClaims() const;
    void onOwnMessage(const frame::Message &message);
    // One of our messages has its seq (from `accepted`, or seen again in a fetch): out of the outbox, and on.
    void settleOwn(const QString &conversation, const QString &clientId, qint64 seq);
    void requestFetch(const QString &conversation);
    // Emits the held messages that follow `contiguous` in order, as far as they go without a gap.
    void drain(const QString &conversation);
    void receive(const frame::Message &message);
    void acknowledge(const QString &conversation);
    void onError(const frame::Error &error);
    void transmit(const ClientFrame &frame);
    // Every `send` goes through the pacer (SendPacer): what may go now goes, the rest when its turn comes.
    void transmitPaced(const frame::Send &send);
    void sendWhatIsDue();
    // Sends again what the relay has not accepted (after a sign-in or a resume).
    void flushOutbox();
    void forgetToken();

    Options m_options;
    RelaySocket m_socket;
    State m_state = State::SignedOut;
    QUrl m_url;
    QString m_user;
    QString m_password; // only until the relay answers the sign-in
    QString m_sessionToken;
    Role m_role = Role::Advocate;
    int m_maxMessageChars = 4000;
    std::optional<int> m_cap;
    // The last availability set: said again after a reconnect, which a relay that restarted does not know.
    std::optional<bool> m_available;
    std::optional<std::chrono::minutes> m_maxShiftLength;
    std::optional<frame::ProgramFacts> m_programFacts;
    QMap<QString, QList<int>> m_queueWaits;
    Outbox m_outbox;
    SendPacer m_pacer;
    QTimer m_pace;
    QHash<QString, Known> m_known;
    QTimer m_reconnect;
    QTimer m_signInTimeout;
};

} // namespace advocate
