// SPDX-License-Identifier: GPL-3.0-only
// Practice programs (issue 18, docs/practice.md) on the real relay on loopback: a practice relay takes only practice
// survivors and a live relay none, each says what it is (signed_in, /api/status, /api/program, check-config, the
// privacy statement), and neither takes the other's restart tokens, even with the same restart secret.
#include "relay/RelayServer.h"

#include "LoopbackRelayTest.h"
#include "client/SurvivorClient.h"
#include "relay/AdminCommands.h"
#include "relay/PrivacyStatement.h"
#include "relay/RestartTokens.h"
#include "relay/Router.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;
using namespace advocate::test;

namespace {

class PracticeRelayTest : public LoopbackRelayTest
{
protected:
    static frame::Start start(bool practice)
    {
        frame::Start frame{1, 2, std::nullopt, QStringLiteral("en")};
        frame.practice = practice;
        return frame;
    }

    QJsonObject getJson(const RelayServer &server, const QString &path)
    {
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(path)))));
        EXPECT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    QNetworkAccessManager network;
};

} // namespace

TEST_F(PracticeRelayTest, APracticeRelayRefusesASurvivorNotMarkedPracticeAndClosesTheSocket)
{
    config.practice = true;
    auto server = relay();
    auto page = client(*server);
    page->send(start(false)); // what the survivor page sends
    const auto error = page->next<frame::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::PracticeMismatch);
    EXPECT_EQ(error->field, QStringLiteral("practice"));
    EXPECT_TRUE(error->fatal);
    EXPECT_TRUE(page->waitClosed());
    EXPECT_FALSE(page->next<frame::Session>(200)) << "no session opens";
    EXPECT_EQ(server->router().waitingCount(), 0);

    auto scripted = client(*server);
    scripted->send(start(true));
    EXPECT_TRUE(scripted->next<frame::Session>());
    EXPECT_EQ(scripted->next<frame::Queued>()->position, 1);
}

TEST_F(PracticeRelayTest, ALiveRelayRefusesAPracticeSurvivorAndTakesARealOne)
{
    auto server = relay();
    auto scripted = client(*server);
    scripted->send(start(true));
    const auto error = scripted->next<frame::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::PracticeMismatch);
    EXPECT_TRUE(error->fatal);
    EXPECT_TRUE(scripted->waitClosed());
    EXPECT_EQ(server->router().waitingCount(), 0);

    auto page = client(*server);
    page->send(start(false));
    EXPECT_TRUE(page->next<frame::Session>());
}

TEST_F(PracticeRelayTest, TheSurvivorClientMarkedPracticeChatsOnAPracticeRelayOnly)
{
    config.practice = true;
    auto practiceRelay = relay();
    SurvivorClient practiceSurvivor;
    SurvivorClient::Options options;
    options.practice = true;
    practiceSurvivor.start(url(*practiceRelay), options);
    EXPECT_TRUE(QTest::qWaitFor([&] { return practiceSurvivor.state() == SurvivorClient::State::Waiting; }, 10000));

    SurvivorClient unmarked;
    QSignalSpy problems(&unmarked, &SurvivorClient::problem);
    unmarked.start(url(*practiceRelay), SurvivorClient::Options{});
    ASSERT_TRUE(QTest::qWaitFor([&] { return unmarked.state() == SurvivorClient::State::Finished; }, 10000));
    ASSERT_FALSE(problems.isEmpty());
    EXPECT_TRUE(problems.first().first().toString().contains(QStringLiteral("practice relay")));

    config.practice = false;
    auto liveRelay = relay();
    SurvivorClient lost;
    QSignalSpy refused(&lost, &SurvivorClient::problem);
    lost.start(url(*liveRelay), options);
    ASSERT_TRUE(QTest::qWaitFor([&] { return lost.state() == SurvivorClient::State::Finished; }, 10000));
    ASSERT_FALSE(refused.isEmpty());
    EXPECT_TRUE(refused.first().first().toString().contains(QStringLiteral("real survivors")));
}

TEST_F(PracticeRelayTest, StaffAreToldAtSignInThatTheRelayIsAPracticeOne)
{
    for (const bool practice : {true, false}) {
        config.practice = practice;
        auto server = relay();
        auto ana = client(*server);
        ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse")});
        const auto signedIn = ana->next<frame::SignedIn>();
        ASSERT_TRUE(signedIn && signedIn->program);
        EXPECT_EQ(signedIn->program->practice, practice);
    }
}

