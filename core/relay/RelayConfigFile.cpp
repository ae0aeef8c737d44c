// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayConfigFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSet>
#include <QUrl>

#include <functional>

namespace advocate {

namespace {

// A web origin: http or https, a host, perhaps a port, and nothing after it (not even a slash).
bool isOrigin(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty() && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
           url.userInfo().isEmpty();
}

bool isLanguageTag(const QString &value)
{
    if (value.size() < 2 || value.size() > 35)
        return false;
    for (const QChar c : value) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return false;
    }
    return true;
}

} // namespace

RelayConfigFile::Result RelayConfigFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.problems.append({0, QCoreApplication::translate("RelayConfigFile", "Cannot read the config file %1: %2")
                                       .arg(path, file.errorString())});
        return result;
    }
    return parse(file.readAll());
}

// Every key of the config and what reading its value does to `c`; `problem` reports a bad value.
RelayConfigFile::Handlers RelayConfigFile::handlers(RelayConfig &c, const Problems &problem)
{
    const auto number = [&](int &target, int minimum, int maximum, int scale = 1) {
        return [&target, minimum, maximum, scale, &problem](const QString &value) {
            bool ok = false;
            const int parsed = value.toInt(&ok);
            if (!ok || parsed < minimum || parsed > maximum)
                problem(QCoreApplication::translate("RelayConfigFile", "Expected a whole number from %1 to %2.")
                            .arg(minimum)
                            .arg(maximum));
            else
                target = parsed * scale;
        };
    };
    const auto assign = [](QString &target) { return [&target](const QString &value) { target = value; }; };
    const auto onOff = [&](bool &target, const char *name) {
        return [&target, name, &problem](const QString &value) {
            if (value == QLatin1String("on") || value == QLatin1String("off"))
                target = value == QLatin1String("on");
            else
                problem(
                    QCoreApplication::translate("RelayConfigFile", "%1 must be on or off.").arg(QLatin1String(name)));
        };
    };

    return Handlers{
        {QStringLiteral("program_name"), assign(c.programName)},
        {QStringLiteral("hotline_phone"), assign(c.hotlinePhone)},
        {QStringLiteral("hotline_sms"), assign(c.hotlineSms)},
        {QStringLiteral("notice_text"), assign(c.noticeText)},
        {QStringLiteral("notice_version"), number(c.noticeVersion, 1, 1000000)},
        {QStringLiteral("mandatory_reporting_text"), assign(c.mandatoryReportingText)},
        {QStringLiteral("busy_text"), assign(c.busyText)},
        {QStringLiteral("long_wait_text"), assign(c.longWaitText)},
        {QStringLiteral("exit_url"),
         [&](const QString &value) {
             const QUrl url(value, QUrl::StrictMode);
             if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
                 problem(
                     QCoreApplication::translate("RelayConfigFile", "The exit URL must be a full https:// address."));
             else
                 c.exitUrl = value;
         }},
        {QStringLiteral("languages"),
         [&](const QString &value) {
             QStringList languages;
             for (const QString &part : value.split(u',')) {
                 const QString tag = part.trimmed();
                 if (!isLanguageTag(tag)) {
                     problem(QCoreApplication::translate("RelayConfigFile",
                                                         "\"%1\" is not a language tag such as en or es.")
                                 .arg(tag));
                     return;
                 }
                 languages.append(tag);
             }
             c.languages = languages;
         }},
        {QStringLiteral("routing"),
         [&](const QString &value) {
             if (value == QLatin1String("pull"))
                 c.routing = RoutingMode::Pull;
             else if (value == QLatin1String("push"))
                 c.routing = RoutingMode::Push;
             else
                 problem(QCoreApplication::translate("RelayConfigFile", "Routing must be pull or push."));
         }},
        {QStringLiteral("advocate_cap"), number(c.advocateCap, 1, 4)},
        {QStringLiteral("max_shift_hours"), number(c.maxShiftMinutes, 1, 24, 60)},
        // Finer than hours, for drills and tests; one of the pair at most.
        {QStringLiteral("max_shift_minutes"), number(c.maxShiftMinutes, 10, 24 * 60)},
        {QStringLiteral("transfer_offer_seconds"), number(c.transferOfferSeconds, 15, 15 * 60)},
        {QStringLiteral("shift_log_hours"), number(c.shiftLogHours, 1, 48)},
        {QStringLiteral("queue_limit"), number(c.queueLimit, 1, 10000)},
        {QStringLiteral("reconnect_window_minutes"), number(c.reconnectWindowSeconds, 1, 60, 60)},
        {QStringLiteral("inactivity_t1_minutes"), number(c.inactivityT1Seconds, 1, 240, 60)},
        {QStringLiteral("inactivity_t2_minutes"), number(c.inactivityT2Seconds, 1, 240, 60)},
        {QStringLiteral("long_wait_minutes"), number(c.longWaitSeconds, 1, 240, 60)},
        // Finer-grained alternatives to the minute keys (drills and tests); one of a pair at most.
        {QStringLiteral("reconnect_window_seconds"), number(c.reconnectWindowSeconds, 5, 3600)},
        {QStringLiteral("inactivity_t1_seconds"), number(c.inactivityT1Seconds, 1, 240 * 60)},
        {QStringLiteral("inactivity_t2_seconds"), number(c.inactivityT2Seconds, 1, 240 * 60)},
        {QStringLiteral("long_wait_seconds"), number(c.longWaitSeconds, 1, 240 * 60)},
        {QStringLiteral("queue_refresh_seconds"), number(c.queueRefreshSeconds, 1, 30)},
        {QStringLiteral("emergency_number"), assign(c.emergencyNumber)},
        {QStringLiteral("closed_text"), assign(c.closedText)},
        {QStringLiteral("unavailable_text"), assign(c.unavailableText)},
        {QStringLiteral("supervisor_monitoring"), onOff(c.supervisorMonitoring, "supervisor_monitoring")},
        {QStringLiteral("supervisor_blocking"), onOff(c.supervisorBlocking, "supervisor_blocking")},
        {QStringLiteral("practice"), onOff(c.practice, "practice")},
        {QStringLiteral("behind_proxy"),
         [&](const QString &value) {
             if (value == QLatin1String("auto"))
                 c.behindProxy = BehindProxy::Auto;
             else if (value == QLatin1String("on"))
                 c.behindProxy = BehindProxy::On;
             else if (value == QLatin1String("off"))
                 c.behindProxy = BehindProxy::Off;
             else
                 problem(QCoreApplication::translate("RelayConfigFile", "behind_proxy must be auto, on or off."));
         }},
        {QStringLiteral("advocate_label"), assign(c.advocateLabel)},
        {QStringLiteral("service_notice_file"), assign(c.serviceNoticeFile)},
        {QStringLiteral("hours"),
         [&](const QString &value) {
             if (const QString error = c.openingHours.setSchedule(value); !error.isEmpty())
                 problem(error);
         }},
        {QStringLiteral("holidays"),
         [&](const QString &value) {
             if (const QString error = c.openingHours.setHolidays(value); !error.isEmpty())
                 problem(error);
         }},
        {QStringLiteral("time_zone"),
         [&](const QString &value) {
             if (const QString error = c.openingHours.setTimeZone(value); !error.isEmpty())
                 problem(error);
         }},
        {QStringLiteral("lockout_attempts"), number(c.lockoutAttempts, 1, 100)},
        {QStringLiteral("lockout_minutes"), number(c.lockoutMinutes, 1, 1440)},
        {QStringLiteral("max_frame_bytes"), number(c.maxFrameBytes, 1024, 60 * 1024)},
        {QStringLiteral("max_message_chars"), number(c.maxMessageChars, 100, 10000)},
        // Abuse limits (docs/protocol.md section 13).
        {QStringLiteral("max_connections"), number(c.maxConnections, 10, 1000000)},
        {QStringLiteral("max_connections_per_source"), number(c.maxConnectionsPerSource, 1, 100000)},
        {QStringLiteral("max_survivor_sessions_per_source"), number(c.maxSurvivorSessionsPerSource, 1, 100000)},
        {QStringLiteral("first_frame_seconds"), number(c.firstFrameSeconds, 5, 600)},
        {QStringLiteral("silence_seconds"), number(c.silenceSeconds, 30, 3600)},
        {QStringLiteral("http_request_seconds"), number(c.httpRequestSeconds, 5, 600)},
        {QStringLiteral("queued_reconnect_window_seconds"), number(c.queuedReconnectWindowSeconds, 5, 3600)},
        {QStringLiteral("max_retained_kib"), number(c.maxRetainedBytes, 64, 64 * 1024, 1024)},
        {QStringLiteral("max_total_retained_kib"), number(c.maxTotalRetainedBytes, 1024, 1024 * 1024, 1024)},
        {QStringLiteral("fetch_page_messages"), number(c.fetchPageMessages, 10, 5000)},
        {QStringLiteral("max_pending_write_kib"), number(c.maxPendingWriteBytes, 64, 64 * 1024, 1024)},
        {QStringLiteral("max_total_pending_write_kib"), number(c.maxTotalPendingWriteBytes, 1024, 1024 * 1024, 1024)},
        {QStringLiteral("frames_per_second"), number(c.framesPerSecond, 1, 1000)},
        {QStringLiteral("frame_burst"), number(c.frameBurst, 1, 10000)},
        {QStringLiteral("max_pending_sign_ins"), number(c.maxPendingSignIns, 1, 1000)},
        {QStringLiteral("allowed_origins"),
         [&](const QString &value) {
             c.allowedOrigins.clear();
             for (const QString &origin : value.split(u',', Qt::SkipEmptyParts)) {
                 if (!isOrigin(origin.trimmed()))
                     problem(QCoreApplication::translate(
                         "RelayConfigFile",
                         "allowed_origins must be a comma-separated list of origins like https://chat.example.org."));
                 else
                     c.allowedOrigins.append(origin.trimmed());
             }
         }},
        {QStringLiteral("public_origin"),
         [&](const QString &value) {
             if (!isOrigin(value))
                 problem(QCoreApplication::translate(
                     "RelayConfigFile",
                     "public_origin must be the address survivors open, like https://chat.example.org."));
             else
                 c.publicOrigin = value;
         }},
        {QStringLiteral("listen"),
         [&](const QString &value) {
             if (QHostAddress(value).isNull())
                 problem(QCoreApplication::translate("RelayConfigFile", "listen must be an IP address."));
             else
                 c.listenAddress = value;
         }},
        {QStringLiteral("port"), number(c.port, 0, 65535)},
        {QStringLiteral("tls_certificate"), assign(c.tlsCertificate)},
        {QStringLiteral("tls_key"), assign(c.tlsKey)},
        {QStringLiteral("account_file"), assign(c.accountFile)},
        {QStringLiteral("audit_log"), assign(c.auditLogPath)},
        {QStringLiteral("statistics_file"), assign(c.statisticsFile)},
        {QStringLiteral("restart_secret_file"), assign(c.restartSecretFile)},
        {QStringLiteral("audit_log_keep"), number(c.auditLogKeep, 1, 100)},
        {QStringLiteral("audit_log_max_kib"),
         [&c, number](const QString &value) { // `number` by value: it outlives this function
             int kib = 0;
             number(kib, 64, 1024 * 1024)(value);
             if (kib > 0)
                 c.auditLogMaxBytes = qint64(kib) * 1024;
         }},
    };
}

