// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "client/ManagedSettings.h"
#include "client/RelayKeyPin.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

namespace advocate {

struct DraftPolicy;

// Where one setting's value came from, lowest first.
enum class SettingSource {
    BuiltIn,
    User,        // the user's own settings (Settings dialog, QSettings)
    CommandLine, // an option advocate-desk was started with
    Managed,     // IT, system-wide (requirement PK2): nobody else can change it
};

template <typename T>
struct Setting
{
    T value{};
    SettingSource source = SettingSource::BuiltIn;

    bool managed() const { return source == SettingSource::Managed; }
};

// The workstation's settings, each taken from the first of its sources that has it: what IT manages, the command
// line, the user's own settings, the built-in default. A managed value cannot be overridden (the Settings dialog
// shows it locked); a command-line option it overrides is named in ignored() for main() to print.
struct WorkstationSettings
{
    struct CommandLine
    {
        std::optional<QString> relayUrl;      // --relay
        std::optional<QString> cannedLibrary; // --canned-library
        std::optional<int> lockMinutes;       // --lock-minutes
    };

    // The user's own lock time in their QSettings (the Settings dialog writes it).
    static inline const QString userLockMinutesKey = QStringLiteral("lock/minutes");
    static constexpr int defaultLockMinutes = 5;
    static constexpr int maxLockMinutes = ManagedSettings::maxLockMinutes;

    // `deployedCannedLibrary` is where IT puts the program's canned-response library by default: a file there is
    // the program's too, and --canned-library counts only where there is none (development, the demo). Nothing of a
    // ManagedSettings with a problem is used (the workstation refuses to start with one).
    static WorkstationSettings resolve(const ManagedSettings &managed, const CommandLine &commandLine,
                                       const QSettings &user, const QString &deployedCannedLibrary);

    // The draft-check switches IT set, over the canned library's own policy.
    void applyTo(DraftPolicy &policy) const;
    // The user chose a lock time (Settings): kept in `user` and used from now on, unless IT set it. True when the
    // time in use changed.
    bool setUserLockMinutes(int minutes, QSettings &user);

    ManagedSettings managed;
    Setting<QUrl> relayUrl;
    Setting<RelayKeyPin> pin;
    Setting<QString> cannedLibrary;
    Setting<int> lockMinutes{defaultLockMinutes};
    // One sentence per command-line option a managed value overrode.
    QStringList ignored;
};

} // namespace advocate
