// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheRecords.h"
#include "canned/CannedResponse.h"
#include "canned/DraftChecks.h"
#include "canned/NoticeReminder.h"
#include "protocol/Frames.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace advocate {

class Shift;

// One conversation on the workstation (requirements WS5–WS11): its transcript, the advocate's draft, typing, the
// start prompts, the code word and the check-in, and the actions on it. The relay calls the same thing a
// Conversation; this is the advocate's side of it. A Chat lives as long as its shift: the Shift creates it, routes
// the relay's events to it, and destroys it when the shift ends, with everything it held.
//
// What the advocate writes goes through here and nowhere else: every message into the shift cache, the draft into
// the cache as it changes (debounced, so a crash loses at most the last fraction of a second of typing), the code
// word into memory only. Views adapt a Chat (TranscriptModel, ConversationListModel) and keep no facts of their own.
class Chat : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Active,
        SurvivorIdle,         // the relay reported inactivity
        SurvivorDisconnected, // the survivor's page dropped and may come back
        QuickExit,            // the survivor left with quick exit
        Ended,                // ended for any other reason
        HandedOn,             // this advocate handed it on (to a colleague or the queue); someone else answers now
    };
    Q_ENUM(State)

    enum class Prompt { SafetyCheck, Confidentiality };

    // One line of the transcript: a message either way or a notice.
    struct Entry
    {
        MessageDirection direction = MessageDirection::System;
        QString author;
        QString text;
        QDateTime at;
        // The advocate's own messages only.
        std::optional<DeliveryState> delivery;
        qint64 seq = 0; // 0 until the relay numbered it
        QString clientId;
    };

    // Canned text that went into the draft, with the flags of its entry (WS9/WS10).
    struct CannedInsertion
    {
        QString text;
        QList<CannedFlag> flags;
    };

    // What one message the advocate sent was, for the practice report (issue 18; ChatSentFacts.cpp): its canned flags,
    // and what the draft checks and canned insertions said about it. Counts and flags only, never its text.
    struct SentFacts
    {
        QDateTime at;
        bool safetyCheck = false;
        bool notice = false;
        bool checkIn = false;
        int cannedUnchanged = 0; // canned texts sent as they were inserted
        int cannedEdited = 0;    // canned texts the advocate changed but kept (DraftChecks::keptFrom)
        int warningsIgnored = 0; // draft warnings still showing at the send
        int warningsFixed = 0;   // draft warnings that showed while it was written and went away before the send
    };

    // How long the draft rests before it is written to the cache, and how long after the last keystroke the
    // survivor stops seeing "typing".
    static constexpr std::chrono::milliseconds draftSaveDelay{400};
    static constexpr std::chrono::milliseconds typingIdle{4000};

    Chat(Shift &shift, const QString &id, const QString &language, const QString &alias, const QDateTime &openedAt);
    ~Chat() override;

    QString id() const { return m_id; }
    QString language() const { return m_language; }
    // The name the survivor chose on the page; may be empty. Shown to the advocate, never in a notification.
    QString alias() const { return m_alias; }
    QDateTime openedAt() const { return m_openedAt; }
    State state() const { return m_state; }
    static QString stateText(State state);
    bool isOpen() const
    {
        return m_state == State::Active || m_state == State::SurvivorIdle || m_state == State::SurvivorDisconnected;
    }
    std::optional<EndReason> endReason() const { return m_endReason; }
    int unread() const { return m_unread; }
    QDateTime lastSurvivorMessage() const { return m_lastSurvivorMessage; }
    int inactivityStage() const { return m_inactivityStage; }
    bool peerTyping() const { return m_peerTyping; }

    // The transcript, oldest first. Rows are never removed while the chat lives.
    const QList<Entry> &entries() const { return m_entries; }
    std::optional<int> rowOfClientId(const QString &clientId) const;
    // The highest relay sequence number held (either side).
    qint64 lastSeq() const { return m_lastSeq; }
    // The highest n such that every message 1 … n (either side) is held: where a resumed session starts fetching.
    qint64 contiguousSeq() const;

    // The composer's text for this chat. Setting it saves it to the shift cache (debounced) and tells the survivor
    // the advocate is typing (the relay forwards it only where the program enables it).
    QString draft() const { return m_draft; }
    void setDraft(const QString &text);
    // The survivor no longer sees "typing" (the advocate moved to another chat).
    void stopTyping();
    void noteCannedInsertion(const QString &text, const QList<CannedFlag> &flags);
    // The canned texts in the current draft, and the flags of those the draft still carries (DraftChecks::keptFrom).
    QStringList cannedTexts() const;
    QList<CannedFlag> keptCannedFlags() const;

    // The composer's draft checks found these warnings in the current draft (draft()); called whenever they are run.
    // Kept as counts per kind until the draft is sent, for SentFacts; nothing of the text is kept.
    void noteDraftWarnings(const QList<DraftChecks::Warning> &warnings);
    // The advocate offered this chat on with a handoff note that still had `identifyingDetailsLeft` identifying-detail
    // warnings (0: none). For the practice report; nothing of the note.
    void noteHandoffNote(int identifyingDetailsLeft);

    bool promptGiven(Prompt prompt) const;
    // The code word: memory only, never cached.
    QString codeWord() const { return m_codeWord; }
    void setCodeWord(const QString &codeWord);
    // The check-in is offered once per silence; true while it is still to be offered.
    bool checkInOffered() const { return !m_checkInSent; }
    // The confidentiality / mandatory-reporting notice: given, not yet due, or due (the program's threshold).
    NoticeReminder::State noticeState() const;
    // "Remind me later": postpones the reminder by another threshold.
    void dismissNoticeReminder();

    // Sends the draft with the flags of the canned entries it still carries and clears it. Returns the client id,
    // empty when there was nothing to send or the chat is not open.
    QString sendDraft();
    // Sends `text` with the flags of the canned entries it came from: a safety_check or mandatory_reporting flag
    // marks that prompt as given. Returns the client id (empty when the chat is not open).
    QString send(const QString &text, const QList<CannedFlag> &flags = {});
    // Puts a failed message back into the outbox under its old client id.
    void retry(const QString &clientId);
    void end();
    // Sends the one check-in of this silence.
    QString checkIn(const QString &text, const QList<CannedFlag> &flags);
    // Sends the closing message and closes the chat as idle.
    void closeOnIdle(const QString &closingText);
    void markRead();

    // What the relay said, routed here by the Shift.
    void receive(qint64 seq, const QString &body, const QDateTime &at);
    void accepted(const QString &clientId, qint64 seq);
    void failed(const QString &clientId);
    void deliveredUpTo(qint64 seq);
    void setPeerTyping(bool active);
    void setPeerConnected(bool connected);
    void setInactivity(int stage);
    void setEnded(EndReason reason);
    void addNotice(const QString &text);
    // Handoff (docs/protocol.md section 15). This chat was handed to us: how, from whom, and the note (the opaque
    // body the colleague's workstation wrote; HandoffNote reads it). The note goes into the shift cache.
    void setHandedOver(HandoffReason reason, const QString &from, const QString &note);
    std::optional<HandoffReason> handoffReason() const { return m_handoffReason; }
    QString handedFrom() const { return m_handedFrom; }
    // The note without the code word (which went to codeWord()); a HandoffNote body, or a colleague's free text.
    QString handoffNote() const { return m_handoffNote; }
    // A message a colleague wrote to the survivor: before the chat came to us, or (`by` names them) live, in a chat
    // a supervisor joined or took over (section 17; `supervisor`: a supervisor wrote it, joined or after a take-over).
    void receiveEarlier(qint64 seq, const QString &body, const QDateTime &at, const QString &by = QString(),
                        bool supervisor = false);

    // The staff side (ChatStaffSide.cpp; docs/protocol.md section 17): who else is in the chat, how this
    // workstation stands in it, whispers between staff, and the raised hand.
    Participation participation() const { return m_participation; }
    // Whether this workstation may write to the survivor (it answers the chat, or a supervisor joined it).
    bool canWrite() const
    {
        return isOpen() && (m_participation == Participation::Answering || m_participation == Participation::Joined);
    }
    QList<frame::Presence> staffPresent() const { return m_staffPresent; }
    // The relay's list of the staff in the chat; `me` is this workstation's user. Not in it: the chat left us.
    void setStaffPresent(const QList<frame::Presence> &staff, const QString &me);
    void setParticipation(Participation participation) { m_participation = participation; }
    // A note for the staff in the chat only; never a message to the survivor.
    void whisper(const QString &body);
    void receiveWhisper(const QString &from, const QString &body, const QDateTime &at);
    bool handRaised() const { return m_handRaised; }
    void raiseHand(bool raised);
    // Colleagues on the staff side who are typing to the survivor now (section 17), by user name; never the survivor.
    const QStringList &colleaguesTyping() const { return m_colleaguesTyping; }
    void setColleagueTyping(const QString &user, bool active);
    // We handed this chat on and someone else answers now (`to`: a colleague, or empty for the queue). The chat is
    // over for this workstation; its transcript stays until the shift ends.
    void setHandedOff(const QString &to, const QString &notice = QString());
    QString handedTo() const { return m_handedTo; }

    // A resumed shift: the chat's messages and draft as the cache kept them.
    void restore(const QList<Entry> &entries, bool closed, const QString &draft);

