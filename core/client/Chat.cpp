// SPDX-License-Identifier: GPL-3.0-only
#include "Chat.h"

#include "Shift.h"
#include "cache/ShiftCache.h"
#include "canned/DraftChecks.h"
#include "client/ClientSession.h"
#include "common/Clock.h"
#include "handoff/HandoffNote.h"

#include <QPointer>

namespace advocate {

Chat::Chat(Shift &shift, const QString &id, const QString &language, const QString &alias, const QDateTime &openedAt)
    : QObject(&shift), m_shift(shift), m_id(id), m_language(language), m_alias(alias), m_openedAt(openedAt)
{
    m_draftSave.setSingleShot(true);
    m_draftSave.setInterval(draftSaveDelay);
    connect(&m_draftSave, &QTimer::timeout, this, &Chat::saveDraftNow);
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(typingIdle);
    connect(&m_typingIdle, &QTimer::timeout, this, &Chat::stopTyping);
}

Chat::~Chat()
{
    // What the advocate wrote does not outlive the chat in this object's memory.
    m_draft.fill(QChar(u'\0'));
    m_codeWord.fill(QChar(u'\0'));
    for (Entry &entry : m_entries)
        entry.text.fill(QChar(u'\0'));
}

QString Chat::stateText(State state)
{
    switch (state) {
    case State::Active:
        return tr("Active");
    case State::SurvivorIdle:
        return tr("Survivor idle");
    case State::SurvivorDisconnected:
        return tr("Survivor disconnected");
    case State::QuickExit:
        return tr("Left via quick exit");
    case State::Ended:
        return tr("Ended");
    case State::HandedOn:
        return tr("Handed on");
    }
    return {};
}

std::optional<int> Chat::rowOfClientId(const QString &clientId) const
{
    if (clientId.isEmpty())
        return std::nullopt;
    for (int row = static_cast<int>(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).clientId == clientId)
            return row;
    }
    return std::nullopt;
}

qint64 Chat::contiguousSeq() const
{
    QSet<qint64> held;
    for (const Entry &entry : m_entries) {
        if (entry.seq > 0)
            held.insert(entry.seq);
    }
    qint64 contiguous = 0;
    while (held.contains(contiguous + 1))
        ++contiguous;
    return contiguous;
}

bool Chat::append(const Entry &entry)
{
    if (entry.seq > 0 && entry.direction == MessageDirection::FromSurvivor) {
        for (const Entry &held : std::as_const(m_entries)) {
            if (held.seq == entry.seq && held.direction == MessageDirection::FromSurvivor)
                return false; // already held (resumed from the cache, or fetched twice)
        }
    }
    const int row = static_cast<int>(m_entries.size());
    Q_EMIT entriesAboutToBeAppended(row, row);
    m_entries.append(entry);
    m_lastSeq = qMax(m_lastSeq, entry.seq);
    Q_EMIT entriesAppended();
    return true;
}

void Chat::appendAll(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = static_cast<int>(m_entries.size());
    Q_EMIT entriesAboutToBeAppended(first, first + static_cast<int>(entries.size()) - 1);
    m_entries.append(entries);
    for (const Entry &entry : entries)
        m_lastSeq = qMax(m_lastSeq, entry.seq);
    Q_EMIT entriesAppended();
}

void Chat::setDelivery(int row, DeliveryState state, qint64 seq)
{
    Entry &entry = m_entries[row];
    const DeliveryState from = entry.delivery.value_or(DeliveryState::Sending);
    // A message the relay accepts again with a new seq was sent again after a relay restart (docs/protocol.md section
    // 8): its delivery follows the new seq.
    const bool numbered = seq > 0 && entry.seq != seq && from != DeliveryState::Delivered;
    const bool moves = deliveryMayBecome(from, state);
    if (!moves && !numbered)
        return;
    if (numbered) {
        entry.seq = seq;
        m_lastSeq = qMax(m_lastSeq, seq);
    }
    if (moves)
        entry.delivery = state;
    Q_EMIT entryChanged(row);
    QPointer<Chat> self(this);
    m_shift.cache().updateDelivery(entry.clientId, entry.delivery.value_or(DeliveryState::Sending),
                                   numbered ? std::optional<qint64>(seq) : std::nullopt, [self](CacheResult result) {
                                       if (self)
                                           self->m_shift.reportCache(result);
                                   });
}

