// SPDX-License-Identifier: GPL-3.0-only
#include "Composer.h"

#include <QKeyEvent>
#include <QMimeData>

namespace advocate {

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message to the survivor"));
    setPlaceholderText(tr("Type a message. Enter sends, Shift+Enter starts a new line, Esc leaves."));
    setTabChangesFocus(true);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::enforceLimit);
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

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers().testFlag(Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    if (enter) {
        Q_EMIT sendRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT leaveRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
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

} // namespace advocate
