// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/RelaySocket.h"
#include "client/SeqTracker.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

namespace advocate {

// The survivor's side of docs/protocol.md version 1, for the command-line survivor client (and tests) until
// the survivor page plays it in a browser.
//
// Opens a session with the notice version the relay announces in its hello, waits in the queue, exchanges
// messages and acknowledges them, and ends with `end` or `quick_exit`. Lines submitted while waiting are held
// and sent once an advocate joins. Keeps nothing on disk, never logs; frame content only leaves through
// signals. A dropped connection is resumed only when Options::reconnectDelay says so (within the relay's reconnect
// window, also after a relay restart: docs/protocol.md section 8); otherwise the client reports it and stops. Sent
// messages are kept until the advocate's side has them (delivered), to be sent again after a relay restart.
class SurvivorClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::optional<QString> alias;
        std::optional<QString> language;
        // A practice survivor (issue 18): marks its start as practice, which only a practice relay takes (a scripted
        // survivor training advocates); a live relay refuses it with practice_mismatch, as a practice relay refuses
        // a start without the mark.
        bool practice = false;
        // The protocol version this client announces; only tests change it.
        int protocolVersion = FrameCodec::protocolVersion;
        // Keeps proxies from closing an idle socket.
        std::chrono::milliseconds pingInterval{30000};
        // After a dropped connection, resume after this delay (again and again within the reconnect window); 0:
        // a dropped connection ends the session.
        std::chrono::milliseconds reconnectDelay{0};
    };

    enum class State {
        Idle,
        Connecting, // until the relay answers start with a session
        Waiting,    // in the queue
        Chatting,   // a conversation is open
        Finished,   // ended, refused or disconnected; start() again for a new session
    };
    Q_ENUM(State)

    // What submitLine() did with a line.
    enum class LineAction {
        Sent,    // sent at once
        Held,    // kept until an advocate joins
        Ended,   // "/end": the conversation (or the wait) ends
        Exited,  // "/exit": quick exit
        Ignored, // empty, too long, or nothing to send it to
    };
    Q_ENUM(LineAction)

    static inline const QString endCommand = QStringLiteral("/end");
    static inline const QString exitCommand = QStringLiteral("/exit");

    explicit SurvivorClient(QObject *parent = nullptr);
    ~SurvivorClient() override;

    State state() const { return m_state; }
    QString conversation() const { return m_conversation; }
    // The relay's limit on one message, from its hello.
    int maxMessageChars() const { return m_maxMessageChars; }
    int noticeVersion() const { return m_noticeVersion; }

    void start(const QUrl &relayUrl, const Options &options);
    // A line as typed: "/end" ends, "/exit" leaves at once, anything else is a message.
    LineAction submitLine(const QString &line);
    // Queues a message; false when there is no session to send it in or it is over the relay's limit.
    bool send(const QString &body);
    // Ends the conversation (survivor_ended), or leaves the queue.
    void end();
    // Ends the session at once and revokes its resume token; does not wait for an answer.
    void quickExit();
    // Tells the advocate the survivor is typing (true) or stopped (false); only while chatting.
    void setTyping(bool active);
    // The connection drops as a network drops it (no close handshake), and the client comes back with its resume
    // token after `comeBack`: a scripted survivor's "disconnect and come back" (issue 18, docs/practice.md). Only while
    // waiting or chatting; false (and nothing happens) otherwise.
    bool dropAndComeBack(std::chrono::milliseconds comeBack);

    // A plain sentence for the person at the keyboard (never contains conversation text).
    static QString describe(EndReason reason);

Q_SIGNALS:
    // A supervisor joined (true) or left (false) the chat visibly (docs/protocol.md section 17).
    void supervisorPresent(bool present);
    void stateChanged(advocate::SurvivorClient::State state);
    // The relay opened the session (the notice version it asked for was accepted).
    void sessionOpened(int noticeVersion);
    void queued(int position, int estimatedWaitSeconds);
    void longWait(const QString &text, const QString &phone, const QString &sms);
    // The relay has no place (queue full, closed or a service notice): the session is over.
    void busy(const QString &text, const QString &phone, const QString &sms);
    void conversationStarted(const QString &conversation, const QString &language);
    void messageReceived(qint64 seq, const QString &body, const QDateTime &at);
    void messageAccepted(const QString &clientId, qint64 seq);
    void delivered(qint64 seq);
    void peerTyping(bool active);
    void peerStatus(bool connected);
    void ended(advocate::EndReason reason);
    // Someone else answers from now on, or the chat waits at the front of the queue (docs/protocol.md section 15).
    void advocateChanged(advocate::HandoffReason reason);
    // The relay refused a frame, or the connection failed; `message` is a plain sentence.
    void problem(const QString &message);
    // The session is over and the connection closed: a program may exit now without losing a last frame.
    void finished();

private:
    struct Outgoing
    {
        QString clientId;
        QString body;
        qint64 seq = 0; // once accepted
    };

    void setState(State state);
    void onDisconnected();
    void handle(const RelayFrame &frame);
    void onMessage(const frame::Message &message);
    void onError(const frame::Error &error);
    void onEnded(EndReason reason);
    void transmit(const ClientFrame &frame);
    void flushHeld();
    void transmitMessage(const Outgoing &outgoing);
    bool resumeLater();
    void closeSocket();
    void forgetToken();

    Options m_options;
    RelaySocket m_socket;
    State m_state = State::Idle;
    QString m_conversation;
    QString m_resumeToken; // memory only; the command-line client does not resume
    int m_maxMessageChars = 4000;
    int m_noticeVersion = 0;
    qint64 m_nextClientId = 1;
    SeqTracker m_seq;
    QList<Outgoing> m_held;      // typed before an advocate joined
    QList<Outgoing> m_sent;      // sent, not yet delivered
    QSet<QString> m_advocateIds; // the staff side's client ids received: a message sent again is not shown twice
    QUrl m_url;
    bool m_resuming = false;
    QElapsedTimer m_dropped;
    int m_reconnectWindowSeconds = 300;
    QTimer m_reconnect;
};

} // namespace advocate
