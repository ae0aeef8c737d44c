// SPDX-License-Identifier: GPL-3.0-only
#include "ShiftLogDialog.h"

#include "CheckedTextEdit.h"
#include "client/Handoffs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

ShiftLogDialog::ShiftLogDialog(Handoffs &handoffs, int maxChars, QWidget *parent)
    : QDialog(parent), m_handoffs(handoffs), m_maxChars(maxChars)
{
    setObjectName(QStringLiteral("shiftLogDialog"));
    setWindowTitle(tr("Shift log for the next shift"));
    auto *layout = new QVBoxLayout(this);
    // Wide enough to read, and growing with the warnings under the field rather than squeezing them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    auto *explanation = new QLabel(tr("What should the next shift know? Nothing that identifies a survivor: the note "
                                      "is shown to every advocate of the next shift."),
                                   this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_text = new CheckedTextEdit(QStringLiteral("shiftLogNote"), tr("&Note for the next shift"), this);
    layout->addWidget(m_text);
    auto *buttons = new QDialogButtonBox(this);
    m_signOff = buttons->addButton(tr("&Sign off and hand over"), QDialogButtonBox::AcceptRole);
    m_signOff->setObjectName(QStringLiteral("signOffShiftLog"));
    m_signOff->setAccessibleName(tr("Sign off and hand the note over to the next shift"));
    m_signOff->setEnabled(false);
    auto *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelShiftLog"));
    cancel->setAccessibleName(tr("Cancel the shift log"));
    layout->addWidget(buttons);
    connect(m_text, &CheckedTextEdit::textChanged, this, [this] {
        const QString text = m_text->text().trimmed();
        m_signOff->setEnabled(!text.isEmpty() && text.size() <= m_maxChars);
    });
    connect(m_signOff, &QPushButton::clicked, this, [this] {
        signOff();
        accept();
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

void ShiftLogDialog::signOff()
{
    const QString text = m_text->text().trimmed();
    if (!text.isEmpty() && text.size() <= m_maxChars)
        m_handoffs.postShiftLog(text);
}

} // namespace advocate
