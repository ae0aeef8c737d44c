// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QWidget>

class QPushButton;

namespace advocate {

class LiveLabel;

// What the window shows after a shift: nothing of it, only how it ended (the wipe's outcome) and the way on — a new
// shift (a new sign-in) or quitting.
class ShiftEndedPage : public QWidget
{
    Q_OBJECT
public:
    explicit ShiftEndedPage(QWidget *parent = nullptr);

    // How the shift ended; the keyboard goes to "Start a new shift".
    void showResult(const QString &text);

Q_SIGNALS:
    void newShiftRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    LiveLabel *m_text = nullptr;
    QPushButton *m_newShift = nullptr;
    QPushButton *m_quit = nullptr;
};

} // namespace advocate
