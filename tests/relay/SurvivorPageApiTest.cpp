// SPDX-License-Identifier: GPL-3.0-only
// The relay's additions for the survivor page (issue 7) on loopback: the program and status JSON, opening hours
// and the service notice over the wire, and the quick-exit beacon.
#include "relay/RelayServer.h"

#include "WireClient.h"
#include "common/ManualClock.h"
#include "relay/AdminCommands.h"
#include "relay/PrivacyStatement.h"
#include "relay/ProgramDescription.h"
#include "relay/Router.h"
#include "relay/ServiceNotice.h"
#include "relay/StaffAuthenticator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;
using advocate::test::WireClient;

namespace {

class OneAdvocate final : public StaffAuthenticator
{
public:
    void signIn(const QString &user, const QString &password, Completion done) override
    {
        done(user == QLatin1String("ana") && password == QLatin1String("pw") ? SignInOutcome{Role::Advocate, {}}
                                                                             : SignInOutcome{});
    }
};

class SurvivorPageApiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        config.programName = QStringLiteral("Safe Harbor");
        config.noticeText = QStringLiteral("Read me first");
        config.noticeVersion = 2;
        config.languages = {QStringLiteral("en"), QStringLiteral("es")};
        config.translations[QStringLiteral("es")][QStringLiteral("notice_text")] = QStringLiteral("Lea esto");
        config.hotlinePhone = QStringLiteral("555-0100");
        config.exitUrl = QStringLiteral("https://weather.example/");
        config.serviceNoticeFile = dir.filePath(QStringLiteral("service-notice"));
    }

    void startRelay()
    {
        server = std::make_unique<RelayServer>(config, &clock, &accounts);
        server->setTickInterval(std::chrono::milliseconds(20));
        ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0)) << qPrintable(server->errorString());
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server->port()).arg(path));
    }

    QJsonObject getJson(const QString &path)
    {
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url(path))));
        EXPECT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        EXPECT_EQ(reply->rawHeader("Cache-Control"), QByteArrayLiteral("no-store"));
        EXPECT_FALSE(reply->hasRawHeader("Set-Cookie"));
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    std::unique_ptr<WireClient> client()
    {
        auto connection =
            std::make_unique<WireClient>(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port())));
        EXPECT_TRUE(connection->connectAndGreet());
        return connection;
    }

    QTemporaryDir dir;
    RelayConfig config;
    ManualClock clock{QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::utc())}; // a Saturday
    OneAdvocate accounts;
    QNetworkAccessManager network;
    std::unique_ptr<RelayServer> server;
};

} // namespace

TEST_F(SurvivorPageApiTest, ProgramJsonCarriesTheConfiguredTextsInEveryLanguage)
{
    ASSERT_EQ(config.openingHours.setSchedule(QStringLiteral("mon-fri 09:00-17:00")), QString());
    startRelay();
    const QJsonObject program = getJson(QStringLiteral("/api/program"));
    EXPECT_EQ(program.value(u"noticeVersion").toInt(), 2);
    EXPECT_EQ(program.value(u"exitUrl").toString(), QStringLiteral("https://weather.example/"));
    EXPECT_EQ(program.value(u"hotlinePhone").toString(), QStringLiteral("555-0100"));
    const QJsonObject texts = program.value(u"texts").toObject();
    EXPECT_EQ(texts.value(u"en").toObject().value(u"notice").toString(), QStringLiteral("Read me first"));
    EXPECT_EQ(texts.value(u"es").toObject().value(u"notice").toString(), QStringLiteral("Lea esto"));
    EXPECT_EQ(texts.value(u"es").toObject().value(u"programName").toString(), QStringLiteral("Safe Harbor"));
    EXPECT_EQ(program.value(u"hours").toArray().size(), 5);
    EXPECT_FALSE(program.value(u"alwaysOpen").toBool());
}

TEST_F(SurvivorPageApiTest, OutsideHoursStatusIsClosedWithTheNextOpeningAndStartGetsTheClosedText)
{
    ASSERT_EQ(config.openingHours.setSchedule(QStringLiteral("mon-fri 09:00-17:00")), QString());
    config.closedText = QStringLiteral("Closed now");
    startRelay();
    const QJsonObject status = getJson(QStringLiteral("/api/status"));
    EXPECT_FALSE(status.value(u"open").toBool());
    EXPECT_EQ(QDateTime::fromString(status.value(u"nextOpening").toString(), Qt::ISODate).toUTC(),
              QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::utc()));

    auto survivor = client();
    survivor->send(frame::Start{1, 2, std::nullopt, QStringLiteral("en")});
    const auto busy = survivor->next<frame::Busy>();
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->text, QStringLiteral("Closed now"));
    EXPECT_EQ(busy->phone, QStringLiteral("555-0100"));
    EXPECT_EQ(server->router().survivorSessionCount(), 0);

    clock.advance(std::chrono::hours(45)); // Monday 09:00
    EXPECT_TRUE(getJson(QStringLiteral("/api/status")).value(u"open").toBool());
}

