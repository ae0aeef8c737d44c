// SPDX-License-Identifier: GPL-3.0-only
#include "StatisticsDialog.h"

#include "LiveLabel.h"
#include "StatisticsLabels.h"
#include "client/DailyCounts.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace advocate {

namespace {

LiveLabel *liveLabel(const char *name, const QString &accessibleName, QWidget *parent)
{
    auto *label = new LiveLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    return label;
}

} // namespace

StatisticsDialog::StatisticsDialog(DailyCounts &counts, QWidget *parent) : QDialog(parent), m_counts(counts)
{
    setObjectName(QStringLiteral("statisticsDialog"));
    setWindowTitle(tr("Statistics"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    resize(fontMetrics().averageCharWidth() * 120, fontMetrics().height() * 40);
    auto *layout = new QVBoxLayout(this);
    auto *explanation =
        new QLabel(tr("What the relay counted per day. Counts only: no conversation, name, message or address is in "
                      "them."),
                   this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_status = liveLabel("statisticsStatus", tr("Statistics status"), this);
    layout->addWidget(m_status);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("statisticsTable"));
    m_table->setAccessibleName(tr("Counts for today and the 30 days before today"));
    m_table->setColumnCount(3);
    m_table->setHeaderLabels({tr("What was counted"), tr("Today"), tr("30 days before today")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(false);
    m_table->setMinimumHeight(fontMetrics().height() * 24);
    layout->addWidget(m_table, 1);
    m_exportResult = liveLabel("statisticsExportResult", tr("Export result"), this);
    layout->addWidget(m_exportResult);

    auto *buttons = new QDialogButtonBox(this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("refreshStatistics"));
    m_refresh->setAccessibleName(tr("Ask the relay for the counts again"));
    m_export = buttons->addButton(tr("E&xport CSV…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportStatistics"));
    m_export->setAccessibleName(tr("Save the counts as a CSV file"));
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeStatistics"));
    close->setAccessibleName(tr("Close the statistics"));
    layout->addWidget(buttons);
    // Buttons that only act: Enter in the table must not press one.
    for (QPushButton *button : {m_refresh, m_export, close})
        button->setAutoDefault(false);
    connect(m_refresh, &QPushButton::clicked, &m_counts, &DailyCounts::request);
    connect(m_export, &QPushButton::clicked, this, &StatisticsDialog::chooseExportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_counts, &DailyCounts::changed, this, [this] {
        showCounts();
        showState();
    });
    showCounts();
    m_counts.request();
    showState();
}

void StatisticsDialog::done(int result)
{
    for (QFileDialog *chooser : findChildren<QFileDialog *>(Qt::FindDirectChildrenOnly))
        chooser->reject();
    QDialog::done(result);
}

void StatisticsDialog::showCounts()
{
    // Rebuilt whole: a refresh may bring new languages, and the expanded groups stay as they were.
    m_table->clear();
    if (!m_counts.hasCounts())
        return;
    const QLocale locale;
    QMap<StatisticsLabels::Group, QTreeWidgetItem *> groups;
    for (const StatisticsLabels::Group group : StatisticsLabels::groups()) {
        auto *item = new QTreeWidgetItem(m_table, {StatisticsLabels::groupName(group)});
        item->setFlags(Qt::ItemIsEnabled);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        groups.insert(group, item);
    }
    for (const QString &counter : m_counts.counters()) {
        const QString label = StatisticsLabels::label(counter);
        auto *item = new QTreeWidgetItem(
            groups.value(StatisticsLabels::groupOf(counter)),
            {label, locale.toString(m_counts.todayCount(counter)), locale.toString(m_counts.daysBeforeCount(counter))});
        item->setToolTip(0, label); // the whole words where the column is too narrow
    }
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        if (group->childCount() == 0)
            delete group; // no languages yet, no counter a newer relay added
    }
    for (int column : {1, 2}) {
        m_table->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        for (QTreeWidgetItemIterator it(m_table); *it; ++it)
            (*it)->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        m_table->resizeColumnToContents(column);
    }
    m_table->expandAll();
}

void StatisticsDialog::showState()
{
    const QLocale locale;
    const QString asOf = m_counts.hasCounts()
                             ? locale.toString(m_counts.receivedAt().toLocalTime().time(), QLocale::ShortFormat)
                             : QString();
    QString text;
    switch (m_counts.state()) {
    case DailyCounts::State::Empty:
        text = tr("No counts yet. Refresh asks the relay.");
        break;
    case DailyCounts::State::Asking:
        text = tr("Asking the relay for the counts…");
        break;
    case DailyCounts::State::Received:
        text = tr("Today is %1 in the program's time zone (%2). Counts as of %3.")
                   .arg(locale.toString(m_counts.today(), QLocale::LongFormat), m_counts.timeZone(), asOf);
        if (const int held = m_counts.daysBeforeHeld(); held < DailyCounts::daysBeforeToday)
            text += u' ' + tr("The relay has counts for %n of the 30 days before today; it has none for a day it "
                              "was not running.",
                              nullptr, held);
        break;
    case DailyCounts::State::Refused:
        text = m_counts.refusal() == ErrorCode::NotAuthorized
                   ? tr("The relay refused: only supervisors may see the statistics.")
                   : tr("The relay refused to send the counts. It may be older than this desk; tell IT.");
        break;
    case DailyCounts::State::Unreachable:
        text = tr("The desk is not connected to the relay, so the counts cannot be fetched. Choose Refresh once it "
                  "is connected again.");
        break;
    case DailyCounts::State::NoAnswer:
        text = tr("The relay did not answer. Choose Refresh in a moment; if it keeps happening, tell IT.");
        break;
    }
    if (m_counts.hasCounts() && m_counts.state() != DailyCounts::State::Received)
        text += u' ' + tr("The counts shown are as of %1.").arg(asOf);
    m_status->setText(text);
    m_refresh->setEnabled(m_counts.state() != DailyCounts::State::Asking);
    m_export->setEnabled(m_counts.hasCounts());
}

void StatisticsDialog::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *chooser = new QFileDialog(this, tr("Export the counts as CSV"), folder, tr("CSV files (*.csv)"));
    chooser->setObjectName(QStringLiteral("statisticsExportChooser"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("csv"));
    chooser->selectFile(QStringLiteral("advocate-statistics-%1.csv").arg(m_counts.today().toString(Qt::ISODate)));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, &StatisticsDialog::exportTo);
    chooser->open();
}

void StatisticsDialog::exportTo(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const DailyCounts::SaveResult result = m_counts.saveCsv(path);
    m_exportResult->setText(result.saved ? tr("The counts were saved to %1.").arg(shown)
                                         : tr("The counts were not saved: %1 could not be written (%2). Choose "
                                              "another folder, or ask IT.")
                                               .arg(shown, result.problem));
}

} // namespace advocate
