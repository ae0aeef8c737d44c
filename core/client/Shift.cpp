// SPDX-License-Identifier: GPL-3.0-only
#include "Shift.h"

#include "cache/ShiftCache.h"
#include "canned/DraftChecks.h"
#include "client/ProgramPlaceholders.h"
#include "common/Clock.h"
#include "common/UtcTime.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace advocate {

Shift::Shift(ClientSession &session, ShiftCache &cache, std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent), m_session(session), m_cache(cache), m_clock(std::move(clock))
{
    m_advocateName = tr("You");
    m_handoffs = new Handoffs(*this);
    m_supervision = new Supervision(*this);
    m_practiceReports = new PracticeReports(*this);
    connect(&m_session, &ClientSession::stateChanged, this, &Shift::connectionChanged);
    connect(&m_session, &ClientSession::signedIn, this, &Shift::reportProgramOverrides);
    connect(&m_session, &ClientSession::signedIn, this, &Shift::signedIn);
    connect(this, &Shift::cannedLibraryChanged, this, &Shift::reportProgramOverrides);
    connect(&m_session, &ClientSession::signInFailed, this, &Shift::signInFailed);
    connect(&m_session, &ClientSession::queueSummary, this, &Shift::queueChanged);
    connect(&m_session, &ClientSession::requestRefused, this,
            [this](ErrorCode code, const QString &) { Q_EMIT requestRefused(code); });
    m_lengthCheck.setInterval(std::chrono::seconds(30));
    connect(&m_lengthCheck, &QTimer::timeout, this, &Shift::checkShiftLength);
    connect(&m_session, &ClientSession::conversationStarted, this, &Shift::onConversationStarted);
    connect(&m_session, &ClientSession::messageReceived, this,
            [this](const QString &conversation, qint64 seq, Side from, const QString &, const QString &body,
                   const QDateTime &at, const QString &by, bool supervisor) {
                Chat *target = chat(conversation);
                if (target && from == Side::Survivor)
                    target->receive(seq, body, at);
                else if (target) // a colleague's: before the chat was handed to us, or one in it with us
                    target->receiveEarlier(seq, body, at, by, supervisor);
            });
    connect(&m_session, &ClientSession::participantsChanged, this,
            [this](const QString &conversation, const QList<frame::Presence> &staff) {
                if (Chat *target = chat(conversation))
                    target->setStaffPresent(staff, m_session.user());
            });
    connect(&m_session, &ClientSession::whisperReceived, this, [this](const frame::WhisperNote &note) {
        if (m_practiceReports->receiveWhisper(note))
            return; // a practice report's numbers (docs/protocol.md section 19), not a note to show
        if (Chat *target = chat(note.conversation))
            target->receiveWhisper(note.from, note.body, utcFromMSecsSinceEpoch(note.at));
    });
    connect(&m_session, &ClientSession::messageAccepted, this,
            [this](const QString &conversation, const QString &clientId, qint64 seq) {
                if (Chat *target = chat(conversation))
                    target->accepted(clientId, seq);
            });
    connect(&m_session, &ClientSession::messageFailed, this,
            [this](const QString &conversation, const QString &clientId) {
                if (Chat *target = chat(conversation))
                    target->failed(clientId);
            });
    connect(&m_session, &ClientSession::delivered, this, [this](const QString &conversation, qint64 seq) {
        if (Chat *target = chat(conversation))
            target->deliveredUpTo(seq);
    });
    connect(&m_session, &ClientSession::ended, this, [this](const QString &conversation, EndReason reason) {
        if (Chat *target = chat(conversation))
            target->setEnded(reason);
    });
    connect(&m_session, &ClientSession::peerTyping, this,
            [this](const QString &conversation, bool active, const QString &by) {
                if (Chat *target = chat(conversation)) {
                    if (by.isEmpty())
                        target->setPeerTyping(active);
                    else
                        target->setColleagueTyping(by, active);
                }
            });
    connect(&m_session, &ClientSession::peerStatus, this, [this](const QString &conversation, bool connected) {
        if (Chat *target = chat(conversation))
            target->setPeerConnected(connected);
    });
    // Messages the relay no longer held when the workstation came back: said in the transcript, never silent.
    connect(&m_session, &ClientSession::historyTrimmed, this,
            [this](const QString &conversation, qint64, qint64, qint64 missing) {
                if (Chat *target = chat(conversation))
                    target->addNotice(ClientSession::describeTrimmed(missing));
            });
    connect(&m_session, &ClientSession::inactivity, this, [this](const QString &conversation, int stage, int) {
        if (Chat *target = chat(conversation)) {
            target->setInactivity(stage);
            Q_EMIT inactivityReached(conversation, stage);
        }
    });
}

