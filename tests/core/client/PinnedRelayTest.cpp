// SPDX-License-Identifier: GPL-3.0-only
// The pinned relay key (PK2, WS1) against the real relay serving wss with certificates made at test time: the
// right pin connects, a wrong one refuses with its own error (also on a reconnect), and without a pin the trust
// store decides. The test's certificates are trusted through the session's test-only certificate authorities, never
// by ignoring a TLS error.
#include "client/ClientSession.h"

#include "LoopbackRelay.h"
#include "TestCertificate.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;

namespace {

constexpr int patience = 30000;

struct Made
{
    QTemporaryDir dir;
    test::TestCertificate files;
    QSslCertificate certificate;
    RelayKeyPin pin;

    Made() : files(test::makeTestCertificate(dir))
    {
        const QList<QSslCertificate> read = QSslCertificate::fromPath(files.certificate);
        if (!read.isEmpty())
            certificate = read.first();
        // The pin as IT computes it with openssl.
        if (auto parsed = RelayKeyPin::parse({test::opensslKeyPin(files.certificate)}, nullptr))
            pin = *parsed;
    }
};

class PinnedRelayTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        for (const Made *made : {&relayCertificate, &otherCertificate}) {
            ASSERT_TRUE(made->files.error.isEmpty()) << qPrintable(made->files.error);
            ASSERT_FALSE(made->certificate.isNull());
            ASSERT_TRUE(made->pin.isSet());
        }
        relay.useTls(relayCertificate.files.certificate, relayCertificate.files.key);
        ASSERT_TRUE(relay.start());
        ASSERT_EQ(relay.url().scheme(), QStringLiteral("wss"));
    }

    static ClientSession::Options options(const RelayKeyPin &pin, const QList<QSslCertificate> &trusted)
    {
        ClientSession::Options options;
        options.reconnectDelay = std::chrono::milliseconds(50);
        options.signInTimeout = std::chrono::milliseconds(patience);
        options.pin = pin;
        options.trustedAuthorities = trusted;
        return options;
    }

    // Signs in as ana; the error, or empty once signed in.
    static std::optional<ClientSession::SignInError> signIn(ClientSession &session, const QUrl &url,
                                                            const QString &password = LoopbackRelay::password)
    {
        QSignalSpy failed(&session, &ClientSession::signInFailed);
        session.signIn(url, QStringLiteral("ana"), password);
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return !failed.isEmpty() || session.state() == ClientSession::State::SignedIn; }, patience));
        if (failed.isEmpty())
            return std::nullopt;
        return failed.first().first().value<ClientSession::SignInError>();
    }

    Made relayCertificate;
    Made otherCertificate;
    LoopbackRelay relay;
};

} // namespace

TEST_F(PinnedRelayTest, TheRightPinConnects)
{
    ClientSession session(options(relayCertificate.pin, {relayCertificate.certificate}));
    EXPECT_EQ(signIn(session, relay.url()), std::nullopt);
    EXPECT_EQ(session.state(), ClientSession::State::SignedIn);
    EXPECT_TRUE(session.hasSessionToken());
}

TEST_F(PinnedRelayTest, AWrongPinRefusesWithItsOwnErrorAndSendsNothing)
{
    ClientSession session(options(otherCertificate.pin, {relayCertificate.certificate}));
    EXPECT_EQ(signIn(session, relay.url()), ClientSession::SignInError::PinMismatch);
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
    EXPECT_FALSE(session.hasSessionToken());
    // No sign-in reached the relay: three wrong passwords that did would lock ana out (the relay's limit is three).
    for (int i = 0; i < 3; ++i) {
        ClientSession again(options(otherCertificate.pin, {relayCertificate.certificate}));
        ASSERT_EQ(signIn(again, relay.url(), QStringLiteral("wrong %1").arg(i)),
                  ClientSession::SignInError::PinMismatch);
    }
    ClientSession right(options(relayCertificate.pin, {relayCertificate.certificate}));
    EXPECT_EQ(signIn(right, relay.url()), std::nullopt);
}

TEST_F(PinnedRelayTest, ThePinErrorHasItsOwnSentenceNamingIt)
{
    const QString sentence = ClientSession::describe(ClientSession::SignInError::PinMismatch);
    EXPECT_TRUE(sentence.contains(QLatin1String("does not match the one your IT department pinned")));
    EXPECT_NE(sentence, ClientSession::describe(ClientSession::SignInError::TlsFailure));
}

TEST_F(PinnedRelayTest, WithoutAPinARelayTheTrustStoreAcceptsConnects)
{
    ClientSession session(options(RelayKeyPin(), {relayCertificate.certificate}));
    EXPECT_EQ(signIn(session, relay.url()), std::nullopt);
}

TEST_F(PinnedRelayTest, WithoutAPinACertificateTheSystemTrustStoreDoesNotKnowIsATlsFailure)
{
    ClientSession session(options(RelayKeyPin(), {}));
    EXPECT_EQ(signIn(session, relay.url()), ClientSession::SignInError::TlsFailure);
}

TEST_F(PinnedRelayTest, APinDoesNotStandInForTheTrustStore)
{
    // The right key, but a certificate nobody vouches for: the handshake fails before the pin is looked at.
    ClientSession session(options(relayCertificate.pin, {}));
    EXPECT_EQ(signIn(session, relay.url()), ClientSession::SignInError::TlsFailure);
}

TEST_F(PinnedRelayTest, APinnedSessionRefusesAPlainRelay)
{
    LoopbackRelay plain;
    ASSERT_TRUE(plain.start());
    ClientSession session(options(relayCertificate.pin, {relayCertificate.certificate}));
    EXPECT_EQ(signIn(session, plain.url()), ClientSession::SignInError::PinMismatch);
}

TEST_F(PinnedRelayTest, AWrongPinAlsoBlocksAReconnect)
{
    // Both certificates verify; only the first is pinned. The relay comes back on the same address with the other.
    ClientSession session(options(relayCertificate.pin, {relayCertificate.certificate, otherCertificate.certificate}));
    ASSERT_EQ(signIn(session, relay.url()), std::nullopt);
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    relay.stop();
    relay.useTls(otherCertificate.files.certificate, otherCertificate.files.key);
    ASSERT_TRUE(relay.start());
    ASSERT_TRUE(failed.wait(patience));
    EXPECT_EQ(failed.first().first().value<ClientSession::SignInError>(), ClientSession::SignInError::PinMismatch);
    EXPECT_EQ(failed.first().at(1).toString(), ClientSession::describe(ClientSession::SignInError::PinMismatch));
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
    EXPECT_FALSE(session.hasSessionToken()); // never offered to that relay, and gone
    // It does not keep trying.
    QTest::qWait(300);
    EXPECT_EQ(failed.size(), 1);
    EXPECT_EQ(session.state(), ClientSession::State::SignedOut);
}
