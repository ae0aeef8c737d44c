// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "handoff/IdentifyingDetails.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace advocate {

class DraftWarningsPanel;

// A labelled text field for what goes to a colleague (a handoff note field, the shift log) that warns, as the
// advocate types, about identifying details: phone numbers, e-mail and street addresses, dates that look like a
// birth date and names (IdentifyingDetails). Each warning says why and offers a fix that puts a neutral placeholder
// in; nothing blocks.
class CheckedTextEdit : public QWidget
{
    Q_OBJECT
public:
    // `name` is the object name of the field ("summary"); its warnings panel is "<name>Warnings".
    CheckedTextEdit(const QString &name, const QString &label, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // The survivor's chosen name and the conversation's language, for the name check and the word lists.
    void setContext(const QStringList &knownNames, const QString &language);
    QPlainTextEdit *editor() const { return m_edit; }
    DraftWarningsPanel *warnings() const { return m_warnings; }
    // Runs the checks now instead of after the short pause (tests, and before the dialog closes).
    void checkNow();

Q_SIGNALS:
    void textChanged();

private:
    IdentifyingDetails m_checks;
    QStringList m_knownNames;
    QString m_language = QStringLiteral("en");
    QLabel *m_label = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    DraftWarningsPanel *m_warnings = nullptr;
    QTimer m_pause;
};

} // namespace advocate
