// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QLabel>

namespace advocate {

// A label whose text changes while the window is open (status, errors, counts, alerts). Its accessible name says
// what it is ("Shift status") and stays put; its accessible description follows the text, so a screen reader
// hears the change and can read the current text (WS18). A plain QLabel with an accessible name would keep
// announcing only the name.
//
// setText() and clear() hide QLabel's: keep members of this type (not QLabel *) so every change goes through here.
class LiveLabel : public QLabel
{
    Q_OBJECT
public:
    explicit LiveLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    void clear();
};

} // namespace advocate
