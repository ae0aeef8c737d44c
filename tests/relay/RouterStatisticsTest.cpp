// SPDX-License-Identifier: GPL-3.0-only
// The per-day counts of RL10 through the real router (docs/protocol.md section 17): a scripted day of chats gives
// exactly the documented counts, only supervisors may ask for them, and nothing about any one conversation (no id,
// alias, text, note or staff name) reaches them or the audit log.
#include "RouterFixture.h"

#include "relay/StatisticsFile.h"

using namespace advocate;
using namespace advocate::test;
using namespace std::chrono_literals;

namespace {

using Counts = QMap<QString, qint64>;

class RouterStatisticsTest : public RouterTest
{
protected:
    // What a supervisor is answered to get_statistics.
    std::optional<frame::Statistics> askAsSupervisor(std::optional<int> days = std::nullopt)
    {
        if (supervisor == 0)
            supervisor = staff(QStringLiteral("sue"));
        deliver(supervisor, frame::GetStatistics{days});
        return last<frame::Statistics>(supervisor);
    }

    Counts today()
    {
        const std::optional<frame::Statistics> statistics = askAsSupervisor(1);
        return statistics && statistics->days.size() == 1 ? statistics->days.first().counts : Counts{};
    }

    QString offerTo(ConnectionId from, const QString &conversation, const QString &user)
    {
        deliver(from, frame::Transfer{conversation, frame::TransferTarget::Advocate, user, std::nullopt});
        const std::optional<frame::TransferStatus> status = last<frame::TransferStatus>(from);
        return status ? status->offer : QString();
    }

    ConnectionId supervisor = 0;
};

} // namespace

TEST_F(RouterStatisticsTest, AScriptedDayGivesExactlyTheDocumentedCounts)
{
    const ConnectionId ana = staff(QStringLiteral("ana"));
    const ConnectionId ben = staff(QStringLiteral("ben"));

    // 1. English; waits 30 s; the survivor ends it after 10 minutes.
    const ConnectionId s1 = survivor(QStringLiteral("en"));
    clock.advance(30s);
    deliver(ana, frame::TakeNext{});
    const QString c1 = conversationOf(s1);
    deliver(s1, frame::Send{c1, QStringLiteral("m1"), QStringLiteral("hello")});
    clock.advance(10min);
    deliver(s1, frame::End{c1, false});

    // 2. Spanish; leaves the queue with quick exit.
    const ConnectionId s2 = survivor(QStringLiteral("es"));
    deliver(s2, frame::QuickExit{});

    // 3. English; drops while waiting and does not come back.
    const ConnectionId s3 = survivor(QStringLiteral("en"));
    router->connectionClosed(s3);
    clock.advance(61s);
    router->tick();

    // 4. Spanish; waits 7 minutes; ana hands it to ben, ben to the queue, ana takes it again and ends it 20
    // minutes after she first answered.
    const ConnectionId s4 = survivor(QStringLiteral("es"));
    clock.advance(7min);
    deliver(ana, frame::TakeNext{});
    const QString c4 = conversationOf(s4);
    const QString offer = offerTo(ana, c4, QStringLiteral("ben"));
    deliver(ben, frame::TransferAccept{offer});
    deliver(ben, frame::Transfer{c4, frame::TransferTarget::Queue, std::nullopt, std::nullopt});
    deliver(ana, frame::TakeNext{});
    ASSERT_EQ(router->conversationsOf(QStringLiteral("ana")), QStringList{c4});
    clock.advance(20min);
    deliver(ana, frame::End{c4, false});

    // 5. The chat closes (an outage notice); a survivor is turned away.
    router->setServiceNotice(ServiceNotice{ServiceNotice::Kind::Outage, QStringLiteral("down"), {}, {}});
    survivor(QStringLiteral("en"));

    deliver(ana, frame::ShiftEndOverride{frame::OverrideCategory::Emergency, 12, 0, std::nullopt});

    const Counts expected{{QStringLiteral("offered"), 4},
                          {QStringLiteral("language.en"), 2},
                          {QStringLiteral("language.es"), 2},
                          {QStringLiteral("answered"), 2},
                          {QStringLiteral("wait.under_1_min"), 1},
                          {QStringLiteral("wait.5_to_15_min"), 1},
                          {QStringLiteral("abandoned.quick_exit"), 1},
                          {QStringLiteral("abandoned.disconnected"), 1},
                          {QStringLiteral("ended.survivor_ended"), 1},
                          {QStringLiteral("ended.advocate_ended"), 1},
                          {QStringLiteral("duration.5_to_15_min"), 1},
                          {QStringLiteral("duration.15_to_30_min"), 1},
                          {QStringLiteral("transfer.offered"), 1},
                          {QStringLiteral("transfer.accepted"), 1},
                          {QStringLiteral("requeued.queue"), 1},
                          {QStringLiteral("turned_away.closed"), 1},
                          {QStringLiteral("shift_end_override.emergency"), 1}};
    EXPECT_EQ(today(), expected);
}

