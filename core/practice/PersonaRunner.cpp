// SPDX-License-Identifier: GPL-3.0-only
#include "PersonaRunner.h"

#include "practice/PersonaPhrases.h"

#include <cmath>
#include <utility>

namespace advocate {

PersonaRunner::PersonaRunner(Persona persona, QObject *parent) : QObject(parent), m_persona(std::move(persona))
{
    m_lineTimer.setSingleShot(true);
    m_silenceTimer.setSingleShot(true);
    connect(&m_lineTimer, &QTimer::timeout, this, &PersonaRunner::onLineTimer);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::Awaiting)
            return;
        for (int i = 0; i < m_step->branches.size(); ++i) {
            if (m_step->branches.at(i).when == Persona::When::Silence) {
                takeBranch(i);
                return;
            }
        }
    });
    connect(&m_client, &SurvivorClient::conversationStarted, this, &PersonaRunner::onConversationStarted);
    connect(&m_client, &SurvivorClient::messageReceived, this,
            [this](qint64, const QString &body) { onAdvocateMessage(body); });
    connect(&m_client, &SurvivorClient::ended, this, [this](EndReason reason) {
        if (m_finished)
            return;
        record(QStringLiteral("ended %1").arg(endReasonName(reason)));
        finish();
    });
    connect(&m_client, &SurvivorClient::finished, this, [this] {
        // Refused, busy, or the connection lost for good: nothing more can be played.
        if (m_client.state() == SurvivorClient::State::Finished)
            finish();
    });
}

void PersonaRunner::start(const QUrl &relayUrl, const Options &options)
{
    m_options = options;
    SurvivorClient::Options clientOptions;
    clientOptions.alias = m_persona.alias();
    clientOptions.language = m_persona.language();
    clientOptions.practice = true;
    clientOptions.reconnectDelay = std::max(options.reconnectDelay, std::chrono::milliseconds(1));
    m_client.start(relayUrl, clientOptions);
}

void PersonaRunner::stop()
{
    if (m_finished)
        return;
    m_client.quickExit();
    finish();
}

void PersonaRunner::record(const QString &entry)
{
    m_trace.append(entry);
    Q_EMIT traced(entry);
}

std::chrono::milliseconds PersonaRunner::scaled(double seconds) const
{
    return std::chrono::milliseconds(qMax<qint64>(0, std::llround(seconds * 1000.0 * m_options.pace)));
}

void PersonaRunner::onConversationStarted()
{
    if (m_finished)
        return;
    if (!m_joined) {
        m_joined = true;
        record(QStringLiteral("joined"));
        enterStep(m_persona.steps().first().id);
        return;
    }
    // Also after a handoff through the queue; only a scripted disconnect waits for it.
    if (m_phase == Phase::Away) {
        record(QStringLiteral("back %1").arg(m_step->id));
        enterStep(m_step->next);
    }
}

void PersonaRunner::enterStep(const QString &id)
{
    m_silenceTimer.stop();
    m_step = m_persona.step(id);
    m_line = 0;
    record(QStringLiteral("step %1").arg(id));
    playNextLine();
}

void PersonaRunner::playNextLine()
{
    if (m_line >= m_step->lines.size()) {
        afterLines();
        return;
    }
    m_phase = Phase::Silence;
    m_lineTimer.start(scaled(m_step->lines.at(m_line).silenceSeconds));
}

void PersonaRunner::onLineTimer()
{
    const Persona::Line &line = m_step->lines.at(m_line);
    if (m_phase == Phase::Silence && line.typingSeconds > 0) {
        m_phase = Phase::Typing;
        m_client.setTyping(true);
        m_lineTimer.start(scaled(line.typingSeconds));
        return;
    }
    if (m_phase == Phase::Typing)
        m_client.setTyping(false);
    m_client.send(line.text);
    record(QStringLiteral("line %1 %2").arg(m_step->id).arg(m_line));
    Q_EMIT lineSent(m_step->id, m_line);
    ++m_line;
    playNextLine();
}

void PersonaRunner::afterLines()
{
    const QString event = Persona::eventName(m_step->event);
    switch (m_step->event) {
    case Persona::Event::Next:
        enterStep(m_step->next);
        return;
    case Persona::Event::Await:
        startAwaiting();
        return;
    case Persona::Event::Disconnect:
        record(QStringLiteral("event %1 %2").arg(m_step->id, event));
        m_phase = Phase::Away;
        if (!m_client.dropAndComeBack(scaled(m_step->seconds)))
            finish();
        return;
    case Persona::Event::QuickExit:
        record(QStringLiteral("event %1 %2").arg(m_step->id, event));
        m_phase = Phase::Done;
        m_client.quickExit(); // ended(quick_exit) follows at once
        return;
    case Persona::Event::End:
        record(QStringLiteral("event %1 %2").arg(m_step->id, event));
        m_phase = Phase::Done;
        m_client.end(); // the relay answers with ended
        return;
    case Persona::Event::Wait:
        record(QStringLiteral("event %1 %2").arg(m_step->id, event));
        m_phase = Phase::Done;
        return;
    }
}

void PersonaRunner::startAwaiting()
{
    m_phase = Phase::Awaiting;
    record(QStringLiteral("await %1").arg(m_step->id));
    // What the advocate wrote meanwhile is read now, all of it at once: the first branch any of it matches.
    const QStringList unread = std::exchange(m_unread, {});
    if (const int index = matchingBranch(unread); index >= 0) {
        takeBranch(index);
        return;
    }
    for (const Persona::Branch &branch : m_step->branches) {
        if (branch.when == Persona::When::Silence)
            m_silenceTimer.start(scaled(branch.seconds));
    }
}

void PersonaRunner::onAdvocateMessage(const QString &body)
{
    if (m_finished)
        return;
    if (m_phase != Phase::Awaiting) {
        m_unread.append(body);
        return;
    }
    if (const int index = matchingBranch({body}); index >= 0) {
        takeBranch(index);
        return;
    }
    // Not what the step waits for: the silence counts again from this message.
    if (m_silenceTimer.isActive())
        m_silenceTimer.start();
}

int PersonaRunner::matchingBranch(const QStringList &messages) const
{
    const QString language = m_persona.language();
    for (int i = 0; i < m_step->branches.size(); ++i) {
        const Persona::Branch &branch = m_step->branches.at(i);
        for (const QString &message : messages) {
            bool matched = false;
            switch (branch.when) {
            case Persona::When::SafetyCheck:
                matched = PersonaPhrases::isSafetyCheck(message, language);
                break;
            case Persona::When::Notice:
                matched = PersonaPhrases::isNotice(message, language);
                break;
            case Persona::When::Keywords:
                matched = PersonaPhrases::containsKeyword(message, branch.keywords);
                break;
            case Persona::When::AnyReply:
                matched = true;
                break;
            case Persona::When::Silence:
                break;
            }
            if (matched)
                return i;
        }
    }
    return -1;
}

void PersonaRunner::takeBranch(int index)
{
    m_silenceTimer.stop();
    record(QStringLiteral("branch %1 %2").arg(m_step->id).arg(index));
    enterStep(m_step->branches.at(index).next);
}

void PersonaRunner::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_phase = Phase::Done;
    m_lineTimer.stop();
    m_silenceTimer.stop();
    Q_EMIT finished();
}

} // namespace advocate
