// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace advocate {

// Shown when the shift cannot end because chats are still open (requirement WS2): lists them and asks for a
// typed reason before the override is allowed.
class EndShiftDialog : public QDialog
{
    Q_OBJECT
public:
    // `openChats` are the names the advocate sees ("Chat 1"), never aliases.
    EndShiftDialog(const QStringList &openChats, QWidget *parent = nullptr);

    QString reason() const;

Q_SIGNALS:
    void overrideRequested(const QString &reason);

private:
    QLineEdit *m_reason = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace advocate
