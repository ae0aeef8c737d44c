// SPDX-License-Identifier: GPL-3.0-only
#include "Shift.h"

#include "cache/ShiftCache.h"
#include "canned/DraftChecks.h"
#include "common/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace advocate {

Shift::Shift(ClientSession &session, ShiftCache &cache, std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent), m_session(session), m_cache(cache), m_clock(std::move(clock)),
      m_conversations(new ConversationListModel(m_clock, this))
{
    m_advocateName = tr("You");
    connect(&m_session, &ClientSession::conversationStarted, this, &Shift::onConversationStarted);
    connect(&m_session, &ClientSession::messageReceived, this, &Shift::onMessageReceived);
    connect(&m_session, &ClientSession::messageAccepted, this, &Shift::onAccepted);
    connect(&m_session, &ClientSession::messageFailed, this, &Shift::onFailed);
    connect(&m_session, &ClientSession::delivered, this, &Shift::onDelivered);
    connect(&m_session, &ClientSession::ended, this, &Shift::onEnded);
    connect(&m_session, &ClientSession::peerTyping, m_conversations, &ConversationListModel::setPeerTyping);
    connect(&m_session, &ClientSession::peerStatus, this, [this](const QString &conversation, bool connected) {
        m_conversations->setPeerConnected(conversation, connected);
        addNotice(conversation, connected ? tr("The survivor is connected again.")
                                          : tr("The survivor's connection dropped; they may come back."));
    });
    // Messages the relay no longer held when the workstation came back: said in the transcript, never silent.
    connect(&m_session, &ClientSession::historyTrimmed, this,
            [this](const QString &conversation, qint64, qint64, qint64 missing) {
                addNotice(conversation, ClientSession::describeTrimmed(missing));
            });
    connect(&m_session, &ClientSession::inactivity, this, [this](const QString &conversation, int stage, int) {
        m_conversations->setInactivity(conversation, stage);
        Q_EMIT inactivityReached(conversation, stage);
    });
}

Shift::~Shift() = default;

TranscriptModel *Shift::transcript(const QString &conversation) const
{
    return m_transcripts.value(conversation, nullptr);
}

TranscriptModel *Shift::ensureTranscript(const QString &conversation)
{
    TranscriptModel *&model = m_transcripts[conversation];
    if (!model)
        model = new TranscriptModel(this);
    return model;
}

void Shift::recover(std::function<void(RecoveryResult)> done)
{
    QPointer<Shift> self(this);
    m_cache.recover([self, done = std::move(done)](RecoveryResult result) {
        if (self && result.outcome == RecoveryOutcome::Resumable) {
            self->m_onShift = true;
            self->loadRecovered();
            self->loadPersonalCanned();
        }
        done(std::move(result));
    });
}

void Shift::loadRecovered()
{
    QPointer<Shift> self(this);
    m_cache.loadConversations([self](ConversationsResult conversations) {
        if (!self)
            return;
        self->reportCache(conversations.result);
        for (const ConversationRecord &record : std::as_const(conversations.conversations)) {
            self->ensureTranscript(record.id);
            self->m_conversations->add(record.id, record.language, QString());
            if (record.closedAt)
                self->m_conversations->setEnded(record.id, EndReason::AdvocateEnded);
            Q_EMIT self->conversationAdded(record.id);
        }
        self->m_cache.loadMessages(QString(), [self](MessagesResult messages) {
            if (!self)
                return;
            self->reportCache(messages.result);
            QHash<QString, QList<TranscriptModel::Entry>> byConversation;
            for (const MessageRecord &record : std::as_const(messages.messages)) {
                TranscriptModel::Entry entry;
                entry.direction = record.direction;
                entry.author = record.authorDisplayName;
                entry.text = record.text;
                entry.at = record.createdAt;
                entry.seq = record.relaySequence.value_or(0);
                entry.clientId = record.clientMessageId;
                if (record.direction == MessageDirection::FromAdvocate) {
                    switch (record.deliveryState) {
                    case DeliveryState::Sending:
                        entry.delivery =
                            entry.seq > 0 ? TranscriptModel::Delivery::Sent : TranscriptModel::Delivery::Failed;
                        break;
                    case DeliveryState::Delivered:
                        entry.delivery = TranscriptModel::Delivery::Delivered;
                        break;
                    case DeliveryState::Failed:
                        entry.delivery = TranscriptModel::Delivery::Failed;
                        break;
                    }
                }
                byConversation[record.conversationId].append(entry);
            }
            for (auto it = byConversation.cbegin(); it != byConversation.cend(); ++it) {
                self->ensureTranscript(it.key())->appendAll(it.value());
                self->restoreGivenPrompts(it.key(), it.value());
            }
        });
    });
}

