// SPDX-License-Identifier: GPL-3.0-only
// The practice report's numbers (issue 18 item 3) for scripted sequences of events on a manual clock, and its JSON:
// the one the cache keeps and the whisper body a supervisor's workstation reads, which refuses anything else.
#include "practice/PracticeReport.h"

#include "common/ManualClock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace advocate;
using namespace std::chrono_literals;

namespace {

class PracticeReportTest : public ::testing::Test
{
protected:
    // Moves the clock on by `by` and returns the time then.
    QDateTime after(std::chrono::milliseconds by)
    {
        clock.advance(by);
        return clock.now();
    }

    ManualClock clock;
    PracticeReport report{clock.now()};
};

PracticeReport::Sent plain()
{
    return {};
}

} // namespace

TEST_F(PracticeReportTest, TimeToFirstReplyRunsFromTheSurvivorsFirstMessageToTheAdvocatesNextOne)
{
    EXPECT_FALSE(report.timeToFirstReplyMs());
    report.survivorWrote(after(5s), false);
    EXPECT_EQ(report.firstSurvivorMessageMs(), 5000);
    EXPECT_FALSE(report.timeToFirstReplyMs()) << "no reply yet";
    report.advocateSent(after(60s), plain());
    EXPECT_EQ(report.firstReplyMs(), 65000);
    EXPECT_EQ(report.timeToFirstReplyMs(), 60000);
    // Later messages change nothing of it.
    report.survivorWrote(after(10s), false);
    report.advocateSent(after(3s), plain());
    EXPECT_EQ(report.timeToFirstReplyMs(), 60000);
    EXPECT_EQ(report.survivorMessages(), 2);
    EXPECT_EQ(report.advocateMessages(), 2);
}

TEST_F(PracticeReportTest, AGreetingBeforeTheSurvivorWritesIsNotTheFirstReply)
{
    report.advocateSent(after(2s), plain());
    report.survivorWrote(after(8s), false);
    EXPECT_FALSE(report.timeToFirstReplyMs());
    report.advocateSent(after(20s), plain());
    EXPECT_EQ(report.timeToFirstReplyMs(), 20000);
}

TEST_F(PracticeReportTest, TheSafetyCheckIsGivenAtItsFirstSend)
{
    EXPECT_FALSE(report.safetyCheckMs());
    PracticeReport::Sent safety;
    safety.safetyCheck = true;
    report.advocateSent(after(30s), safety);
    report.advocateSent(after(30s), safety);
    EXPECT_EQ(report.safetyCheckMs(), 30000);
}

TEST_F(PracticeReportTest, ANoticeAfterADisclosureIsReportedAsAfterIt)
{
    EXPECT_EQ(report.noticeTiming(), PracticeReport::NoticeTiming::NotNeeded);
    report.survivorWrote(after(10s), false);
    EXPECT_FALSE(report.firstDisclosureMs()) << "a line that is no disclosure";
    report.survivorWrote(after(50s), true);
    EXPECT_EQ(report.firstDisclosureMs(), 60000);
    EXPECT_EQ(report.noticeTiming(), PracticeReport::NoticeTiming::Missing);
    PracticeReport::Sent notice;
    notice.notice = true;
    report.advocateSent(after(40s), notice);
    EXPECT_EQ(report.noticeMs(), 100000);
    EXPECT_EQ(report.noticeTiming(), PracticeReport::NoticeTiming::AfterDisclosure);
    // A second disclosure does not move the first.
    report.survivorWrote(after(5s), true);
    EXPECT_EQ(report.firstDisclosureMs(), 60000);
}

TEST_F(PracticeReportTest, ANoticeBeforeTheDisclosureIsReportedAsBefore)
{
    PracticeReport::Sent notice;
    notice.notice = true;
    report.advocateSent(after(20s), notice);
    EXPECT_EQ(report.noticeTiming(), PracticeReport::NoticeTiming::GivenNoDisclosure);
    report.survivorWrote(after(20s), true);
    EXPECT_EQ(report.noticeTiming(), PracticeReport::NoticeTiming::BeforeDisclosure);
}

TEST_F(PracticeReportTest, WarningsFixedAndIgnoredAndCannedUnchangedAndEditedAddUp)
{
    PracticeReport::Sent fixed;
    fixed.warningsFixed = 1;
    report.advocateSent(after(1s), fixed);
    PracticeReport::Sent ignored;
    ignored.warningsIgnored = 2;
    ignored.cannedUnchanged = 1;
    report.advocateSent(after(1s), ignored);
    PracticeReport::Sent edited;
    edited.cannedEdited = 1;
    edited.checkIn = true;
    report.advocateSent(after(1s), edited);
    EXPECT_EQ(report.warningsFixed(), 1);
    EXPECT_EQ(report.warningsIgnored(), 2);
    EXPECT_EQ(report.cannedUnchanged(), 1);
    EXPECT_EQ(report.cannedEdited(), 1);
    EXPECT_EQ(report.checkIns(), 1);
}

