// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/OpeningHours.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace advocate {

enum class RoutingMode { Pull, Push };
// Whether survivors reach the relay through a reverse proxy, which hands on every client's connection from its own
// address (docs/protocol.md section 13, 17). Auto: a connection from a loopback address came through a proxy on this
// computer (the shipped nginx site passes no client address); On: every connection did; Off: none did (each peer
// address is one client's, as when survivors reach a relay with its own TLS directly).
enum class BehindProxy { Auto, On, Off };

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
    // Restart and failover (docs/protocol.md section 8): the file restart_secret_file names, and the 32 bytes read from
    // it (empty: no secret, tokens are random and a restart ends every chat).
    QString restartSecretFile;
    QByteArray restartSecret;
    // How often a connected holder gets a fresh restart-verifiable token (token_renewed).
    int tokenRenewalSeconds = 60;
    int inactivityT1Seconds = 10 * 60; // survivor silent this long: first notice to staff
    int inactivityT2Seconds = 5 * 60;  // and this much more: second notice, idle close allowed
    int longWaitSeconds = 10 * 60;     // queue wait before the long-wait message
    int queueRefreshSeconds = 30;      // queued position refresh
    int staffSessionHours = 12;        // staff session token lifetime after the last connection
    // The longest an advocate's shift may run (WS20): the workstation warns before it and, at it, ends the shift and
    // wipes its encrypted cache. The survivor page's retention sentence and the privacy statement say this limit.
    int maxShiftMinutes = 12 * 60;
    int transferOfferSeconds = 120; // a handoff offer stands this long (docs/protocol.md section 15)
    int shiftLogHours = 12;         // a shift-log entry is held at most this long (section 16)
    int lockoutAttempts = 5;
    int lockoutMinutes = 15;
    int maxFrameBytes = 16 * 1024;
    int maxMessageChars = 4000;
    int badFrameLimit = 5;
    // Abuse limits (docs/protocol.md section 13). Sources are told apart only by a keyed hash of the address that
    // is rotated daily and never stored with the address (RL7).
    int maxConnections = 5000;              // open WebSocket and HTTP connections in all
    int maxConnectionsPerSource = 32;       // from one address (a shelter or office may share one)
    int maxSurvivorSessionsPerSource = 3;   // live survivor sessions (queued or chatting) from one address
    int firstFrameSeconds = 30;             // an anonymous socket must send start/resume/sign_in/staff_resume by then
    int silenceSeconds = 90;                // any socket silent this long is closed (clients ping)
    int httpRequestSeconds = 20;            // a plain HTTP connection (not a WebSocket) lives at most this long
    int queuedReconnectWindowSeconds = 60;  // a queued survivor who dropped keeps the place this long
    int maxRetainedBytes = 1024 * 1024;     // message text kept per conversation for gap fetch
    int fetchPageMessages = 200;            // messages in one reply to fetch or resume
    int maxPendingWriteBytes = 1024 * 1024; // a socket with more unsent output than this is closed
    int framesPerSecond = 10;               // token bucket per connection: refill rate
    int frameBurst = 40;                    // and size
    int maxPendingSignIns = 32;             // password checks queued across the relay
    // Memory in all (section 13): what all open conversations keep together (messages and digests of trimmed client
    // ids, as memory; each keeps at most its share, HistoryBudget), and all sockets' unsent output together (past it,
    // those with the most are closed). 48 MiB: it bites only above 48 conversations at the 1 MiB each may keep, and at
    // 1,000 open conversations each still keeps ~48 KiB (~150 messages), more than is written in a reconnect window;
    // a larger budget took the relay's memory up for ~10 minutes under that load instead of ~3 (scripts/soak-relay).
    int maxTotalRetainedBytes = 48 * 1024 * 1024;
    int maxTotalPendingWriteBytes = 64 * 1024 * 1024;
    // The origin survivors open the page at, e.g. https://chat.example.org: the only browser Origin a WebSocket is
    // accepted from besides allowedOrigins. Empty: pages served from this computer only (trying the relay out).
    QString publicOrigin;
    QStringList allowedOrigins; // further WebSocket Origins accepted, e.g. another name of the page
    QString busyText = QStringLiteral("All advocates are busy right now. You can call or text the hotline instead.");
    QString longWaitText = QStringLiteral("It is taking longer than usual. You can keep waiting, or call or text the "
                                          "hotline instead.");
    // The survivor page (issue 7): texts the page shows, and when the chat is open (RL4).
    QString emergencyNumber = QStringLiteral("911");
    QString closedText = QStringLiteral("The chat is closed right now. If you are in danger, call the emergency "
                                        "number. The hotline answers day and night.");
    // What the notice says is kept and whether supervisors may read along is not free text: PrivacyStatement makes
    // those sentences from the values here (PK4), so they cannot drift from what the software does.
    // Silent monitoring by supervisors (docs/protocol.md section 17): when on, the notice every survivor accepts says
    // so (PrivacyStatement::noticeTexts).
    bool supervisorMonitoring = false;
    // Blocking a survivor's source (section 17). Off: every block is refused (blocking_off), for a program whose
    // survivors share addresses (a shelter's or a campus network) or that does not want blocks at all.
    bool supervisorBlocking = true;
    BehindProxy behindProxy = BehindProxy::Auto;
    // A practice program (issue 18, docs/practice.md): advocates train on scripted survivors. The relay takes only
    // practice-marked survivors (never the survivor page), tells staff at sign-in, and its restart tokens are not a
    // live relay's (RestartTokens::Program). Off: a live program, which refuses practice survivors.
    bool practice = false;
    // What a blocked source is told (section 17): neutral, with the hotline alternatives.
    QString unavailableText = QStringLiteral("The chat is not available right now. You can call or text the hotline "
                                             "instead.");
    QString advocateLabel;     // how advocates are named on the page; empty: "Advocate" in the page's language
    OpeningHours openingHours; // default: always open
    QString serviceNoticeFile; // empty: no service notice can be set
    // Text keys in other languages ("notice_text.es = …"): language → key → text. The plain key is the default.
    QMap<QString, QMap<QString, QString>> translations;

    // A program text in `language`, else the default one.
    QString textFor(const QString &key, const QString &fallback, const QString &language) const
    {
        return translations.value(language).value(key, fallback);
    }

    QString auditLogPath;                      // empty: no audit log
    qint64 auditLogMaxBytes = 4 * 1024 * 1024; // the log is rotated before it grows past this
    int auditLogKeep = 4;                      // rotated files kept (audit.log.1 … audit.log.4)
    // The per-day counts (docs/protocol.md section 17); empty: in memory only, lost when the relay stops.
    QString statisticsFile;
    QString accountFile;
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 8080;
    QString tlsCertificate; // PEM; with tlsKey, the relay serves https/wss and may bind beyond loopback
    QString tlsKey;
};

} // namespace advocate