void Shift::start(std::function<void(CacheResult)> done)
{
    QPointer<Shift> self(this);
    m_cache.startShift([self, done = std::move(done)](CacheResult result) {
        if (self && result.ok())
            self->m_onShift = true;
        done(std::move(result));
    });
}

void Shift::setAvailable(bool available)
{
    m_available = available;
    m_session.setAvailable(available);
}

void Shift::end(const QString &overrideReason, std::function<void(EndResult)> done)
{
    end(overrideReason, frame::OverrideCategory::Other, std::move(done));
}

void Shift::end(const QString &overrideReason, frame::OverrideCategory category, std::function<void(EndResult)> done)
{
    const QStringList open = m_conversations->openIds();
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
        NoteRecord note;
        note.kind = NoteKind::ShiftLog;
        note.text = tr("Shift ended with %n chat(s) open (%1): %2", nullptr, static_cast<int>(open.size()))
                        .arg(frame::overrideCategoryName(category), reason);
        note.createdAt = m_clock->now();
        note.updatedAt = note.createdAt;
        m_cache.addNote(std::move(note), [](const WriteResult &) {});
        // Before the chats end and the session signs out, so the relay still knows who overrides.
        m_session.reportShiftEndOverride(category, static_cast<int>(reason.size()), static_cast<int>(open.size()));
    }
    for (const QString &conversation : open)
        m_session.end(conversation);
    m_session.signOut();
    for (const QString &conversation : open)
        m_conversations->setEnded(conversation, EndReason::AdvocateEnded);
    m_extras.clear();       // code words go with the shift
    forgetPersonalCanned(); // and so do personal canned entries (their copy in the cache is wiped next)
    QPointer<Shift> self(this);
    m_cache.wipe([self, done = std::move(done)](WipeResult wipe) {
        if (self && wipe.complete)
            self->m_onShift = false;
        EndResult result;
        result.wipe = std::move(wipe);
        done(result);
    });
}

QString Shift::sendMessage(const QString &conversation, const QString &text, const QList<CannedFlag> &flags)
{
    if (!flags.isEmpty()) {
        Extras &extras = m_extras[conversation];
        extras.flagged.append({flags});
        extras.safetyCheckGiven = extras.safetyCheckGiven || flags.contains(CannedFlag::SafetyCheck);
        extras.confidentialityGiven = extras.confidentialityGiven || flags.contains(CannedFlag::MandatoryReporting);
    }
    TranscriptModel *model = ensureTranscript(conversation);
    const QString clientId = m_session.send(conversation, text);
    TranscriptModel::Entry entry;
    entry.direction = MessageDirection::FromAdvocate;
    entry.author = m_advocateName;
    entry.text = text;
    entry.at = m_clock->now();
    entry.delivery = TranscriptModel::Delivery::Sending;
    entry.clientId = clientId;
    model->append(entry);
    MessageRecord record;
    record.conversationId = conversation;
    record.direction = MessageDirection::FromAdvocate;
    record.authorDisplayName = entry.author;
    record.text = text;
    record.createdAt = entry.at;
    record.deliveryState = DeliveryState::Sending;
    record.clientMessageId = clientId;
    QPointer<Shift> self(this);
    m_cache.appendMessage(record, [self](WriteResult written) {
        if (self)
            self->reportCache(written.result);
    });
    return clientId;
}

void Shift::retry(const QString &conversation, const QString &clientId)
{
    TranscriptModel *model = transcript(conversation);
    if (!model)
        return;
    const auto row = model->rowOfClientId(clientId);
    if (!row || model->entry(*row).delivery != TranscriptModel::Delivery::Failed)
        return;
    model->markSending(clientId);
    m_session.retry(conversation, clientId, model->entry(*row).text);
}

