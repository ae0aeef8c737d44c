// SPDX-License-Identifier: GPL-3.0-only
#include "PracticeReports.h"

#include "cache/ShiftCache.h"
#include "client/Chat.h"
#include "client/Shift.h"
#include "common/Clock.h"

#include <QJsonDocument>
#include <QPointer>

#include <algorithm>

namespace advocate {

PracticeReports::PracticeReports(Shift &shift) : QObject(&shift), m_shift(shift)
{
    m_whisperTimer.setSingleShot(true);
    m_whisperTimer.setInterval(whisperInterval);
    connect(&m_whisperTimer, &QTimer::timeout, this, &PracticeReports::sendWhispers);
    connect(&m_shift, &Shift::chatAdded, this, &PracticeReports::onChatAdded);
}

std::optional<PracticeReport> PracticeReports::report(const QString &conversation) const
{
    const auto found = m_reports.constFind(conversation);
    return found == m_reports.constEnd() ? std::nullopt : std::optional<PracticeReport>(found->report);
}

bool PracticeReports::received(const QString &conversation) const
{
    const auto found = m_reports.constFind(conversation);
    return found != m_reports.constEnd() && found->received;
}

void PracticeReports::onChatAdded(Chat *chat)
{
    // A trainee's chat has its report from the start. A supervisor's workstation adds chats it only watches (joined,
    // monitoring) before it knows how it stands in them, so its own report starts with its first message (below).
    if (m_shift.practice() && m_shift.role() != Role::Supervisor && local(chat, true))
        changedLocally(chat->id());
    QPointer<Chat> watched(chat);
    connect(chat, &Chat::survivorWrote, this, [this, watched] {
        if (!watched || watched->participation() != Participation::Answering)
            return;
        Held *held = local(watched, false);
        if (!held)
            return;
        bool disclosure = false;
        const QList<Chat::Entry> &entries = watched->entries();
        if (m_recognizer && !entries.isEmpty() && entries.constLast().direction == MessageDirection::FromSurvivor)
            disclosure = m_recognizer(entries.constLast().text);
        held->report.survivorWrote(m_shift.clock().now(), disclosure);
        changedLocally(watched->id());
    });
    connect(chat, &Chat::advocateSent, this, [this, watched](const Chat::SentFacts &facts) {
        if (!watched || watched->participation() != Participation::Answering)
            return;
        Held *held = local(watched, true);
        if (!held)
            return;
        PracticeReport::Sent sent;
        sent.safetyCheck = facts.safetyCheck;
        sent.notice = facts.notice;
        sent.checkIn = facts.checkIn;
        sent.cannedUnchanged = facts.cannedUnchanged;
        sent.cannedEdited = facts.cannedEdited;
        sent.warningsIgnored = facts.warningsIgnored;
        sent.warningsFixed = facts.warningsFixed;
        held->report.advocateSent(facts.at, sent);
        changedLocally(watched->id());
    });
    connect(chat, &Chat::handoffNoteOffered, this, [this, watched](int identifyingDetailsLeft) {
        Held *held = watched ? local(watched, false) : nullptr;
        if (!held)
            return;
        held->report.handoffNoteOffered(identifyingDetailsLeft);
        changedLocally(watched->id());
    });
    connect(chat, &Chat::changed, this, [this, watched] {
        if (!watched)
            return;
        Held *held = local(watched, false);
        if (held && !watched->isOpen() && held->report.ending() == PracticeReport::Ending::Open) {
            held->report.ended(endingOf(*watched), m_shift.clock().now());
            changedLocally(watched->id());
        } else if (held && watched->isOpen()) {
            // Who is in the chat may have changed: a supervisor who came gets the report.
            m_whisperDue.insert(watched->id());
            if (!m_whisperTimer.isActive())
                m_whisperTimer.start();
        }
    });
}

PracticeReports::Held *PracticeReports::local(Chat *chat, bool create)
{
    const auto found = m_reports.find(chat->id());
    if (found != m_reports.end())
        return found->received ? nullptr : &*found;
    if (!create || !m_shift.practice())
        return nullptr;
    return &*m_reports.insert(chat->id(), Held{PracticeReport(chat->openedAt()), false});
}

PracticeReport::Ending PracticeReports::endingOf(const Chat &chat)
{
    if (chat.state() == Chat::State::HandedOn)
        return PracticeReport::Ending::HandedOn;
    switch (chat.endReason().value_or(EndReason::AdvocateEnded)) {
    case EndReason::SurvivorEnded:
        return PracticeReport::Ending::SurvivorEnded;
    case EndReason::AdvocateEnded:
        return PracticeReport::Ending::AdvocateEnded;
    case EndReason::QuickExit:
        return PracticeReport::Ending::QuickExit;
    case EndReason::IdleClosed:
        return PracticeReport::Ending::IdleClosed;
    case EndReason::Disconnected:
        return PracticeReport::Ending::Disconnected;
    }
    return PracticeReport::Ending::AdvocateEnded;
}

void PracticeReports::changedLocally(const QString &conversation)
{
    save(conversation);
    m_whisperDue.insert(conversation);
    if (!m_whisperTimer.isActive())
        m_whisperTimer.start();
    Q_EMIT reportChanged(conversation);
}

void PracticeReports::save(const QString &conversation)
{
    const auto found = m_reports.constFind(conversation);
    if (found == m_reports.constEnd())
        return;
    PracticeReportRecord record;
    record.conversationId = conversation;
    record.reportJson = QJsonDocument(found->report.toJson()).toJson(QJsonDocument::Compact);
    record.received = found->received;
    QPointer<Shift> shift(&m_shift);
    m_shift.cache().savePracticeReport(std::move(record), [shift](const WriteResult &written) {
        if (shift)
            shift->reportCache(written.result);
    });
}

void PracticeReports::sendWhispers()
{
    const QSet<QString> due = std::exchange(m_whisperDue, {});
    if (!m_shift.practice())
        return;
    for (const QString &conversation : due) {
        Chat *chat = m_shift.chat(conversation);
        const auto found = m_reports.constFind(conversation);
        if (!chat || !chat->isOpen() || found == m_reports.constEnd() || found->received)
            continue;
        // Only to supervisors present: the relay sends an advocate's whisper to them and refuses it without one.
        QStringList supervisors;
        for (const frame::Presence &presence : chat->staffPresent()) {
            if (presence.user != m_shift.userName() && (presence.participation == Participation::Joined ||
                                                        presence.participation == Participation::Monitoring))
                supervisors.append(presence.user);
        }
        if (supervisors.isEmpty() || chat->participation() != Participation::Answering)
            continue;
        std::sort(supervisors.begin(), supervisors.end());
        const QString body = found->report.toWhisperBody();
        const QString sentTo = supervisors.join(u',') + u'\n' + body;
        if (m_whispered.value(conversation) == sentTo)
            continue;
        m_whispered.insert(conversation, sentTo);
        chat->whisper(body);
    }
}

bool PracticeReports::receiveWhisper(const frame::WhisperNote &note)
{
    if (!m_shift.practice())
        return false;
    const std::optional<PracticeReport> report = PracticeReport::fromWhisperBody(note.body);
    if (!report)
        return false;
    if (note.from == m_shift.userName())
        return true; // the relay's copy of our own
    const auto found = m_reports.constFind(note.conversation);
    if (found != m_reports.constEnd() && !found->received)
        return true; // we answer this chat: our own report stands
    if (!m_shift.chat(note.conversation))
        return true;
    m_reports.insert(note.conversation, Held{*report, true});
    save(note.conversation);
    Q_EMIT reportChanged(note.conversation);
    return true;
}

void PracticeReports::loadRecovered()
{
    QPointer<PracticeReports> self(this);
    m_shift.cache().loadPracticeReports([self](const PracticeReportsResult &loaded) {
        if (!self)
            return;
        self->m_shift.reportCache(loaded.result);
        if (!self->m_shift.onShift())
            return; // the shift ended while the cache was read
        for (const PracticeReportRecord &record : loaded.reports) {
            const std::optional<PracticeReport> report =
                PracticeReport::fromJson(QJsonDocument::fromJson(record.reportJson).object());
            if (!report || self->m_reports.contains(record.conversationId))
                continue;
            self->m_reports.insert(record.conversationId, Held{*report, record.received});
            Q_EMIT self->reportChanged(record.conversationId);
        }
    });
}

void PracticeReports::clear()
{
    m_whisperTimer.stop();
    m_whisperDue.clear();
    m_whispered.clear();
    if (m_reports.isEmpty())
        return;
    m_reports.clear();
    Q_EMIT cleared();
}

} // namespace advocate
