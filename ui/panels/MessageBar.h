// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QWidget>

class QPushButton;

namespace advocate {

class LiveLabel;

// A highlighted bar above the transcript that says something and offers what to do about it (a silence, a notice
// still to give). Named "<name>Bar", its text "<name>Text"; the text is a LiveLabel, so a screen reader hears it.
class MessageBar : public QWidget
{
    Q_OBJECT
public:
    MessageBar(const QString &name, QWidget *parent = nullptr);

    LiveLabel *text() const { return m_text; }
    // A button at the end of the bar; its text and accessible name are the caller's.
    QPushButton *addButton(const QString &objectName);

private:
    LiveLabel *m_text = nullptr;
};

} // namespace advocate
