// SPDX-License-Identifier: GPL-3.0-only
// RL7: the real relay program runs a whole conversation full of canary strings, with every Qt logging category
// turned on; afterwards no canary, client address or user agent is in its stdout, stderr, audit log or statistics
// file (RL10: counts only, not even the conversation's id or the advocate's name), and it has written no file in its
// working directory.
#include "RelayPort.h"
#include "WireClient.h"
#include "common/SystemClock.h"
#include "relay/StaffAccounts.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;
using advocate::test::WireClient;

namespace {

const QStringList canaries{QStringLiteral("CANARY-ALIAS-7f3a"), QStringLiteral("CANARY-SURVIVOR-91c2"),
                           QStringLiteral("CANARY-ADVOCATE-55d0"), QStringLiteral("CANARY-AGENT-3b8e"),
                           QStringLiteral("CANARY-REFERRER-e1a4")};

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

TEST(NothingAtRest, AFullConversationLeavesNoContentAddressOrUserAgentAnywhere)
{
    QTemporaryDir workDir;
    QTemporaryDir configDir;
    ASSERT_TRUE(workDir.isValid() && configDir.isValid());

    const SystemClock clock;
    StaffAccounts accounts(clock);
    ASSERT_FALSE(accounts.addUser(QStringLiteral("ana"), Role::Advocate, QStringLiteral("a good password")));
    ASSERT_FALSE(accounts.save(configDir.filePath(QStringLiteral("accounts"))));
    const QString auditPath = configDir.filePath(QStringLiteral("audit.log"));
    const QString statisticsPath = configDir.filePath(QStringLiteral("statistics.json"));
    QFile config(configDir.filePath(QStringLiteral("relay.conf")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("program_name = Test\nhotline_phone = 1\nnotice_text = N\nnotice_version = 1\n"
                                "languages = en\nport = 0\naccount_file = %1\naudit_log = %2\nstatistics_file = %3\n")
                     .arg(configDir.filePath(QStringLiteral("accounts")), auditPath, statisticsPath)
                     .toUtf8());
    config.close();

    QProcess relay;
    relay.setWorkingDirectory(workDir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
    environment.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
    relay.setProcessEnvironment(environment);
    relay.start(QStringLiteral(ADVOCATE_RELAY_EXE), {QStringLiteral("--config"), config.fileName()});
    QByteArray out;
    const quint16 relayPort = advocate::test::waitForRelayPort(relay, out);
    ASSERT_NE(relayPort, 0) << out.constData() << relay.readAllStandardError().constData();
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(relayPort));

    QList<quint16> clientPorts;
    QString conversation;
    {
        WireClient survivor(url);
        survivor.setHandshakeHeader("User-Agent", canaries.at(3).toUtf8());
        survivor.setHandshakeHeader("Referer", QByteArray("https://") + canaries.at(4).toUtf8() + ".example/");
        ASSERT_TRUE(survivor.connectAndGreet());
        survivor.send(frame::Start{1, 1, canaries.at(0), QStringLiteral("en")});
        ASSERT_TRUE(survivor.next<frame::Session>());
        WireClient advocate(url);
        ASSERT_TRUE(advocate.connectAndGreet());
        clientPorts << survivor.localPort() << advocate.localPort();
        advocate.send(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("a good password")});
        ASSERT_TRUE(advocate.next<frame::SignedIn>(30000));
        advocate.send(frame::TakeNext{});
        const auto started = advocate.next<frame::ConversationStarted>();
        ASSERT_TRUE(started);
        EXPECT_EQ(started->alias, canaries.at(0));
        conversation = started->conversation;
        survivor.send(frame::Send{started->conversation, QStringLiteral("s1"), canaries.at(1)});
        EXPECT_EQ(advocate.next<frame::Message>()->body, canaries.at(1));
        advocate.send(frame::Send{started->conversation, QStringLiteral("a1"), canaries.at(2)});
        EXPECT_EQ(survivor.next<frame::Message>()->body, canaries.at(2));
        survivor.sendRaw("{\"type\":\"send\",\"conversation\":\"" + started->conversation.toUtf8() +
                         "\",\"clientId\":\"bad id!\",\"body\":\"" + canaries.at(1).toUtf8() + "\"}");
        EXPECT_TRUE(survivor.nextError());
        survivor.send(frame::End{started->conversation, false});
        ASSERT_TRUE(advocate.next<frame::Ended>());
    }
    QTest::qWait(200);
    relay.terminate();
    ASSERT_TRUE(relay.waitForFinished(30000));
    out += relay.readAllStandardOutput();
    const QString err = QString::fromUtf8(relay.readAllStandardError());
    const QString audit = readFile(auditPath);
    EXPECT_TRUE(audit.contains(QLatin1String("signed_in user=ana"))) << qPrintable(audit);
    // Staff actions only: no row (and no timestamp) per survivor session or conversation; those are counted.
    EXPECT_FALSE(audit.contains(QLatin1String("session_started"))) << qPrintable(audit);
    EXPECT_FALSE(audit.contains(QLatin1String("conversation_"))) << qPrintable(audit);
    EXPECT_FALSE(audit.contains(conversation)) << qPrintable(audit);
    // The relay stopped on SIGTERM and wrote its last counts: this conversation, as numbers only.
    const QString statistics = readFile(statisticsPath);
    for (const char *count : {"\"offered\": 1", "\"answered\": 1", "\"ended.survivor_ended\": 1", "\"language.en\": 1"})
        EXPECT_TRUE(statistics.contains(QLatin1String(count))) << count << qPrintable(statistics);
    for (const QString &staffOrId : {QStringLiteral("ana"), conversation})
        EXPECT_FALSE(statistics.contains(staffOrId)) << qPrintable(staffOrId);
    EXPECT_EQ(QFileInfo(statisticsPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);
    EXPECT_EQ(QFileInfo(auditPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);

    // The relay's own listening line names its own address; nothing else may name one.
    QString outputs = QString::fromUtf8(out) + err + audit + statistics;
    outputs.remove(QStringLiteral("listening on 127.0.0.1 port %1").arg(relayPort));
    for (const QString &canary : canaries)
        EXPECT_FALSE(outputs.contains(canary)) << qPrintable(canary);
    EXPECT_FALSE(outputs.contains(QLatin1String("127.0.0.1")));
    for (const quint16 port : clientPorts)
        EXPECT_FALSE(outputs.contains(QString::number(port))) << port;

    QDirIterator files(workDir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    QStringList written;
    while (files.hasNext())
        written.append(files.next());
    EXPECT_TRUE(written.isEmpty()) << qPrintable(written.join(u'\n'));
    QDirIterator configFiles(configDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (configFiles.hasNext()) {
        const QString content = readFile(configFiles.next());
        for (const QString &canary : canaries)
            EXPECT_FALSE(content.contains(canary)) << qPrintable(configFiles.filePath()) << qPrintable(canary);
    }
}
