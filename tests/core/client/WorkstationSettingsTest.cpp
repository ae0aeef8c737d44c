// SPDX-License-Identifier: GPL-3.0-only
// Which value wins (PK2): IT's managed file over the command line and the user's own settings, the command line over
// the user's, the user's over the built-in; each value knows where it came from, and an overridden option is named.
#include "client/WorkstationSettings.h"

#include "canned/DraftPolicy.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace advocate;

namespace {

const QString pin = QString::fromLatin1(QByteArray(32, 'p').toBase64());

WorkstationSettings::CommandLine relayOption(const QString &url)
{
    WorkstationSettings::CommandLine commandLine;
    commandLine.relayUrl = url;
    return commandLine;
}

class WorkstationSettingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    }

    // IT's file, as /etc/advocate-desk/managed.conf would hold it, read as the workstation reads it.
    ManagedSettings managed(const QByteArray &content) const
    {
        const QString path = dir.filePath(QStringLiteral("managed.conf"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        ::chmod(QFile::encodeName(path).constData(), 0644);
        return ManagedSettings::read({ManagedSettings::Location::Kind::File, path, ::geteuid()});
    }

    WorkstationSettings resolve(const ManagedSettings &it, const WorkstationSettings::CommandLine &commandLine)
    {
        return WorkstationSettings::resolve(it, commandLine, user, deployed);
    }

    QTemporaryDir dir;
    QSettings user{dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat};
    QString deployed = dir.filePath(QStringLiteral("canned-responses.json")); // not there unless a test puts it
};

} // namespace

TEST_F(WorkstationSettingsTest, AManagedRelayAddressBeatsTheCommandLineWhichIsNamedAsIgnored)
{
    const WorkstationSettings settings = resolve(managed("[relay]\nurl = wss://chat.example.org/ws\n"),
                                                 relayOption(QStringLiteral("wss://elsewhere.example/ws")));
    EXPECT_EQ(settings.relayUrl.value, QUrl(QStringLiteral("wss://chat.example.org/ws")));
    EXPECT_EQ(settings.relayUrl.source, SettingSource::Managed);
    EXPECT_TRUE(settings.relayUrl.managed());
    ASSERT_EQ(settings.ignored.size(), 1);
    EXPECT_TRUE(settings.ignored.first().startsWith(QLatin1String("--relay is ignored")))
        << qPrintable(settings.ignored.first());
    EXPECT_TRUE(settings.ignored.first().contains(QLatin1String("relay/url")));
}

TEST_F(WorkstationSettingsTest, WithoutAManagedAddressTheCommandLineIsUsed)
{
    const WorkstationSettings settings = resolve(managed(""), relayOption(QStringLiteral("wss://relay.example/ws")));
    EXPECT_EQ(settings.relayUrl.value, QUrl(QStringLiteral("wss://relay.example/ws")));
    EXPECT_EQ(settings.relayUrl.source, SettingSource::CommandLine);
    EXPECT_TRUE(settings.ignored.isEmpty());
}

TEST_F(WorkstationSettingsTest, AManagedLockTimeBeatsTheUsersOwnAndTheCommandLine)
{
    user.setValue(WorkstationSettings::userLockMinutesKey, 30);
    WorkstationSettings::CommandLine commandLine;
    commandLine.lockMinutes = 20;
    WorkstationSettings settings = resolve(managed("[policy]\nlockMinutes = 2\n"), commandLine);
    EXPECT_EQ(settings.lockMinutes.value, 2);
    EXPECT_EQ(settings.lockMinutes.source, SettingSource::Managed);
    EXPECT_TRUE(settings.ignored.join(u'\n').contains(QLatin1String("--lock-minutes is ignored")));
    // Settings cannot change it either, and nothing is written for the user.
    user.remove(WorkstationSettings::userLockMinutesKey);
    EXPECT_FALSE(settings.setUserLockMinutes(45, user));
    EXPECT_EQ(settings.lockMinutes.value, 2);
    EXPECT_FALSE(user.contains(WorkstationSettings::userLockMinutesKey));
}

TEST_F(WorkstationSettingsTest, WithoutAManagedLockTimeTheCommandLineBeatsTheUserAndTheUserTheDefault)
{
    WorkstationSettings::CommandLine commandLine;
    commandLine.lockMinutes = 20;
    user.setValue(WorkstationSettings::userLockMinutesKey, 30);
    EXPECT_EQ(resolve(managed(""), commandLine).lockMinutes.value, 20);
    EXPECT_EQ(resolve(managed(""), commandLine).lockMinutes.source, SettingSource::CommandLine);
    EXPECT_EQ(resolve(managed(""), {}).lockMinutes.value, 30);
    EXPECT_EQ(resolve(managed(""), {}).lockMinutes.source, SettingSource::User);
    user.setValue(WorkstationSettings::userLockMinutesKey, 600); // out of range: not used
    EXPECT_EQ(resolve(managed(""), {}).lockMinutes.value, WorkstationSettings::defaultLockMinutes);
    EXPECT_EQ(resolve(managed(""), {}).lockMinutes.source, SettingSource::BuiltIn);
}

