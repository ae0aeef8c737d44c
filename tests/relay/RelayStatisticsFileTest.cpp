// SPDX-License-Identifier: GPL-3.0-only
// The relay's statistics file (docs/protocol.md section 17) on a real relay on loopback: the counts outlive a
// restart, reach the file within the write interval, a file that cannot be read is reported and set aside (never a
// crash, never silently replaced), a folder the relay cannot write to stops it starting, and `advocate-relay
// statistics` prints them, as CSV for IT.
#include "relay/RelayServer.h"

#include "WireClient.h"
#include "common/ManualClock.h"
#include "protocol/StatisticsCounters.h"
#include "relay/AdminCommands.h"
#include "relay/Router.h"
#include "relay/StatisticsFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;
using advocate::test::WireClient;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 offeredToday(const QString &path, const QDate &today)
{
    for (const frame::StatisticsDay &day : StatisticsFile::read(path).days) {
        if (day.date == today)
            return day.counts.value(StatisticsCounters::offered());
    }
    return -1;
}

// Collects the process's log lines while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    static QString text() { return s_lines.join(u'\n'); }

private:
    static void handle(QtMsgType, const QMessageLogContext &, const QString &message) { s_lines.append(message); }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

class RelayStatisticsFileTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        config.statisticsFile = dir.filePath(QStringLiteral("statistics.json"));
        config.auditLogPath = dir.filePath(QStringLiteral("audit.log"));
    }

    std::unique_ptr<RelayServer> startRelay()
    {
        auto server = std::make_unique<RelayServer>(config, &clock, nullptr);
        server->setTickInterval(std::chrono::milliseconds(20));
        EXPECT_TRUE(server->statisticsReady()) << qPrintable(server->errorString());
        EXPECT_TRUE(server->listen(QHostAddress::LocalHost, 0)) << qPrintable(server->errorString());
        return server;
    }

    // A survivor starts (and waits) on `server`.
    static bool survivorStarts(const RelayServer &server)
    {
        WireClient survivor(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())));
        if (!survivor.connectAndGreet())
            return false;
        survivor.send(frame::Start{1, 1, std::nullopt, QStringLiteral("en")});
        return survivor.next<frame::Session>().has_value();
    }

    QTemporaryDir dir;
    RelayConfig config;
    ManualClock clock;
};

} // namespace

TEST_F(RelayStatisticsFileTest, TheCountsOutliveARestart)
{
    const QDate today = clock.now().date();
    auto relay = startRelay();
    ASSERT_TRUE(survivorStarts(*relay));
    relay.reset(); // a stop writes what changed since the last write
    EXPECT_EQ(offeredToday(config.statisticsFile, today), 1);

    relay = startRelay();
    EXPECT_EQ(relay->router().statistics().lastDays(1).value(0).counts.value(StatisticsCounters::offered()), 1);
    ASSERT_TRUE(survivorStarts(*relay));
    relay.reset();
    EXPECT_EQ(offeredToday(config.statisticsFile, today), 2);
}

TEST_F(RelayStatisticsFileTest, ChangesReachTheFileWithinTheWriteInterval)
{
    auto relay = startRelay();
    // Written once at start: today, with nothing counted.
    EXPECT_EQ(offeredToday(config.statisticsFile, clock.now().date()), 0);
    ASSERT_TRUE(survivorStarts(*relay));
    QTest::qWait(100);
    EXPECT_EQ(offeredToday(config.statisticsFile, clock.now().date()), 0) << "not before the interval";
    clock.advance(RelayServer::statisticsWriteInterval);
    EXPECT_TRUE(QTest::qWaitFor([&] { return offeredToday(config.statisticsFile, clock.now().date()) == 1; }, 2000));
}

TEST_F(RelayStatisticsFileTest, AnUnreadableFileIsReportedSetAsideAndCountingStartsAgain)
{
    QFile file(config.statisticsFile);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"advocate-relay-statistics\",\"version\":1,\"days\":[{\"date\":\"garbled");
    file.close();
    const QByteArray garbled = readAll(config.statisticsFile);

    LogCapture log;
    auto relay = startRelay();
    ASSERT_TRUE(relay->statisticsReady());
    const QString aside = config.statisticsFile + QStringLiteral(".unreadable");
    EXPECT_TRUE(LogCapture::text().contains(config.statisticsFile)) << qPrintable(LogCapture::text());
    EXPECT_TRUE(LogCapture::text().contains(aside)) << qPrintable(LogCapture::text());
    EXPECT_EQ(readAll(aside), garbled);
    EXPECT_TRUE(readAll(config.auditLogPath).contains("statistics_file_unreadable set_aside=yes"));
    // The relay runs, counts from zero and writes a good file in its place.
    const StatisticsFile::Loaded loaded = StatisticsFile::read(config.statisticsFile);
    EXPECT_TRUE(loaded.error.isEmpty()) << qPrintable(loaded.error);
    ASSERT_TRUE(survivorStarts(*relay));
    relay.reset();
    EXPECT_EQ(offeredToday(config.statisticsFile, clock.now().date()), 1);
}

