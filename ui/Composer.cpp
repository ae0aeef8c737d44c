// SPDX-License-Identifier: GPL-3.0-only
#include "Composer.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace advocate {

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setTabChangesFocus(true);
    retranslate();
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::enforceLimit);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::updateSlashQuery);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &Composer::updateSlashQuery);
}

void Composer::retranslate()
{
    setAccessibleName(tr("Message to the survivor"));
    setPlaceholderText(tr("Type a message. Enter sends, Shift+Enter starts a new line, Esc leaves. Type / to search "
                          "canned responses."));
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QPlainTextEdit::changeEvent(event);
}

void Composer::setMaxLength(int maxChars)
{
    m_maxChars = maxChars;
    enforceLimit();
}

int Composer::length() const
{
    return static_cast<int>(toPlainText().toUcs4().size());
}

bool Composer::event(QEvent *event)
{
    // Tab normally moves the focus before keyPressEvent sees it; with the `/` list open it picks instead.
    if (event->type() == QEvent::KeyPress && m_slashListShown) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            Q_EMIT slashAcceptRequested();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    // While the `/` list is open, Enter in any form (keypad, Ctrl, Shift) picks from the list and never sends.
    if (m_slashListShown && enter) {
        Q_EMIT slashAcceptRequested();
        return;
    }
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (m_slashListShown && modifiers == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_Up:
            Q_EMIT slashMoveRequested(-1);
            return;
        case Qt::Key_Down:
            Q_EMIT slashMoveRequested(1);
            return;
        case Qt::Key_PageUp:
            Q_EMIT slashMoveRequested(-5);
            return;
        case Qt::Key_PageDown:
            Q_EMIT slashMoveRequested(5);
            return;
        case Qt::Key_Escape:
            dismissSlashList();
            return;
        default:
            break;
        }
    }
    if (enter && event->modifiers().testFlag(Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    if (enter) {
        Q_EMIT sendRequested();
        return;
    }
    if (key == Qt::Key_Escape) {
        Q_EMIT leaveRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void Composer::focusOutEvent(QFocusEvent *event)
{
    // Leaving the composer (Tab, a click elsewhere, a chat switch) closes the `/` list; the window merely losing
    // activation does not.
    if (m_slashListShown && event->reason() != Qt::ActiveWindowFocusReason && event->reason() != Qt::PopupFocusReason)
        dismissSlashList();
    QPlainTextEdit::focusOutEvent(event);
}

void Composer::dismissSlashList()
{
    if (!m_slashListShown)
        return;
    m_slashDismissed = true;
    Q_EMIT slashDismissRequested();
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    // Plain text only, whatever the clipboard holds.
    if (source->hasText())
        insertPlainText(source->text());
}

void Composer::enforceLimit()
{
    const QString text = toPlainText();
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() <= m_maxChars)
        return;
    const QString cut = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), m_maxChars);
    QSignalBlocker blocker(this);
    setPlainText(cut);
    moveCursor(QTextCursor::End);
    blocker.unblock();
    Q_EMIT textChanged();
}

std::optional<std::pair<qsizetype, qsizetype>> Composer::slashSpan() const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return std::nullopt;
    const QString line = cursor.block().text();
    const qsizetype column = cursor.positionInBlock();
    qsizetype start = column;
    while (start > 0 && !line.at(start - 1).isSpace())
        --start;
    if (start >= column || line.at(start) != u'/')
        return std::nullopt;
    // The word must end at the cursor, so typing in the middle of "and/or" or a path never opens a search.
    if (column < line.size() && !line.at(column).isSpace())
        return std::nullopt;
    return std::make_pair(cursor.block().position() + start, column - start);
}

std::optional<QString> Composer::slashQuery() const
{
    const auto span = slashSpan();
    if (!span)
        return std::nullopt;
    return toPlainText().mid(span->first + 1, span->second - 1);
}

void Composer::updateSlashQuery()
{
    const std::optional<QString> query = slashQuery();
    if (!query)
        m_slashDismissed = false;
    if (query == m_lastSlashQuery)
        return;
    const bool newWord = query && (!m_lastSlashQuery || query->isEmpty());
    if (newWord)
        m_slashDismissed = false;
    m_lastSlashQuery = query;
    if (m_slashDismissed)
        return;
    Q_EMIT slashQueryChanged(query ? (query->isEmpty() ? QStringLiteral("") : *query) : QString());
}

void Composer::setSlashListShown(bool shown)
{
    m_slashListShown = shown;
}

void Composer::replaceSlashQuery(const QString &text)
{
    QTextCursor cursor = textCursor();
    if (const auto span = slashSpan()) {
        cursor.setPosition(span->first);
        cursor.setPosition(span->first + span->second, QTextCursor::KeepAnchor);
    }
    cursor.insertText(text);
    setTextCursor(cursor);
    m_slashDismissed = false;
}

void Composer::insertForEditing(const QString &text)
{
    QTextCursor cursor = textCursor();
    if (toPlainText().trimmed().isEmpty()) {
        // Through the cursor rather than setPlainText, so that Ctrl+Z takes it out again.
        cursor.select(QTextCursor::Document);
        cursor.insertText(text);
        setTextCursor(cursor);
        return;
    }
    // A selection is kept: the text goes in after it, never over it.
    cursor.setPosition(cursor.selectionEnd());
    const QString before = toPlainText().left(cursor.position());
    cursor.insertText(before.isEmpty() || before.endsWith(u'\n') ? text : QStringLiteral("\n") + text);
    setTextCursor(cursor);
}

void Composer::setMarks(const QList<Mark> &marks)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Mark &mark : marks) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(static_cast<int>(mark.start));
        selection.cursor.setPosition(static_cast<int>(mark.start + mark.length), QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(palette().color(QPalette::Link));
        selections.append(selection);
    }
    setExtraSelections(selections);
}

} // namespace advocate
