// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace advocate {

// The advocate's own settings: the interface language (WS18) and the name canned responses use for {advocate}.
// Nothing here is conversation content; the caller stores the values.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QString &language, const QString &advocateName, QWidget *parent = nullptr);

    // "" follows the system's language.
    QString language() const;
    QString advocateName() const;

private:
    QComboBox *m_language = nullptr;
    QLineEdit *m_name = nullptr;
};

} // namespace advocate
