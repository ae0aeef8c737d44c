// SPDX-License-Identifier: GPL-3.0-only
// Supervisors in practice (issue 18, item 4): on a practice relay a supervisor runs a trainee's practice chat exactly
// as a live one. Both windows say "Practice"; the supervisor sees the chat on the board, joins it (the scripted
// survivor is told), whispers to the trainee (never to the survivor), takes the chat over and hands it back.
#include "SupervisorFixture.h"
#include "client/BoardModel.h"
#include "panels/SupervisorPanel.h"

using namespace advocate;
using namespace advocate::test;

namespace {

const QString whisperCanary = QStringLiteral("CANARYPRACTICEWHISPER8817");

class PracticeSupervisionTest : public SupervisorTest
{
protected:
    void SetUp() override
    {
        relay.config().practice = true;
        SupervisorTest::SetUp();
    }

    static bool bannerShown(QWidget &window)
    {
        auto *banner = window.findChild<QWidget *>(QStringLiteral("practiceBanner"));
        return banner && banner->isVisible();
    }
};

} // namespace

TEST_F(PracticeSupervisionTest, ASupervisorWatchesWhispersTakesOverAndHandsBackAPracticeChatAsALiveOne)
{
    signInAndStart(relay.url());
    supervisorSignsIn();
    ASSERT_TRUE(shift->practice());
    ASSERT_TRUE(supervisor->shift().practice());
    EXPECT_TRUE(bannerShown(*window));
    EXPECT_TRUE(bannerShown(supervisor->window()));
    EXPECT_EQ(supervisor->window().windowTitle(), QStringLiteral("Practice — Advocate Desk"));
    auto *panel = inSupervisorWindow<SupervisorPanel>(QStringLiteral("supervisorPanel"));
    ASSERT_TRUE(panel);
    EXPECT_TRUE(panel->isVisible());

    // The scripted survivor (marked practice: the only kind a practice relay takes) reaches the trainee.
    auto page = survivor(QStringLiteral("Practice Rosa"));
    const QString id = takeNext(*page);
    ASSERT_FALSE(id.isEmpty());
    page->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("He checks my phone every night")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("He checks my phone every night")); },
                                patience));

    // Watch: the board shows the practice chat and who answers it, nothing of what was written.
    ASSERT_TRUE(QTest::qWaitFor([&] { return board()->model()->rowCount() == 1; }, patience));
    EXPECT_EQ(board()->model()->index(0, BoardModel::Advocate).data().toString(), QStringLiteral("ana"));
    for (int column = 0; column < BoardModel::ColumnCount; ++column)
        EXPECT_FALSE(board()->model()->index(0, column).data().toString().contains(QStringLiteral("phone")));

    // Join: the survivor is told, the supervisor may write.
    board()->setFocus();
    board()->selectRow(0);
    QTest::keyClick(board(), Qt::Key_Return);
    const auto present = page->next<frame::SupervisorPresent>();
    ASSERT_TRUE(present);
    EXPECT_TRUE(present->present);
    Shift &sue = supervisor->shift();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id) && sue.chat(id)->canWrite(); }, patience));
    EXPECT_EQ(sue.chat(id)->participation(), Participation::Joined);

    // Whisper: the trainee gets it, marked staff only; the survivor never does.
    sue.chat(id)->whisper(whisperCanary);
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, whisperCanary); }, patience));
    const auto whisperEntry = std::find_if(shift->chat(id)->entries().cbegin(), shift->chat(id)->entries().cend(),
                                           [](const Chat::Entry &e) { return e.text == whisperCanary; });
    EXPECT_TRUE(whisperEntry->author.contains(QStringLiteral("staff only")));

    // Take over: the trainee reads along and cannot write; the supervisor answers the survivor.
    board()->selectRow(0);
    click(QStringLiteral("takeOverChat"));
    const auto changed = page->next<frame::AdvocateChanged>();
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->reason, HandoffReason::Supervisor);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return shift->chat(id)->participation() == Participation::Observing; }, patience));
    EXPECT_FALSE(find<Composer>(QStringLiteral("composer"))->isEnabled());
    ASSERT_TRUE(QTest::qWaitFor([&] { return sue.chat(id)->participation() == Participation::Answering; }, patience));
    sue.chat(id)->setDraft(QStringLiteral("This is the supervisor. Let us look at a safe way to talk."));
    sue.chat(id)->sendDraft();
    const auto fromSupervisor = page->next<frame::Message>();
    ASSERT_TRUE(fromSupervisor);
    EXPECT_EQ(fromSupervisor->body, QStringLiteral("This is the supervisor. Let us look at a safe way to talk."));
    QApplication::processEvents();
    screenshot(supervisor->window(), QStringLiteral("practice-supervisor"));
    EXPECT_TRUE(bannerShown(supervisor->window())) << "the banner stays through a take-over";

    // Hand back: the trainee answers again; the whisper never reached the survivor.
    board()->selectRow(0);
    click(QStringLiteral("handBackChat"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chat(id)->canWrite(); }, patience));
    EXPECT_TRUE(find<Composer>(QStringLiteral("composer"))->isEnabled());
    EXPECT_FALSE(pageText(*page).contains(whisperCanary));
}
