// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace advocate {

class AppLock;
class LiveLabel;

// What the window shows while the workstation is locked (WS15): that it is locked, alerts without content ("New
// message"), and the password field. Nothing of the shift is on it; the window moves its content out of the widget
// tree while this is shown.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(AppLock &lock, QWidget *parent = nullptr);

    // The workstation just locked: a clean screen with the keyboard in the password field.
    void enter();
    // It unlocked: nothing typed stays behind.
    void leave();
    // A content-free alert while locked (Notifier::text()).
    void showAlert(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void tryUnlock();
    void retranslate();

    AppLock &m_lock;
    LiveLabel *m_message = nullptr;
    LiveLabel *m_alert = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_unlock = nullptr;
    LiveLabel *m_error = nullptr;
};

} // namespace advocate
