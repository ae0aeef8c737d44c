// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>
#include <QStringList>

namespace advocate {

enum class RoutingMode { Pull, Push };

// The program config of a relay (docs in packaging/relay/relay.conf.example). Defaults are the documented ones.
struct RelayConfig
{
    QString programName = QStringLiteral("Advocate Desk");
    QString hotlinePhone;
    QString hotlineSms;
    QString noticeText;
    int noticeVersion = 1;
    QString mandatoryReportingText;
    QString exitUrl = QStringLiteral("https://www.wikipedia.org/");
    QStringList languages{QStringLiteral("en")};
    RoutingMode routing = RoutingMode::Pull;
    int advocateCap = 1;                 // 1 … 4
    int queueLimit = 50;                 // waiting survivors per language
    int reconnectWindowSeconds = 5 * 60; // survivors and staff
    int inactivityT1Seconds = 10 * 60;   // survivor silent this long: first notice to staff
    int inactivityT2Seconds = 5 * 60;    // and this much more: second notice, idle close allowed
    int longWaitSeconds = 10 * 60;       // queue wait before the long-wait message
    int queueRefreshSeconds = 30;        // queued position refresh
    int staffSessionHours = 12;          // staff session token lifetime after the last connection
    int lockoutAttempts = 5;
    int lockoutMinutes = 15;
    int maxFrameBytes = 16 * 1024;
    int maxMessageChars = 4000;
    int badFrameLimit = 5;
    QString busyText = QStringLiteral("All advocates are busy right now. You can call or text the hotline instead.");
    QString longWaitText = QStringLiteral("It is taking longer than usual. You can keep waiting, or call or text the "
                                          "hotline instead.");
    QString auditLogPath; // empty: no audit log
    QString accountFile;
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 8080;
    QString tlsCertificate; // PEM; with tlsKey, the relay serves https/wss and may bind beyond loopback
    QString tlsKey;
};

} // namespace advocate
