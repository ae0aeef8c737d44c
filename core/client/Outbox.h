// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "common/Clock.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

namespace advocate {

// A staff session's messages that the relay has not accepted yet (WS19). Each keeps its client id, so sending it
// again after a reconnect cannot duplicate it (the relay drops a client id it already has). A message not accepted
// within the send timeout while connected fails; while the connection is down the messages wait and nothing times
// out. Memory only: a message leaves when the relay accepts it or when it fails (failed()). An accepted message is
// still kept, apart, until the other side has it (delivered): a relay that restarts forgets what it accepted, and the
// message is sent again after the conversation is re-claimed (docs/protocol.md section 8, restart and failover).
class Outbox : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString conversation;
        QString clientId;
        QString body;
        qint64 sentAtMs = 0; // on the clock's monotonic time: when it was last (re)sent
        qint64 seq = 0;      // once accepted: the seq the relay gave it
    };

    // `clock` measures the send timeout (its monotonic part).
    Outbox(std::shared_ptr<const Clock> clock, std::chrono::milliseconds sendTimeout, QObject *parent = nullptr);

    int size() const { return static_cast<int>(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    // A message goes out now (or waits for the connection): its timeout counts from here.
    void add(const QString &conversation, const QString &clientId, const QString &body);
    // After a reconnect: every waiting message, to be sent again; their timeouts count from now.
    QList<Entry> resend();
    // The relay accepted the message (with `seq`): it leaves the outbox and waits for its delivery.
    void settle(const QString &conversation, const QString &clientId, qint64 seq = 0);
    // The other side has every message of the conversation up to `seq`: those accepted messages are forgotten.
    void confirmDelivered(const QString &conversation, qint64 seq);
    // After a relay restart: the conversation's accepted messages not yet delivered, then its waiting ones, in the
    // order they were written, to be sent again; the waiting ones' timeouts count from now.
    QList<Entry> resendAfterReclaim(const QString &conversation);
    // While not connected the messages wait: none times out.
    void setConnected(bool connected) { m_connected = connected; }
    // The conversation ended or left this workstation: its waiting messages fail.
    void fail(const QString &conversation);
    // The session ended: every waiting message fails.
    void failAll();
    // Fails the messages that waited longer than the send timeout while connected. Runs on a timer while messages
    // wait; tests call it after moving a manual clock.
    void checkAge();

Q_SIGNALS:
    // The message will not go out from here; the person at the keyboard may retry it.
    void failed(const QString &conversation, const QString &clientId);

private:
    // Takes the entries `drop` picks out of the outbox, then reports each failed.
    template <typename Predicate>
    void failWhere(Predicate drop);

    std::shared_ptr<const Clock> m_clock;
    std::chrono::milliseconds m_sendTimeout;
    QList<Entry> m_entries;
    QList<Entry> m_accepted; // accepted, not yet delivered
    QTimer m_check;
    bool m_connected = false;
};

} // namespace advocate
