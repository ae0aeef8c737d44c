// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheResults.h"
#include "canned/CannedLibrary.h"
#include "canned/NoticeReminder.h"
#include "client/ClientSession.h"
#include "client/ConversationListModel.h"
#include "client/TranscriptModel.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace advocate {

class Clock;
class ShiftCache;

// One advocate shift (requirements WS2, WS5, WS6, WS10, WS11, WS19): joins the relay session, the models the
// widgets show and the encrypted shift cache. Every message, both ways, goes into the cache; ending the
// shift is refused while conversations are open unless a reason is typed, and then wipes the cache.
class Shift : public QObject
{
    Q_OBJECT
public:
    enum class Prompt { SafetyCheck, Confidentiality };

    struct EndResult
    {
        // Set when the end was refused: the conversations still open.
        bool refused = false;
        QStringList openConversations;
        WipeResult wipe;
    };

    Shift(ClientSession &session, ShiftCache &cache, std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~Shift() override;

    ClientSession &session() { return m_session; }
    ConversationListModel *conversations() { return m_conversations; }
    // The transcript of a conversation of this shift, or nullptr.
    TranscriptModel *transcript(const QString &conversation) const;
    bool onShift() const { return m_onShift; }
    bool available() const { return m_available; }
    // The display name used for the advocate's own messages.
    void setAdvocateName(const QString &name) { m_advocateName = name; }

    // Program start: resume a crashed shift's cache (transcripts come back) or wipe it, as the cache decides.
    void recover(std::function<void(RecoveryResult)> done);
    void start(std::function<void(CacheResult)> done);
    void setAvailable(bool available);
    // Ends the shift: refused while conversations are open unless `overrideReason` is given; otherwise ends
    // them, signs out and wipes the cache.
    void end(const QString &overrideReason, std::function<void(EndResult)> done);
    // The same with the category the advocate picked for an override (WS2). The relay's audit log gets the
    // category, the reason's length and the open count; the typed reason goes to the shift log in the cache only,
    // and is wiped with it.
    void end(const QString &overrideReason, frame::OverrideCategory category, std::function<void(EndResult)> done);

    // Sends an advocate message. `flags` are those of the canned entries the text started from (WS9/WS10): a
    // safety_check or mandatory_reporting flag marks that prompt as given for the conversation.
    QString sendMessage(const QString &conversation, const QString &text, const QList<CannedFlag> &flags = {});
    void retry(const QString &conversation, const QString &clientId);
    // Sends the prompt's text (as edited by the advocate) and marks it given for the conversation.
    QString sendPrompt(const QString &conversation, Prompt prompt, const QString &text);
    bool promptGiven(const QString &conversation, Prompt prompt) const;
    // The conversation's code word: memory only, never cached.
    void setCodeWord(const QString &conversation, const QString &codeWord);
    QString codeWord(const QString &conversation) const;
    // Stage 1 check-in is offered once per silence; true when it is still to be offered.
    bool checkInOffered(const QString &conversation) const;
    void markCheckInSent(const QString &conversation);
    void markRead(const QString &conversation);

    // The confidentiality / mandatory-reporting notice (issue 6 item 5): given, not yet due, or due as a gentle
    // reminder once the conversation has run for the program's threshold without it.
    NoticeReminder::State noticeState(const QString &conversation) const;
    // "Remind me later": postpones the reminder by another threshold.
    void dismissNoticeReminder(const QString &conversation);

    // The canned-response library for this workstation (the program's file or the shipped default), with the
    // advocate's personal entries of this shift. The policy's notice threshold applies from here on.
    void setCannedLibrary(CannedLibrary library);
    const CannedLibrary &cannedLibrary() const { return m_library; }
    // Adds a personal entry (validated like the program's; its id must be new) and keeps it in the shift cache,
    // never anywhere else. Returns the problems; empty when it was added.
    QList<CannedIssue> addPersonalCanned(const QJsonObject &entry);
    void removePersonalCanned(const QString &id);

    // The last error the cache reported during the shift (empty when none).
    QString lastCacheError() const { return m_lastCacheError; }

Q_SIGNALS:
    void conversationAdded(const QString &conversation);
    // For notifications: never carries text or alias.
    void newChatAlert();
    void newMessageAlert(const QString &conversation);
    void inactivityReached(const QString &conversation, int stage);
    void cacheProblem(const QString &message);
    // The library changed (personal entry added, removed, restored after a crash, or gone with the shift).
    void cannedLibraryChanged();

private:
    struct Extras
    {
        bool safetyCheckGiven = false;
        bool confidentialityGiven = false;
        QString codeWord;
        bool checkInSent = false;
        QList<NoticeReminder::SentMessage> flagged; // sent messages that carried canned flags
        qint64 noticeDismissedAtMs = -1;
    };

    TranscriptModel *ensureTranscript(const QString &conversation);
    void onConversationStarted(const QString &conversation, const QString &language, const QString &alias);
    void onMessageReceived(const QString &conversation, qint64 seq, Side from, const QString &clientId,
                           const QString &body, const QDateTime &at);
    void onAccepted(const QString &conversation, const QString &clientId, qint64 seq);
    void onFailed(const QString &conversation, const QString &clientId);
    void onDelivered(const QString &conversation, qint64 seq);
    void onEnded(const QString &conversation, EndReason reason);
    void addNotice(const QString &conversation, const QString &text);
    void reportCache(const CacheResult &result);
    void loadRecovered();
    void loadPersonalCanned();
    void restoreGivenPrompts(const QString &conversation, const QList<TranscriptModel::Entry> &entries);
    void forgetPersonalCanned();
    qint64 elapsedMs(const QString &conversation) const;

    ClientSession &m_session;
    ShiftCache &m_cache;
    std::shared_ptr<const Clock> m_clock;
    ConversationListModel *m_conversations = nullptr; // child
    QHash<QString, TranscriptModel *> m_transcripts;  // children
    QHash<QString, Extras> m_extras;
    CannedLibrary m_library;
    QString m_advocateName;
    QString m_lastCacheError;
    bool m_onShift = false;
    bool m_available = false;
};

} // namespace advocate
