// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedLibrary.h"
#include "canned/CannedSearchModel.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace advocate {

// The canned-response panel (WS9): search by title, text or shortcut, a category filter, a preview of the filled
// text in the chat's language with what still needs filling, and the advocate's personal entries for the shift.
// Inserting only asks for the text to go into the composer for editing; the panel never sends.
class CannedPicker : public QWidget
{
    Q_OBJECT
public:
    explicit CannedPicker(QWidget *parent = nullptr);

    CannedSearchModel &model() { return m_model; }
    // Shows where the library came from and whether it had problems.
    void showLibrary(const CannedLibrary &library);
    // Puts the keyboard in the search field.
    void focusSearch();
    // Empties the search field and its undo history (the shift ended).
    void clearSearch();
    QString chatLanguage() const { return m_model.language(); }

Q_SIGNALS:
    void insertRequested(const advocate::CannedSearchModel::Choice &choice);
    void newPersonalRequested();
    void removePersonalRequested(const QString &id);
    void problemsRequested();
    // Esc: back to the composer.
    void leaveRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void showCurrent();
    void insertCurrent();

    CannedSearchModel m_model;
    QLabel *m_title = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QLabel *m_listTitle = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_notes = nullptr;
    QPushButton *m_insert = nullptr;
    QPushButton *m_newPersonal = nullptr;
    QPushButton *m_removePersonal = nullptr;
    QPushButton *m_problems = nullptr;
    // What showLibrary() was given, kept for retranslation.
    std::optional<CannedLibrary::Source> m_source;
    int m_problemCount = 0;
    int m_entryCount = 0;
    QString m_currentId; // kept across model resets
};

} // namespace advocate
