// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "practice/PracticeReport.h"
#include "protocol/Frames.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace advocate {

class Chat;
class Shift;

// The practice reports of a practice shift (issue 18, docs/practice.md "The practice report"), one per chat: created
// for each chat the workstation answers when the relay runs a practice program (Shift::practice()), fed by the chat's
// events (Chat::survivorWrote, advocateSent, handoffNoteOffered, its end), kept in the shift cache as they change so a
// resumed shift has them again, and gone with every chat when the shift ends. On a live relay no report is made.
//
// A supervisor watching a trainee's practice chat sees the trainee's report: the trainee's workstation whispers the
// report's numbers (PracticeReport::toWhisperBody) to the supervisors present whenever it changes, at most once per
// whisperInterval, and a supervisor's workstation takes such a whisper as that chat's report instead of a whisper line
// (docs/protocol.md section 19).
class PracticeReports : public QObject
{
    Q_OBJECT
public:
    // Whether a survivor's message discloses something the confidentiality / mandatory-reporting notice is about
    // (for practice chats, the persona's lines marked so). Called with the text in memory; the text goes no further.
    using DisclosureRecognizer = std::function<bool(const QString &survivorText)>;

    static constexpr std::chrono::milliseconds whisperInterval{1000};

    explicit PracticeReports(Shift &shift);

    void setDisclosureRecognizer(DisclosureRecognizer recognizer) { m_recognizer = std::move(recognizer); }

    // The report of `conversation`: this workstation's own, or the one a trainee's workstation whispered; empty when
    // there is none (every chat of a live shift).
    std::optional<PracticeReport> report(const QString &conversation) const;
    // Whether the report shown for `conversation` came from the trainee's workstation.
    bool received(const QString &conversation) const;

    // Shift's routing of a whisper: true when it was a practice report (taken as one, or the echo of our own), so it is
    // not shown as a whisper line. Always false on a live relay.
    bool receiveWhisper(const frame::WhisperNote &note);
    // A resumed shift: the reports as the cache kept them.
    void loadRecovered();
    // The shift ended: every report is forgotten (the cache is wiped with the shift).
    void clear();

Q_SIGNALS:
    void reportChanged(const QString &conversation);
    void cleared();

private:
    struct Held
    {
        PracticeReport report;
        bool received = false;
    };

    void onChatAdded(Chat *chat);
    Held *local(Chat *chat, bool create);
    void changedLocally(const QString &conversation);
    void save(const QString &conversation);
    void sendWhispers();
    static PracticeReport::Ending endingOf(const Chat &chat);

    Shift &m_shift;
    DisclosureRecognizer m_recognizer;
    QHash<QString, Held> m_reports;
    QSet<QString> m_whisperDue;
    QHash<QString, QString> m_whispered; // what was last whispered per conversation, and to whom
    QTimer m_whisperTimer;
};

} // namespace advocate