void Chat::setDraft(const QString &text)
{
    if (text == m_draft)
        return;
    m_draft = text;
    if (text.trimmed().isEmpty())
        m_insertions.clear(); // the advocate cleared it: nothing canned is left in the draft
    m_draftSave.start();
    if (!isOpen() || text.isEmpty()) {
        stopTyping();
        return;
    }
    if (!m_typing) {
        m_typing = true;
        m_shift.session().setTyping(m_id, true);
    }
    m_typingIdle.start();
}

void Chat::stopTyping()
{
    m_typingIdle.stop();
    if (!m_typing)
        return;
    m_typing = false;
    if (isOpen())
        m_shift.session().setTyping(m_id, false);
}

void Chat::saveDraftNow()
{
    m_draftSave.stop();
    QPointer<Chat> self(this);
    m_shift.cache().saveDraft(m_id, m_draft, [self](WriteResult written) {
        if (self)
            self->m_shift.reportCache(written.result);
    });
}

void Chat::noteCannedInsertion(const QString &text, const QList<CannedFlag> &flags)
{
    m_insertions.append({text, flags});
}

QStringList Chat::cannedTexts() const
{
    QStringList texts;
    for (const CannedInsertion &insertion : m_insertions)
        texts.append(insertion.text);
    return texts;
}

QList<CannedFlag> Chat::keptCannedFlags() const
{
    QList<CannedFlag> flags;
    for (const CannedInsertion &insertion : m_insertions) {
        if (!DraftChecks::keptFrom(insertion.text, m_draft))
            continue;
        for (const CannedFlag flag : insertion.flags) {
            if (!flags.contains(flag))
                flags.append(flag);
        }
    }
    return flags;
}

bool Chat::promptGiven(Prompt prompt) const
{
    return prompt == Prompt::SafetyCheck ? m_safetyCheckGiven : m_confidentialityGiven;
}

void Chat::setCodeWord(const QString &codeWord)
{
    if (codeWord == m_codeWord)
        return;
    m_codeWord.fill(QChar(u'\0'));
    m_codeWord = codeWord;
    Q_EMIT changed();
}

qint64 Chat::elapsedMs() const
{
    return m_openedAt.isValid() ? qMax<qint64>(0, m_openedAt.msecsTo(m_shift.clock().now())) : 0;
}

NoticeReminder::State Chat::noticeState() const
{
    if (m_confidentialityGiven)
        return NoticeReminder::State::Given;
    return NoticeReminder(m_shift.cannedLibrary().policy().noticeReminderMinutes)
        .state(m_flagged, elapsedMs(), m_noticeDismissedAtMs);
}

void Chat::dismissNoticeReminder()
{
    m_noticeDismissedAtMs = elapsedMs();
    Q_EMIT changed();
}

QString Chat::sendDraft()
{
    if (!canWrite() || m_draft.trimmed().isEmpty())
        return {};
    const QString text = m_draft;
    // The flags of the canned entries this draft started from go with it, edited or not (WS10).
    const QList<CannedFlag> flags = keptCannedFlags();
    m_sendingDraft = takeDraftFacts(text);
    m_insertions.clear();
    m_draft.clear();
    saveDraftNow(); // the sent text is in the transcript now; the cached draft goes empty at once
    stopTyping();
    const QString clientId = send(text, flags);
    m_sendingDraft.reset();
    return clientId;
}

