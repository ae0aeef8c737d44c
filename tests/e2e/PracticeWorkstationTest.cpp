// SPDX-License-Identifier: GPL-3.0-only
// Practice mode (issue 18) with the real main window against real relays on loopback: signed in to a practice relay,
// the window shows the practice banner (heard by a screen reader) and says "Practice" in its title, also locked;
// signed in to a live relay, neither. A scripted survivor marked practice reaches the advocate on the practice relay,
// and a survivor page's start (not marked) is refused there.
#include "WorkstationFixture.h"

using namespace advocate;
using namespace advocate::test;

namespace {

RelayConfig practiceConfig()
{
    RelayConfig config = LoopbackRelay::defaultConfig();
    config.practice = true;
    return config;
}

QString heard(QWidget *widget)
{
    QAccessibleInterface *node = QAccessible::queryAccessibleInterface(widget);
    return node ? node->text(QAccessible::Description) : QString();
}

class PracticeWorkstationTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(practiceRelay.start());
        WorkstationTest::SetUp();
    }

    QWidget *banner() const { return find<QWidget>(QStringLiteral("practiceBanner")); }
    QLabel *bannerText() const { return find<QLabel>(QStringLiteral("practiceBannerText")); }

    LoopbackRelay practiceRelay{practiceConfig()};
};

} // namespace

TEST_F(PracticeWorkstationTest, APracticeRelayGivesTheWindowAPermanentBannerAndAPracticeTitle)
{
    ASSERT_NE(banner(), nullptr);
    EXPECT_FALSE(banner()->isVisible()) << "no banner before any sign-in";
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Advocate Desk"));

    signInAndStart(practiceRelay.url());
    ASSERT_TRUE(shift->practice());
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_EQ(bannerText()->text(), QStringLiteral("Practice — not a real survivor"));
    EXPECT_EQ(heard(bannerText()), QStringLiteral("Practice — not a real survivor"));
    EXPECT_FALSE(QAccessible::queryAccessibleInterface(bannerText())->text(QAccessible::Name).isEmpty());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Practice — Advocate Desk"));
    EXPECT_TRUE(banner()->findChildren<QAbstractButton *>().isEmpty()) << "nothing closes the banner";

    // A scripted survivor (marked practice) reaches the advocate; the page's start (not marked) is refused.
    auto page = std::make_unique<WireClient>(practiceRelay.url());
    ASSERT_TRUE(page->connectAndGreet());
    page->send(frame::Start{1, 1, std::nullopt, QStringLiteral("en")});
    EXPECT_EQ(page->nextError(), ErrorCode::PracticeMismatch);
    auto persona = std::make_unique<WireClient>(practiceRelay.url());
    ASSERT_TRUE(persona->connectAndGreet());
    frame::Start scripted{1, 1, QStringLiteral("Practice Rosa"), QStringLiteral("en")};
    scripted.practice = true;
    persona->send(scripted);
    ASSERT_TRUE(persona->next<frame::Session>());
    EXPECT_FALSE(takeNext(*persona).isEmpty());
    EXPECT_TRUE(banner()->isVisible()) << "the banner stays with a chat open";
    // Under the banner the chat's tools keep their words whole: the notice status on one line (it wrapped onto two).
    // The wait lets the layout settle before it is measured and pictured.
    auto *notice = find<QLabel>(QStringLiteral("noticeStatus"));
    ASSERT_NE(notice, nullptr);
    QTest::qWait(100);
    EXPECT_EQ(notice->text(), QStringLiteral("Notice: not given yet"));
    EXPECT_GE(notice->width(), notice->fontMetrics().horizontalAdvance(notice->text()));
    screenshot(*window, QStringLiteral("practice-banner"));

    // Locked, the content is hidden; the banner and the title still say practice.
    window->appLock().lock();
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Practice — Advocate Desk"));
}

TEST_F(PracticeWorkstationTest, ALiveRelayShowsNoBannerAndTheNormalTitle)
{
    signInAndStart(relay.url());
    EXPECT_FALSE(shift->practice());
    EXPECT_FALSE(banner()->isVisible());
    EXPECT_TRUE(bannerText()->text().isEmpty());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Advocate Desk"));
}