QStringList RelayConfigFile::knownKeys()
{
    RelayConfig unused;
    const Problems ignored = [](const QString &) {};
    QStringList names = handlers(unused, ignored).keys();
    names.sort();
    return names;
}

const QSet<QString> &RelayConfigFile::translatableKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("program_name"),   QStringLiteral("notice_text"),     QStringLiteral("mandatory_reporting_text"),
        QStringLiteral("busy_text"),      QStringLiteral("long_wait_text"),  QStringLiteral("closed_text"),
        QStringLiteral("advocate_label"), QStringLiteral("unavailable_text")};
    return keys;
}

const QSet<QString> &RelayConfigFile::obsoleteKeys()
{
    static const QSet<QString> keys{QStringLiteral("retention_text"), QStringLiteral("monitoring_text")};
    return keys;
}

RelayConfigFile::Result RelayConfigFile::parse(const QByteArray &text)
{
    Result result;
    RelayConfig &c = result.config;
    int line = 0;
    // Named: the handlers keep a reference to it.
    const Problems problem = [&](const QString &message) { result.problems.append({line, message}); };
    const Handlers keys = handlers(c, problem);

    QSet<QString> seen;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &raw : lines) {
        ++line;
        const QString entry = QString::fromUtf8(raw).trimmed();
        if (entry.isEmpty() || entry.startsWith(u'#'))
            continue;
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0) {
            problem(QCoreApplication::translate("RelayConfigFile", "Expected key = value."));
            continue;
        }
        const QString key = entry.left(equals).trimmed();
        const QString value = entry.mid(equals + 1).trimmed();
        // The notice's retention and supervision sentences were free text once; they are made from the config now
        // (PrivacyStatement), and a program that still sets them learns why its words are not shown.
        if (const QString base = key.section(u'.', 0, 0); obsoleteKeys().contains(base)) {
            problem(QCoreApplication::translate("RelayConfigFile",
                                                "\"%1\" is no longer read: the notice's sentences on what is kept and "
                                                "on supervision are made from the config (see advocate-relay "
                                                "privacy-statement). Remove the line.")
                        .arg(key));
            seen.insert(key);
            continue;
        }
        // "notice_text.es = …": a program text in another language.
        if (const qsizetype dot = key.indexOf(u'.'); dot > 0) {
            const QString base = key.left(dot);
            const QString language = key.mid(dot + 1);
            if (!translatableKeys().contains(base))
                problem(QCoreApplication::translate("RelayConfigFile", "\"%1\" cannot have a translation.").arg(base));
            else if (!isLanguageTag(language))
                problem(QCoreApplication::translate("RelayConfigFile", "\"%1\" is not a language tag such as en or es.")
                            .arg(language));
            else if (seen.contains(key))
                problem(QCoreApplication::translate("RelayConfigFile", "\"%1\" is set twice.").arg(key));
            else
                c.translations[language].insert(base, value);
            seen.insert(key);
            continue;
        }
        const auto handler = keys.constFind(key);
        if (handler == keys.constEnd()) {
            problem(QCoreApplication::translate("RelayConfigFile", "Unknown key \"%1\".").arg(key));
            continue;
        }
        if (seen.contains(key)) {
            problem(QCoreApplication::translate("RelayConfigFile", "\"%1\" is set twice.").arg(key));
            continue;
        }
        seen.insert(key);
        (*handler)(value);
    }

    line = 0;
    for (const char *required : {"program_name", "notice_text", "notice_version", "languages", "hotline_phone"}) {
        if (!seen.contains(QLatin1String(required)))
            problem(QCoreApplication::translate("RelayConfigFile", "\"%1\" is missing.").arg(QLatin1String(required)));
    }
    for (const char *unit : {"reconnect_window", "inactivity_t1", "inactivity_t2", "long_wait"}) {
        const QString name = QLatin1String(unit);
        if (seen.contains(name + QLatin1String("_minutes")) && seen.contains(name + QLatin1String("_seconds")))
            problem(
                QCoreApplication::translate("RelayConfigFile", "Set %1_minutes or %1_seconds, not both.").arg(name));
    }
    if (seen.contains(QLatin1String("max_shift_hours")) && seen.contains(QLatin1String("max_shift_minutes")))
        problem(QCoreApplication::translate("RelayConfigFile", "Set max_shift_hours or max_shift_minutes, not both."));
    if (c.tlsCertificate.isEmpty() != c.tlsKey.isEmpty())
        problem(QCoreApplication::translate("RelayConfigFile", "tls_certificate and tls_key go together."));
    if (c.tlsCertificate.isEmpty() && !QHostAddress(c.listenAddress).isLoopback())
        problem(QCoreApplication::translate(
                    "RelayConfigFile",
                    "Listening on %1 needs tls_certificate and tls_key (or a reverse proxy on loopback).")
                    .arg(c.listenAddress));
    // Browsers reaching the relay directly send the Origin of the page; without a public origin only pages served
    // from this computer are accepted, so every survivor would be refused.
    if (c.publicOrigin.isEmpty() && !QHostAddress(c.listenAddress).isLoopback())
        problem(QCoreApplication::translate(
                    "RelayConfigFile",
                    "Listening on %1 needs public_origin, the address survivors open (like https://chat.example.org).")
                    .arg(c.listenAddress));
    return result;
}

} // namespace advocate