TEST_F(RelayStatisticsFileTest, AFolderTheRelayCannotWriteToStopsItStarting)
{
    config.statisticsFile = dir.filePath(QStringLiteral("no-such-folder/statistics.json"));
    RelayServer relay(config, &clock, nullptr);
    EXPECT_FALSE(relay.statisticsReady());
    EXPECT_TRUE(relay.errorString().contains(config.statisticsFile)) << qPrintable(relay.errorString());
}

TEST_F(RelayStatisticsFileTest, WithoutAStatisticsFileTheRelayWritesNone)
{
    config.statisticsFile.clear();
    auto relay = startRelay();
    ASSERT_TRUE(survivorStarts(*relay));
    relay.reset();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("audit.log")});
}

TEST_F(RelayStatisticsFileTest, TheStatisticsCommandPrintsTheCountsAndTheCsvForIt)
{
    const QDate today = clock.now().date();
    ASSERT_TRUE(StatisticsFile::write(
                    config.statisticsFile,
                    {{today.addDays(-40), {{QStringLiteral("offered"), 9}}},
                     {today.addDays(-2), {{QStringLiteral("offered"), 5}}},
                     {today.addDays(-1), {{QStringLiteral("offered"), 3}, {QStringLiteral("language.es"), 1}}},
                     {today, {}}})
                    .isEmpty());
    QFile conf(dir.filePath(QStringLiteral("relay.conf")));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    conf.write("program_name = P\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\nlanguages = en, es\n"
               "statistics_file = " +
               config.statisticsFile.toUtf8() + "\n");
    conf.close();
    const auto run = [&](QStringList arguments, QString &out, QString &err) {
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        AdminCommands::Io io{outStream, errStream, [] { return std::optional<QString>(); }};
        arguments.prepend(QStringLiteral("advocate-relay"));
        return AdminCommands::run(arguments, io, clock);
    };

    QString out;
    QString err;
    ASSERT_EQ(run({QStringLiteral("statistics"), QStringLiteral("--config"), conf.fileName(), QStringLiteral("--days"),
                   QStringLiteral("2"), QStringLiteral("--csv")},
                  out, err),
              0)
        << qPrintable(err);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1 + 2 * StatisticsCounters::fixed().size() + 1);
    EXPECT_EQ(lines.first(), QStringLiteral("date,counter,count"));
    const QString yesterday = today.addDays(-1).toString(Qt::ISODate);
    EXPECT_EQ(lines.at(1), yesterday + QStringLiteral(",offered,3"));
    EXPECT_TRUE(lines.contains(yesterday + QStringLiteral(",language.es,1")));
    EXPECT_TRUE(lines.contains(today.toString(Qt::ISODate) + QStringLiteral(",offered,0")));

    out.clear();
    ASSERT_EQ(run({QStringLiteral("statistics"), QStringLiteral("--config"), conf.fileName()}, out, err), 0);
    EXPECT_EQ(out.split(u'\n', Qt::SkipEmptyParts),
              (QStringList{today.addDays(-2).toString(Qt::ISODate) + QStringLiteral(" offered=5"),
                           yesterday + QStringLiteral(" language.es=1 offered=3"),
                           today.toString(Qt::ISODate) + QStringLiteral(" (nothing counted)")}));

    EXPECT_EQ(run({QStringLiteral("statistics"), QStringLiteral("--csv")}, out, err), 2);
    EXPECT_EQ(run({QStringLiteral("statistics"), QStringLiteral("--config"), conf.fileName(), QStringLiteral("--days"),
                   QStringLiteral("32")},
                  out, err),
              2);
    QFile broken(config.statisticsFile);
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("nonsense");
    broken.close();
    err.clear();
    EXPECT_EQ(run({QStringLiteral("statistics"), QStringLiteral("--config"), conf.fileName()}, out, err), 1);
    EXPECT_TRUE(err.contains(config.statisticsFile)) << qPrintable(err);
}