QString Shift::sendPrompt(const QString &conversation, Prompt prompt, const QString &text)
{
    return sendMessage(conversation, text,
                       {prompt == Prompt::SafetyCheck ? CannedFlag::SafetyCheck : CannedFlag::MandatoryReporting});
}

bool Shift::promptGiven(const QString &conversation, Prompt prompt) const
{
    const Extras extras = m_extras.value(conversation);
    return prompt == Prompt::SafetyCheck ? extras.safetyCheckGiven : extras.confidentialityGiven;
}

void Shift::setCodeWord(const QString &conversation, const QString &codeWord)
{
    m_extras[conversation].codeWord = codeWord;
}

QString Shift::codeWord(const QString &conversation) const
{
    return m_extras.value(conversation).codeWord;
}

bool Shift::checkInOffered(const QString &conversation) const
{
    return !m_extras.value(conversation).checkInSent;
}

void Shift::markCheckInSent(const QString &conversation)
{
    m_extras[conversation].checkInSent = true;
}

void Shift::restoreGivenPrompts(const QString &conversation, const QList<TranscriptModel::Entry> &entries)
{
    // The cache keeps what was said, not which canned entry it came from. A sent message that still carries most
    // of a safety-check or notice entry's words (the same rule as when it was sent) marks that prompt given again,
    // so a resumed shift does not remind the advocate of a notice the survivor already had.
    Extras &extras = m_extras[conversation];
    for (const TranscriptModel::Entry &entry : entries) {
        if (entry.direction != MessageDirection::FromAdvocate)
            continue;
        for (const CannedResponse &canned : m_library.entries()) {
            const bool safety = canned.hasFlag(CannedFlag::SafetyCheck);
            const bool notice = canned.hasFlag(CannedFlag::MandatoryReporting);
            if ((!safety || extras.safetyCheckGiven) && (!notice || extras.confidentialityGiven))
                continue;
            for (const QString &text : canned.texts) {
                // Short texts are left out: "Are you safe now?" shares half its words with too many messages.
                constexpr qsizetype minimumWords = 8;
                if (text.split(u' ', Qt::SkipEmptyParts).size() < minimumWords)
                    continue;
                if (DraftChecks::keptFrom(text, entry.text)) {
                    extras.safetyCheckGiven = extras.safetyCheckGiven || safety;
                    extras.confidentialityGiven = extras.confidentialityGiven || notice;
                    break;
                }
            }
        }
    }
}

qint64 Shift::elapsedMs(const QString &conversation) const
{
    const auto row = m_conversations->rowOf(conversation);
    if (!row)
        return 0;
    const QDateTime opened = m_conversations->row(*row).openedAt;
    return opened.isValid() ? qMax<qint64>(0, opened.msecsTo(m_clock->now())) : 0;
}

NoticeReminder::State Shift::noticeState(const QString &conversation) const
{
    const Extras extras = m_extras.value(conversation);
    if (extras.confidentialityGiven)
        return NoticeReminder::State::Given;
    return NoticeReminder(m_library.policy().noticeReminderMinutes)
        .state(extras.flagged, elapsedMs(conversation), extras.noticeDismissedAtMs);
}

void Shift::dismissNoticeReminder(const QString &conversation)
{
    m_extras[conversation].noticeDismissedAtMs = elapsedMs(conversation);
}

