// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace advocate {

// A notice from the program to every survivor page (requirement RL4): the chat works but is slow
// (`degraded`), is down (`outage`), or survivors should go to another program for now (`forward`, with a
// link). Set and cleared with `advocate-relay set-service-notice` / `clear-service-notice`, which write the
// small file named by `service_notice_file`; the running relay reads it again within a second of a change.
// The file holds the program's own words only, never anything about a survivor.
struct ServiceNotice
{
    enum class Kind { Degraded, Outage, Forward };

    Kind kind = Kind::Outage;
    QString text;
    QString link; // https, optional
    QDateTime setAt;

    // While an outage or forward notice stands, the relay opens no new survivor session.
    bool stopsNewChats() const { return kind != Kind::Degraded; }
    bool operator==(const ServiceNotice &) const = default;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

// The file the admin commands write and the relay reads: one JSON object.
class ServiceNoticeFile
{
public:
    // nullopt when the file does not exist or is empty; a malformed file counts as no notice (and says why).
    static std::optional<ServiceNotice> read(const QString &path, QString *problem = nullptr);
    static QByteArray encode(const ServiceNotice &notice);
    // Replaces the file atomically (readable by the relay's user); returns an error message or "".
    static QString write(const QString &path, const ServiceNotice &notice);
    static QString clear(const QString &path);
};

} // namespace advocate
