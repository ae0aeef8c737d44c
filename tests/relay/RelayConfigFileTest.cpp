// SPDX-License-Identifier: GPL-3.0-only
#include "relay/RelayConfigFile.h"

#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace advocate;

TEST(RelayConfigFile, TheShippedExampleHasNoProblems)
{
    const RelayConfigFile::Result result =
        RelayConfigFile::load(QStringLiteral(ADVOCATE_SOURCE_DIR "/packaging/relay/relay.conf.example"));
    for (const RelayConfigFile::Problem &problem : result.problems)
        ADD_FAILURE() << problem.line << ": " << qPrintable(problem.message);
    EXPECT_EQ(result.config.languages, (QStringList{QStringLiteral("en"), QStringLiteral("es")}));
    EXPECT_EQ(result.config.reconnectWindowSeconds, 300);
    // What a blocked address is told, in both of the example's languages.
    const RelayConfig &config = result.config;
    EXPECT_TRUE(config.unavailableText.startsWith(QStringLiteral("The chat is not available")));
    EXPECT_TRUE(config.textFor(QStringLiteral("unavailable_text"), config.unavailableText, QStringLiteral("es"))
                    .startsWith(QStringLiteral("El chat no está disponible")));
}

// The example is the reference IT reads: every key the relay knows is in it (set, or commented out with its
// default), and every program text has its Spanish version beside it, as the example offers English and Spanish.
TEST(RelayConfigFile, TheShippedExampleShowsEveryKeyAndEveryTextInSpanish)
{
    QFile file(QStringLiteral(ADVOCATE_SOURCE_DIR "/packaging/relay/relay.conf.example"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString example = QString::fromUtf8(file.readAll());
    const auto shows = [&](const QString &key) {
        const QRegularExpression line(QStringLiteral("^(# )?%1 = ").arg(QRegularExpression::escape(key)),
                                      QRegularExpression::MultilineOption);
        return example.contains(line);
    };
    const QStringList known = RelayConfigFile::knownKeys();
    EXPECT_GE(known.size(), 60);
    for (const QString &key : known)
        EXPECT_TRUE(shows(key)) << "the example does not show " << qPrintable(key);
    for (const QString &key : RelayConfigFile::translatableKeys())
        EXPECT_TRUE(shows(key + QStringLiteral(".es"))) << "the example has no Spanish " << qPrintable(key);
}

TEST(RelayConfigFile, ReadsEveryKnownKey)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse("program_name = Safe Harbor\n"
                                                                  "hotline_phone = 555-0100\n"
                                                                  "hotline_sms = 555-0101\n"
                                                                  "notice_text = Read me\n"
                                                                  "notice_version = 4\n"
                                                                  "languages = en, es\n"
                                                                  "routing = push\n"
                                                                  "advocate_cap = 3\n"
                                                                  "inactivity_t1_minutes = 12\n"
                                                                  "inactivity_t2_minutes = 6\n"
                                                                  "long_wait_minutes = 8\n"
                                                                  "reconnect_window_minutes = 4\n"
                                                                  "lockout_attempts = 3\n"
                                                                  "lockout_minutes = 20\n"
                                                                  "exit_url = https://weather.example/\n");
    ASSERT_TRUE(result.ok()) << qPrintable(result.problems.first().message);
    EXPECT_EQ(result.config.programName, QStringLiteral("Safe Harbor"));
    EXPECT_EQ(result.config.noticeVersion, 4);
    EXPECT_EQ(result.config.routing, RoutingMode::Push);
    EXPECT_EQ(result.config.advocateCap, 3);
    EXPECT_EQ(result.config.inactivityT1Seconds, 720);
    EXPECT_EQ(result.config.inactivityT2Seconds, 360);
    EXPECT_EQ(result.config.longWaitSeconds, 480);
    EXPECT_EQ(result.config.reconnectWindowSeconds, 240);
    EXPECT_EQ(result.config.lockoutAttempts, 3);
}

TEST(RelayConfigFile, ReportsEveryProblemWithItsLine)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse("program_name = X\n"        // 1
                                                                  "advocate_cap = 5\n"        // 2: over 4
                                                                  "routing = sideways\n"      // 3
                                                                  "colour = blue\n"           // 4: unknown
                                                                  "just words\n"              // 5
                                                                  "program_name = Y\n"        // 6: twice
                                                                  "exit_url = http://x.org\n" // 7: not https
                                                                  "languages = en, e s\n");   // 8
    QList<int> lines;
    for (const RelayConfigFile::Problem &problem : result.problems)
        lines.append(problem.line);
    // Then the missing keys, which belong to no line.
    EXPECT_EQ(lines, (QList<int>{2, 3, 4, 5, 6, 7, 8, 0, 0, 0}));
}

