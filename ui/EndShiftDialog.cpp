// SPDX-License-Identifier: GPL-3.0-only
#include "EndShiftDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

EndShiftDialog::EndShiftDialog(const QStringList &openChats, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("endShiftDialog"));
    setWindowTitle(tr("End shift"));
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(
        tr("These chats are still open: %1.\nClose or hand them off first. In an emergency you can end the shift "
           "anyway: type the reason below. The open chats end.")
            .arg(openChats.join(tr(", "))),
        this);
    explanation->setObjectName(QStringLiteral("openChatsList"));
    explanation->setAccessibleName(tr("Open chats"));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("overrideReason"));
    m_reason->setAccessibleName(tr("Reason for ending the shift with open chats"));
    m_reason->setPlaceholderText(tr("Reason (required)"));
    layout->addWidget(m_reason);
    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("End shift &anyway"), QDialogButtonBox::DestructiveRole);
    m_confirm->setObjectName(QStringLiteral("confirmEndShift"));
    m_confirm->setAccessibleName(tr("End shift anyway"));
    m_confirm->setEnabled(false);
    auto *cancel = buttons->addButton(tr("&Keep working"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelEndShift"));
    cancel->setAccessibleName(tr("Keep working"));
    layout->addWidget(buttons);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_confirm->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        Q_EMIT overrideRequested(reason());
        accept();
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_reason->setFocus();
}

QString EndShiftDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace advocate
