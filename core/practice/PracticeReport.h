// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace advocate {

// What happened in one practice chat (issue 18, docs/practice.md "The practice report"), measured against what the
// program expects of a good chat: when the first reply came, whether and when the safety check and the
// confidentiality notice were given (the notice before or after the survivor's first disclosure), the check-ins, the
// draft warnings left in or fixed, canned texts sent unchanged or edited, the identifying details left in a handoff
// note, and how the chat ended. Counts and times only: it never holds a word of the conversation, so it can go to a
// supervisor watching (as a whisper body) and into the practice shift's cache without carrying anything of the chat.
//
// Times are kept as milliseconds after the chat opened; the events come with the workstation's clock's time.
class PracticeReport
{
public:
    // Whether the notice came before the survivor's first disclosure.
    enum class NoticeTiming {
        NotNeeded,         // no disclosure and no notice (yet)
        GivenNoDisclosure, // the notice was given; nothing was disclosed
        BeforeDisclosure,
        AfterDisclosure,
        Missing, // a disclosure and no notice
    };

    enum class Ending { Open, SurvivorEnded, AdvocateEnded, QuickExit, IdleClosed, Disconnected, HandedOn };

    // One message the advocate sent: what it was and what the draft checks said, never its text.
    struct Sent
    {
        bool safetyCheck = false;
        bool notice = false;
        bool checkIn = false;
        int cannedUnchanged = 0;
        int cannedEdited = 0;
        int warningsIgnored = 0; // draft warnings still showing when it was sent
        int warningsFixed = 0;   // warnings that went away (a fix or an edit) before it was sent
    };

    // The largest whisper body fromWhisperBody() reads; a report is far smaller.
    static constexpr qsizetype maxBodyChars = 2048;

    PracticeReport() = default;
    explicit PracticeReport(const QDateTime &openedAt);

    // The events, in the order they happened.
    void survivorWrote(const QDateTime &at, bool disclosure);
    void advocateSent(const QDateTime &at, const Sent &sent);
    void handoffNoteOffered(int identifyingDetailsLeft);
    void ended(Ending how, const QDateTime &at);

    QDateTime openedAt() const { return m_openedAt; }
    int survivorMessages() const { return m_survivorMessages; }
    int advocateMessages() const { return m_advocateMessages; }
    // Milliseconds after the chat opened; empty when it did not happen.
    std::optional<qint64> firstSurvivorMessageMs() const { return m_firstSurvivorMs; }
    std::optional<qint64> firstReplyMs() const { return m_firstReplyMs; }
    // From the survivor's first message to the advocate's first message after it.
    std::optional<qint64> timeToFirstReplyMs() const;
    std::optional<qint64> safetyCheckMs() const { return m_safetyCheckMs; }
    std::optional<qint64> noticeMs() const { return m_noticeMs; }
    std::optional<qint64> firstDisclosureMs() const { return m_disclosureMs; }
    NoticeTiming noticeTiming() const;
    int checkIns() const { return m_checkIns; }
    int warningsIgnored() const { return m_warningsIgnored; }
    int warningsFixed() const { return m_warningsFixed; }
    int cannedUnchanged() const { return m_cannedUnchanged; }
    int cannedEdited() const { return m_cannedEdited; }
    int handoffNotes() const { return m_handoffNotes; }
    // The identifying-detail warnings left in the last handoff note offered (0: none); empty without a note.
    std::optional<int> handoffDetailsLeft() const { return m_handoffDetailsLeft; }
    Ending ending() const { return m_ending; }
    std::optional<qint64> endedMs() const { return m_endedMs; }

    // The report as JSON: numbers and a few fixed names, with the marker "advocate_desk_practice_report": 1. The same
    // object goes into the shift cache and, as a whisper body, to the supervisors watching (docs/protocol.md
    // section 19).
    QJsonObject toJson() const;
    // Empty when the object lacks the marker or a value is not what the report can hold (a negative count, a text
    // where a number belongs, an unknown ending).
    static std::optional<PracticeReport> fromJson(const QJsonObject &object);
    QString toWhisperBody() const;
    // A whisper body that is a practice report; empty for anything else (a whisper someone wrote).
    static std::optional<PracticeReport> fromWhisperBody(const QString &body);

    bool operator==(const PracticeReport &) const = default;

private:
    qint64 sinceOpened(const QDateTime &at) const;

    QDateTime m_openedAt;
    int m_survivorMessages = 0;
    int m_advocateMessages = 0;
    std::optional<qint64> m_firstSurvivorMs;
    std::optional<qint64> m_firstReplyMs;
    std::optional<qint64> m_safetyCheckMs;
    std::optional<qint64> m_noticeMs;
    std::optional<qint64> m_disclosureMs;
    int m_checkIns = 0;
    int m_warningsIgnored = 0;
    int m_warningsFixed = 0;
    int m_cannedUnchanged = 0;
    int m_cannedEdited = 0;
    int m_handoffNotes = 0;
    std::optional<int> m_handoffDetailsLeft;
    Ending m_ending = Ending::Open;
    std::optional<qint64> m_endedMs;
};

} // namespace advocate