TEST(RelayConfigFile, TheMaximumShiftLengthIsTwelveHoursUnlessSetAndBounded)
{
    const QByteArray required = "program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                                "hotline_phone = 1\n";
    EXPECT_EQ(RelayConfigFile::parse(required).config.maxShiftMinutes, 12 * 60);
    EXPECT_EQ(RelayConfigFile::parse(required + "max_shift_hours = 8\n").config.maxShiftMinutes, 8 * 60);
    EXPECT_EQ(RelayConfigFile::parse(required + "max_shift_minutes = 30\n").config.maxShiftMinutes, 30);
    EXPECT_FALSE(RelayConfigFile::parse(required + "max_shift_hours = 25\n").ok());
    EXPECT_FALSE(RelayConfigFile::parse(required + "max_shift_minutes = 5\n").ok());
    EXPECT_FALSE(RelayConfigFile::parse(required + "max_shift_hours = 2\nmax_shift_minutes = 30\n").ok());
}

TEST(RelayConfigFile, ListeningBeyondLoopbackWithoutTlsIsAProblem)
{
    const RelayConfigFile::Result result = RelayConfigFile::parse(
        "program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\nhotline_phone = 1\nlisten = 0.0.0.0\n"
        "public_origin = https://chat.example.org\n");
    ASSERT_EQ(result.problems.size(), 1);
    EXPECT_TRUE(result.problems.first().message.contains(QLatin1String("tls_certificate")));
}

