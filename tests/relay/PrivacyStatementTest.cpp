// SPDX-License-Identifier: GPL-3.0-only
// The privacy statement of PK4 and the notice sentences it shares with the survivor page (issue 17, item 2), and
// the program facts the relay sends staff at sign-in (item 1): made from the config and the code's own limits.
#include "relay/PrivacyStatement.h"

#include "protocol/SupervisionFrames.h"
#include "relay/Conversation.h"
#include "relay/ProgramDescription.h"
#include "relay/RelayConfigFile.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace advocate;

namespace {

RelayConfig exampleConfig()
{
    RelayConfig config;
    config.programName = QStringLiteral("Safe Harbor");
    config.translations[QStringLiteral("es")][QStringLiteral("program_name")] = QStringLiteral("Puerto Seguro");
    config.languages = {QStringLiteral("en"), QStringLiteral("es")};
    config.hotlinePhone = QStringLiteral("+1 555 0100");
    config.hotlineSms = QStringLiteral("+1 555 0101");
    config.exitUrl = QStringLiteral("https://weather.example/today");
    return config;
}

QString statementText(const RelayConfig &config, const QString &language)
{
    return PrivacyStatement::plainText(config, language);
}

} // namespace

TEST(PrivacyStatement, TurningMonitoringOnChangesTheStatementAndTheNotice)
{
    RelayConfig config = exampleConfig();
    const QString before = statementText(config, QStringLiteral("en"));
    EXPECT_TRUE(PrivacyStatement::noticeTexts(config, QStringLiteral("en")).monitoring.isEmpty());
    EXPECT_TRUE(before.contains(QStringLiteral("No supervisor can read your chat silently")));

    config.supervisorMonitoring = true;
    const QString monitoring = PrivacyStatement::noticeTexts(config, QStringLiteral("en")).monitoring;
    EXPECT_EQ(
        monitoring,
        QStringLiteral("A supervisor may read this chat silently, without writing in it, to support the advocate."));
    const QString after = statementText(config, QStringLiteral("en"));
    EXPECT_NE(after, before);
    EXPECT_TRUE(after.contains(monitoring));
    EXPECT_FALSE(after.contains(QStringLiteral("No supervisor can read your chat silently")));
    EXPECT_FALSE(PrivacyStatement::noticeTexts(config, QStringLiteral("es")).monitoring.isEmpty());
}

TEST(PrivacyStatement, ChangingTheMaximumShiftLengthChangesTheStatementAndTheNotice)
{
    RelayConfig config = exampleConfig();
    EXPECT_TRUE(PrivacyStatement::noticeTexts(config, QStringLiteral("en"))
                    .retention.contains(QStringLiteral("(at most 12 hours)")));
    const QString twelve = statementText(config, QStringLiteral("en"));
    config.maxShiftMinutes = 8 * 60;
    const QString retention = PrivacyStatement::noticeTexts(config, QStringLiteral("en")).retention;
    EXPECT_TRUE(retention.contains(QStringLiteral("(at most 8 hours)"))) << qPrintable(retention);
    const QString eight = statementText(config, QStringLiteral("en"));
    EXPECT_NE(eight, twelve);
    EXPECT_TRUE(eight.contains(QStringLiteral("at the latest after 8 hours")));
    EXPECT_FALSE(eight.contains(QStringLiteral("12 hours")));
    config.maxShiftMinutes = 90;
    EXPECT_TRUE(PrivacyStatement::noticeTexts(config, QStringLiteral("es"))
                    .retention.contains(QStringLiteral("(como máximo 90 minutos)")));
}

