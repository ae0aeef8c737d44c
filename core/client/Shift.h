// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheResults.h"
#include "canned/CannedLibrary.h"
#include "canned/NoticeReminder.h"
#include "client/Chat.h"
#include "client/ClientSession.h"
#include "client/Handoffs.h"
#include "client/PracticeReports.h"
#include "client/Supervision.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>

#include <functional>
#include <memory>

namespace advocate {

class Clock;
class ShiftCache;

// One advocate shift (requirements WS2, WS4, WS5, WS19): the list of chats and the shift's life cycle. It joins the
// relay session to the encrypted shift cache, creates a Chat for each conversation the relay gives the advocate and
// routes the relay's events to it. Ending the shift is refused while chats are open unless a reason is typed; then it
// ends them, signs out, forgets every chat with all it held, and wipes the cache.
class Shift : public QObject
{
    Q_OBJECT
public:
    struct EndResult
    {
        // Set when the end was refused: the conversations still open.
        bool refused = false;
        QStringList openConversations;
        WipeResult wipe;
        // The shift reached the program's maximum length and was ended by the workstation (WS20).
        bool maximumLengthReached = false;
    };

    // How long before the maximum shift length the advocate is warned.
    static constexpr std::chrono::minutes maxLengthWarning{30};

    Shift(ClientSession &session, ShiftCache &cache, std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~Shift() override;

    // The relay session, for core/ and the tests. The window never uses it: it reads and acts through the Shift
    // (tests/repo/LayeringTest checks that no ui/ file but the composition root names it).
    ClientSession &session() { return m_session; }
    // The relay this shift signs in to (a practice chat started on the workstation goes there).
    QUrl relayUrl() const;

    // The relay connection as the window shows it.
    ClientSession::State connection() const { return m_session.state(); }
    QString userName() const { return m_session.user(); }
    // The relay's per-advocate cap and message limit, from its greeting and signed_in.
    std::optional<int> relayCap() const { return m_session.cap(); }
    int maxMessageChars() const { return m_session.maxMessageChars(); }
    // Per language, each waiting survivor's wait in seconds, longest first (the last queue_summary).
    QMap<QString, QList<int>> queueWaits() const { return m_session.queueWaits(); }
    // Signs in to the relay; the outcome comes as signedIn() or signInFailed().
    void signIn(const QUrl &relay, const QString &user, const QString &password);
    ShiftCache &cache() { return m_cache; }
    const Clock &clock() const { return *m_clock; }
    std::shared_ptr<const Clock> sharedClock() const { return m_clock; }

    // Handing chats on and the shift log (WS12, WS13); emptied when the shift ends.
    Handoffs &handoffs() { return *m_handoffs; }
    // A supervisor's board and actions (WS14); emptied when the shift ends.
    Supervision &supervision() { return *m_supervision; }
    Role role() const { return m_session.role(); }
    // The practice reports of this shift's chats (issue 18): none on a live relay; emptied when the shift ends.
    PracticeReports &practiceReports() { return *m_practiceReports; }
    const PracticeReports &practiceReports() const { return *m_practiceReports; }
    // Whether the relay signed in to runs a practice program (issue 18): its survivors are scripted, never real. From
    // the program facts of signed_in; false until then.
    bool practice() const { return m_session.programFacts() && m_session.programFacts()->practice; }

    // The chats of this shift in the order they started; empty once the shift ended.
    const QList<Chat *> &chats() const { return m_chats; }
    Chat *chat(const QString &id) const;
    QStringList openIds() const;
    int openCount() const { return static_cast<int>(openIds().size()); }

    bool onShift() const { return m_onShift; }
    // When this shift started (for a resumed shift, as its cache recorded it); invalid when not on shift.
    QDateTime startedAt() const { return m_startedAt; }
    // The program's maximum shift length (WS20): the relay's value from signed_in, else 12 hours.
    std::chrono::minutes maxShiftLength() const;
    // Measures the shift against its maximum length on the injected clock: warns once when the warning time is
    // reached, and at the limit ends the shift as an override does and wipes the cache. Runs every 30 s while on
    // shift; tests call it after moving a manual clock.
    void checkShiftLength();
    bool available() const { return m_available; }
    // The display name used for the advocate's own messages in the transcript.
    void setAdvocateName(const QString &name) { m_advocateName = name; }
    QString advocateName() const { return m_advocateName; }

    // Program start: resume a crashed shift's cache (chats, transcripts and drafts come back) or wipe it, as the
    // cache decides.
    void recover(std::function<void(RecoveryResult)> done);
    void start(std::function<void(CacheResult)> done);
    void setAvailable(bool available);
    // Asks the relay for the longest-waiting survivor (pull mode).
    void takeNext() { m_session.takeNext(); }
    // Ends the shift: refused while conversations are open unless `overrideReason` is given; otherwise ends
    // them, signs out, forgets every chat and wipes the cache.
    void end(const QString &overrideReason, std::function<void(EndResult)> done);
    // The same with the category the advocate picked for an override (WS2). The relay's audit log gets the
    // category, the reason's length and the open count; the typed reason goes to the shift log in the cache only,
    // and is wiped with it.
    void end(const QString &overrideReason, frame::OverrideCategory category, std::function<void(EndResult)> done);

    // The canned-response library for this workstation (the program's file or the shipped default), with the
    // advocate's personal entries of this shift. The policy's notice threshold applies from here on.
    void setCannedLibrary(CannedLibrary library);
    const CannedLibrary &cannedLibrary() const { return m_library; }
    // {program}, {hotline_phone} and {hours} in `language`: the relay's facts, unless the library overrides them
    // (ProgramPlaceholders).
    QHash<QString, QString> programValues(const QString &language) const;
    // The placeholders whose relay value the library overrides (for testing); the window warns while any is.
    QStringList programOverrides() const;
    // Adds a personal entry (validated like the program's; its id must be new) and keeps it in the shift cache,
    // never anywhere else. Returns the problems; empty when it was added.
    QList<CannedIssue> addPersonalCanned(const QJsonObject &entry);
    void removePersonalCanned(const QString &id);

    // The last error the cache reported during the shift (empty when none).
    QString lastCacheError() const { return m_lastCacheError; }
    // A cache write or read of this shift (or of one of its chats) finished; a failure is reported.
    void reportCache(const CacheResult &result);

Q_SIGNALS:
    void connectionChanged(advocate::ClientSession::State state);
    void signedIn();
    void signInFailed(advocate::ClientSession::SignInError error, const QString &message);
    // How many survivors wait, per language (the relay's queue_summary).
    void queueChanged(const QMap<QString, int> &waiting);
    // The relay refused a request that is not about signing in (cap_reached, queue_empty, message_too_long …).
    void requestRefused(advocate::ErrorCode code);
    // A shift that was not refused has ended, for whatever reason, and its cache was wiped (or the wipe reported
    // a problem): after every chat is gone.
    void ended(const advocate::Shift::EndResult &result);
    // The maximum shift length is `minutesLeft` minutes away (emitted once per shift).
    void maxLengthApproaching(int minutesLeft);
    void chatAboutToBeAdded(int row);
    void chatAdded(advocate::Chat *chat);
    // The shift ended: every chat is about to be destroyed, then is gone.
    void chatsAboutToBeCleared();
    void chatsCleared();
    // For notifications: never carries text or alias.
    void newChatAlert();
    void newMessageAlert(const QString &conversation);
    void inactivityReached(const QString &conversation, int stage);
    void cacheProblem(const QString &message);
    // The library changed (personal entry added, removed, restored after a crash, or gone with the shift).
    void cannedLibraryChanged();
    // programOverrides() changed (at sign-in, or with the library).
    void programOverridesChanged();

private:
    Chat *addChat(const QString &id, const QString &language, const QString &alias, const QDateTime &openedAt);
    void clearChats();
    void onConversationStarted(const QString &conversation, const QString &language, const QString &alias);
    void loadRecovered();
    void loadPersonalCanned();
    void forgetPersonalCanned();
    void reportProgramOverrides();
    void onStarted(const QDateTime &startedAt);
    void endNow(const QString &reason, frame::OverrideCategory category, bool maximumLength,
                std::function<void(EndResult)> done);

    ClientSession &m_session;
    ShiftCache &m_cache;
    std::shared_ptr<const Clock> m_clock;
    QList<Chat *> m_chats;                        // children
    Handoffs *m_handoffs = nullptr;               // child
    Supervision *m_supervision = nullptr;         // child
    PracticeReports *m_practiceReports = nullptr; // child
    CannedLibrary m_library;
    QStringList m_programOverrides;
    QString m_advocateName;
    QString m_lastCacheError;
    bool m_onShift = false;
    bool m_available = false;
    QDateTime m_startedAt;
    bool m_lengthWarned = false;
    QTimer m_lengthCheck;
};

} // namespace advocate

Q_DECLARE_METATYPE(advocate::Shift::EndResult)
