// SPDX-License-Identifier: GPL-3.0-only
// One source for the program's facts (issue 17, item 1): the relay's config feeds both the survivor page's
// /api/program and the canned responses a workstation fills, through signed_in. A real relay on 127.0.0.1, a real
// ClientSession and Shift.
#include "client/ProgramPlaceholders.h"
#include "client/Shift.h"

#include "LoopbackRelay.h"
#include "cache/ShiftCache.h"
#include "canned/CannedSearchModel.h"
#include "common/SystemClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::LoopbackRelay;

namespace {

// A program library with no "program" object: its placeholders are the relay's to fill.
QByteArray library(const QByteArray &program = QByteArray())
{
    return R"({"version":1,"defaultLanguage":"en",)" + program + R"(
        "entries":[{"id":"close.reach","category":"closing","title":{"en":"Closing","es":"Despedida"},
           "text":{"en":"You can reach {program} at {hotline_phone}, {hours}.",
                   "es":"Puedes comunicarte con {program} al {hotline_phone}, {hours}."}}]})";
}

RelayConfig programConfig(const QString &name, const QString &phone, const QString &hours)
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.programName = name;
    config.translations[QStringLiteral("es")][QStringLiteral("program_name")] = name + QStringLiteral(" (es)");
    config.hotlinePhone = phone;
    EXPECT_EQ(config.openingHours.setSchedule(hours), QString());
    return config;
}

class ProgramFactsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(folder.isValid());
        options.directory = folder.path();
        options.keychainService = QStringLiteral("org.advocatedesk.tests.program-facts");
        options.keyName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.clock = clock;
    }

    QJsonObject programJson(const LoopbackRelay &relay)
    {
        QUrl url = relay.url();
        url.setScheme(QStringLiteral("http"));
        url.setPath(QStringLiteral("/api/program"));
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
        EXPECT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    // What a workstation signed in to `relay` puts in the composer for the closing entry in `language`.
    QString filledOn(LoopbackRelay &relay, const CannedLibrary &canned, const QString &language,
                     QStringList *overrides = nullptr)
    {
        ShiftCache cache(options);
        ClientSession session;
        Shift shift(session, cache, clock);
        shift.setCannedLibrary(canned);
        QSignalSpy changed(&shift, &Shift::programOverridesChanged);
        session.signIn(relay.url(), QStringLiteral("ana"), LoopbackRelay::password);
        EXPECT_TRUE(QTest::qWaitFor([&] { return session.state() == ClientSession::State::SignedIn; }, 10000));
        if (overrides) {
            *overrides = shift.programOverrides();
            EXPECT_EQ(changed.count(), overrides->isEmpty() ? 0 : 1);
        }
        const CannedResponse *entry = shift.cannedLibrary().find(QStringLiteral("close.reach"));
        EXPECT_NE(entry, nullptr);
        const CannedSearchModel::Choice choice =
            CannedSearchModel::choose(shift.cannedLibrary(), *entry, language, shift.programValues(language));
        EXPECT_TRUE(choice.missing.isEmpty()) << qPrintable(choice.missing.join(u' '));
        return choice.text;
    }

    QTemporaryDir folder;
    std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    ShiftCache::Options options;
    QNetworkAccessManager network;
};

} // namespace

TEST_F(ProgramFactsTest, ChangingTheRelayConfigChangesThePageAndAFilledCannedText)
{
    const CannedLibrary canned = CannedLibrary::fromJson(library(), QStringLiteral("program.json"));
    ASSERT_FALSE(canned.hasErrors());
    {
        LoopbackRelay relay(
            programConfig(QStringLiteral("Safe Harbor"), QStringLiteral("555-0100"), QStringLiteral("always")));
        ASSERT_TRUE(relay.start());
        const QJsonObject page = programJson(relay);
        EXPECT_EQ(page.value(u"texts").toObject().value(u"en").toObject().value(u"programName").toString(),
                  QStringLiteral("Safe Harbor"));
        EXPECT_EQ(page.value(u"hotlinePhone").toString(), QStringLiteral("555-0100"));
        QStringList overrides;
        EXPECT_EQ(filledOn(relay, canned, QStringLiteral("en"), &overrides),
                  QStringLiteral("You can reach Safe Harbor at 555-0100, every day, day and night."));
        EXPECT_TRUE(overrides.isEmpty());
    }
    {
        LoopbackRelay relay(programConfig(QStringLiteral("Riverside Program"), QStringLiteral("555-0199"),
                                          QStringLiteral("mon-fri 09:00-17:00")));
        ASSERT_TRUE(relay.start());
        const QJsonObject page = programJson(relay);
        EXPECT_EQ(page.value(u"texts").toObject().value(u"en").toObject().value(u"programName").toString(),
                  QStringLiteral("Riverside Program"));
        EXPECT_EQ(page.value(u"hotlinePhone").toString(), QStringLiteral("555-0199"));
        EXPECT_EQ(filledOn(relay, canned, QStringLiteral("en")),
                  QStringLiteral("You can reach Riverside Program at 555-0199, Monday to Friday, 09:00 to 17:00 "
                                 "(UTC time)."));
        // A Spanish chat gets the config's Spanish name and the hours in Spanish.
        EXPECT_EQ(filledOn(relay, canned, QStringLiteral("es-MX")),
                  QStringLiteral("Puedes comunicarte con Riverside Program (es) al 555-0199, de lunes a viernes, de "
                                 "09:00 a 17:00 (hora de UTC)."));
    }
}

TEST_F(ProgramFactsTest, AValueInTheLibraryStillOverridesForTestingAndIsNamed)
{
    LoopbackRelay relay(
        programConfig(QStringLiteral("Safe Harbor"), QStringLiteral("555-0100"), QStringLiteral("always")));
    ASSERT_TRUE(relay.start());
    const CannedLibrary canned =
        CannedLibrary::fromJson(library(R"("program":{"name":"Test Program"},)"), QStringLiteral("program.json"));
    ASSERT_FALSE(canned.hasErrors());
    QStringList overrides;
    EXPECT_EQ(filledOn(relay, canned, QStringLiteral("en"), &overrides),
              QStringLiteral("You can reach Test Program at 555-0100, every day, day and night."));
    EXPECT_EQ(overrides, QStringList{QStringLiteral("program")});
}

TEST(ProgramPlaceholders, WithoutFactsFromTheRelayTheLibrarysValuesAreUsedWithoutAWarning)
{
    const CannedLibrary canned = CannedLibrary::fromJson(
        library(R"("program":{"name":"Old Program","hours":"9 to 5"},)"), QStringLiteral("program.json"));
    const ProgramPlaceholders::Values values =
        ProgramPlaceholders::forLanguage(std::nullopt, canned, QStringLiteral("en"));
    EXPECT_EQ(values.values.value(QStringLiteral("program")), QStringLiteral("Old Program"));
    EXPECT_TRUE(values.overridden.isEmpty());
    EXPECT_TRUE(ProgramPlaceholders::overridden(std::nullopt, canned).isEmpty());
    frame::ProgramFacts facts;
    facts.names = {{QStringLiteral("en"), QStringLiteral("Relay Program")}};
    facts.hotlinePhone = QStringLiteral("1");
    EXPECT_EQ(ProgramPlaceholders::overridden(facts, canned),
              (QStringList{QStringLiteral("hours"), QStringLiteral("program")}));
}
