// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/WorkstationSettings.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace advocate {

// The advocate's own settings: the interface language (WS18), the name canned responses use for {advocate} and the
// idle time before the workstation locks (WS15). What IT set for the computer (PK2) is shown locked, with why: the
// lock time's control disabled, and the rest (relay, pinned key, library, draft checks) read-only under "Set by your
// IT department". Nothing here is conversation content; the caller stores the values.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QString &language, const QString &advocateName, const WorkstationSettings &settings,
                   QWidget *parent = nullptr);

    // "" follows the system's language.
    QString language() const;
    QString advocateName() const;
    int lockMinutes() const;

private:
    void addManagedRows(const WorkstationSettings &settings);
    void addManagedRow(QFormLayout *form, const QString &label, const QString &name, const QString &value);

    QComboBox *m_language = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_lockMinutes = nullptr;
};

} // namespace advocate
