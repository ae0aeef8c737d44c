// SPDX-License-Identifier: GPL-3.0-only
// The supervision suites' fixture: the advocate's workstation of WorkstationFixture.h (ana) and a supervisor's (sue,
// a second window on the same loopback relay).
#pragma once

#include "WorkstationFixture.h"

#include <QTableView>

namespace advocate::test {

class SupervisorTest : public WorkstationTest
{
protected:
    void SetUp() override
    {
        WorkstationTest::SetUp();
        ASSERT_TRUE(supervisorFolder.isValid());
        supervisor = secondWorkstation(supervisorFolder);
        supervisor->window().resize(1200, 800);
        supervisor->window().show();
    }

    void TearDown() override
    {
        closeWorkstation(supervisor);
        WorkstationTest::TearDown();
    }

    void supervisorSignsIn() { startShift(*supervisor, QStringLiteral("sue")); }

    template <typename T>
    T *inSupervisorWindow(const QString &name) const
    {
        return supervisor->window().findChild<T *>(name);
    }

    QTableView *board() const { return inSupervisorWindow<QTableView>(QStringLiteral("board")); }

    void click(const QString &button)
    {
        auto *found = inSupervisorWindow<QPushButton>(button);
        ASSERT_TRUE(found);
        ASSERT_TRUE(QTest::qWaitFor([&] { return found->isEnabled(); }, patience)) << qPrintable(button);
        QTest::mouseClick(found, Qt::LeftButton);
    }

    // Every frame the survivor's page received so far, as text, to search.
    QString pageText(WireClient &page)
    {
        QTest::qWait(300);
        QString text;
        for (const RelayFrame &frame : page.frames())
            text += QString::fromUtf8(FrameCodec::encode(frame)) + u'\n';
        return text;
    }

    QTemporaryDir supervisorFolder;
    std::unique_ptr<Workstation> supervisor;
};

} // namespace advocate::test