Shift::~Shift() = default;

void Shift::signIn(const QUrl &relay, const QString &user, const QString &password)
{
    m_session.signIn(relay, user, password);
}

Chat *Shift::chat(const QString &id) const
{
    for (Chat *candidate : m_chats) {
        if (candidate->id() == id)
            return candidate;
    }
    return nullptr;
}

QStringList Shift::openIds() const
{
    QStringList open;
    for (const Chat *candidate : m_chats) {
        if (candidate->isOpen())
            open.append(candidate->id());
    }
    return open;
}

Chat *Shift::addChat(const QString &id, const QString &language, const QString &alias, const QDateTime &openedAt)
{
    Q_EMIT chatAboutToBeAdded(static_cast<int>(m_chats.size()));
    auto *created = new Chat(*this, id, language, alias, openedAt);
    m_chats.append(created);
    const QString conversation = id;
    connect(created, &Chat::survivorWrote, this, [this, conversation] { Q_EMIT newMessageAlert(conversation); });
    Q_EMIT chatAdded(created);
    return created;
}

void Shift::clearChats()
{
    m_handoffs->clear();        // offers, notes, the roster and the shift log go with the chats
    m_supervision->clear();     // and the board and the alerts
    m_practiceReports->clear(); // and the practice reports
    if (m_chats.isEmpty())
        return;
    Q_EMIT chatsAboutToBeCleared();
    const QList<Chat *> chats = std::exchange(m_chats, {});
    for (Chat *gone : chats)
        delete gone; // now, not later: nothing of the shift may stay reachable once it has ended
    Q_EMIT chatsCleared();
}

void Shift::recover(std::function<void(RecoveryResult)> done)
{
    QPointer<Shift> self(this);
    m_cache.recover([self, done = std::move(done)](RecoveryResult result) {
        if (self && result.outcome == RecoveryOutcome::Resumable) {
            self->onStarted(result.shiftStartedAt);
            self->loadRecovered();
            self->loadPersonalCanned();
        }
        done(std::move(result));
    });
}

void Shift::loadRecovered()
{
    m_practiceReports->loadRecovered();
    QPointer<Shift> self(this);
    m_cache.loadConversations([self](ConversationsResult conversations) {
        if (!self)
            return;
        self->reportCache(conversations.result);
        auto records = std::make_shared<QList<ConversationRecord>>(conversations.conversations);
        for (const ConversationRecord &record : std::as_const(*records)) {
            if (!self->chat(record.id))
                self->addChat(record.id, record.language, record.alias, record.openedAt);
        }
        self->m_cache.loadNotes([self, records](NotesResult notes) {
            if (!self)
                return;
            self->reportCache(notes.result);
            auto drafts = std::make_shared<QHash<QString, QString>>();
            for (const NoteRecord &note : std::as_const(notes.notes)) {
                if (note.kind == NoteKind::Draft)
                    drafts->insert(note.conversationId, note.text);
            }
            self->m_cache.loadMessages(QString(), [self, records, drafts](MessagesResult messages) {
                if (!self)
                    return;
                self->reportCache(messages.result);
                QHash<QString, QList<Chat::Entry>> byConversation;
                for (const MessageRecord &record : std::as_const(messages.messages)) {
                    Chat::Entry entry;
                    entry.direction = record.direction;
                    entry.author = record.authorDisplayName;
                    entry.text = record.text;
                    entry.at = record.createdAt;
                    entry.seq = record.relaySequence.value_or(0);
                    entry.clientId = record.clientMessageId;
                    if (record.direction == MessageDirection::FromAdvocate) {
                        // A message still "sending" when the workstation stopped is not in any outbox now: it was
                        // numbered by the relay (sent) or it never got there (failed, and can be retried).
                        entry.delivery = record.deliveryState;
                        if (record.deliveryState == DeliveryState::Sending)
                            entry.delivery = entry.seq > 0 ? DeliveryState::Sent : DeliveryState::Failed;
                    }
                    byConversation[record.conversationId].append(entry);
                }
                for (const ConversationRecord &record : std::as_const(*records)) {
                    Chat *target = self->chat(record.id);
                    if (!target)
                        continue;
                    target->restore(byConversation.value(record.id), record.closedAt.has_value(),
                                    drafts->value(record.id));
                    // The session need not fetch again what the cache already holds.
                    if (target->isOpen())
                        self->m_session.holdUpTo(record.id, target->contiguousSeq());
                }
            });
        });
    });
}

