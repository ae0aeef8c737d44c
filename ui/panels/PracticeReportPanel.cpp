// SPDX-License-Identifier: GPL-3.0-only
#include "PracticeReportPanel.h"

#include "LiveLabel.h"
#include "client/Chat.h"
#include "client/PracticeReports.h"

#include <QEvent>
#include <QKeySequence>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace advocate {

namespace {

// A time after the chat opened as minutes and seconds ("1:05"), or hours, minutes and seconds.
QString elapsed(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

PracticeReportPanel::PracticeReportPanel(PracticeReports &reports, QWidget *parent) : QFrame(parent), m_reports(reports)
{
    setObjectName(QStringLiteral("practiceReportPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(QStringLiteral("practiceReportButton"));
    m_toggle->setCheckable(true);
    connect(m_toggle, &QPushButton::clicked, this, [this](bool open) {
        m_openedByHand = open;
        refresh();
    });
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    // In a short window (a supervisor's, under the board) the report scrolls rather than squeezing its lines.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("practiceReportScroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_details = new QWidget(m_scroll);
    m_details->setObjectName(QStringLiteral("practiceReportDetails"));
    auto *lines = new QVBoxLayout(m_details);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    m_summary = addLine(QStringLiteral("practiceReportSummary"));
    m_firstReply = addLine(QStringLiteral("practiceReportFirstReply"));
    m_safetyCheck = addLine(QStringLiteral("practiceReportSafetyCheck"));
    m_notice = addLine(QStringLiteral("practiceReportNotice"));
    m_checkIns = addLine(QStringLiteral("practiceReportCheckIns"));
    m_warnings = addLine(QStringLiteral("practiceReportWarnings"));
    m_canned = addLine(QStringLiteral("practiceReportCanned"));
    m_handoff = addLine(QStringLiteral("practiceReportHandoff"));
    m_ending = addLine(QStringLiteral("practiceReportEnding"));
    for (LiveLabel *line :
         {m_summary, m_firstReply, m_safetyCheck, m_notice, m_checkIns, m_warnings, m_canned, m_handoff, m_ending})
        lines->addWidget(line);
    m_scroll->setWidget(m_details);
    layout->addWidget(m_scroll);
    connect(&m_reports, &PracticeReports::reportChanged, this, [this](const QString &conversation) {
        if (m_chat && m_chat->id() == conversation)
            refresh();
    });
    connect(&m_reports, &PracticeReports::cleared, this, &PracticeReportPanel::refresh);
    retranslate();
    refresh();
}

LiveLabel *PracticeReportPanel::addLine(const QString &objectName)
{
    auto *line = new LiveLabel(m_details);
    line->setObjectName(objectName);
    // Each line can be reached with Tab and read by a screen reader; the numbers can be selected and copied.
    line->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    line->setFocusPolicy(Qt::StrongFocus); // after the flags, which set a focus policy of their own
    return line;
}

void PracticeReportPanel::showChat(Chat *chat)
{
    if (chat != m_chat) {
        m_chat = chat;
        m_openedByHand.reset();
        m_chatWasOpen = chat && chat->isOpen();
    }
    refresh();
}

bool PracticeReportPanel::detailsShown() const
{
    return isVisible() && m_details->isVisible();
}

void PracticeReportPanel::refresh()
{
    const std::optional<PracticeReport> report = m_chat ? m_reports.report(m_chat->id()) : std::nullopt;
    if (!report) {
        hide();
        for (LiveLabel *line :
             {m_summary, m_firstReply, m_safetyCheck, m_notice, m_checkIns, m_warnings, m_canned, m_handoff, m_ending})
            line->clear();
        return;
    }
    // Open by itself once the chat is over (whatever was chosen while it went on); after that the advocate's choice.
    if (m_chatWasOpen && !m_chat->isOpen())
        m_openedByHand.reset();
    m_chatWasOpen = m_chat->isOpen();
    const bool open = m_openedByHand.value_or(!m_chat->isOpen());
    m_toggle->setChecked(open);
    m_scroll->setVisible(open);
    fill(*report, m_reports.received(m_chat->id()));
    show();
}

void PracticeReportPanel::fill(const PracticeReport &report, bool received)
{
    const QString opened = QLocale().toString(report.openedAt().toLocalTime().time(), QLocale::ShortFormat);
    if (report.ending() != PracticeReport::Ending::Open || !m_chat->isOpen())
        m_summary->setText(received ? tr("The trainee's chat opened at %1 is over. What happened, against what the "
                                         "program expects:")
                                          .arg(opened)
                                    : tr("This practice chat opened at %1 is over. What happened, against what the "
                                         "program expects:")
                                          .arg(opened));
    else
        m_summary->setText(received
                               ? tr("The trainee's chat opened at %1, so far (times after it opened):").arg(opened)
                               : tr("This practice chat opened at %1, so far (times after it opened):").arg(opened));

    if (const auto reply = report.timeToFirstReplyMs())
        m_firstReply->setText(tr("First reply: %1 after the survivor's first message (sent at %2).")
                                  .arg(elapsed(*reply), elapsed(report.firstReplyMs().value_or(0))));
    else if (report.firstSurvivorMessageMs())
        m_firstReply->setText(tr("First reply: none yet; the survivor first wrote at %1.")
                                  .arg(elapsed(*report.firstSurvivorMessageMs())));
    else
        m_firstReply->setText(tr("First reply: the survivor has not written yet."));

    if (const auto safety = report.safetyCheckMs())
        m_safetyCheck->setText(tr("Safety check: given at %1.").arg(elapsed(*safety)));
    else
        m_safetyCheck->setText(tr("Safety check: not given."));

    const QString notice = report.noticeMs() ? elapsed(*report.noticeMs()) : QString();
    const QString disclosure = report.firstDisclosureMs() ? elapsed(*report.firstDisclosureMs()) : QString();
    switch (report.noticeTiming()) {
    case PracticeReport::NoticeTiming::NotNeeded:
        m_notice->setText(tr("Confidentiality notice: not given; the survivor disclosed nothing it is needed for."));
        break;
    case PracticeReport::NoticeTiming::GivenNoDisclosure:
        m_notice->setText(tr("Confidentiality notice: given at %1; no disclosure followed.").arg(notice));
        break;
    case PracticeReport::NoticeTiming::BeforeDisclosure:
        m_notice->setText(
            tr("Confidentiality notice: given at %1, before the disclosure at %2. Good.").arg(notice, disclosure));
        break;
    case PracticeReport::NoticeTiming::AfterDisclosure:
        m_notice->setText(tr("Confidentiality notice: given at %1, after the disclosure at %2. Give it before.")
                              .arg(notice, disclosure));
        break;
    case PracticeReport::NoticeTiming::Missing:
        m_notice->setText(
            tr("Confidentiality notice: missing. The survivor disclosed at %1 and the notice was never given.")
                .arg(disclosure));
        break;
    }

    m_checkIns->setText(tr("Check-ins sent: %n.", nullptr, report.checkIns()));
    m_warnings->setText(tr("Draft warnings: %1 fixed before sending, %2 ignored (sent with the warning showing).")
                            .arg(report.warningsFixed())
                            .arg(report.warningsIgnored()));
    m_canned->setText(tr("Canned texts: %1 sent unchanged, %2 edited before sending.")
                          .arg(report.cannedUnchanged())
                          .arg(report.cannedEdited()));
    if (const auto left = report.handoffDetailsLeft())
        m_handoff->setText(*left == 0 ? tr("Handoff note: no identifying details left in. Good.")
                                      : tr("Handoff note: %n identifying detail(s) left in.", nullptr, *left));
    else
        m_handoff->setText(tr("Handoff note: none written."));

    const QString at = report.endedMs() ? elapsed(*report.endedMs()) : QString();
    switch (report.ending()) {
    case PracticeReport::Ending::Open:
        m_ending->setText(m_chat->isOpen() ? tr("The chat is still open.") : tr("The chat is over."));
        break;
    case PracticeReport::Ending::SurvivorEnded:
        m_ending->setText(tr("Ended at %1: the survivor ended the chat.").arg(at));
        break;
    case PracticeReport::Ending::AdvocateEnded:
        m_ending->setText(tr("Ended at %1: the advocate ended the chat.").arg(at));
        break;
    case PracticeReport::Ending::QuickExit:
        m_ending->setText(tr("Ended at %1: the survivor left with quick exit.").arg(at));
        break;
    case PracticeReport::Ending::IdleClosed:
        m_ending->setText(tr("Ended at %1: closed after the survivor's silence.").arg(at));
        break;
    case PracticeReport::Ending::Disconnected:
        m_ending->setText(tr("Ended at %1: a connection did not come back in time.").arg(at));
        break;
    case PracticeReport::Ending::HandedOn:
        m_ending->setText(tr("Ended at %1: handed on.").arg(at));
        break;
    }
}

void PracticeReportPanel::retranslate()
{
    setAccessibleName(tr("Practice report"));
    m_toggle->setText(tr("Practice report"));
    // Ctrl+Shift+R from anywhere in the window (no letter of "Practice report" is free for a mnemonic there); set after
    // the text, which replaces a button's shortcut with its mnemonic.
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_toggle->setToolTip(tr("Show or hide the practice report (Ctrl+Shift+R)"));
    m_toggle->setAccessibleName(tr("Show or hide the practice report of this chat"));
    m_summary->setAccessibleName(tr("Practice report"));
    m_firstReply->setAccessibleName(tr("Practice report: first reply"));
    m_safetyCheck->setAccessibleName(tr("Practice report: safety check"));
    m_notice->setAccessibleName(tr("Practice report: confidentiality notice"));
    m_checkIns->setAccessibleName(tr("Practice report: check-ins"));
    m_warnings->setAccessibleName(tr("Practice report: draft warnings"));
    m_canned->setAccessibleName(tr("Practice report: canned texts"));
    m_handoff->setAccessibleName(tr("Practice report: handoff note"));
    m_ending->setAccessibleName(tr("Practice report: how the chat ended"));
    refresh();
}

void PracticeReportPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace advocate