QString Chat::send(const QString &text, const QList<CannedFlag> &flags)
{
    if (!canWrite() || text.trimmed().isEmpty())
        return {};
    if (!flags.isEmpty()) {
        m_flagged.append({flags});
        m_safetyCheckGiven = m_safetyCheckGiven || flags.contains(CannedFlag::SafetyCheck);
        m_confidentialityGiven = m_confidentialityGiven || flags.contains(CannedFlag::MandatoryReporting);
    }
    const QString clientId = m_shift.session().send(m_id, text);
    Entry entry;
    entry.direction = MessageDirection::FromAdvocate;
    entry.author = m_shift.advocateName();
    entry.text = text;
    entry.at = m_shift.clock().now();
    entry.delivery = DeliveryState::Sending;
    entry.clientId = clientId;
    append(entry);
    MessageRecord record;
    record.conversationId = m_id;
    record.direction = MessageDirection::FromAdvocate;
    record.authorDisplayName = entry.author;
    record.text = text;
    record.createdAt = entry.at;
    record.deliveryState = DeliveryState::Sending;
    record.clientMessageId = clientId;
    QPointer<Chat> self(this);
    m_shift.cache().appendMessage(record, [self](WriteResult written) {
        if (self)
            self->m_shift.reportCache(written.result);
    });
    if (!flags.isEmpty())
        Q_EMIT changed();
    SentFacts facts = m_sendingDraft.value_or(SentFacts());
    facts.at = entry.at;
    facts.safetyCheck = flags.contains(CannedFlag::SafetyCheck);
    facts.notice = flags.contains(CannedFlag::MandatoryReporting);
    facts.checkIn = m_sendingCheckIn;
    Q_EMIT advocateSent(facts);
    return clientId;
}

void Chat::retry(const QString &clientId)
{
    const auto row = rowOfClientId(clientId);
    if (!row || m_entries.at(*row).delivery != DeliveryState::Failed || !isOpen())
        return;
    setDelivery(*row, DeliveryState::Sending);
    m_shift.session().retry(m_id, clientId, m_entries.at(*row).text);
}

void Chat::end()
{
    if (!isOpen())
        return;
    stopTyping();
    m_shift.session().end(m_id);
}

QString Chat::checkIn(const QString &text, const QList<CannedFlag> &flags)
{
    if (!isOpen() || m_checkInSent)
        return {};
    m_sendingCheckIn = true;
    const QString clientId = send(text, flags);
    m_sendingCheckIn = false;
    if (!clientId.isEmpty()) {
        m_checkInSent = true;
        Q_EMIT changed();
    }
    return clientId;
}

void Chat::closeOnIdle(const QString &closingText)
{
    if (!isOpen())
        return;
    send(closingText, {CannedFlag::Closing});
    stopTyping();
    m_shift.session().end(m_id, true);
}

void Chat::markRead()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    Q_EMIT changed();
}

void Chat::receive(qint64 seq, const QString &body, const QDateTime &at)
{
    Entry entry;
    entry.direction = MessageDirection::FromSurvivor;
    entry.author = tr("Survivor");
    entry.text = body;
    entry.at = at;
    entry.seq = seq;
    if (!append(entry))
        return;
    // The local clock: the relay's may differ, and the advocate's sense of "how long ago" is local.
    m_lastSurvivorMessage = m_shift.clock().now();
    ++m_unread;
    m_checkInSent = false; // a new silence starts
    m_inactivityStage = 0;
    if (m_state == State::SurvivorIdle || m_state == State::SurvivorDisconnected)
        m_state = State::Active;
    cacheReceived(entry);
    Q_EMIT changed();
    Q_EMIT survivorWrote();
}

void Chat::accepted(const QString &clientId, qint64 seq)
{
    if (const auto row = rowOfClientId(clientId))
        setDelivery(*row, DeliveryState::Sent, seq);
}

void Chat::failed(const QString &clientId)
{
    if (const auto row = rowOfClientId(clientId))
        setDelivery(*row, DeliveryState::Failed);
}

void Chat::deliveredUpTo(qint64 seq)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries.at(row);
        // Only what this workstation sent has a delivery to follow: messages a colleague wrote before the chat came
        // here (a handoff, a take-over) arrived, and were cached, as delivered.
        if (entry.direction == MessageDirection::FromAdvocate && !entry.clientId.isEmpty() && entry.seq > 0 &&
            entry.seq <= seq)
            setDelivery(row, DeliveryState::Delivered);
    }
}

