// SPDX-License-Identifier: GPL-3.0-only
#include "HandoffDialog.h"

#include "CheckedTextEdit.h"
#include "DraftWarningsPanel.h"
#include "LiveLabel.h"
#include "client/Chat.h"
#include "client/Handoffs.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace advocate {

HandoffDialog::HandoffDialog(Handoffs &handoffs, Chat &chat, const QString &chatName, int maxNoteChars, QWidget *parent)
    : QDialog(parent), m_handoffs(handoffs), m_chat(&chat), m_maxNoteChars(maxNoteChars)
{
    setObjectName(QStringLiteral("handoffDialog"));
    setWindowTitle(tr("Hand on %1").arg(chatName));
    auto *layout = new QVBoxLayout(this);
    // The dialog grows with the warnings under each field rather than squeezing them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    auto *explanation = new QLabel(tr("The chat stays yours until a colleague accepts it. Write what the next "
                                      "person needs; leave out anything that identifies the survivor."),
                                   this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    auto *targets = new QButtonGroup(this);
    auto *colleagueRow = new QHBoxLayout;
    m_toColleague = new QRadioButton(tr("To a &colleague:"), this);
    m_toColleague->setObjectName(QStringLiteral("toColleague"));
    m_colleagues = new QComboBox(this);
    m_colleagues->setObjectName(QStringLiteral("colleague"));
    m_colleagues->setAccessibleName(tr("Colleague on shift"));
    colleagueRow->addWidget(m_toColleague);
    colleagueRow->addWidget(m_colleagues, 1);
    layout->addLayout(colleagueRow);
    m_toSupervisors = new QRadioButton(tr("To the &supervisors on shift"), this);
    m_toSupervisors->setObjectName(QStringLiteral("toSupervisors"));
    layout->addWidget(m_toSupervisors);
    m_toQueue = new QRadioButton(tr("Back to the &queue (first in line for the next advocate)"), this);
    m_toQueue->setObjectName(QStringLiteral("toQueue"));
    layout->addWidget(m_toQueue);
    for (QRadioButton *button : {m_toColleague, m_toSupervisors, m_toQueue})
        targets->addButton(button);
    m_toColleague->setChecked(true);

    const QStringList names{chat.alias()};
    m_summary = new CheckedTextEdit(QStringLiteral("noteSummary"), tr("S&ummary"), this);
    m_safety = new CheckedTextEdit(QStringLiteral("noteSafety"), tr("Safety conce&rns"), this);
    m_promised = new CheckedTextEdit(QStringLiteral("notePromised"), tr("What was &promised"), this);
    m_nextStep = new CheckedTextEdit(QStringLiteral("noteNextStep"), tr("&Next step"), this);
    for (CheckedTextEdit *field : {m_summary, m_safety, m_promised, m_nextStep}) {
        field->setContext(names, chat.language());
        layout->addWidget(field);
        connect(field, &CheckedTextEdit::textChanged, this, &HandoffDialog::updateState);
    }
    auto *codeWordRow = new QFormLayout;
    m_codeWord = new QLineEdit(chat.codeWord(), this);
    m_codeWord->setObjectName(QStringLiteral("noteCodeWord"));
    m_codeWord->setAccessibleName(tr("Code word (moves with the chat, kept in memory only)"));
    m_codeWord->setMaxLength(static_cast<int>(HandoffNote::maxCodeWordLength));
    codeWordRow->addRow(tr("Code &word:"), m_codeWord);
    layout->addLayout(codeWordRow);
    m_length = new LiveLabel(this);
    m_length->setObjectName(QStringLiteral("noteLength"));
    m_length->setAccessibleName(tr("Length of the note"));
    layout->addWidget(m_length);

    auto *buttons = new QDialogButtonBox(this);
    m_offer = buttons->addButton(tr("&Offer the chat"), QDialogButtonBox::AcceptRole);
    m_offer->setObjectName(QStringLiteral("offerHandoff"));
    m_offer->setAccessibleName(tr("Offer the chat"));
    auto *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelHandoff"));
    cancel->setAccessibleName(tr("Cancel the handoff"));
    layout->addWidget(buttons);
    connect(m_offer, &QPushButton::clicked, this, [this] {
        offer();
        accept();
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(targets, &QButtonGroup::buttonToggled, this, &HandoffDialog::updateState);
    connect(m_colleagues, &QComboBox::currentIndexChanged, this, &HandoffDialog::updateState);
    connect(m_codeWord, &QLineEdit::textChanged, this, &HandoffDialog::updateState);
    connect(&m_handoffs, &Handoffs::rosterChanged, this, &HandoffDialog::fillRoster);
    m_handoffs.refreshRoster();
    fillRoster();
    m_summary->editor()->setFocus();
}

void HandoffDialog::fillRoster()
{
    const QString previous = colleague();
    m_colleagues->clear();
    for (const frame::RosterEntry &entry : m_handoffs.roster()) {
        const QString role = entry.role == Role::Supervisor ? tr("supervisor") : tr("advocate");
        const QString availability = entry.available ? tr("available") : tr("away");
        m_colleagues->addItem(tr("%1 (%2, %3, %n chat(s))", nullptr, entry.load).arg(entry.user, role, availability),
                              entry.user);
    }
    if (const int index = m_colleagues->findData(previous); index >= 0)
        m_colleagues->setCurrentIndex(index);
    updateState();
}

HandoffNote HandoffDialog::note() const
{
    HandoffNote note;
    note.summary = m_summary->text().trimmed();
    note.safetyConcerns = m_safety->text().trimmed();
    note.promised = m_promised->text().trimmed();
    note.nextStep = m_nextStep->text().trimmed();
    note.codeWord = m_codeWord->text().trimmed();
    return note;
}

frame::TransferTarget HandoffDialog::target() const
{
    if (m_toSupervisors->isChecked())
        return frame::TransferTarget::Supervisors;
    if (m_toQueue->isChecked())
        return frame::TransferTarget::Queue;
    return frame::TransferTarget::Advocate;
}

QString HandoffDialog::colleague() const
{
    return m_colleagues->currentData().toString();
}

void HandoffDialog::updateState()
{
    // What the advocate wrote against what fits once the note's own structure is counted.
    const qsizetype structure = HandoffNote().toBody().size();
    const qsizetype length = note().toBody().size() - structure;
    const qsizetype room = m_maxNoteChars - structure;
    const bool fits = length <= room;
    m_length->setText(fits ? tr("Note: %1 of %2 characters").arg(length).arg(room)
                           : tr("The note is %1 characters long; at most %2 fit. Shorten it.").arg(length).arg(room));
    m_colleagues->setEnabled(m_toColleague->isChecked());
    const bool haveTarget = target() != frame::TransferTarget::Advocate || !colleague().isEmpty();
    m_offer->setEnabled(fits && haveTarget && m_chat && m_chat->isOpen());
    if (m_toColleague->isChecked() && m_colleagues->count() == 0)
        m_length->setText(tr("No colleague is on shift right now. Offer the chat to the supervisors or the queue."));
}

void HandoffDialog::offer()
{
    if (!m_chat || !m_offer->isEnabled())
        return;
    const HandoffNote written = note();
    // For the practice report: how many identifying details the note still had when it went (the count, not them).
    int detailsLeft = 0;
    for (CheckedTextEdit *field : {m_summary, m_safety, m_promised, m_nextStep}) {
        field->checkNow();
        detailsLeft += static_cast<int>(field->warnings()->warnings().size());
    }
    m_chat->noteHandoffNote(detailsLeft);
    // The code word travels in the note and is the receiver's from then on; here it stays in memory as it was.
    m_handoffs.offer(m_chat->id(), target(), colleague(), written.isEmpty() ? QString() : written.toBody());
}

} // namespace advocate
