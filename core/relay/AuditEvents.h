// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "relay/ServiceNotice.h"

#include <QString>

#include <optional>

namespace advocate {

class RouterSink;

// The router's audit events (docs/protocol.md sections 12 and 14), written through the sink. Content-free by
// construction (RL7): staff user names, languages, reasons and counts only; never a survivor's alias, a message,
// a typed reason, a token or an address. What staff do, not what happens to each conversation: conversations are
// counted per day by Statistics (RL10), with no line of their own.
class AuditEvents
{
public:
    explicit AuditEvents(RouterSink &sink) : m_sink(sink) {}

    void serviceNoticeChanged(const std::optional<ServiceNotice> &notice);
    // Refusals of anonymous clients are counted, not written one line each (RL12: anyone can cause them).
    void sourceSessionCap();
    // A `start` refused with `busy`: the queue was full, or the chat closed (hours or a notice).
    void startRefused(bool open, const QString &language);
    // The typed name is not logged: it could be anything, even a password typed into the wrong field.
    void signInFailed(bool lockedOut);
    void rateLimited();
    void tooManyErrors();
    // A start a practice relay refuses because it is not a practice survivor's, or a live relay because it is.
    void practiceMismatch();
    void signedIn(const QString &user, Role role);
    // A staff member came back with a token of an earlier relay run (docs/protocol.md section 8).
    void staffReclaimed(const QString &user, Role role);
    void staffSessionDropped(const QString &user);
    // Handoff (section 15): who offered to whom (a colleague's user name, or "supervisors" / "queue") and how the
    // offer closed; never the note.
    void transferOffered(const QString &user, frame::TransferTarget target, const QString &to);
    void transferClosed(const QString &user, frame::TransferState outcome, const QString &by);
    void conversationRequeued(const QString &from, HandoffReason reason);
    void shiftLogPosted(const QString &user);
    void shiftLogDropped(int entries, bool expired);
    // WS2: who overrode, when (the log's timestamp), why by category, and how many chats were open. The typed
    // reason stays on the workstation: it may name a survivor.
    void shiftEndOverride(const QString &user, const frame::ShiftEndOverride &shiftEnd, qsizetype relayOpen);
    // A supervision action (docs/protocol.md section 17): `event` is one of the fixed names of that section,
    // `details` fixed words and user names built by the router (never a body, an alias or an address).
    void supervision(const char *event, const QString &user, const QString &conversation,
                     const QString &details = QString());
    void serviceNoticeSetBy(const QString &user, const std::optional<ServiceNotice> &notice);

private:
    RouterSink &m_sink;
};

} // namespace advocate
