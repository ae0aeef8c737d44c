// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace advocate {

// OS notifications and tray text (requirement WS16). It has no way to take content: callers pick one of the
// fixed alerts, so no survivor text or alias can ever reach the notification area.
class Notifier : public QObject
{
    Q_OBJECT
public:
    enum class Alert {
        NewChatWaiting, // a survivor joined the queue
        NewChat,        // a chat was given to this advocate
        NewMessage,
        ShiftEndingSoon,  // the maximum shift length is near
        SupervisorNeeded, // a colleague raised a hand on a chat (supervisors)
        ShiftEndReason,   // a colleague ended a shift with chats open and said why (supervisors)
    };

    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    void notify(Alert alert);
    static QString text(Alert alert);
    // What the last notification said (also shown in the tray tooltip).
    QString lastText() const { return m_last; }

Q_SIGNALS:
    void notified(const QString &text);

private:
    QSystemTrayIcon *m_tray = nullptr; // child; null where the platform has no tray
    QString m_last;
};

} // namespace advocate