TEST(PrivacyStatement, TheNoticeSentencesAreTheStatementsWordForWord)
{
    for (const bool monitoring : {false, true}) {
        RelayConfig config = exampleConfig();
        config.supervisorMonitoring = monitoring;
        for (const QString &language : PrivacyStatement::languages()) {
            const PrivacyStatement::NoticeTexts notice = PrivacyStatement::noticeTexts(config, language);
            QStringList paragraphs;
            for (const PrivacyStatement::Section &section : PrivacyStatement::sections(config, language))
                paragraphs += section.paragraphs;
            EXPECT_TRUE(paragraphs.contains(notice.retention)) << qPrintable(language);
            if (monitoring) {
                EXPECT_TRUE(std::any_of(paragraphs.cbegin(), paragraphs.cend(), [&](const QString &p) {
                    return p.startsWith(notice.monitoring);
                })) << qPrintable(language);
            }
            EXPECT_TRUE(
                QString::fromUtf8(PrivacyStatement::html(config, language)).contains(notice.retention.toHtmlEscaped()));
        }
    }
}

TEST(PrivacyStatement, TheStatementUsesTheLimitsTheCodeUsesAndTheConfigsValues)
{
    RelayConfig config = exampleConfig();
    config.reconnectWindowSeconds = 7 * 60;
    config.queuedReconnectWindowSeconds = 45;
    config.maxRetainedBytes = 512 * 1024;
    const QString text = statementText(config, QStringLiteral("en"));
    EXPECT_TRUE(text.contains(QStringLiteral("for 7 minutes so that you can come back")));
    EXPECT_TRUE(text.contains(QStringLiteral("your place is kept for 45 seconds")));
    EXPECT_TRUE(
        text.contains(QStringLiteral("the last %1 messages and 512 KiB").arg(Conversation::maxRetainedMessages)));
    EXPECT_TRUE(text.contains(QStringLiteral("today and the %1 days before").arg(frame::maxStatisticsDays - 1)));
    EXPECT_TRUE(text.contains(QStringLiteral("in memory only and are lost when the service restarts")));
    EXPECT_TRUE(text.contains(QStringLiteral("replaced every 24 hours")));
    EXPECT_TRUE(text.contains(QStringLiteral("for at most %1 hours").arg(frame::maxBlockHours)));
    EXPECT_TRUE(text.contains(QStringLiteral("puts weather.example in its place")));
    EXPECT_TRUE(
        text.contains(QStringLiteral("call 911. You can also call the hotline at +1 555 0100 or text +1 555 0101.")));

    config.statisticsFile = QStringLiteral("/var/lib/advocate-relay/statistics.json");
    config.supervisorBlocking = false;
    const QString other = statementText(config, QStringLiteral("en"));
    EXPECT_TRUE(other.contains(QStringLiteral("are kept in a file on the server")));
    EXPECT_FALSE(other.contains(QStringLiteral("blocks a contact")));
}

TEST(PrivacyStatement, ItSaysWhetherAChatSurvivesARestartOfTheService)
{
    RelayConfig config = exampleConfig();
    const QString without = statementText(config, QStringLiteral("en"));
    EXPECT_TRUE(without.contains(QStringLiteral("restarts, every open chat ends")));
    config.restartSecret = QByteArray(32, 's');
    const QString with = statementText(config, QStringLiteral("en"));
    EXPECT_FALSE(with.contains(QStringLiteral("every open chat ends")));
    EXPECT_TRUE(with.contains(QStringLiteral("your chat can go on with the same advocate")));
    EXPECT_TRUE(statementText(config, QStringLiteral("es")).contains(QStringLiteral("puede seguir con la misma")));
}

TEST(PrivacyStatement, SpanishIsItsOwnStatementAndOtherLanguagesGetTheEnglishOne)
{
    const RelayConfig config = exampleConfig();
    const QString spanish = statementText(config, QStringLiteral("es-MX"));
    EXPECT_TRUE(spanish.startsWith(QStringLiteral("Declaración de privacidad: Puerto Seguro\n")));
    EXPECT_TRUE(spanish.contains(QStringLiteral("Qué no se guarda nunca")));
    EXPECT_EQ(statementText(config, QStringLiteral("fr")), statementText(config, QStringLiteral("en")));
    // The same sections in both languages.
    EXPECT_EQ(PrivacyStatement::sections(config, QStringLiteral("es")).size(),
              PrivacyStatement::sections(config, QStringLiteral("en")).size());
}