void Shift::start(std::function<void(CacheResult)> done)
{
    QPointer<Shift> self(this);
    m_cache.startShift([self, done = std::move(done)](CacheResult result) {
        if (self && result.ok())
            self->onStarted(self->m_clock->now());
        done(std::move(result));
    });
}

void Shift::setAvailable(bool available)
{
    m_available = available;
    m_session.setAvailable(available);
}

QUrl Shift::relayUrl() const
{
    return m_session.relayUrl();
}

void Shift::end(const QString &overrideReason, std::function<void(EndResult)> done)
{
    end(overrideReason, frame::OverrideCategory::Other, std::move(done));
}

void Shift::end(const QString &overrideReason, frame::OverrideCategory category, std::function<void(EndResult)> done)
{
    endNow(overrideReason, category, false, std::move(done));
}

void Shift::onStarted(const QDateTime &startedAt)
{
    m_onShift = true;
    m_startedAt = startedAt.isValid() ? startedAt : m_clock->now();
    m_lengthWarned = false;
    m_lengthCheck.start();
    checkShiftLength(); // a resumed shift may be near its limit, or past it
}

std::chrono::minutes Shift::maxShiftLength() const
{
    return m_session.maxShiftLength().value_or(std::chrono::hours(12));
}

void Shift::checkShiftLength()
{
    if (!m_onShift || !m_startedAt.isValid())
        return;
    const qint64 elapsedMs = m_startedAt.msecsTo(m_clock->now());
    const qint64 limitMs = std::chrono::duration_cast<std::chrono::milliseconds>(maxShiftLength()).count();
    if (elapsedMs >= limitMs) {
        const int hours = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(maxShiftLength()).count());
        const QString reason = hours >= 1 && maxShiftLength() == std::chrono::hours(hours)
                                   ? tr("The program's maximum shift length of %n hour(s) was reached.", nullptr, hours)
                                   : tr("The program's maximum shift length of %n minute(s) was reached.", nullptr,
                                        static_cast<int>(maxShiftLength().count()));
        endNow(reason, frame::OverrideCategory::Other, true, [](const EndResult &) {});
        return;
    }
    const qint64 leftMs = limitMs - elapsedMs;
    if (!m_lengthWarned && leftMs <= std::chrono::duration_cast<std::chrono::milliseconds>(maxLengthWarning).count()) {
        m_lengthWarned = true;
        Q_EMIT maxLengthApproaching(static_cast<int>((leftMs + 59999) / 60000));
    }
}

void Shift::endNow(const QString &overrideReason, frame::OverrideCategory category, bool maximumLength,
                   std::function<void(EndResult)> done)
{
    const QStringList open = openIds();
    if (!open.isEmpty() && overrideReason.trimmed().isEmpty()) {
        EndResult refused;
        refused.refused = true;
        refused.openConversations = open;
        QMetaObject::invokeMethod(
            this, [done = std::move(done), refused] { done(refused); }, Qt::QueuedConnection);
        return;
    }
    if (!open.isEmpty()) {
        const QString reason = overrideReason.trimmed().left(frame::maxOverrideReasonChars);
        // Before the chats go and the session signs out, so the relay still knows who overrides. The typed reason
        // goes to the supervisors on shift (docs/protocol.md section 17), not into a cache wiped in the same step.
        m_session.reportShiftEndOverride(category, reason, static_cast<int>(open.size()));
    }
    // No chat is ended for a shift: each goes to the front of its queue, and its survivor is told (docs/protocol.md
    // sections 14 and 15). A standing offer to a colleague is withdrawn first, so the relay takes the queue transfer.
    for (const QString &conversation : open) {
        if (m_handoffs->outgoing(conversation))
            m_session.withdrawTransfer(conversation);
        m_session.offerTransfer(conversation, frame::TransferTarget::Queue, QString(), QString());
    }
    m_session.signOut();
    m_available = false;
    m_lengthCheck.stop();
    m_startedAt = QDateTime();
    clearChats();           // every chat, with its transcript, draft and code word, goes with the shift
    forgetPersonalCanned(); // and so do personal canned entries (their copy in the cache is wiped next)
    QPointer<Shift> self(this);
    m_onShift = false; // nothing of it may go on; a wipe that did not complete is finished at the next start
    m_cache.wipe([self, maximumLength, done = std::move(done)](WipeResult wipe) {
        EndResult result;
        result.wipe = std::move(wipe);
        result.maximumLengthReached = maximumLength;
        done(result);
        if (self)
            Q_EMIT self->ended(result);
    });
}

