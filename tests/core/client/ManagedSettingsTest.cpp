// SPDX-License-Identifier: GPL-3.0-only
// The Linux managed-settings file (PK2) in a folder of the test's own: read when only its owner may change it,
// refused (and nothing of it used) when anyone else could, and refused when it holds what the workstation does not
// understand. The "root" the production check wants is the test's own user here (Location::owner).
#include "client/ManagedSettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace advocate;

namespace {

const QString pinA = QString::fromLatin1(QByteArray(32, 'a').toBase64());
const QString pinB = QString::fromLatin1(QByteArray(32, 'b').toBase64());

class ManagedSettingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    }

    QString path() const { return dir.filePath(fileName); }

    void write(const QByteArray &content, mode_t mode = 0644) const
    {
        QFile file(path());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        ASSERT_EQ(::chmod(QFile::encodeName(path()).constData(), mode), 0);
    }

    ManagedSettings read(uint owner = ::geteuid()) const
    {
        return ManagedSettings::read({ManagedSettings::Location::Kind::File, path(), owner});
    }

    QTemporaryDir dir;
    // QSettings keeps a process-wide cache of INI files and trusts it while size and modification time are
    // unchanged, so a test that rewrites the file within a few milliseconds with the same length reads the
    // earlier content. A test that reads several contents gives each its own file.
    QString fileName = QStringLiteral("managed.conf");
};

} // namespace

TEST_F(ManagedSettingsTest, TheSystemLocationOnLinuxIsARootOwnedFileInEtc)
{
    const ManagedSettings::Location location = ManagedSettings::systemLocation();
    EXPECT_EQ(location.kind, ManagedSettings::Location::Kind::File);
    EXPECT_EQ(location.path, QStringLiteral("/etc/advocate-desk/managed.conf"));
    EXPECT_EQ(location.owner, 0u);
}

TEST_F(ManagedSettingsTest, WithoutAFileNothingIsManaged)
{
    const ManagedSettings settings = read();
    EXPECT_TRUE(settings.ok());
    EXPECT_TRUE(settings.isEmpty());
}

TEST_F(ManagedSettingsTest, EverySettingIsReadFromAFileOnlyItsOwnerMayChange)
{
    write("[relay]\n"
          "url = wss://chat.example.org/ws\n"
          "pinnedKeySha256 = " +
          pinA.toLatin1() + ", " + pinB.toLatin1() +
          "\n"
          "[canned]\n"
          "library = /srv/program/canned.json\n"
          "[policy]\n"
          "lockMinutes = 3\n"
          "emojiCheck = false\n"
          "slangCheck = true\n"
          "shoutingCheck = 0\n"
          "unchangedCannedCheck = 1\n");
    const ManagedSettings settings = read();
    ASSERT_TRUE(settings.ok()) << qPrintable(settings.problem());
    const ManagedSettings::Values &values = settings.values();
    EXPECT_EQ(values.relayUrl, QUrl(QStringLiteral("wss://chat.example.org/ws")));
    ASSERT_TRUE(values.pin);
    EXPECT_EQ(values.pin->toBase64(), QStringList({pinA, pinB}));
    EXPECT_EQ(values.cannedLibrary, QStringLiteral("/srv/program/canned.json"));
    EXPECT_EQ(values.lockMinutes, 3);
    EXPECT_EQ(values.emojiCheck, false);
    EXPECT_EQ(values.slangCheck, true);
    EXPECT_EQ(values.shoutingCheck, false);
    EXPECT_EQ(values.unchangedCannedCheck, true);
    EXPECT_EQ(settings.where(), path());
}

TEST_F(ManagedSettingsTest, AFileInAFolderOfSomeoneElseIsRefused)
{
    write("[relay]\nurl = wss://chat.example.org/ws\n");
    const ManagedSettings settings = read(::geteuid() + 1);
    EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::NotOwnedByRoot);
    EXPECT_TRUE(settings.problem().contains(QLatin1String("not owned by root"))) << qPrintable(settings.problem());
    EXPECT_TRUE(settings.isEmpty());
}

TEST_F(ManagedSettingsTest, AFileNotOwnedByRootIsRefusedAndSaysSo)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "giving the file to another user needs root";
    write("[relay]\nurl = wss://chat.example.org/ws\n");
    ASSERT_EQ(::chown(QFile::encodeName(path()).constData(), 65534, 65534), 0);
    const ManagedSettings settings = read(0);
    EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::NotOwnedByRoot);
    EXPECT_TRUE(settings.problem().startsWith(path())) << qPrintable(settings.problem());
    EXPECT_FALSE(settings.values().relayUrl);
}

