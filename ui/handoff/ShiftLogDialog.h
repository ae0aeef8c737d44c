// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDialog>

class QPushButton;

namespace advocate {

class CheckedTextEdit;
class Handoffs;

// The shift log (WS13): a short note for the next shift, with no survivor identifiers (the same checks as the
// handoff note warn as the advocate types). Sending it is the outgoing advocate's sign-off; the relay holds it in
// memory for the next shift.
class ShiftLogDialog : public QDialog
{
    Q_OBJECT
public:
    ShiftLogDialog(Handoffs &handoffs, int maxChars, QWidget *parent = nullptr);
    CheckedTextEdit *field() const { return m_text; }
    void signOff();

private:
    Handoffs &m_handoffs;
    int m_maxChars;
    CheckedTextEdit *m_text = nullptr;
    QPushButton *m_signOff = nullptr;
};

} // namespace advocate
