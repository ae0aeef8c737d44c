// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "practice/PersonaLibrary.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace advocate {

class LiveLabel;
class PracticeSurvivors;
class Shift;

// "Start a practice chat" (issue 18, item 4): on a practice relay a supervisor starts a scripted survivor for a
// trainee, or a trainee for themselves. Pick the survivor's language and a persona (its title and what it
// practises are shown); Start puts the persona in the queue, where whoever takes the next chat gets it. Not modal:
// it stays open to start another. What it says is heard by a screen reader.
class PracticeChatDialog : public QDialog
{
    Q_OBJECT
public:
    PracticeChatDialog(Shift &shift, PracticeSurvivors &survivors, PersonaLibrary library, QWidget *parent = nullptr);

private:
    void fillPersonas();
    void showSelected();
    void startSelected();
    void showRunning();

    Shift &m_shift;
    PracticeSurvivors &m_survivors;
    const PersonaLibrary m_library;
    QComboBox *m_language = nullptr;
    QListWidget *m_personas = nullptr;
    QLabel *m_description = nullptr;
    QPushButton *m_start = nullptr;
    LiveLabel *m_status = nullptr;
};

} // namespace advocate