TEST_F(WorkstationSettingsTest, TheUserChoosesTheLockTimeInSettingsWhenItIsNotManaged)
{
    WorkstationSettings settings = resolve(managed(""), {});
    EXPECT_TRUE(settings.setUserLockMinutes(12, user));
    EXPECT_EQ(settings.lockMinutes.value, 12);
    EXPECT_EQ(settings.lockMinutes.source, SettingSource::User);
    EXPECT_EQ(user.value(WorkstationSettings::userLockMinutesKey).toInt(), 12);
    EXPECT_EQ(resolve(managed(""), {}).lockMinutes.value, 12);
}

TEST_F(WorkstationSettingsTest, TheManagedPinReachesTheSettingsAndNoneMeansNoPin)
{
    const WorkstationSettings pinned = resolve(managed("[relay]\npinnedKeySha256 = " + pin.toLatin1() + "\n"), {});
    EXPECT_TRUE(pinned.pin.managed());
    EXPECT_EQ(pinned.pin.value.toBase64(), QStringList{pin});
    const WorkstationSettings unpinned = resolve(managed(""), {});
    EXPECT_FALSE(unpinned.pin.value.isSet());
    EXPECT_EQ(unpinned.pin.source, SettingSource::BuiltIn);
}

TEST_F(WorkstationSettingsTest, TheManagedLibraryBeatsTheDeployedFileAndTheCommandLine)
{
    ASSERT_TRUE(QFile(deployed).open(QIODevice::WriteOnly));
    WorkstationSettings::CommandLine commandLine;
    commandLine.cannedLibrary = QStringLiteral("/home/ana/mine.json");
    const WorkstationSettings settings =
        resolve(managed("[canned]\nlibrary = /srv/program/canned.json\n"), commandLine);
    EXPECT_EQ(settings.cannedLibrary.value, QStringLiteral("/srv/program/canned.json"));
    EXPECT_TRUE(settings.cannedLibrary.managed());
    EXPECT_TRUE(settings.ignored.join(u'\n').contains(QLatin1String("--canned-library is ignored")));
}

TEST_F(WorkstationSettingsTest, ADeployedLibraryBeatsTheCommandLineWhichCountsOnlyWhereNothingIsDeployed)
{
    WorkstationSettings::CommandLine commandLine;
    commandLine.cannedLibrary = QStringLiteral("/home/ana/mine.json");
    const WorkstationSettings undeployed = resolve(managed(""), commandLine);
    EXPECT_EQ(undeployed.cannedLibrary.value, QStringLiteral("/home/ana/mine.json"));
    EXPECT_EQ(undeployed.cannedLibrary.source, SettingSource::CommandLine);
    ASSERT_TRUE(QFile(deployed).open(QIODevice::WriteOnly));
    const WorkstationSettings settings = resolve(managed(""), commandLine);
    EXPECT_EQ(settings.cannedLibrary.value, deployed);
    EXPECT_TRUE(settings.cannedLibrary.managed());
    EXPECT_EQ(settings.ignored.size(), 1);
}

TEST_F(WorkstationSettingsTest, ManagedDraftSwitchesWinOverTheLibrarysPolicyAndTheRestStay)
{
    const WorkstationSettings settings = resolve(managed("[policy]\nemojiCheck = false\nshoutingCheck = true\n"), {});
    DraftPolicy policy;
    policy.shoutingCheck = false;
    policy.slangCheck = false;
    settings.applyTo(policy);
    EXPECT_FALSE(policy.emojiCheck);
    EXPECT_TRUE(policy.shoutingCheck);
    EXPECT_FALSE(policy.slangCheck);          // not managed: the library's
    EXPECT_TRUE(policy.unchangedCannedCheck); // not managed: the library's
}

TEST_F(WorkstationSettingsTest, NothingOfARefusedManagedFileIsUsed)
{
    const ManagedSettings refused = managed("[relay]\nurl = wss://chat.example.org/ws\n[policy]\nlockMinutes = x\n");
    ASSERT_FALSE(refused.ok());
    const WorkstationSettings settings = resolve(refused, relayOption(QStringLiteral("wss://relay.example/ws")));
    EXPECT_FALSE(settings.managed.ok());
    EXPECT_EQ(settings.relayUrl.source, SettingSource::CommandLine);
}
