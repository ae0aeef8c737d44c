// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedSearchModel.h"
#include "canned/DraftChecks.h"

#include <QPointer>
#include <QWidget>

class QPushButton;

namespace advocate {

class CannedQuickSearch;
class Chat;
class Composer;
class DraftWarningsPanel;
class LiveLabel;

// Where the advocate writes (WS7–WS9): the composer with the `/` quick search, the length against the relay's
// limit, Send and End chat, and the live draft warnings with their fixes. It writes into one Chat's draft (which
// the Chat saves and sends) and inserts canned text for editing, never sending it by itself.
class ComposePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComposePanel(QWidget *parent = nullptr);

    // The chat the composer writes to, with its draft; nullptr empties and disables it.
    void showChat(Chat *chat);
    // The chat's draft came back from the cache.
    void showDraft();
    // The chat's state changed: writing is possible only in an open chat.
    void refresh();
    // The language the draft checks use, and the program's checks.
    void setLanguage(const QString &language);
    void setChecks(DraftChecks checks);
    void setMaxLength(int maxChars);
    // Puts canned text into the composer for editing (or takes the `/` word's replacement the quick search made).
    void insertCanned(const CannedSearchModel::Choice &choice, bool replaceSlashWord = false);
    CannedSearchModel &quickSearchModel();
    Composer *composer() const { return m_composer; }
    void focusComposer();
    // The shift ended: the composer, its undo history and the quick search are emptied.
    void forgetShift();

Q_SIGNALS:
    // The advocate left the composer for the conversation list (Esc).
    void leaveRequested();
    // What the advocate should know about an inserted canned text (another language, placeholders to fill).
    void cannedNotes(const QString &notes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void send();
    void runChecks();
    void applyFix(const DraftChecks::Warning &warning);
    void updateLength();
    void retranslate();

    QPointer<Chat> m_chat;
    QString m_language;
    DraftChecks m_checks;
    Composer *m_composer = nullptr;
    CannedQuickSearch *m_quickSearch = nullptr; // child of the composer
    LiveLabel *m_length = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_endChat = nullptr;
    DraftWarningsPanel *m_warnings = nullptr;
};

} // namespace advocate