TEST_F(ManagedSettingsTest, AFileOthersOrItsGroupMayWriteIsRefused)
{
    for (const mode_t mode : {0666, 0646, 0664}) {
        write("[relay]\nurl = wss://chat.example.org/ws\n", mode);
        const ManagedSettings settings = read();
        EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::WritableByOthers) << mode;
        EXPECT_TRUE(settings.problem().contains(QLatin1String("users other than root")))
            << qPrintable(settings.problem());
        EXPECT_FALSE(settings.values().relayUrl);
    }
}

TEST_F(ManagedSettingsTest, AFolderOthersMayWriteIsRefusedEvenForAFileThatIsNot)
{
    write("[relay]\nurl = wss://chat.example.org/ws\n");
    ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 01777), 0); // like /tmp: files could be swapped
    const ManagedSettings settings = read();
    EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::WritableByOthers);
    EXPECT_TRUE(settings.problem().startsWith(QDir::toNativeSeparators(dir.path()))) << qPrintable(settings.problem());
}

TEST_F(ManagedSettingsTest, ALinkToAFileInAFolderOthersMayWriteIsRefused)
{
    QTemporaryDir writable;
    ASSERT_EQ(::chmod(QFile::encodeName(writable.path()).constData(), 0777), 0);
    const QString target = writable.filePath(QStringLiteral("managed.conf"));
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[relay]\nurl = wss://chat.example.org/ws\n");
    file.close();
    ASSERT_TRUE(QFile::link(target, path()));
    EXPECT_EQ(read().problemKind(), ManagedSettings::ProblemKind::WritableByOthers);
}

TEST_F(ManagedSettingsTest, SomethingThatIsNotAFileIsRefusedAsUnreadable)
{
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("managed.conf")));
    EXPECT_EQ(read().problemKind(), ManagedSettings::ProblemKind::Unreadable);
}

TEST_F(ManagedSettingsTest, AMisspeltKeyRefusesTheWholeFileSoNoPinIsSilentlyLost)
{
    write("[relay]\nurl = wss://chat.example.org/ws\npinnedKey = " + pinA.toLatin1() + "\n");
    const ManagedSettings settings = read();
    EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::Invalid);
    EXPECT_TRUE(settings.problem().contains(QLatin1String("relay/pinnedKey"))) << qPrintable(settings.problem());
    EXPECT_FALSE(settings.values().relayUrl);
}

TEST_F(ManagedSettingsTest, EachValueItCannotUseIsRefusedNamingTheKey)
{
    const QList<std::pair<QByteArray, QString>> cases{
        {"[relay]\nurl = https://chat.example.org/\n", QStringLiteral("relay/url")},
        {"[relay]\nurl = wss://\n", QStringLiteral("relay/url")},
        {"[relay]\npinnedKeySha256 = 0123456789abcdef\n", QStringLiteral("relay/pinnedKeySha256")},
        {"[relay]\npinnedKeySha256 =\n", QStringLiteral("relay/pinnedKeySha256")},
        {"[canned]\nlibrary = canned.json\n", QStringLiteral("canned/library")},
        {"[policy]\nlockMinutes = 0\n", QStringLiteral("policy/lockMinutes")},
        {"[policy]\nlockMinutes = 61\n", QStringLiteral("policy/lockMinutes")},
        {"[policy]\nlockMinutes = soon\n", QStringLiteral("policy/lockMinutes")},
        {"[policy]\nemojiCheck = maybe\n", QStringLiteral("policy/emojiCheck")},
        {"url = wss://chat.example.org/ws\n", QStringLiteral("url")},
    };
    int n = 0;
    for (const auto &[content, key] : cases) {
        fileName = QStringLiteral("managed-%1.conf").arg(++n);
        write(content);
        const ManagedSettings settings = read();
        EXPECT_EQ(settings.problemKind(), ManagedSettings::ProblemKind::Invalid) << content.constData();
        EXPECT_TRUE(settings.problem().contains(key)) << qPrintable(settings.problem());
        EXPECT_TRUE(settings.isEmpty());
    }
}

TEST_F(ManagedSettingsTest, RegistryAndPreferenceTypesAreReadLikeTheFilesText)
{
    // What Windows (DWORD, REG_MULTI_SZ) and macOS (booleans, numbers, arrays) hand over.
    const ManagedSettings settings =
        ManagedSettings::fromValues({{ManagedSettings::pinKey, QStringList{pinA, pinB}},
                                     {ManagedSettings::lockMinutesKey, 7},
                                     {ManagedSettings::emojiCheckKey, false},
                                     {ManagedSettings::slangCheckKey, 1}},
                                    QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\AdvocateDesk"));
    ASSERT_TRUE(settings.ok()) << qPrintable(settings.problem());
    EXPECT_EQ(settings.values().pin->toBase64(), QStringList({pinA, pinB}));
    EXPECT_EQ(settings.values().lockMinutes, 7);
    EXPECT_EQ(settings.values().emojiCheck, false);
    EXPECT_EQ(settings.values().slangCheck, true);
}
