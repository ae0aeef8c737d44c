// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "MessageBar.h"

class QPushButton;

namespace advocate {

class Handoffs;

// The shift log for this shift (WS13): the previous shift's notes, one at a time, each until the advocate
// acknowledges it. Hidden when there is none.
class ShiftLogPanel : public MessageBar
{
    Q_OBJECT
public:
    explicit ShiftLogPanel(Handoffs &handoffs, QWidget *parent = nullptr);

private:
    void refresh();
    void changeEvent(QEvent *event) override;

    Handoffs &m_handoffs;
    QPushButton *m_acknowledge = nullptr;
};

} // namespace advocate
