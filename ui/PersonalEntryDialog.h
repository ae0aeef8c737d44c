// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedIssue.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace advocate {

// A new personal canned response for this shift (WS9): title, optional shortcut, category and text in one
// language. The entry lives in the encrypted shift cache and is gone at shift end; the dialog says so.
class PersonalEntryDialog : public QDialog
{
    Q_OBJECT
public:
    // `language`: the tag the text is written in (the current chat's language, or the interface's).
    explicit PersonalEntryDialog(const QString &language, QWidget *parent = nullptr);

    // The entry in the library's format with the given id.
    QJsonObject entry(const QString &id) const;
    // Shows why the library refused the entry; the dialog stays open with everything typed.
    void showProblems(const QList<CannedIssue> &issues);

Q_SIGNALS:
    // Save was pressed; the receiver adds the entry, then calls accept() or showProblems().
    void saveRequested();

private:
    QString m_language;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_shortcut = nullptr;
    QComboBox *m_category = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_problems = nullptr;
};

} // namespace advocate