TEST_F(PracticeReportTest, AHandoffNoteWithAPhoneNumberLeftInCountsOne)
{
    EXPECT_FALSE(report.handoffDetailsLeft());
    report.handoffNoteOffered(1);
    EXPECT_EQ(report.handoffDetailsLeft(), 1);
    EXPECT_EQ(report.handoffNotes(), 1);
    // Offered again after the fix: the last note counts.
    report.handoffNoteOffered(0);
    EXPECT_EQ(report.handoffDetailsLeft(), 0);
    EXPECT_EQ(report.handoffNotes(), 2);
}

TEST_F(PracticeReportTest, TheFirstEndingStands)
{
    EXPECT_EQ(report.ending(), PracticeReport::Ending::Open);
    report.ended(PracticeReport::Ending::QuickExit, after(90s));
    report.ended(PracticeReport::Ending::AdvocateEnded, after(5s));
    EXPECT_EQ(report.ending(), PracticeReport::Ending::QuickExit);
    EXPECT_EQ(report.endedMs(), 90000);
}

TEST_F(PracticeReportTest, TheJsonHoldsNumbersOnlyAndReadsBackTheSame)
{
    report.survivorWrote(after(5s), true);
    PracticeReport::Sent sent;
    sent.safetyCheck = true;
    sent.notice = true;
    sent.warningsFixed = 1;
    sent.cannedEdited = 1;
    report.advocateSent(after(60s), sent);
    report.handoffNoteOffered(2);
    report.ended(PracticeReport::Ending::HandedOn, after(10s));
    const QJsonObject json = report.toJson();
    EXPECT_EQ(json.value(QLatin1String("advocate_desk_practice_report")).toInt(), 1);
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it.key() == QLatin1String("ending"))
            EXPECT_EQ(it.value().toString(), QStringLiteral("handed_on"));
        else
            EXPECT_TRUE(it.value().isDouble()) << qPrintable(it.key());
    }
    EXPECT_EQ(PracticeReport::fromJson(json), report);
    const QString body = report.toWhisperBody();
    EXPECT_LT(body.size(), PracticeReport::maxBodyChars);
    EXPECT_EQ(PracticeReport::fromWhisperBody(body), report);
}

TEST_F(PracticeReportTest, AWhisperSomeoneWroteIsNoReport)
{
    EXPECT_FALSE(PracticeReport::fromWhisperBody(QStringLiteral("Try asking about her safety plan.")));
    EXPECT_FALSE(PracticeReport::fromWhisperBody(QStringLiteral("{ not json")));
    EXPECT_FALSE(PracticeReport::fromWhisperBody(QStringLiteral("[1, 2]")));
    EXPECT_FALSE(PracticeReport::fromWhisperBody(QStringLiteral(R"({"check_ins": 1})"))) << "no marker";
    EXPECT_FALSE(PracticeReport::fromWhisperBody(QStringLiteral(R"({"advocate_desk_practice_report": 2})")))
        << "a version this one does not know";
}

TEST_F(PracticeReportTest, AReportWithValuesItCannotHoldIsRefused)
{
    const QJsonObject good = report.toJson();
    const auto with = [&](const char *key, const QJsonValue &value) {
        QJsonObject changed = good;
        changed.insert(QLatin1String(key), value);
        return changed;
    };
    EXPECT_TRUE(PracticeReport::fromJson(good));
    EXPECT_FALSE(PracticeReport::fromJson(with("check_ins", -1)));
    EXPECT_FALSE(PracticeReport::fromJson(with("check_ins", 1.5)));
    EXPECT_FALSE(PracticeReport::fromJson(with("check_ins", QStringLiteral("3"))));
    EXPECT_FALSE(PracticeReport::fromJson(with("check_ins", 1e12))) << "more than a count can be";
    EXPECT_FALSE(PracticeReport::fromJson(with("first_reply_ms", 1e300)));
    EXPECT_FALSE(PracticeReport::fromJson(with("notice_ms", QJsonArray{1})));
    EXPECT_FALSE(PracticeReport::fromJson(with("ending", QStringLiteral("exploded"))));
    EXPECT_FALSE(PracticeReport::fromJson(with("ending", 3)));
    EXPECT_FALSE(PracticeReport::fromJson(with("handoff_details_left", -2)));
    // Text where a report has none is refused with the body, even inside the size limit.
    const QString long_ = QStringLiteral(R"({"advocate_desk_practice_report":1,"x":")") +
                          QString(PracticeReport::maxBodyChars, u'a') + QStringLiteral("\"}");
    EXPECT_FALSE(PracticeReport::fromWhisperBody(long_)) << "longer than a report can be";
}
