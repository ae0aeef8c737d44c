// SPDX-License-Identifier: GPL-3.0-only
// The practice banner (issue 18) on its own, headless (its place in the main window: MainWindowTest): shown with its
// text and the practice title for a practice relay, hidden and empty with the normal title for a live one, nothing to
// close it, and colours that read.
#include "panels/PracticeBanner.h"

#include <QAbstractButton>
#include <QLabel>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace advocate;

namespace {

// WCAG 2.1 contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST(PracticeBanner, APracticeRelayShowsTheBannerAndThePracticeTitle)
{
    QWidget window;
    auto *banner = new PracticeBanner(&window);
    window.show();
    QSignalSpy titles(banner, &PracticeBanner::mainWindowTitleChanged);
    EXPECT_FALSE(banner->isVisible());
    EXPECT_EQ(banner->mainWindowTitle(), QStringLiteral("Advocate Desk"));

    banner->setPractice(true);
    EXPECT_TRUE(banner->isVisible());
    auto *text = banner->findChild<QLabel *>(QStringLiteral("practiceBannerText"));
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(text->text(), QStringLiteral("Practice — not a real survivor"));
    EXPECT_EQ(text->textFormat(), Qt::PlainText);
    EXPECT_EQ(text->accessibleDescription(), text->text()) << "a screen reader hears it";
    EXPECT_FALSE(text->accessibleName().isEmpty());
    EXPECT_FALSE(banner->accessibleName().isEmpty());
    EXPECT_EQ(banner->mainWindowTitle(), QStringLiteral("Practice — Advocate Desk"));
    ASSERT_EQ(titles.size(), 1);
    EXPECT_EQ(titles.first().first().toString(), QStringLiteral("Practice — Advocate Desk"));
    EXPECT_TRUE(banner->findChildren<QAbstractButton *>().isEmpty()) << "nothing closes the banner";
    EXPECT_GE(contrast(banner->palette().color(QPalette::Window), banner->palette().color(QPalette::WindowText)), 7.0);

    banner->setPractice(true); // a reconnect to the same relay: no new title
    EXPECT_EQ(titles.size(), 1);
}

TEST(PracticeBanner, ALiveRelayHidesTheBannerAndGivesTheNormalTitleBack)
{
    QWidget window;
    auto *banner = new PracticeBanner(&window);
    window.show();
    banner->setPractice(true);
    QSignalSpy titles(banner, &PracticeBanner::mainWindowTitleChanged);
    banner->setPractice(false);
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(banner->findChild<QLabel *>(QStringLiteral("practiceBannerText"))->text().isEmpty());
    ASSERT_EQ(titles.size(), 1);
    EXPECT_EQ(titles.first().first().toString(), QStringLiteral("Advocate Desk"));
}