TEST_F(RouterStatisticsTest, AFullQueueTurnsSurvivorsAwayAndIsCounted)
{
    config.queueLimit = 1;
    makeRouter();
    survivor();
    survivor();
    EXPECT_EQ(today().value(QStringLiteral("turned_away.queue_full")), 1);
    EXPECT_EQ(today().value(QStringLiteral("offered")), 1);
}

TEST_F(RouterStatisticsTest, EveryWayAnOfferClosesIsCounted)
{
    const auto [s, a] = conversation();
    const ConnectionId ben = staff(QStringLiteral("ben"));
    supervisor = staff(QStringLiteral("sue"));
    const QString id = conversationOf(a);

    deliver(ben, frame::TransferDecline{offerTo(a, id, QStringLiteral("ben"))});
    offerTo(a, id, QStringLiteral("ben"));
    clock.advance(std::chrono::seconds(config.transferOfferSeconds + 1));
    router->tick();
    offerTo(a, id, QStringLiteral("ben"));
    deliver(a, frame::TransferWithdraw{id});
    offerTo(a, id, QStringLiteral("ben"));
    router->connectionClosed(ben);
    deliver(a, frame::Transfer{id, frame::TransferTarget::Supervisors, std::nullopt, std::nullopt});
    deliver(s, frame::QuickExit{}); // the chat ends with the offer standing

    const Counts counts = today();
    EXPECT_EQ(counts.value(QStringLiteral("transfer.offered")), 5);
    EXPECT_EQ(counts.value(QStringLiteral("transfer.declined")), 1);
    EXPECT_EQ(counts.value(QStringLiteral("transfer.expired")), 1);
    EXPECT_EQ(counts.value(QStringLiteral("transfer.withdrawn")), 2);
    EXPECT_EQ(counts.value(QStringLiteral("transfer.unavailable")), 1);
    EXPECT_EQ(counts.value(QStringLiteral("ended.quick_exit")), 1);
}

TEST_F(RouterStatisticsTest, AnAdvocateWhoDoesNotComeBackRequeuesTheirChat)
{
    const auto [s, a] = conversation();
    router->connectionClosed(a);
    clock.advance(std::chrono::seconds(config.reconnectWindowSeconds));
    router->tick();
    EXPECT_EQ(today().value(QStringLiteral("requeued.dropped")), 1);
    EXPECT_EQ(today().value(QStringLiteral("answered")), 1) << "a requeued chat was answered once";
}

TEST_F(RouterStatisticsTest, SupervisorActionsAreCountedUnderTheirFixedNames)
{
    router->statistics().countSupervisorAction(SupervisorAction::TakeOver);
    router->statistics().countSupervisorAction(SupervisorAction::TakeOver);
    router->statistics().countSupervisorAction(SupervisorAction::Block);
    const Counts counts = today();
    EXPECT_EQ(counts.value(QStringLiteral("supervisor.take_over")), 2);
    EXPECT_EQ(counts.value(QStringLiteral("supervisor.block")), 1);
}

TEST_F(RouterStatisticsTest, ASupervisorGetsTheLastDaysOldestFirstInTheProgramsTimeZone)
{
    survivor();
    clock.advance(24h);
    survivor();
    survivor();
    clock.advance(24h);
    const QDate today = clock.now().date();

    std::optional<frame::Statistics> statistics = askAsSupervisor();
    ASSERT_TRUE(statistics);
    EXPECT_EQ(statistics->timeZone, QStringLiteral("UTC"));
    ASSERT_EQ(statistics->days.size(), 3);
    EXPECT_EQ(statistics->days.at(0).date, today.addDays(-2));
    EXPECT_EQ(statistics->days.at(0).counts.value(QStringLiteral("offered")), 1);
    EXPECT_EQ(statistics->days.at(1).counts.value(QStringLiteral("offered")), 2);
    EXPECT_EQ(statistics->days.at(2), (frame::StatisticsDay{today, {}})) << "today shows, with nothing counted yet";

    statistics = askAsSupervisor(2);
    ASSERT_TRUE(statistics);
    ASSERT_EQ(statistics->days.size(), 2);
    EXPECT_EQ(statistics->days.first().date, today.addDays(-1));
}