void Shift::setCannedLibrary(CannedLibrary library)
{
    m_library = std::move(library);
    Q_EMIT cannedLibraryChanged();
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

void Shift::markRead(const QString &conversation)
{
    m_conversations->markRead(conversation);
}

void Shift::onConversationStarted(const QString &conversation, const QString &language, const QString &alias)
{
    const bool known = m_conversations->rowOf(conversation).has_value();
    ensureTranscript(conversation);
    m_conversations->add(conversation, language, alias);
    if (known)
        return; // resumed after a crash: the cache already had it
    addNotice(conversation, tr("Chat started (language: %1).").arg(language));
    ConversationRecord record;
    record.id = conversation;
    record.openedAt = m_clock->now();
    record.language = language;
    QPointer<Shift> self(this);
    m_cache.upsertConversation(record, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
    Q_EMIT conversationAdded(conversation);
    Q_EMIT newChatAlert();
}

void Shift::onMessageReceived(const QString &conversation, qint64 seq, Side from, const QString &clientId,
                              const QString &body, const QDateTime &at)
{
    Q_UNUSED(clientId)
    if (from != Side::Survivor)
        return;
    TranscriptModel *model = ensureTranscript(conversation);
    TranscriptModel::Entry entry;
    entry.direction = MessageDirection::FromSurvivor;
    entry.author = tr("Survivor");
    entry.text = body;
    entry.at = at;
    entry.seq = seq;
    if (!model->append(entry))
        return; // already held (resumed from the cache)
    // The local clock: the relay's may differ, and the advocate's sense of "how long ago" is local.
    m_conversations->survivorWrote(conversation, m_clock->now(), true);
    m_extras[conversation].checkInSent = false; // a new silence starts
    MessageRecord record;
    record.conversationId = conversation;
    record.direction = MessageDirection::FromSurvivor;
    record.authorDisplayName = entry.author;
    record.text = body;
    record.createdAt = at;
    record.deliveryState = DeliveryState::Delivered;
    record.relaySequence = seq;
    QPointer<Shift> self(this);
    m_cache.appendMessage(record, [self](WriteResult written) {
        if (self)
            self->reportCache(written.result);
    });
    Q_EMIT newMessageAlert(conversation);
}

void Shift::onAccepted(const QString &conversation, const QString &clientId, qint64 seq)
{
    if (TranscriptModel *model = transcript(conversation))
        model->markAccepted(clientId, seq);
    QPointer<Shift> self(this);
    m_cache.updateDelivery(clientId, DeliveryState::Sending, seq, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
}

void Shift::onFailed(const QString &conversation, const QString &clientId)
{
    if (TranscriptModel *model = transcript(conversation))
        model->markFailed(clientId);
    QPointer<Shift> self(this);
    m_cache.updateDelivery(clientId, DeliveryState::Failed, std::nullopt, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
}

void Shift::onDelivered(const QString &conversation, qint64 seq)
{
    TranscriptModel *model = transcript(conversation);
    if (!model)
        return;
    QStringList newlyDelivered;
    for (int row = 0; row < model->rowCount(); ++row) {
        const TranscriptModel::Entry &entry = model->entry(row);
        if (entry.direction == MessageDirection::FromAdvocate && entry.seq > 0 && entry.seq <= seq &&
            entry.delivery != TranscriptModel::Delivery::Delivered)
            newlyDelivered.append(entry.clientId);
    }
    model->markDeliveredUpTo(seq);
    QPointer<Shift> self(this);
    for (const QString &clientId : std::as_const(newlyDelivered)) {
        m_cache.updateDelivery(clientId, DeliveryState::Delivered, std::nullopt, [self](CacheResult result) {
            if (self)
                self->reportCache(result);
        });
    }
}

void Shift::onEnded(const QString &conversation, EndReason reason)
{
    m_conversations->setEnded(conversation, reason);
    QString text;
    switch (reason) {
    case EndReason::SurvivorEnded:
        text = tr("The survivor ended the chat.");
        break;
    case EndReason::AdvocateEnded:
        text = tr("You ended the chat.");
        break;
    case EndReason::QuickExit:
        text = tr("The survivor left with quick exit.");
        break;
    case EndReason::IdleClosed:
        text = tr("The chat was closed after the survivor's silence.");
        break;
    case EndReason::Disconnected:
        text = tr("The chat ended because a connection did not come back in time.");
        break;
    }
    addNotice(conversation, text);
    ConversationRecord record;
    record.id = conversation;
    record.openedAt = m_clock->now();
    if (const auto row = m_conversations->rowOf(conversation)) {
        record.openedAt = m_conversations->row(*row).openedAt;
        record.language = m_conversations->row(*row).language;
    }
    record.closedAt = m_clock->now();
    QPointer<Shift> self(this);
    m_cache.upsertConversation(record, [self](CacheResult result) {
        if (self)
            self->reportCache(result);
    });
}

void Shift::addNotice(const QString &conversation, const QString &text)
{
    TranscriptModel::Entry entry;
    entry.direction = MessageDirection::System;
    entry.author = tr("Notice");
    entry.text = text;
    entry.at = m_clock->now();
    ensureTranscript(conversation)->append(entry);
}

void Shift::reportCache(const CacheResult &result)
{
    if (result.ok())
        return;
    m_lastCacheError = result.message;
    Q_EMIT cacheProblem(result.message);
}

} // namespace advocate
