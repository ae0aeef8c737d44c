// SPDX-License-Identifier: GPL-3.0-only
#include "ComposePanel.h"

#include "CannedQuickSearch.h"
#include "CannedText.h"
#include "Composer.h"
#include "DraftWarningsPanel.h"
#include "LiveLabel.h"
#include "client/Chat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace advocate {

ComposePanel::ComposePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("composeArea"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_composer = new Composer(this);
    m_composer->setMaximumHeight(110);
    m_quickSearch = new CannedQuickSearch(m_composer, this);
    connect(m_quickSearch, &CannedQuickSearch::inserted, this,
            [this](const CannedSearchModel::Choice &choice) { insertCanned(choice, true); });
    layout->addWidget(m_quickSearch->widget());

    auto *row = new QHBoxLayout;
    m_length = new LiveLabel(this);
    m_length->setObjectName(QStringLiteral("lengthCounter"));
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_endChat = new QPushButton(this);
    m_endChat->setObjectName(QStringLiteral("endChatButton"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_length);
    buttons->addWidget(m_send);
    buttons->addWidget(m_endChat);
    row->addWidget(m_composer, 1);
    row->addLayout(buttons);
    layout->addLayout(row);
    m_warnings = new DraftWarningsPanel(this);
    layout->addWidget(m_warnings);
    connect(m_warnings, &DraftWarningsPanel::fixRequested, this, &ComposePanel::applyFix);
    // Tab from the composer reaches the fixes first, then Send.
    connect(m_warnings, &DraftWarningsPanel::rebuilt, this, [this] {
        QWidget *previous = m_composer;
        for (QWidget *fix : m_warnings->fixButtons()) {
            QWidget::setTabOrder(previous, fix);
            previous = fix;
        }
        QWidget::setTabOrder(previous, m_send);
    });

    connect(m_composer, &Composer::sendRequested, this, &ComposePanel::send);
    connect(m_send, &QPushButton::clicked, this, &ComposePanel::send);
    connect(m_composer, &Composer::leaveRequested, this, &ComposePanel::leaveRequested);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_chat)
            m_chat->setDraft(m_composer->toPlainText());
        updateLength();
        runChecks();
    });
    connect(m_endChat, &QPushButton::clicked, this, [this] {
        if (m_chat)
            m_chat->end();
    });
    retranslate();
    refresh();
}

void ComposePanel::showChat(Chat *chat)
{
    if (chat != m_chat) {
        m_chat = chat;
        m_quickSearch->close();
        showDraft();
    }
    refresh();
}

void ComposePanel::showDraft()
{
    {
        const QSignalBlocker blocker(m_composer);
        m_composer->setPlainText(m_chat ? m_chat->draft() : QString());
        m_composer->moveCursor(QTextCursor::End);
    }
    updateLength();
    runChecks();
}

void ComposePanel::refresh()
{
    const bool open = m_chat && m_chat->isOpen();
    const bool writable = m_chat && m_chat->canWrite(); // not while reading along (section 17)
    m_composer->setEnabled(writable);
    if (!open)
        m_quickSearch->close();
    m_send->setEnabled(writable);
    m_endChat->setEnabled(open && m_chat->participation() == Participation::Answering);
}

void ComposePanel::setLanguage(const QString &language)
{
    m_language = language;
    runChecks();
}

void ComposePanel::setChecks(DraftChecks checks)
{
    m_checks = std::move(checks);
    runChecks();
}

void ComposePanel::setMaxLength(int maxChars)
{
    m_composer->setMaxLength(maxChars);
    updateLength();
}

CannedSearchModel &ComposePanel::quickSearchModel()
{
    return m_quickSearch->model();
}

void ComposePanel::focusComposer()
{
    m_composer->setFocus();
}

void ComposePanel::forgetShift()
{
    m_chat = nullptr;
    m_quickSearch->close();
    {
        const QSignalBlocker blocker(m_composer);
        m_composer->clear(); // also drops the undo history
    }
    updateLength();
    runChecks();
    refresh();
}

void ComposePanel::insertCanned(const CannedSearchModel::Choice &choice, bool replaceSlashWord)
{
    if (!m_chat || !m_composer->isEnabled())
        return;
    m_chat->noteCannedInsertion(choice.text, choice.flags);
    if (replaceSlashWord)
        runChecks(); // the `/` search changed the text before the insertion was recorded
    else
        m_composer->insertForEditing(choice.text); // its textChanged runs the checks
    m_composer->setFocus();
    const QString notes = cannedChoiceNotes(choice, m_language);
    if (!notes.isEmpty())
        Q_EMIT cannedNotes(notes);
}

void ComposePanel::send()
{
    if (!m_chat || !m_composer->isEnabled())
        return;
    m_chat->setDraft(m_composer->toPlainText());
    if (m_chat->sendDraft().isEmpty())
        return;
    m_composer->clear();
}

void ComposePanel::runChecks()
{
    const QString draft = m_composer->toPlainText();
    const QList<DraftChecks::Warning> warnings = draft.trimmed().isEmpty() || !m_chat
                                                     ? QList<DraftChecks::Warning>{}
                                                     : m_checks.check(draft, m_language, m_chat->cannedTexts());
    m_warnings->showWarnings(warnings);
    if (m_chat) // counted per draft for the practice report: a warning that goes away before the send was fixed
        m_chat->noteDraftWarnings(warnings);
    QList<Composer::Mark> marks;
    for (const DraftChecks::Warning &warning : warnings) {
        if (warning.length > 0)
            marks.append({warning.start, warning.length});
    }
    m_composer->setMarks(marks);
    m_composer->setAccessibleDescription(m_warnings->summary());
}

void ComposePanel::applyFix(const DraftChecks::Warning &warning)
{
    const QString draft = m_composer->toPlainText();
    const QString fixed = DraftChecks::applyFix(draft, warning);
    if (fixed == draft)
        return;
    // Replace only the part that changed, through the cursor: Ctrl+Z undoes the fix, and the advocate's cursor
    // moves only when it was after the change.
    qsizetype prefix = 0;
    while (prefix < draft.size() && prefix < fixed.size() && draft.at(prefix) == fixed.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < draft.size() - prefix && suffix < fixed.size() - prefix &&
           draft.at(draft.size() - 1 - suffix) == fixed.at(fixed.size() - 1 - suffix))
        ++suffix;
    const int position = m_composer->textCursor().position();
    QTextCursor change(m_composer->document());
    change.setPosition(static_cast<int>(prefix));
    change.setPosition(static_cast<int>(draft.size() - suffix), QTextCursor::KeepAnchor);
    change.insertText(fixed.mid(prefix, fixed.size() - prefix - suffix));
    QTextCursor cursor = m_composer->textCursor();
    const qsizetype moved =
        position <= prefix ? position : qMax<qsizetype>(prefix, position + fixed.size() - draft.size());
    cursor.setPosition(static_cast<int>(qMin<qsizetype>(moved, fixed.size())));
    m_composer->setTextCursor(cursor);
    m_composer->setFocus();
}

void ComposePanel::updateLength()
{
    m_length->setText(tr("%1 / %2").arg(m_composer->length()).arg(m_composer->maxLength()));
}

void ComposePanel::retranslate()
{
    m_length->setAccessibleName(tr("Message length and limit"));
    m_send->setText(tr("Sen&d"));
    m_send->setAccessibleName(tr("Send message"));
    m_endChat->setText(tr("&End chat"));
    m_endChat->setAccessibleName(tr("End this chat"));
    updateLength();
    runChecks();
}

void ComposePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
