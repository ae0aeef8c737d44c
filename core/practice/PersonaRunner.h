// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/SurvivorClient.h"
#include "practice/Persona.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace advocate {

// Plays a persona through the normal protocol as a practice survivor (issue 18, docs/practice.md "Personas"): a
// SurvivorClient with Options::practice opens the session and waits in the queue; once an advocate joins, the steps
// run from the first: each line after its silence and with the survivor's typing indicator for its typing time; then
// the step's event, or, for "await", the first branch that matches what the advocate wrote (or a silence).
//
// Time: every persona duration is multiplied by `pace` (1 plays in real time; tests use a small pace, e.g. 0.005, to
// run a whole persona in well under a second). The runner keeps a trace without conversation text, so tests can
// assert which steps, branches and events were taken:
//   "joined"                         an advocate joined and the script starts
//   "step <id>"                      a step began
//   "line <id> <n>"                  its line n (from 0) was sent
//   "await <id>"                     the step's lines are sent and it waits for the advocate
//   "branch <id> <n>"                branch n (from 0) of the step's await was taken
//   "event <id> <event>"             disconnect, quick_exit, end or wait
//   "back <id>"                      the survivor came back after the step's disconnect
//   "ended <reason>"                 the chat ended (the protocol's end reason)
class PersonaRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        double pace = 1.0;
        // After a connection the network dropped (not a scripted disconnect): come back after this delay.
        std::chrono::milliseconds reconnectDelay{1000};
    };

    explicit PersonaRunner(Persona persona, QObject *parent = nullptr);

    void start(const QUrl &relayUrl, const Options &options);
    // Stops the script: quick exit if a session is open (the command line's Ctrl+C).
    void stop();

    const Persona &persona() const { return m_persona; }
    SurvivorClient &client() { return m_client; }
    const QStringList &trace() const { return m_trace; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // A trace entry (see above).
    void traced(const QString &entry);
    // Line `line` of step `step` was sent; its text is in persona().
    void lineSent(const QString &step, int line);
    // The script is over: the chat ended or the session could not go on.
    void finished();

private:
    enum class Phase { Idle, Silence, Typing, Awaiting, Away, Done };

    void record(const QString &entry);
    void enterStep(const QString &id);
    void playNextLine();
    void onLineTimer();
    void afterLines();
    void startAwaiting();
    void onAdvocateMessage(const QString &body);
    // The first branch (in order) matched by any of `messages`; -1 for none.
    int matchingBranch(const QStringList &messages) const;
    void takeBranch(int index);
    void onConversationStarted();
    void finish();
    std::chrono::milliseconds scaled(double seconds) const;

    Persona m_persona;
    SurvivorClient m_client;
    Options m_options;
    QStringList m_trace;
    const Persona::Step *m_step = nullptr;
    int m_line = 0;
    Phase m_phase = Phase::Idle;
    bool m_joined = false;
    bool m_finished = false;
    QStringList m_unread; // advocate messages that came while the survivor was not waiting for them
    QTimer m_lineTimer;
    QTimer m_silenceTimer;
};

} // namespace advocate