TEST_F(SurvivorPageApiTest, AServiceNoticeSetByTheAdminCommandIsServedWithinASecondAndStopsNewChats)
{
    startRelay();
    EXPECT_TRUE(getJson(QStringLiteral("/api/status")).value(u"serviceNotice").isNull());
    QFile conf(dir.filePath(QStringLiteral("relay.conf")));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    conf.write("program_name = P\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
               "service_notice_file = " +
               config.serviceNoticeFile.toUtf8() + "\n");
    conf.close();
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    AdminCommands::Io io{outStream, errStream, [] { return std::optional<QString>(); }};
    ASSERT_EQ(AdminCommands::run({QStringLiteral("advocate-relay"), QStringLiteral("set-service-notice"),
                                  QStringLiteral("--config"), conf.fileName(), QStringLiteral("--kind"),
                                  QStringLiteral("forward"), QStringLiteral("--text"),
                                  QStringLiteral("Please use Riverside today"), QStringLiteral("--link"),
                                  QStringLiteral("https://riverside.example/")},
                                 io, clock),
              0)
        << qPrintable(err);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server->router().serviceNotice().has_value(); }, 2000));
    const QJsonObject notice = getJson(QStringLiteral("/api/status")).value(u"serviceNotice").toObject();
    EXPECT_EQ(notice.value(u"kind").toString(), QStringLiteral("forward"));
    EXPECT_EQ(notice.value(u"text").toString(), QStringLiteral("Please use Riverside today"));
    EXPECT_EQ(notice.value(u"link").toString(), QStringLiteral("https://riverside.example/"));
    EXPECT_FALSE(getJson(QStringLiteral("/api/status")).value(u"open").toBool());

    auto survivor = client();
    survivor->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    EXPECT_EQ(survivor->next<frame::Busy>()->text, QStringLiteral("Please use Riverside today"));

    ASSERT_EQ(AdminCommands::run({QStringLiteral("advocate-relay"), QStringLiteral("clear-service-notice"),
                                  QStringLiteral("--config"), conf.fileName()},
                                 io, clock),
              0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !server->router().serviceNotice().has_value(); }, 2000));
    EXPECT_TRUE(getJson(QStringLiteral("/api/status")).value(u"open").toBool());
}

