// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/RelayKeyPin.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <optional>

namespace advocate {

// What IT set for every user of this computer (requirement PK2), read from the one place each OS keeps machine
// policy that users cannot write: a root-owned INI file on Linux, HKLM\Software\Policies\AdvocateDesk on Windows,
// managed preferences (a configuration profile) on macOS. The keys are the same everywhere (docs/it-install-guide.md).
//
// Fail closed: a source that exists but cannot be trusted (a Linux file or folder that a user could write) or read,
// or that holds a key or a value this workstation does not understand, is a problem() and nothing of it is used; the
// workstation refuses to start rather than run without, say, a misspelt pin. No source at all is no policy.
class ManagedSettings
{
public:
    // Where the values live.
    struct Location
    {
        enum class Kind {
            File,                  // an INI file ([relay] url=…), checked for ownership first (Linux)
            WindowsPolicy,         // a registry key under HKEY_LOCAL_MACHINE (Windows)
            MacManagedPreferences, // the forced values of a preference domain (macOS)
        };
        Kind kind = Kind::File;
        // The file, the registry key, or the preference domain.
        QString path;
        // File only: the user id that must own the file and its folder (root). Tests pass their own.
        uint owner = 0;
    };

    enum class ProblemKind {
        None,
        NotOwnedByRoot,   // the file or its folder belongs to someone else
        WritableByOthers, // the file or its folder may be written by a group or by everyone
        Unreadable,       // not a file, or it cannot be opened
        Invalid,          // a key this workstation does not know, or a value it cannot use
    };

    // The values, each set only when IT set it.
    struct Values
    {
        std::optional<QUrl> relayUrl;
        std::optional<RelayKeyPin> pin;
        std::optional<QString> cannedLibrary;
        std::optional<int> lockMinutes;
        // The draft checks (WS8) IT turned on or off; they win over the canned library's policy.
        std::optional<bool> emojiCheck;
        std::optional<bool> slangCheck;
        std::optional<bool> shoutingCheck;
        std::optional<bool> unchangedCannedCheck;
    };

    // The keys, as the Linux file ([section] name) and the Windows registry (subkey\value) spell them; macOS uses
    // the same with a dot for the slash ("relay.url").
    static inline const QString relayUrlKey = QStringLiteral("relay/url");
    static inline const QString pinKey = QStringLiteral("relay/pinnedKeySha256");
    static inline const QString cannedLibraryKey = QStringLiteral("canned/library");
    static inline const QString lockMinutesKey = QStringLiteral("policy/lockMinutes");
    static inline const QString emojiCheckKey = QStringLiteral("policy/emojiCheck");
    static inline const QString slangCheckKey = QStringLiteral("policy/slangCheck");
    static inline const QString shoutingCheckKey = QStringLiteral("policy/shoutingCheck");
    static inline const QString unchangedCannedCheckKey = QStringLiteral("policy/unchangedCannedCheck");
    static QStringList keys();
    static constexpr int maxLockMinutes = 60;

    // This OS's location: /etc/advocate-desk/managed.conf owned by root, the registry key
    // HKEY_LOCAL_MACHINE\Software\Policies\AdvocateDesk, or the preference domain org.advocatedesk.AdvocateDesk.
    static Location systemLocation();
    static ManagedSettings read(const Location &location);
    // Checks values read by key; `where` names their source in messages.
    static ManagedSettings fromValues(const QVariantMap &values, const QString &where);

    bool ok() const { return m_problem == ProblemKind::None; }
    ProblemKind problemKind() const { return m_problem; }
    // Why nothing of it can be used, in a sentence for IT.
    QString problem() const { return m_message; }
    // The file, the registry key or the preference domain, as messages name it.
    QString where() const { return m_where; }
    // Empty after a problem.
    const Values &values() const { return m_values; }
    bool isEmpty() const;

private:
    static ManagedSettings refused(ProblemKind kind, const QString &where, const QString &message);

    Values m_values;
    ProblemKind m_problem = ProblemKind::None;
    QString m_message;
    QString m_where;
};

} // namespace advocate