TEST_F(RouterStatisticsTest, OnlySupervisorsMayAskForTheStatistics)
{
    const auto [s, a] = conversation();
    const ConnectionId root = staff(QStringLiteral("root"));
    const ConnectionId anonymous = open();
    for (const ConnectionId caller : {s, a, root, anonymous}) {
        deliver(caller, frame::GetStatistics{});
        EXPECT_EQ(lastError(caller), ErrorCode::NotAuthorized) << caller;
        EXPECT_FALSE(last<frame::Statistics>(caller)) << caller;
    }
    EXPECT_TRUE(askAsSupervisor());
    EXPECT_FALSE(lastError(supervisor).has_value());
}

TEST_F(RouterStatisticsTest, NoConversationIdAliasTextNoteOrStaffNameReachesTheCountsOrTheAuditLog)
{
    const QString staffCanary = QStringLiteral("staff-CANARY-5e1d");
    const QString otherCanary = QStringLiteral("staff-CANARY-8a2f");
    accounts.roles.insert(staffCanary, Role::Advocate);
    accounts.roles.insert(otherCanary, Role::Advocate);
    const QString alias = QStringLiteral("CANARY-ALIAS-0c4b");
    const QString body = QStringLiteral("CANARY-BODY-77e0");
    const QString note = QStringLiteral("CANARY-NOTE-3f19");

    QStringList conversations;
    const ConnectionId advocate = staff(staffCanary);
    const ConnectionId colleague = staff(otherCanary);
    for (int i = 0; i < 3; ++i) {
        const ConnectionId s = open();
        deliver(s, frame::Start{1, 3, alias, QStringLiteral("es")});
        clock.advance(2min);
        deliver(advocate, frame::TakeNext{});
        const QString id = conversationOf(s);
        conversations.append(id);
        deliver(s, frame::Send{id, QStringLiteral("m1"), body});
        deliver(advocate, frame::Send{id, QStringLiteral("a1"), body});
        deliver(advocate, frame::Transfer{id, frame::TransferTarget::Advocate, otherCanary, note});
        deliver(colleague, frame::TransferAccept{last<frame::TransferStatus>(advocate)->offer});
        deliver(colleague, frame::PostShiftLog{note});
        clock.advance(3min);
        deliver(colleague, frame::End{id, false});
    }
    deliver(advocate, frame::ShiftEndOverride{frame::OverrideCategory::Other, 40, 1, std::nullopt});

    const std::optional<frame::Statistics> statistics = askAsSupervisor();
    ASSERT_TRUE(statistics);
    ASSERT_EQ(statistics->days.last().counts.value(QStringLiteral("answered")), 3);
    const QString counts =
        QString::fromUtf8(StatisticsFile::encode(statistics->days) + FrameCodec::encode(RelayFrame{*statistics}));
    const QString audit = sink.audits.join(u'\n');
    for (const QString &canary : QStringList{alias, body, note} + conversations) {
        EXPECT_FALSE(counts.contains(canary)) << qPrintable(canary);
        EXPECT_FALSE(audit.contains(canary)) << qPrintable(canary);
    }
    // Staff names belong to the audit log's lines about what staff did, never to the counts.
    for (const QString &name : {staffCanary, otherCanary, QStringLiteral("sue")})
        EXPECT_FALSE(counts.contains(name)) << qPrintable(name);
    EXPECT_TRUE(audit.contains(QStringLiteral("transfer_offered user=%1").arg(staffCanary))) << qPrintable(audit);
    // No line per conversation any more: its start and end are counted instead.
    EXPECT_FALSE(audit.contains(QLatin1String("conversation_started"))) << qPrintable(audit);
    EXPECT_FALSE(audit.contains(QLatin1String("conversation_ended"))) << qPrintable(audit);
    EXPECT_FALSE(audit.contains(QLatin1String("seconds="))) << qPrintable(audit);
}
