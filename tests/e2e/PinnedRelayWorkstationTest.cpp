// SPDX-License-Identifier: GPL-3.0-only
// The workstation with a relay key IT pinned (PK2), against the real relay serving wss: the advocate signs in and
// works; a relay that turns up with another key is refused at sign-in and on a reconnect, and the sign-in screen
// says why in its own words.
#include "TestCertificate.h"
#include "WorkstationFixture.h"

#include <QSettings>
#include <QSslCertificate>

using namespace advocate;
using namespace advocate::test;

namespace {

QSslCertificate certificateIn(const QString &path)
{
    const QList<QSslCertificate> read = QSslCertificate::fromPath(path);
    return read.isEmpty() ? QSslCertificate() : read.first();
}

class PinnedRelayWorkstationTest : public WorkstationTest
{
protected:
    void configure(Workstation::Options &built) override
    {
        ASSERT_TRUE(pinned.error.isEmpty()) << qPrintable(pinned.error);
        ASSERT_TRUE(other.error.isEmpty()) << qPrintable(other.error);
        const ManagedSettings managed = ManagedSettings::fromValues(
            {{ManagedSettings::pinKey, opensslKeyPin(pinned.certificate)}}, QStringLiteral("managed.conf"));
        ASSERT_TRUE(managed.ok()) << qPrintable(managed.problem());
        const QSettings none(folder.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
        built.settings = WorkstationSettings::resolve(managed, {}, none, QString());
        // Both verify (as a publicly trusted certificate would); only the first is pinned.
        built.session.trustedAuthorities = {certificateIn(pinned.certificate), certificateIn(other.certificate)};
        built.session.reconnectDelay = std::chrono::milliseconds(50);
    }

    QTemporaryDir pinnedDir;
    QTemporaryDir otherDir;
    TestCertificate pinned = makeTestCertificate(pinnedDir);
    TestCertificate other = makeTestCertificate(otherDir);
    LoopbackRelay tlsRelay;
};

} // namespace

TEST_F(PinnedRelayWorkstationTest, TheSignInToARelayWithAnotherKeySaysTheCertificateDoesNotMatchThePin)
{
    tlsRelay.useTls(other.certificate, other.key);
    ASSERT_TRUE(tlsRelay.start());
    workstation->signIn();
    auto *dialog = window->findChild<SignInDialog *>(QStringLiteral("signInDialog"));
    ASSERT_NE(dialog, nullptr);
    auto *relayField = dialog->findChild<QLineEdit *>(QStringLiteral("relayUrl"));
    relayField->setText(tlsRelay.url().toString());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("userName")), QStringLiteral("ana"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("password")), LoopbackRelay::password);
    QSignalSpy failed(shift, &Shift::signInFailed);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    ASSERT_TRUE(failed.wait(patience));
    EXPECT_EQ(dialog->errorText(), ClientSession::describe(ClientSession::SignInError::PinMismatch));
    EXPECT_TRUE(dialog->errorText().contains(QLatin1String("pinned")));
    // The open dialog shows it; no second one is opened for it.
    EXPECT_EQ(window->findChildren<SignInDialog *>().size(), 1);
    // Every line of the warning is on screen.
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("signInError"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return problem->height() >= problem->heightForWidth(problem->width()); }, patience))
        << problem->height() << " < " << problem->heightForWidth(problem->width());
    EXPECT_FALSE(screenshot(*dialog, QStringLiteral("sign-in-pin-mismatch")).isEmpty()); // docs/it-install-guide.md
    dialog->reject();
}

TEST_F(PinnedRelayWorkstationTest, AReconnectToTheRelayWithAnotherKeyEndsInTheSignInSayingWhy)
{
    tlsRelay.useTls(pinned.certificate, pinned.key);
    ASSERT_TRUE(tlsRelay.start());
    signInAndStart(tlsRelay.url());
    ASSERT_EQ(session->state(), ClientSession::State::SignedIn);
    // The relay's address now answers with another key (someone in between, or a certificate IT has not pinned).
    tlsRelay.stop();
    tlsRelay.useTls(other.certificate, other.key);
    ASSERT_TRUE(tlsRelay.start());
    SignInDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            dialog = window->findChild<SignInDialog *>(QStringLiteral("signInDialog"));
            return dialog != nullptr;
        },
        patience));
    EXPECT_EQ(dialog->errorText(), ClientSession::describe(ClientSession::SignInError::PinMismatch));
    EXPECT_EQ(session->state(), ClientSession::State::SignedOut);
    EXPECT_FALSE(session->hasSessionToken());
    dialog->reject();
}
