// SPDX-License-Identifier: GPL-3.0-only
#include "SignInDialog.h"

#include "LiveLabel.h"
#include "ManagedMark.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

SignInDialog::SignInDialog(Shift &shift, const QUrl &relayUrl, bool relayUrlManaged, QWidget *parent)
    : QDialog(parent), m_shift(shift)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Advocate Desk"));
    auto *layout = new QVBoxLayout(this);
    // The dialog takes the size its contents need, also the height of a problem's wrapped text: a top-level window
    // does not grow for a label's height-for-width by itself, and the pin warning was cut off after its first line.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    auto *form = new QFormLayout;
    m_relay = new QLineEdit(relayUrl.toString(), this);
    m_relay->setObjectName(QStringLiteral("relayUrl"));
    m_relay->setAccessibleName(tr("Relay address"));
    if (relayUrlManaged)
        ManagedMark::markReadOnly(m_relay);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userName"));
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Relay:"), m_relay);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = new LiveLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("signInCancel"));
    cancel->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_shift, &Shift::signInFailed, this, &SignInDialog::onFailed);
    connect(&m_shift, &Shift::signedIn, this, [this] {
        m_error->clear();
        accept();
    });
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

QString SignInDialog::errorText() const
{
    return m_error->text();
}

void SignInDialog::showProblem(const QString &problem)
{
    m_error->setText(problem);
}

QString SignInDialog::takePassword()
{
    QString password = m_lastPassword;
    m_lastPassword.fill(QChar(u'\0'));
    m_lastPassword.clear();
    return password;
}

void SignInDialog::submit()
{
    m_error->setText(tr("Signing in…"));
    m_signIn->setEnabled(false);
    m_lastPassword = m_password->text();
    const QString password = m_password->text();
    m_password->clear();
    m_shift.signIn(QUrl(m_relay->text().trimmed()), m_user->text().trimmed(), password);
}

void SignInDialog::onFailed(ClientSession::SignInError error, const QString &message)
{
    Q_UNUSED(error)
    m_lastPassword.fill(QChar(u'\0'));
    m_lastPassword.clear();
    m_error->setText(message);
    m_signIn->setEnabled(true);
    m_password->setFocus();
}

} // namespace advocate