TEST_F(SurvivorPageApiTest, TheQuickExitBeaconEndsTheConversationWithReasonQuickExit)
{
    startRelay();
    auto survivor = client();
    survivor->send(frame::Start{1, 2, std::nullopt, std::nullopt});
    const auto session = survivor->next<frame::Session>();
    ASSERT_TRUE(session);
    auto ana = client();
    ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")});
    ASSERT_TRUE(ana->next<frame::SignedIn>());
    ana->send(frame::TakeNext{});
    ASSERT_TRUE(ana->next<frame::ConversationStarted>());

    QNetworkRequest request(url(QStringLiteral("/api/quick-exit")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    std::unique_ptr<QNetworkReply> reply(network.post(request, session->resumeToken.toLatin1()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
    EXPECT_EQ(ana->next<frame::Ended>()->reason, EndReason::QuickExit);
    EXPECT_EQ(server->router().survivorSessionCount(), 0);

    // A second beacon with the same (now revoked) token changes nothing and answers the same.
    std::unique_ptr<QNetworkReply> again(network.post(request, session->resumeToken.toLatin1()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return again->isFinished(); }, 10000));
    EXPECT_EQ(again->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
}

TEST_F(SurvivorPageApiTest, ThePageFilesAreServedWithTheStrictPolicy)
{
    startRelay();
    for (const QString &path : {QStringLiteral("/app.js"), QStringLiteral("/app.css")}) {
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url(path))));
        ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        EXPECT_EQ(reply->error(), QNetworkReply::NoError) << qPrintable(path);
        EXPECT_EQ(reply->rawHeader("Content-Security-Policy"),
                  QByteArrayLiteral("default-src 'self'; frame-ancestors 'none'"));
        EXPECT_EQ(reply->rawHeader("X-Frame-Options"), QByteArrayLiteral("DENY"));
        EXPECT_FALSE(reply->readAll().isEmpty());
    }
}

TEST_F(SurvivorPageApiTest, ThePrivacyStatementIsServedWithThePagesHeadersInTheAskedLanguage)
{
    startRelay();
    for (const auto &[path, language] : {std::pair{QStringLiteral("/privacy"), QStringLiteral("en")},
                                         std::pair{QStringLiteral("/privacy?lang=es"), QStringLiteral("es")}}) {
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url(path))));
        ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        EXPECT_EQ(reply->error(), QNetworkReply::NoError) << qPrintable(path);
        EXPECT_EQ(reply->rawHeader("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8"));
        EXPECT_EQ(reply->rawHeader("Cache-Control"), QByteArrayLiteral("no-store"));
        EXPECT_EQ(reply->rawHeader("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
        EXPECT_EQ(reply->rawHeader("Content-Security-Policy"),
                  QByteArrayLiteral("default-src 'self'; frame-ancestors 'none'"));
        EXPECT_EQ(reply->rawHeader("X-Frame-Options"), QByteArrayLiteral("DENY"));
        EXPECT_EQ(reply->rawHeader("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        EXPECT_FALSE(reply->hasRawHeader("Set-Cookie"));
        EXPECT_EQ(reply->readAll(), PrivacyStatement::html(config, language)) << qPrintable(path);
    }
    // GET and HEAD only, like the page's other files.
    std::unique_ptr<QNetworkReply> head(network.head(QNetworkRequest(url(QStringLiteral("/privacy")))));
    ASSERT_TRUE(QTest::qWaitFor([&] { return head->isFinished(); }, 10000));
    EXPECT_EQ(head->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    std::unique_ptr<QNetworkReply> post(network.post(QNetworkRequest(url(QStringLiteral("/privacy"))), QByteArray()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return post->isFinished(); }, 10000));
    EXPECT_EQ(post->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
}

TEST_F(SurvivorPageApiTest, TheNoticesRetentionAndSupervisionSentencesAreTheStatementsOwn)
{
    config.supervisorMonitoring = true;
    config.maxShiftMinutes = 6 * 60;
    startRelay();
    const QJsonObject texts = getJson(QStringLiteral("/api/program")).value(u"texts").toObject();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        const PrivacyStatement::NoticeTexts notice = PrivacyStatement::noticeTexts(config, language);
        const QJsonObject inLanguage = texts.value(language).toObject();
        EXPECT_EQ(inLanguage.value(u"retention").toString(), notice.retention);
        EXPECT_EQ(inLanguage.value(u"monitoring").toString(), notice.monitoring);
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(url(QStringLiteral("/privacy?lang=") + language))));
        ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        const QString page = QString::fromUtf8(reply->readAll());
        EXPECT_TRUE(page.contains(inLanguage.value(u"retention").toString().toHtmlEscaped())) << qPrintable(language);
        EXPECT_TRUE(page.contains(inLanguage.value(u"monitoring").toString().toHtmlEscaped())) << qPrintable(language);
    }
    EXPECT_TRUE(texts.value(u"en").toObject().value(u"retention").toString().contains(QStringLiteral("6 hours")));
}

TEST_F(SurvivorPageApiTest, SignedInCarriesTheProgramFactsOfTheConfig)
{
    config.translations[QStringLiteral("es")][QStringLiteral("program_name")] = QStringLiteral("Puerto Seguro");
    config.hotlineSms = QStringLiteral("555-0101");
    ASSERT_EQ(config.openingHours.setSchedule(QStringLiteral("mon-fri 09:00-17:00")), QString());
    startRelay();
    auto ana = client();
    ana->send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")});
    const auto signedIn = ana->next<frame::SignedIn>();
    ASSERT_TRUE(signedIn);
    ASSERT_TRUE(signedIn->program);
    EXPECT_EQ(*signedIn->program, ProgramDescription::facts(config));
    EXPECT_EQ(signedIn->program->names.value(QStringLiteral("es")), QStringLiteral("Puerto Seguro"));
    EXPECT_EQ(signedIn->program->hours.value(QStringLiteral("en")),
              QStringLiteral("Monday to Friday, 09:00 to 17:00 (UTC time)"));
    EXPECT_EQ(signedIn->program->hotlineSms, QStringLiteral("555-0101"));
}
