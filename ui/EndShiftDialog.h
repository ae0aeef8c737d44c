// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace advocate {

// Shown when the shift cannot end because chats are still open (requirement WS2): lists them and asks for a
// typed reason and a category before the override is allowed. The relay's audit log gets the category, who and
// when; the typed reason stays in the shift cache's log and is wiped with it.
class EndShiftDialog : public QDialog
{
    Q_OBJECT
public:
    // `openChats` are the names the advocate sees ("Chat 1"), never aliases.
    EndShiftDialog(const QStringList &openChats, QWidget *parent = nullptr);

    QString reason() const;
    frame::OverrideCategory category() const;

Q_SIGNALS:
    void overrideRequested(const QString &reason, advocate::frame::OverrideCategory category);
    // The advocate chose to hand the open chats on instead (the first one's handoff dialog opens).
    void handOnRequested();

private:
    QComboBox *m_category = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace advocate
