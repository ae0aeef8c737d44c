// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/ClientSession.h"
#include "client/Shift.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace advocate {

class LiveLabel;

// Sign-in to the relay (requirement WS1). Each failure has its own plain sentence; the password field is
// cleared after every attempt and nothing typed here is stored.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    // A relay address IT set (`relayUrlManaged`) is shown read-only, with a lock and why.
    SignInDialog(Shift &shift, const QUrl &relayUrl, bool relayUrlManaged, QWidget *parent = nullptr);

    QString errorText() const;
    // Shows why the sign-in is open again (e.g. a reconnect met a relay whose key is not the pinned one).
    void showProblem(const QString &problem);
    // The password as typed, for the app lock to remember (hashed) after a successful sign-in.
    QString takePassword();

private:
    void submit();
    void onFailed(ClientSession::SignInError error, const QString &message);

    Shift &m_shift;
    QLineEdit *m_relay = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    LiveLabel *m_error = nullptr;
    QPushButton *m_signIn = nullptr;
    QString m_lastPassword;
};

} // namespace advocate
