// SPDX-License-Identifier: GPL-3.0-only
#include "EndShiftDialog.h"

#include <QComboBox>
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
        tr("These chats are still open: %1.\nHand each on to a colleague, the supervisors or the queue (the shift can "
           "end once every chat has been accepted elsewhere or closed), or end it with the survivor. In an emergency "
           "you can end the shift anyway: pick a category and type the reason below. The open chats then go back to "
           "the front of the queue, and their survivors are told.")
            .arg(openChats.join(tr(", "))),
        this);
    explanation->setObjectName(QStringLiteral("openChatsList"));
    explanation->setAccessibleName(tr("Open chats"));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("overrideCategory"));
    m_category->setAccessibleName(tr("Why the shift ends with open chats"));
    m_category->addItem(tr("Emergency"), static_cast<int>(frame::OverrideCategory::Emergency));
    m_category->addItem(tr("The relay is down or unreachable"), static_cast<int>(frame::OverrideCategory::RelayDown));
    m_category->addItem(tr("Other"), static_cast<int>(frame::OverrideCategory::Other));
    layout->addWidget(m_category);
    m_reason = new QLineEdit(this);
    m_reason->setMaxLength(frame::maxOverrideReasonChars);
    m_reason->setObjectName(QStringLiteral("overrideReason"));
    m_reason->setAccessibleName(tr("Reason for ending the shift with open chats"));
    m_reason->setPlaceholderText(tr("Reason (required)"));
    layout->addWidget(m_reason);
    auto *recorded = new QLabel(
        tr("What is recorded where: the relay's audit log records that you ended the shift with open chats, when, "
           "the category and how many chats were open, but not your typed reason. The typed reason is kept only in "
           "this shift's encrypted log on this computer, which is wiped when the shift ends."),
        this);
    recorded->setObjectName(QStringLiteral("overrideRecordedWhere"));
    recorded->setAccessibleName(tr("What is recorded where"));
    recorded->setTextFormat(Qt::PlainText);
    recorded->setWordWrap(true);
    layout->addWidget(recorded);
    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("End shift &anyway"), QDialogButtonBox::DestructiveRole);
    m_confirm->setObjectName(QStringLiteral("confirmEndShift"));
    m_confirm->setAccessibleName(tr("End shift anyway"));
    m_confirm->setEnabled(false);
    auto *handOn = buttons->addButton(tr("&Hand them on…"), QDialogButtonBox::ActionRole);
    handOn->setObjectName(QStringLiteral("handOnOpenChats"));
    handOn->setAccessibleName(tr("Hand the open chats on"));
    connect(handOn, &QPushButton::clicked, this, [this] {
        reject();
        Q_EMIT handOnRequested();
    });
    auto *cancel = buttons->addButton(tr("&Keep working"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelEndShift"));
    cancel->setAccessibleName(tr("Keep working"));
    layout->addWidget(buttons);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_confirm->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        Q_EMIT overrideRequested(reason(), category());
        accept();
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_reason->setFocus();
}

QString EndShiftDialog::reason() const
{
    return m_reason->text().trimmed();
}

frame::OverrideCategory EndShiftDialog::category() const
{
    return static_cast<frame::OverrideCategory>(m_category->currentData().toInt());
}

} // namespace advocate
