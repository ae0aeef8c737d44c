// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "MessageBar.h"

namespace advocate {

class Shift;

// The canned-response library sets a program fact ({program}, {hotline_phone}, {hours}) itself instead of taking
// the relay's (issue 17): allowed for testing, never silently. A bar above the chats names the placeholders it sets
// while it does; hidden otherwise.
class ProgramOverrideBar : public MessageBar
{
    Q_OBJECT
public:
    explicit ProgramOverrideBar(Shift &shift, QWidget *parent = nullptr);

private:
    void refresh();
    void changeEvent(QEvent *event) override;

    Shift &m_shift;
};

} // namespace advocate
