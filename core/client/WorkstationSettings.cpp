// SPDX-License-Identifier: GPL-3.0-only
#include "WorkstationSettings.h"

#include "canned/DraftPolicy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace advocate {

namespace {

QString ignoredBecauseManaged(const QString &option, const QString &key, const QString &where)
{
    return QCoreApplication::translate("WorkstationSettings",
                                       "%1 is ignored: your IT department set %2 for this computer (in %3).")
        .arg(option, key, where);
}

} // namespace

WorkstationSettings WorkstationSettings::resolve(const ManagedSettings &managed, const CommandLine &commandLine,
                                                 const QSettings &user, const QString &deployedCannedLibrary)
{
    WorkstationSettings settings;
    settings.managed = managed;
    const ManagedSettings::Values none;
    const ManagedSettings::Values &it = managed.ok() ? managed.values() : none;
    const QString where = managed.where();

    if (it.relayUrl) {
        settings.relayUrl = {*it.relayUrl, SettingSource::Managed};
        if (commandLine.relayUrl)
            settings.ignored.append(
                ignoredBecauseManaged(QStringLiteral("--relay"), ManagedSettings::relayUrlKey, where));
    } else if (commandLine.relayUrl) {
        settings.relayUrl = {QUrl(commandLine.relayUrl->trimmed()), SettingSource::CommandLine};
    }

    if (it.pin)
        settings.pin = {*it.pin, SettingSource::Managed};

    if (it.cannedLibrary) {
        settings.cannedLibrary = {*it.cannedLibrary, SettingSource::Managed};
        if (commandLine.cannedLibrary)
            settings.ignored.append(
                ignoredBecauseManaged(QStringLiteral("--canned-library"), ManagedSettings::cannedLibraryKey, where));
    } else if (QFileInfo::exists(deployedCannedLibrary)) {
        // IT deployed the program's library at the default path: an advocate cannot swap it (and its policy).
        settings.cannedLibrary = {deployedCannedLibrary, SettingSource::Managed};
        if (commandLine.cannedLibrary)
            settings.ignored.append(
                QCoreApplication::translate("WorkstationSettings",
                                            "--canned-library is ignored: your IT department deployed the program's "
                                            "library at %1.")
                    .arg(deployedCannedLibrary));
    } else if (commandLine.cannedLibrary) {
        settings.cannedLibrary = {*commandLine.cannedLibrary, SettingSource::CommandLine};
    } else {
        settings.cannedLibrary = {deployedCannedLibrary, SettingSource::BuiltIn};
    }

    bool userMinutesOk = false;
    const int userMinutes = user.value(userLockMinutesKey).toInt(&userMinutesOk);
    if (it.lockMinutes) {
        settings.lockMinutes = {*it.lockMinutes, SettingSource::Managed};
        if (commandLine.lockMinutes)
            settings.ignored.append(
                ignoredBecauseManaged(QStringLiteral("--lock-minutes"), ManagedSettings::lockMinutesKey, where));
    } else if (commandLine.lockMinutes) {
        settings.lockMinutes = {qBound(1, *commandLine.lockMinutes, maxLockMinutes), SettingSource::CommandLine};
    } else if (userMinutesOk && userMinutes >= 1 && userMinutes <= maxLockMinutes) {
        settings.lockMinutes = {userMinutes, SettingSource::User};
    }
    return settings;
}

void WorkstationSettings::applyTo(DraftPolicy &policy) const
{
    if (!managed.ok())
        return;
    const ManagedSettings::Values &it = managed.values();
    policy.emojiCheck = it.emojiCheck.value_or(policy.emojiCheck);
    policy.slangCheck = it.slangCheck.value_or(policy.slangCheck);
    policy.shoutingCheck = it.shoutingCheck.value_or(policy.shoutingCheck);
    policy.unchangedCannedCheck = it.unchangedCannedCheck.value_or(policy.unchangedCannedCheck);
}

bool WorkstationSettings::setUserLockMinutes(int minutes, QSettings &user)
{
    if (lockMinutes.managed() || minutes < 1 || minutes > maxLockMinutes)
        return false;
    user.setValue(userLockMinutesKey, minutes);
    const bool changed = lockMinutes.value != minutes;
    lockMinutes = {minutes, SettingSource::User};
    return changed;
}

} // namespace advocate