void Chat::setPeerTyping(bool active)
{
    if (m_peerTyping == active)
        return;
    m_peerTyping = active;
    Q_EMIT changed();
}

void Chat::setPeerConnected(bool connected)
{
    if (!isOpen())
        return;
    m_state = connected ? (m_inactivityStage > 0 ? State::SurvivorIdle : State::Active) : State::SurvivorDisconnected;
    if (!connected)
        m_peerTyping = false;
    addNotice(connected ? tr("The survivor is connected again.")
                        : tr("The survivor's connection dropped; they may come back."));
    Q_EMIT changed();
}

void Chat::setInactivity(int stage)
{
    if (!isOpen())
        return;
    m_inactivityStage = stage;
    if (stage > 0 && m_state == State::Active)
        m_state = State::SurvivorIdle;
    Q_EMIT changed();
}

void Chat::setEnded(EndReason reason)
{
    if (!isOpen())
        return;
    m_state = reason == EndReason::QuickExit ? State::QuickExit : State::Ended;
    m_endReason = reason;
    m_peerTyping = false;
    m_colleaguesTyping.clear();
    m_inactivityStage = 0;
    m_typingIdle.stop();
    m_typing = false;
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
    addNotice(text);
    writeClosed();
    Q_EMIT changed();
}

void Chat::writeClosed()
{
    ConversationRecord record;
    record.id = m_id;
    record.openedAt = m_openedAt;
    record.language = m_language;
    record.alias = m_alias;
    record.closedAt = m_shift.clock().now();
    QPointer<Chat> self(this);
    m_shift.cache().upsertConversation(record, [self](CacheResult result) {
        if (self)
            self->m_shift.reportCache(result);
    });
}

void Chat::addNotice(const QString &text)
{
    Entry entry;
    entry.direction = MessageDirection::System;
    entry.author = tr("Notice");
    entry.text = text;
    entry.at = m_shift.clock().now();
    append(entry);
}

void Chat::setHandedOver(HandoffReason reason, const QString &from, const QString &note)
{
    m_handoffReason = reason;
    m_handedFrom = from;
    // The code word moves with the chat (WS10) and stays in memory only: the note keeps everything else.
    std::optional<HandoffNote> parsed = HandoffNote::fromBody(note);
    if (parsed) {
        if (!parsed->codeWord.isEmpty())
            setCodeWord(parsed->codeWord);
        parsed->codeWord.clear();
        m_handoffNote = parsed->isEmpty() ? QString() : parsed->toBody();
    } else {
        m_handoffNote = note; // from a workstation that writes free text: shown as it is
    }
    switch (reason) {
    case HandoffReason::Transfer:
        addNotice(tr("%1 handed this chat to you. Read their handoff note before you reply.").arg(from));
        break;
    case HandoffReason::Queue:
        addNotice(from.isEmpty() ? tr("This chat came back through the queue.")
                                 : tr("%1 passed this chat back to the queue; you are taking it over.").arg(from));
        break;
    case HandoffReason::Dropped:
        addNotice(tr("This chat came back to the queue because its advocate (%1) lost the connection and did not "
                     "return. The survivor may not know what happened.")
                      .arg(from));
        break;
    case HandoffReason::Supervisor:
        addNotice(
            tr("You took this chat over from %1. The survivor was told a supervisor is answering now.").arg(from));
        break;
    case HandoffReason::HandBack:
        addNotice(tr("%1 handed this chat back to you. The survivor was told you are answering again.").arg(from));
        break;
    }
    if (!m_handoffNote.isEmpty()) {
        NoteRecord record;
        record.kind = NoteKind::Handoff;
        record.conversationId = m_id;
        record.text = m_handoffNote;
        record.createdAt = m_shift.clock().now();
        record.updatedAt = record.createdAt;
        QPointer<Chat> self(this);
        m_shift.cache().addNote(std::move(record), [self](const WriteResult &written) {
            if (self)
                self->m_shift.reportCache(written.result);
        });
    }
    Q_EMIT changed();
}

