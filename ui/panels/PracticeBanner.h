// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QFrame>

namespace advocate {

class LiveLabel;

// The workstation is signed in to a practice relay (issue 18, docs/practice.md): a banner above every page of the
// window says "Practice — not a real survivor" in colours of its own, and the window's title says "Practice" too.
// It has no button to close it: it stays for as long as the relay signed in to is a practice one, and is hidden (with
// the normal title) on a live relay. Its text is a LiveLabel, so a screen reader hears it appear.
class PracticeBanner : public QFrame
{
    Q_OBJECT
public:
    explicit PracticeBanner(QWidget *parent = nullptr);

    // Whether the relay signed in to runs a practice program (Shift::practice(), after each sign-in).
    void setPractice(bool practice);
    bool practice() const { return m_practice; }
    // The main window's title for that relay: "Practice — Advocate Desk" on a practice relay, else "Advocate Desk".
    QString mainWindowTitle() const;

Q_SIGNALS:
    void mainWindowTitleChanged(const QString &title);

private:
    void retranslate();
    void changeEvent(QEvent *event) override;

    LiveLabel *m_text = nullptr;
    bool m_practice = false;
};

} // namespace advocate
