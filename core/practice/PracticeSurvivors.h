// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "practice/Persona.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace advocate {

class PersonaRunner;

// The scripted survivors this workstation started for a practice session (issue 18, item 4: a supervisor runs a
// practice session for a trainee, or a trainee practises alone): each plays its persona through the practice relay
// the shift is signed in to, waits in the queue like any survivor and is taken by whoever takes the next chat. They
// live as long as the shift: ending it (or signing out) stops every one still running, with quick exit, so no
// practice chat outlives the shift. Holds no conversation text; the personas' lines are in the shipped files.
class PracticeSurvivors : public QObject
{
    Q_OBJECT
public:
    explicit PracticeSurvivors(QObject *parent = nullptr);
    ~PracticeSurvivors() override;

    // Persona times are multiplied by this (1: real time, as a trainee should meet them; tests run faster).
    void setPace(double pace) { m_pace = pace; }
    // Starts `persona` as a practice survivor on `relay`. Refused (false) when the relay is not a practice one:
    // a live relay would refuse it anyway, and the workstation never even tries.
    bool start(const Persona &persona, const QUrl &relay, bool relayIsPractice);
    // How many started here are still in the queue or in a chat.
    int running() const;
    // Quick exit for every one still running (the shift ends).
    void stopAll();

Q_SIGNALS:
    // One started, or one finished (its chat ended, or it could not start).
    void changed();
    // A persona could not start or go on; `message` is a plain sentence from the relay or the connection, without
    // conversation text. `title` names the persona.
    void problem(const QString &title, const QString &message);

private:
    QList<QPointer<PersonaRunner>> m_runners;
    double m_pace = 1.0;
};

} // namespace advocate