Q_SIGNALS:
    void entriesAboutToBeAppended(int first, int last);
    void entriesAppended();
    void entryChanged(int row);
    // Anything a list row or the chat header shows: state, unread, typing, inactivity, prompts, notice.
    void changed();
    // The draft came back from the cache (a resumed shift); the composer shows it if this chat is open there.
    void draftRestored();
    // A survivor message arrived (for the alert: never carries text).
    void survivorWrote();
    // The advocate's message went out (the practice report; never carries text).
    void advocateSent(const advocate::Chat::SentFacts &facts);
    void handoffNoteOffered(int identifyingDetailsLeft);

private:
    bool append(const Entry &entry);
    // Writes a message the relay numbered (the survivor's, or a colleague's before a handoff) to the shift cache.
    void cacheReceived(const Entry &entry);
    void appendAll(const QList<Entry> &entries);
    void setDelivery(int row, DeliveryState state, qint64 seq = 0);
    void saveDraftNow();
    void restoreGivenPrompts(const QList<Entry> &entries);
    qint64 elapsedMs() const;
    void writeClosed();
    // ChatSentFacts.cpp: what sending `text` (the draft) does with the canned insertions and draft warnings held;
    // resets the warnings' counts for the next draft.
    SentFacts takeDraftFacts(const QString &text);

    Shift &m_shift;
    const QString m_id;
    const QString m_language;
    const QString m_alias;
    const QDateTime m_openedAt;
    State m_state = State::Active;
    std::optional<EndReason> m_endReason;
    int m_unread = 0;
    QDateTime m_lastSurvivorMessage;
    int m_inactivityStage = 0;
    bool m_peerTyping = false;

    QList<Entry> m_entries;
    qint64 m_lastSeq = 0;

    QString m_draft;
    QList<CannedInsertion> m_insertions;
    QTimer m_draftSave;
    bool m_typing = false;
    QTimer m_typingIdle;

    bool m_safetyCheckGiven = false;
    bool m_confidentialityGiven = false;
    QString m_codeWord;
    std::optional<HandoffReason> m_handoffReason;
    QString m_handedFrom;
    QString m_handoffNote;
    QString m_handedTo;
    bool m_checkInSent = false;
    QList<NoticeReminder::SentMessage> m_flagged; // sent messages that carried canned flags
    Participation m_participation = Participation::Answering;
    QList<frame::Presence> m_staffPresent;
    bool m_handRaised = false;
    QStringList m_colleaguesTyping;
    qint64 m_noticeDismissedAtMs = -1;
    // For SentFacts: the draft warnings showing now and the most of each kind seen since the last send; the facts of
    // the draft being sent, and whether the message being sent is the check-in.
    QHash<int, int> m_draftWarnings;
    QHash<int, int> m_draftWarningsPeak;
    std::optional<SentFacts> m_sendingDraft;
    bool m_sendingCheckIn = false;
};

} // namespace advocate