TEST(PrivacyStatement, TheHtmlPageEscapesTheConfigsTexts)
{
    RelayConfig config = exampleConfig();
    config.programName = QStringLiteral("<b>Harbor</b> & co");
    const QString page = QString::fromUtf8(PrivacyStatement::html(config, QStringLiteral("en")));
    EXPECT_FALSE(page.contains(QStringLiteral("<b>Harbor")));
    EXPECT_TRUE(page.contains(QStringLiteral("&lt;b&gt;Harbor&lt;/b&gt; &amp; co")));
    EXPECT_TRUE(page.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">")));
    EXPECT_FALSE(page.contains(QStringLiteral("<script")));
}

TEST(RelayConfigFile, TheFormerFreeTextRetentionAndMonitoringKeysAreRefusedWithTheReason)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse(
        "program_name = P\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\nlanguages = en, es\n"
        "retention_text = We keep nothing.\nmonitoring_text.es = Nadie lee.\nsupervisor_monitoring = on\n");
    ASSERT_EQ(result.problems.size(), 2);
    EXPECT_EQ(result.problems.at(0).line, 6);
    EXPECT_TRUE(result.problems.at(0).message.contains(QStringLiteral("privacy-statement")));
    EXPECT_EQ(result.problems.at(1).line, 7);
    // Monitoring no longer needs a text of its own: the notice says it from the switch.
    const RelayConfigFile::Result on = RelayConfigFile::parse("program_name = P\nhotline_phone = 1\nnotice_text = N\n"
                                                              "notice_version = 1\nlanguages = en\n"
                                                              "supervisor_monitoring = on\n");
    EXPECT_TRUE(on.ok());
    EXPECT_TRUE(on.config.supervisorMonitoring);
}

TEST(ProgramDescription, TheHoursArePhrasedFromTheScheduleInEnglishAndSpanish)
{
    OpeningHours hours;
    EXPECT_EQ(ProgramDescription::hoursPhrase(hours, QStringLiteral("en")), QStringLiteral("every day, day and night"));
    EXPECT_EQ(ProgramDescription::hoursPhrase(hours, QStringLiteral("es")),
              QStringLiteral("todos los días, de día y de noche"));
    ASSERT_EQ(hours.setSchedule(QStringLiteral("mon-fri 09:00-17:00, sat 10:00-14:00, sun 18:00-02:00")), QString());
    ASSERT_EQ(hours.setTimeZone(QStringLiteral("America/Chicago")), QString());
    EXPECT_EQ(ProgramDescription::hoursPhrase(hours, QStringLiteral("en")),
              QStringLiteral("Monday to Friday, 09:00 to 17:00; Saturday, 10:00 to 14:00; Sunday, 18:00 to 02:00 "
                             "(America/Chicago time)"));
    EXPECT_EQ(ProgramDescription::hoursPhrase(hours, QStringLiteral("es-MX")),
              QStringLiteral("de lunes a viernes, de 09:00 a 17:00; sábado, de 10:00 a 14:00; domingo, de 18:00 a "
                             "02:00 (hora de America/Chicago)"));
}

TEST(ProgramDescription, TheFactsCarryTheConfigsNameHotlineAndHoursForEveryLanguage)
{
    RelayConfig config = exampleConfig();
    config.emergencyNumber = QStringLiteral("112");
    const frame::ProgramFacts facts = ProgramDescription::facts(config);
    EXPECT_EQ(facts.names.value(QStringLiteral("en")), QStringLiteral("Safe Harbor"));
    EXPECT_EQ(facts.names.value(QStringLiteral("es")), QStringLiteral("Puerto Seguro"));
    EXPECT_EQ(facts.hours.value(QStringLiteral("es")), QStringLiteral("todos los días, de día y de noche"));
    EXPECT_EQ(facts.hotlinePhone, QStringLiteral("+1 555 0100"));
    EXPECT_EQ(facts.hotlineSms, QStringLiteral("+1 555 0101"));
    EXPECT_EQ(facts.emergencyNumber, QStringLiteral("112"));
}
