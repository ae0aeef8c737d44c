// SPDX-License-Identifier: GPL-3.0-only
// What IT set (PK2) shows locked, with why, in Settings and in the sign-in; the user's own lock time is theirs to
// change; and managed settings the workstation cannot trust keep it from starting, saying why.
#include "SettingsDialog.h"

#include "AppLock.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "Workstation.h"
#include "cache/ShiftCache.h"
#include "common/ManualClock.h"

#include <QAccessible>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

const QString itSetIt = QStringLiteral("Set by your IT department.");
const QString pin = QString::fromLatin1(QByteArray(32, 'p').toBase64());

// Settings as resolve() makes them from IT's values.
WorkstationSettings managedSettings(const QVariantMap &values)
{
    const ManagedSettings managed =
        ManagedSettings::fromValues(values, QStringLiteral("/etc/advocate-desk/managed.conf"));
    EXPECT_TRUE(managed.ok()) << qPrintable(managed.problem());
    const QSettings none(QStringLiteral("/nonexistent/user.conf"), QSettings::IniFormat);
    return WorkstationSettings::resolve(managed, {}, none, QStringLiteral("/nonexistent/canned.json"));
}

bool hasLockAction(const QLineEdit *field)
{
    const QList<QAction *> actions = field->actions();
    return std::any_of(actions.cbegin(), actions.cend(),
                       [](const QAction *action) { return action->toolTip() == itSetIt && !action->icon().isNull(); });
}

class SettingsDialogTest : public ::testing::Test
{
protected:
    std::unique_ptr<Workstation> workstation(WorkstationSettings settings)
    {
        ShiftCache::Options cache;
        cache.directory = folder.path();
        cache.keychainService = QStringLiteral("org.advocatedesk.tests.ui");
        cache.keyName = QStringLiteral("unused");
        cache.clock = clock;
        Workstation::Options built;
        built.cache = cache;
        built.clock = clock;
        built.cannedLibrary = CannedLibrary();
        built.settings = std::move(settings);
        return std::make_unique<Workstation>(built);
    }

    QTemporaryDir folder;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
};

} // namespace

TEST_F(SettingsDialogTest, AManagedLockTimeIsDisabledAndSaysItWasSetByIT)
{
    const WorkstationSettings settings = managedSettings({{ManagedSettings::lockMinutesKey, 2}});
    SettingsDialog dialog(QString(), QString(), settings);
    auto *minutes = dialog.findChild<QSpinBox *>(QStringLiteral("lockMinutesField"));
    ASSERT_NE(minutes, nullptr);
    EXPECT_EQ(minutes->value(), 2);
    EXPECT_FALSE(minutes->isEnabled());
    EXPECT_EQ(minutes->toolTip(), itSetIt);
    EXPECT_EQ(minutes->accessibleDescription(), itSetIt);
    EXPECT_FALSE(minutes->accessibleName().isEmpty());
    // Its label is its buddy (the mnemonic works, no "&" shows), locked or not.
    const QList<QLabel *> all = dialog.findChildren<QLabel *>();
    EXPECT_TRUE(std::any_of(all.cbegin(), all.cend(), [&](const QLabel *l) { return l->buddy() == minutes; }));
    // Said in words beside it too, not only in a tooltip.
    auto *note = dialog.findChild<QWidget *>(QStringLiteral("lockMinutesNote"));
    ASSERT_NE(note, nullptr);
    dialog.show();
    EXPECT_TRUE(note->isVisible());
    const QList<QLabel *> labels = note->findChildren<QLabel *>();
    EXPECT_TRUE(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *l) { return l->text() == itSetIt; }));
    EXPECT_TRUE(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *l) { return !l->pixmap().isNull(); }));
}

TEST_F(SettingsDialogTest, AnUnmanagedLockTimeIsTheUsersToChangeAndNothingIsShownAsManaged)
{
    const WorkstationSettings settings = managedSettings({});
    SettingsDialog dialog(QString(), QString(), settings);
    auto *minutes = dialog.findChild<QSpinBox *>(QStringLiteral("lockMinutesField"));
    ASSERT_NE(minutes, nullptr);
    EXPECT_TRUE(minutes->isEnabled());
    EXPECT_EQ(minutes->value(), WorkstationSettings::defaultLockMinutes);
    EXPECT_TRUE(minutes->toolTip().isEmpty());
    minutes->setValue(9);
    EXPECT_EQ(dialog.lockMinutes(), 9);
    EXPECT_EQ(dialog.findChild<QGroupBox *>(QStringLiteral("managedSettings")), nullptr);
    EXPECT_EQ(dialog.findChild<QWidget *>(QStringLiteral("lockMinutesNote")), nullptr);
}