TEST_F(PracticeRelayTest, StatusAndProgramSayPracticeAndWhyThePageStartsNoChat)
{
    config.practice = true;
    auto practiceRelay = relay();
    EXPECT_EQ(getJson(*practiceRelay, QStringLiteral("/api/status")).value(u"practice"), QJsonValue(true));
    const QJsonObject texts = getJson(*practiceRelay, QStringLiteral("/api/program")).value(u"texts").toObject();
    EXPECT_TRUE(texts.value(u"en")
                    .toObject()
                    .value(u"practice")
                    .toString()
                    .startsWith(QStringLiteral("This is a practice service")));
    EXPECT_TRUE(texts.value(u"es")
                    .toObject()
                    .value(u"practice")
                    .toString()
                    .startsWith(QStringLiteral("Este es un servicio de práctica")));

    config.practice = false;
    auto liveRelay = relay();
    EXPECT_EQ(getJson(*liveRelay, QStringLiteral("/api/status")).value(u"practice"), QJsonValue(false));
    EXPECT_FALSE(getJson(*liveRelay, QStringLiteral("/api/program"))
                     .value(u"texts")
                     .toObject()
                     .value(u"en")
                     .toObject()
                     .contains(u"practice"));
}

// The keys of a practice relay are not a live relay's: a token of one does not open at the other.
TEST(PracticeRestartTokens, TheSameSecretGivesPracticeAndLiveTokensThatNeverOpenAtTheOther)
{
    const QByteArray secret = restartSecret('s');
    const RestartTokens live(secret);
    const RestartTokens practice(secret, RestartTokens::Program::Practice);
    const RestartTokens::Survivor survivor{1, 2, QStringLiteral("en"), QStringLiteral("c1"), false, 1000, 100000};
    const RestartTokens::Staff staff{
        1, QStringLiteral("ana"), {{QStringLiteral("c1"), QStringLiteral("en")}}, 1000, 100000};
    EXPECT_TRUE(live.survivor(live.issue(survivor), 2000));
    EXPECT_TRUE(practice.survivor(practice.issue(survivor), 2000));
    EXPECT_TRUE(live.staff(live.issue(staff), 2000));
    EXPECT_TRUE(practice.staff(practice.issue(staff), 2000));
    EXPECT_FALSE(practice.survivor(live.issue(survivor), 2000));
    EXPECT_FALSE(live.survivor(practice.issue(survivor), 2000));
    EXPECT_FALSE(practice.staff(live.issue(staff), 2000));
    EXPECT_FALSE(live.staff(practice.issue(staff), 2000));
}

// After a restart (or at a standby) with the same restart secret, a relay of the other kind takes none of the
// tokens: a live chat cannot be carried into practice, nor a practice one into live.
TEST_F(PracticeRelayTest, AChatCannotCrossBetweenPracticeAndLiveThroughARestart)
{
    for (const bool firstIsPractice : {true, false}) {
        config.practice = firstIsPractice;
        auto first = relay();
        const quint16 port = first->port();
        auto rosa = client(*first);
        rosa->send(start(firstIsPractice));
        const auto session = rosa->next<frame::Session>();
        ASSERT_TRUE(session);
        auto ana = client(*first);
        ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("correct horse")});
        const auto signedIn = ana->next<frame::SignedIn>();
        ASSERT_TRUE(signedIn);
        rosa.reset();
        ana.reset();
        first.reset();

        config.practice = !firstIsPractice;
        auto other = relay(port);
        auto survivorBack = client(*other);
        survivorBack->send(frame::Resume{1, session->resumeToken, 0});
        EXPECT_EQ(survivorBack->nextError(), ErrorCode::ResumeExpired) << "first practice: " << firstIsPractice;
        auto staffBack = client(*other);
        staffBack->send(frame::StaffResume{1, signedIn->sessionToken, {}});
        EXPECT_EQ(staffBack->nextError(), ErrorCode::ResumeExpired) << "first practice: " << firstIsPractice;
        other.reset();

        // The same kind of relay with the same secret does take them (what the refusal above is not).
        config.practice = firstIsPractice;
        auto same = relay(port);
        auto again = client(*same);
        again->send(frame::Resume{1, session->resumeToken, 0});
        EXPECT_TRUE(again->next<frame::Session>()) << "first practice: " << firstIsPractice;
    }
}

TEST(PracticeAdminCommands, CheckConfigAndThePrivacyStatementSayItIsAPracticeRelay)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ManualClock clock;
    const auto run = [&](const QByteArray &practice, const QString &command) {
        QFile conf(dir.filePath(QStringLiteral("relay.conf")));
        EXPECT_TRUE(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        conf.write("program_name = P\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                   "practice = " +
                   practice + "\n");
        conf.close();
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        AdminCommands::Io io{outStream, errStream, [] { return std::optional<QString>(); }};
        const int code = AdminCommands::run(
            {QStringLiteral("advocate-relay"), command, QStringLiteral("--config"), conf.fileName()}, io, clock);
        EXPECT_EQ(code, 0) << qPrintable(err);
        outStream.flush();
        return out;
    };
    EXPECT_TRUE(run("on", QStringLiteral("check-config")).contains(QStringLiteral("a practice relay")));
    EXPECT_FALSE(run("off", QStringLiteral("check-config")).contains(QStringLiteral("practice")));
    EXPECT_TRUE(run("on", QStringLiteral("privacy-statement")).contains(QStringLiteral("A practice service")));
    EXPECT_FALSE(run("off", QStringLiteral("privacy-statement")).contains(QStringLiteral("practice")));
}
