// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QPlainTextEdit>

#include <optional>

namespace advocate {

// The message composer (requirement WS7): Enter or Ctrl+Enter sends, Shift+Enter starts a new line, Esc leaves
// the composer. The relay's length limit is enforced here so a message is never refused as too long.
//
// The `/` quick search (WS9): a word that starts with '/' at the cursor (at the start of a line or after a space)
// is a search of the canned responses. While a search list is shown (setSlashListShown), Up/Down/Page keys move
// in it, Enter or Tab picks, and Esc closes the list; nothing is sent while the list is open.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    // A span of the draft to mark, in UTF-16 offsets (the draft checks' warnings).
    struct Mark
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };

    explicit Composer(QWidget *parent = nullptr);

    void setMaxLength(int maxChars);
    int maxLength() const { return m_maxChars; }
    // Characters as the relay counts them (code points).
    int length() const;

    // The `/word` at the cursor without the slash, or nothing.
    std::optional<QString> slashQuery() const;
    void setSlashListShown(bool shown);
    // Closes the `/` list for the current word (as Esc does).
    void dismissSlashList();
    bool slashListShown() const { return m_slashListShown; }
    // Replaces the `/word` at the cursor with `text` (for editing; never sends), or inserts at the cursor.
    void replaceSlashQuery(const QString &text);
    // Puts `text` in the composer for editing: replaces an empty draft, else goes in at the cursor on its own line.
    void insertForEditing(const QString &text);

    // Underlines the spans the draft checks found.
    void setMarks(const QList<Mark> &marks);

Q_SIGNALS:
    void sendRequested();
    void leaveRequested();
    // The `/word` at the cursor changed; `query` is empty-but-set for a lone '/', null when there is no search.
    void slashQueryChanged(const QString &query);
    void slashMoveRequested(int rows);
    void slashAcceptRequested();
    void slashDismissRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    void changeEvent(QEvent *event) override;

private:
    void enforceLimit();
    void updateSlashQuery();
    void retranslate();
    std::optional<std::pair<qsizetype, qsizetype>> slashSpan() const;

    int m_maxChars = 4000;
    bool m_slashListShown = false;
    bool m_slashDismissed = false; // Esc closed the list; a new '/' word opens it again
    std::optional<QString> m_lastSlashQuery;
};

} // namespace advocate