void Chat::receiveEarlier(qint64 seq, const QString &body, const QDateTime &at, const QString &by, bool supervisor)
{
    Entry entry;
    entry.direction = MessageDirection::FromAdvocate;
    if (supervisor)
        entry.author = tr("%1 (supervisor)").arg(by);
    else if (!by.isEmpty() && by != m_handedFrom)
        entry.author = by;
    else
        entry.author =
            m_handedFrom.isEmpty() ? tr("Earlier advocate") : tr("%1 (before the handoff)").arg(m_handedFrom);
    entry.text = body;
    entry.at = at;
    entry.seq = seq;
    if (append(entry))
        cacheReceived(entry);
}

void Chat::cacheReceived(const Entry &entry)
{
    MessageRecord record;
    record.conversationId = m_id;
    record.direction = entry.direction;
    record.authorDisplayName = entry.author;
    record.text = entry.text;
    record.createdAt = entry.at;
    record.deliveryState = DeliveryState::Delivered;
    record.relaySequence = entry.seq;
    QPointer<Chat> self(this);
    m_shift.cache().appendMessage(record, [self](WriteResult written) {
        if (self)
            self->m_shift.reportCache(written.result);
    });
}

void Chat::setHandedOff(const QString &to, const QString &notice)
{
    if (!isOpen())
        return;
    m_state = State::HandedOn;
    m_handedTo = to.isEmpty() ? tr("the queue") : to;
    setCodeWord(QString()); // it moved with the chat: no longer this advocate's to keep
    m_peerTyping = false;
    m_colleaguesTyping.clear();
    m_inactivityStage = 0;
    m_typingIdle.stop();
    m_typing = false;
    if (!notice.isEmpty())
        addNotice(notice);
    else
        addNotice(to.isEmpty() ? tr("You passed this chat back to the queue. The next advocate gets your note.")
                               : tr("%1 accepted the handoff and answers the survivor now.").arg(to));
    writeClosed();
    Q_EMIT changed();
}

void Chat::restore(const QList<Entry> &entries, bool closed, const QString &draft)
{
    appendAll(entries);
    restoreGivenPrompts(entries);
    if (closed && isOpen()) {
        m_state = State::Ended;
        m_endReason = EndReason::AdvocateEnded;
    }
    if (!draft.isEmpty() && m_draft.isEmpty()) {
        m_draft = draft;
        Q_EMIT draftRestored();
    }
    Q_EMIT changed();
}

void Chat::restoreGivenPrompts(const QList<Entry> &entries)
{
    // The cache keeps what was said, not which canned entry it came from. A sent message that still carries most
    // of a safety-check or notice entry's words (the same rule as when it was sent) marks that prompt given again,
    // so a resumed shift does not remind the advocate of a notice the survivor already had.
    for (const Entry &entry : entries) {
        if (entry.direction != MessageDirection::FromAdvocate)
            continue;
        for (const CannedResponse &canned : m_shift.cannedLibrary().entries()) {
            const bool safety = canned.hasFlag(CannedFlag::SafetyCheck);
            const bool notice = canned.hasFlag(CannedFlag::MandatoryReporting);
            if ((!safety || m_safetyCheckGiven) && (!notice || m_confidentialityGiven))
                continue;
            for (const QString &text : canned.texts) {
                // Short texts are left out: "Are you safe now?" shares half its words with too many messages.
                constexpr qsizetype minimumWords = 8;
                if (text.split(u' ', Qt::SkipEmptyParts).size() < minimumWords)
                    continue;
                if (DraftChecks::keptFrom(text, entry.text)) {
                    m_safetyCheckGiven = m_safetyCheckGiven || safety;
                    m_confidentialityGiven = m_confidentialityGiven || notice;
                    break;
                }
            }
        }
    }
}

} // namespace advocate