TEST(RelayConfigFile, ListeningBeyondLoopbackWithoutAPublicOriginIsAProblem)
{
    const QByteArray required("program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                              "hotline_phone = 1\nlisten = 0.0.0.0\ntls_certificate = /c\ntls_key = /k\n");
    const RelayConfigFile::Result without = RelayConfigFile::parse(required);
    ASSERT_EQ(without.problems.size(), 1);
    EXPECT_TRUE(without.problems.first().message.contains(QLatin1String("public_origin")));
    const RelayConfigFile::Result with =
        RelayConfigFile::parse(required + "public_origin = https://chat.example.org\n");
    EXPECT_TRUE(with.ok());
    EXPECT_EQ(with.config.publicOrigin, QStringLiteral("https://chat.example.org"));
}

TEST(RelayConfigFile, APublicOriginIsAnOriginAndNothingMore)
{
    const QByteArray required("program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                              "hotline_phone = 1\n");
    for (const char *bad : {"chat.example.org", "https://chat.example.org/", "https://chat.example.org/chat",
                            "ftp://chat.example.org", "https://user@chat.example.org", "https://chat.example.org?x"}) {
        const RelayConfigFile::Result result = RelayConfigFile::parse(required + "public_origin = " + bad + "\n");
        ASSERT_EQ(result.problems.size(), 1) << bad;
        EXPECT_TRUE(result.problems.first().message.contains(QLatin1String("public_origin"))) << bad;
    }
    EXPECT_TRUE(RelayConfigFile::parse(required + "public_origin = https://chat.example.org:8443\n").ok());
}

TEST(RelayConfigFile, ReadsTheAuditLogBound)
{
    const QByteArray required("program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                              "hotline_phone = 1\n");
    const RelayConfigFile::Result defaults = RelayConfigFile::parse(required);
    EXPECT_EQ(defaults.config.auditLogMaxBytes, 4 * 1024 * 1024);
    EXPECT_EQ(defaults.config.auditLogKeep, 4);
    const RelayConfigFile::Result set =
        RelayConfigFile::parse(required + "audit_log_max_kib = 256\naudit_log_keep = 9\n");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set.config.auditLogMaxBytes, 256 * 1024);
    EXPECT_EQ(set.config.auditLogKeep, 9);
    EXPECT_FALSE(RelayConfigFile::parse(required + "audit_log_max_kib = 63\n").ok());
    EXPECT_FALSE(RelayConfigFile::parse(required + "audit_log_keep = 0\n").ok());
}

TEST(RelayConfigFile, ReadsTheAbuseLimits)
{
    const QByteArray required("program_name = P\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                              "hotline_phone = 555-0100\n");
    const RelayConfigFile::Result result =
        RelayConfigFile::parse(required + "max_connections = 800\n"
                                          "max_connections_per_source = 16\n"
                                          "max_survivor_sessions_per_source = 2\n"
                                          "first_frame_seconds = 20\n"
                                          "silence_seconds = 120\n"
                                          "http_request_seconds = 15\n"
                                          "queued_reconnect_window_seconds = 45\n"
                                          "max_retained_kib = 512\n"
                                          "max_total_retained_kib = 65536\n"
                                          "fetch_page_messages = 100\n"
                                          "max_pending_write_kib = 2048\n"
                                          "max_total_pending_write_kib = 32768\n"
                                          "frames_per_second = 5\n"
                                          "frame_burst = 30\n"
                                          "max_pending_sign_ins = 8\n"
                                          "allowed_origins = https://chat.example.org\n");
    ASSERT_TRUE(result.ok()) << qPrintable(result.problems.first().message);
    EXPECT_EQ(result.config.maxConnections, 800);
    EXPECT_EQ(result.config.maxConnectionsPerSource, 16);
    EXPECT_EQ(result.config.maxSurvivorSessionsPerSource, 2);
    EXPECT_EQ(result.config.firstFrameSeconds, 20);
    EXPECT_EQ(result.config.silenceSeconds, 120);
    EXPECT_EQ(result.config.httpRequestSeconds, 15);
    EXPECT_EQ(result.config.queuedReconnectWindowSeconds, 45);
    EXPECT_EQ(result.config.maxRetainedBytes, 512 * 1024);
    EXPECT_EQ(result.config.maxTotalRetainedBytes, 64 * 1024 * 1024);
    EXPECT_EQ(result.config.fetchPageMessages, 100);
    EXPECT_EQ(result.config.maxPendingWriteBytes, 2048 * 1024);
    EXPECT_EQ(result.config.maxTotalPendingWriteBytes, 32 * 1024 * 1024);
    EXPECT_EQ(result.config.framesPerSecond, 5);
    EXPECT_EQ(result.config.frameBurst, 30);
    EXPECT_EQ(result.config.maxPendingSignIns, 8);
    EXPECT_EQ(result.config.allowedOrigins, QStringList{QStringLiteral("https://chat.example.org")});
    const RelayConfigFile::Result withPath =
        RelayConfigFile::parse(required + "allowed_origins = https://chat.example.org/page\n");
    ASSERT_EQ(withPath.problems.size(), 1);
    EXPECT_TRUE(withPath.problems.first().message.contains(QLatin1String("allowed_origins")));
}

TEST(RelayConfigFile, ReadsWhetherBlocksAreAllowedAndWhetherAProxyHandsOnTheConnections)
{
    const QByteArray required = "program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                                "hotline_phone = 1\n";
    const RelayConfig defaults = RelayConfigFile::parse(required).config;
    EXPECT_TRUE(defaults.supervisorBlocking);
    EXPECT_EQ(defaults.behindProxy, BehindProxy::Auto);
    const RelayConfigFile::Result set =
        RelayConfigFile::parse(required + "supervisor_blocking = off\nbehind_proxy = on\n");
    ASSERT_TRUE(set.ok()) << qPrintable(set.problems.first().message);
    EXPECT_FALSE(set.config.supervisorBlocking);
    EXPECT_EQ(set.config.behindProxy, BehindProxy::On);
    EXPECT_EQ(RelayConfigFile::parse(required + "behind_proxy = off\n").config.behindProxy, BehindProxy::Off);
    for (const char *bad : {"supervisor_blocking = no\n", "behind_proxy = yes\n"}) {
        const RelayConfigFile::Result result = RelayConfigFile::parse(required + bad);
        ASSERT_EQ(result.problems.size(), 1) << bad;
        EXPECT_EQ(result.problems.first().line, 6) << bad;
    }
}

// A practice program (issue 18): off unless set, on or off only, and a clear problem with its line otherwise.
TEST(RelayConfigFile, ReadsWhetherTheProgramIsAPracticeOne)
{
    const QByteArray required = "program_name = X\nnotice_text = N\nnotice_version = 1\nlanguages = en\n"
                                "hotline_phone = 1\n";
    EXPECT_FALSE(RelayConfigFile::parse(required).config.practice) << "a live program unless set";
    const RelayConfigFile::Result on = RelayConfigFile::parse(required + "practice = on\n");
    ASSERT_TRUE(on.ok()) << qPrintable(on.problems.first().message);
    EXPECT_TRUE(on.config.practice);
    const RelayConfigFile::Result off = RelayConfigFile::parse(required + "practice = off\n");
    ASSERT_TRUE(off.ok()) << qPrintable(off.problems.first().message);
    EXPECT_FALSE(off.config.practice);
    for (const char *bad : {"practice = yes\n", "practice = true\n", "practice = \n", "practice = On\n"}) {
        const RelayConfigFile::Result result = RelayConfigFile::parse(required + bad);
        ASSERT_EQ(result.problems.size(), 1) << bad;
        EXPECT_EQ(result.problems.first().line, 6) << bad;
        EXPECT_EQ(result.problems.first().message, QStringLiteral("practice must be on or off.")) << bad;
        EXPECT_FALSE(result.config.practice) << bad;
    }
}
