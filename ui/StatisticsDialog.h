// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace advocate {

class DailyCounts;
class LiveLabel;

// A supervisor's statistics view (RL10, WS14): the relay's counts for today and for the 30 days before it, grouped
// and named in the interface language, with Refresh and an export of the counts as CSV (counts only: nothing of a
// conversation is in them, and transcripts are never exportable). A line that screen readers hear says whether the
// relay is being asked, did not answer, or refused. Not modal, so the board stays usable; the window closes it when
// it locks and when the shift ends.
class StatisticsDialog : public QDialog
{
    Q_OBJECT
public:
    // Asks the relay for the counts at once.
    explicit StatisticsDialog(DailyCounts &counts, QWidget *parent = nullptr);

    // Closes the export's file chooser too, if it is open.
    void done(int result) override;

private:
    void showCounts();
    void showState();
    void chooseExportFile();
    void exportTo(const QString &path);

    DailyCounts &m_counts;
    LiveLabel *m_status = nullptr;
    QTreeWidget *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
    LiveLabel *m_exportResult = nullptr;
};

} // namespace advocate
