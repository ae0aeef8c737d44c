// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace advocate {

class Handoffs;
class LiveLabel;

// A colleague offers this advocate a chat (WS12): who, the language, the survivor's chosen name, how long the offer
// stands, and the handoff note to read before answering; Accept takes the chat, Decline leaves it with the
// colleague. One offer at a time, the oldest first; hidden when none stands. Also what the lock screen hides.
class OfferPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OfferPanel(Handoffs &handoffs, QWidget *parent = nullptr);

    // The note as the receiver reads it: the four fields under their headings, or a colleague's free text.
    static QString readableNote(const QString &note);

private:
    void refresh();
    void retranslate();
    void changeEvent(QEvent *event) override;

    Handoffs &m_handoffs;
    QString m_offer;
    LiveLabel *m_text = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_decline = nullptr;
};

} // namespace advocate