void Shift::setCannedLibrary(CannedLibrary library)
{
    m_library = std::move(library);
    Q_EMIT cannedLibraryChanged();
}

QHash<QString, QString> Shift::programValues(const QString &language) const
{
    return ProgramPlaceholders::forLanguage(m_session.programFacts(), m_library, language).values;
}

QStringList Shift::programOverrides() const
{
    return m_programOverrides;
}

void Shift::reportProgramOverrides()
{
    const QStringList overrides = ProgramPlaceholders::overridden(m_session.programFacts(), m_library);
    if (overrides == m_programOverrides)
        return;
    m_programOverrides = overrides;
    // The placeholder names only: never a value or any conversation text.
    if (!overrides.isEmpty())
        qWarning("advocate-desk: the canned-response library overrides the relay's program facts for: %s (for "
                 "testing only)",
                 qUtf8Printable(overrides.join(QStringLiteral(", "))));
    Q_EMIT programOverridesChanged();
}

QList<CannedIssue> Shift::addPersonalCanned(const QJsonObject &entry)
{
    if (!m_onShift) {
        // Personal entries live only in a shift's cache; without one there is nowhere safe to keep them.
        return {{CannedIssue::Severity::Error, QString(), QString(),
                 tr("Personal canned responses can be added only during a shift.")}};
    }
    const QList<CannedIssue> issues = m_library.addPersonal(entry);
    if (CannedIssue::anyError(issues))
        return issues;
    const QString id = entry.value(QStringLiteral("id")).toString();
    const QByteArray json = m_library.personalEntryJson(id);
    QPointer<Shift> self(this);
    m_cache.savePersonalCanned(id, json, [self](WriteResult written) {
        if (self)
            self->reportCache(written.result);
    });
    Q_EMIT cannedLibraryChanged();
    return issues;
}

void Shift::removePersonalCanned(const QString &id)
{
    const CannedResponse *entry = m_library.find(id);
    if (!entry || entry->origin != CannedOrigin::Personal)
        return;
    m_library.removePersonal(id);
    QPointer<Shift> self(this);
    m_cache.removePersonalCanned(id, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
    Q_EMIT cannedLibraryChanged();
}

void Shift::loadPersonalCanned()
{
    QPointer<Shift> self(this);
    m_cache.loadPersonalCanned([self](PersonalCannedResult loaded) {
        if (!self)
            return;
        self->reportCache(loaded.result);
        if (!self->m_onShift)
            return; // the shift ended while the cache was read
        for (const PersonalCannedRecord &record : std::as_const(loaded.entries)) {
            const QJsonObject entry = QJsonDocument::fromJson(record.entryJson).object();
            // An entry the library now refuses (say, the program's new file took its shortcut) stays out.
            self->m_library.addPersonal(entry);
        }
        Q_EMIT self->cannedLibraryChanged();
    });
}

void Shift::forgetPersonalCanned()
{
    QStringList personal;
    for (const CannedResponse &entry : m_library.entries()) {
        if (entry.origin == CannedOrigin::Personal)
            personal.append(entry.id);
    }
    for (const QString &id : std::as_const(personal))
        m_library.removePersonal(id);
    if (!personal.isEmpty())
        Q_EMIT cannedLibraryChanged();
}

void Shift::onConversationStarted(const QString &conversation, const QString &language, const QString &alias)
{
    if (chat(conversation))
        return; // resumed after a crash: the cache already had it
    Chat *started = addChat(conversation, language, alias, m_clock->now());
    started->addNotice(tr("Chat started (language: %1).").arg(language));
    ConversationRecord record;
    record.id = conversation;
    record.openedAt = started->openedAt();
    record.language = language;
    record.alias = alias;
    QPointer<Shift> self(this);
    m_cache.upsertConversation(record, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
    Q_EMIT newChatAlert();
}

void Shift::reportCache(const CacheResult &result)
{
    if (result.ok())
        return;
    m_lastCacheError = result.message;
    Q_EMIT cacheProblem(result.message);
}

} // namespace advocate
