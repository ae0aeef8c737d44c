// SPDX-License-Identifier: GPL-3.0-only
#include "practice/PracticeSurvivors.h"

#include "practice/PersonaRunner.h"

#include <QTimer>

#include <algorithm>
#include <chrono>

namespace advocate {

PracticeSurvivors::PracticeSurvivors(QObject *parent) : QObject(parent) {}

PracticeSurvivors::~PracticeSurvivors()
{
    stopAll();
}

bool PracticeSurvivors::start(const Persona &persona, const QUrl &relay, bool relayIsPractice)
{
    if (!relayIsPractice || !relay.isValid())
        return false;
    auto *runner = new PersonaRunner(persona, this);
    m_runners.append(runner);
    connect(&runner->client(), &SurvivorClient::problem, this,
            [this, title = persona.title()](const QString &message) { Q_EMIT problem(title, message); });
    connect(runner, &PersonaRunner::finished, this, [this, runner] {
        m_runners.removeAll(runner);
        // Gone once its connection closed, so a last frame (the quick exit of stopAll()) still reaches the relay; at
        // the latest a few seconds later (a connection that was already closed says nothing more).
        connect(&runner->client(), &SurvivorClient::finished, runner, &QObject::deleteLater);
        QTimer::singleShot(std::chrono::seconds(5), runner, &QObject::deleteLater);
        Q_EMIT changed();
    });
    PersonaRunner::Options options;
    options.pace = m_pace;
    runner->start(relay, options);
    Q_EMIT changed();
    return true;
}

int PracticeSurvivors::running() const
{
    return static_cast<int>(std::count_if(m_runners.cbegin(), m_runners.cend(),
                                          [](const QPointer<PersonaRunner> &r) { return r && !r->isFinished(); }));
}

void PracticeSurvivors::stopAll()
{
    // stop() finishes the runner, which removes it from the list: iterate over a copy.
    const QList<QPointer<PersonaRunner>> runners = m_runners;
    for (const QPointer<PersonaRunner> &runner : runners) {
        if (runner)
            runner->stop();
    }
}

} // namespace advocate