TEST_F(SettingsDialogTest, TheRelayThePinTheLibraryAndTheDraftSwitchesITSetAreShownReadOnlyWithTheLock)
{
    const WorkstationSettings settings =
        managedSettings({{ManagedSettings::relayUrlKey, QStringLiteral("wss://chat.example.org/ws")},
                         {ManagedSettings::pinKey, pin},
                         {ManagedSettings::cannedLibraryKey, QStringLiteral("/srv/program/canned.json")},
                         {ManagedSettings::emojiCheckKey, QStringLiteral("false")}});
    SettingsDialog dialog(QString(), QString(), settings);
    auto *group = dialog.findChild<QGroupBox *>(QStringLiteral("managedSettings"));
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->title(), QStringLiteral("Set by your IT department"));
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("managedRelayUrl"), QStringLiteral("wss://chat.example.org/ws")},
        {QStringLiteral("managedPin"), pin},
        {QStringLiteral("managedCannedLibrary"), QStringLiteral("/srv/program/canned.json")},
        {QStringLiteral("managedEmojiCheck"), QStringLiteral("Off")},
    };
    for (const auto &[name, value] : expected) {
        auto *field = group->findChild<QLineEdit *>(name);
        ASSERT_NE(field, nullptr) << qPrintable(name);
        EXPECT_EQ(field->text(), value);
        EXPECT_TRUE(field->isReadOnly());
        EXPECT_EQ(field->toolTip(), itSetIt);
        EXPECT_EQ(field->accessibleDescription(), itSetIt);
        EXPECT_FALSE(field->accessibleName().isEmpty());
        EXPECT_TRUE(hasLockAction(field)) << qPrintable(name);
    }
    // Only what IT set is listed.
    EXPECT_EQ(group->findChild<QLineEdit *>(QStringLiteral("managedSlangCheck")), nullptr);
    EXPECT_TRUE(dialog.findChild<QSpinBox *>(QStringLiteral("lockMinutesField"))->isEnabled());
}

TEST_F(SettingsDialogTest, SettingsOpenedFromTheWindowShowTheManagedLockTimeLockedAndKeepIt)
{
    auto built = workstation(managedSettings({{ManagedSettings::lockMinutesKey, 3}}));
    MainWindow &window = built->window();
    EXPECT_EQ(window.appLock().idleTimeout(), std::chrono::minutes(3));
    QSettings().remove(WorkstationSettings::userLockMinutesKey);
    window.openSettings();
    auto *dialog = window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->findChild<QSpinBox *>(QStringLiteral("lockMinutesField"))->isEnabled());
    dialog->accept();
    EXPECT_EQ(window.appLock().idleTimeout(), std::chrono::minutes(3));
    EXPECT_FALSE(QSettings().contains(WorkstationSettings::userLockMinutesKey));
}

TEST_F(SettingsDialogTest, TheUsersOwnLockTimeFromSettingsAppliesAtOnceAndIsKept)
{
    auto built = workstation(managedSettings({}));
    MainWindow &window = built->window();
    window.openSettings();
    auto *dialog = window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
    ASSERT_NE(dialog, nullptr);
    dialog->findChild<QSpinBox *>(QStringLiteral("lockMinutesField"))->setValue(11);
    dialog->accept();
    EXPECT_EQ(window.appLock().idleTimeout(), std::chrono::minutes(11));
    EXPECT_EQ(QSettings().value(WorkstationSettings::userLockMinutesKey).toInt(), 11);
    QSettings().remove(WorkstationSettings::userLockMinutesKey);
    QSettings().remove(QStringLiteral("ui/language"));
    QSettings().remove(QStringLiteral("canned/advocateName"));
}

TEST_F(SettingsDialogTest, TheSignInShowsAManagedRelayAddressLockedWithWhy)
{
    auto built =
        workstation(managedSettings({{ManagedSettings::relayUrlKey, QStringLiteral("wss://chat.example.org/ws")}}));
    SignInDialog dialog(built->shift(), QUrl(QStringLiteral("wss://chat.example.org/ws")), true);
    auto *relay = dialog.findChild<QLineEdit *>(QStringLiteral("relayUrl"));
    ASSERT_NE(relay, nullptr);
    EXPECT_TRUE(relay->isReadOnly());
    EXPECT_EQ(relay->accessibleDescription(), itSetIt);
    EXPECT_TRUE(hasLockAction(relay));
    SignInDialog open(built->shift(), QUrl(), false);
    EXPECT_FALSE(open.findChild<QLineEdit *>(QStringLiteral("relayUrl"))->isReadOnly());
    EXPECT_FALSE(hasLockAction(open.findChild<QLineEdit *>(QStringLiteral("relayUrl"))));
}

TEST_F(SettingsDialogTest, ManagedSettingsThatCannotBeTrustedKeepTheWorkstationFromStartingAndSayWhy)
{
    const ManagedSettings refused = ManagedSettings::fromValues({{QStringLiteral("relay/pinnedKey"), pin}},
                                                                QStringLiteral("/etc/advocate-desk/managed.conf"));
    ASSERT_FALSE(refused.ok());
    const QSettings none(QStringLiteral("/nonexistent/user.conf"), QSettings::IniFormat);
    auto built = workstation(WorkstationSettings::resolve(refused, {}, none, QString()));
    QSignalSpy quit(built.get(), &Workstation::quitRequested);
    built->start();
    auto *box = built->window().findChild<QMessageBox *>(QStringLiteral("cannotStartBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(refused.problem())) << qPrintable(box->text());
    EXPECT_EQ(built->window().findChild<SignInDialog *>(), nullptr); // nobody signs in
    box->button(QMessageBox::Ok)->click();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !quit.isEmpty(); }, 5000));
}
