// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedSearchModel.h"
#include "client/Chat.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QWidget;

namespace advocate {

class CannedPicker;
class ComposePanel;
class Shift;
class UiLanguage;

// The main window's canned responses (WS7–WS9): the language they are chosen in (the chat on screen's, else the
// interface's, else the library's default) and the placeholder values filled in ({program}, {hotline_phone},
// {hours} from the relay's config, which the library may override for testing: Shift::programValues; {advocate}
// from Settings) for the picker, the quick search and the draft checks; the
// program's standard wordings (check-in, the safety and mandatory-reporting prompts, the idle close) with built-in
// texts where the library has none; the personal-entry and library-problems dialogs the picker asks for.
class CannedContext : public QObject
{
    Q_OBJECT
public:
    // `window` is the parent of the dialogs (the window closes them when it locks).
    CannedContext(Shift &shift, CannedPicker &picker, ComposePanel &compose, QWidget &window);

    // The interface language, for the built-in wordings and when no chat is on screen.
    void setUiLanguage(UiLanguage *language) { m_uiLanguage = language; }
    // The name for {advocate} (Settings). Never the sign-in name: it may identify the advocate. Without a name set,
    // {advocate} stays to be filled.
    void setAdvocateName(const QString &name) { m_advocateName = name.trimmed(); }
    QString advocateName() const { return m_advocateName; }

    // The language canned responses are chosen in while `current` is on screen (nullptr: no chat).
    QString language(const Chat *current) const;
    // The picker, the quick search and the draft checks follow `current`'s language and the values of now.
    void update(const Chat *current);
    // The library changed: the picker, the quick search and the draft policy show it.
    void showLibrary(const Chat *current);
    // The prompt's wording (the program's, else the built-in one) goes into the composer for `current`.
    void insertPrompt(Chat::Prompt prompt, const Chat *current);
    // The check-in in `current`: the program's wording in the chat's language, complete, is sent at once. Anything
    // else (only another language, placeholders to fill, or no such entry, where the built-in text follows the
    // interface language rather than the chat's) goes into the composer for the advocate to check and send.
    void checkIn(Chat &current);
    static QString idleCloseText();

    void newPersonalEntry(const Chat *current);
    void showLibraryProblems();

private:
    QHash<QString, QString> values(const QString &language) const;
    // The program's entry with `flag`, filled in `current`'s language; none when the library has no such entry.
    std::optional<CannedSearchModel::Choice> programWording(CannedFlag flag, const Chat *current) const;

    Shift &m_shift;
    CannedPicker &m_picker;
    ComposePanel &m_compose;
    QWidget &m_window;
    UiLanguage *m_uiLanguage = nullptr;
    QString m_advocateName;
};

} // namespace advocate
