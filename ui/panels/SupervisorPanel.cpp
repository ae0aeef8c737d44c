// SPDX-License-Identifier: GPL-3.0-only
#include "SupervisorPanel.h"

#include "LiveLabel.h"
#include "client/BoardModel.h"
#include "client/Supervision.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace advocate {

namespace {

QPushButton *actionButton(const char *name, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(QLatin1String(name));
    return button;
}

LiveLabel *liveLabel(const char *name, QWidget *parent)
{
    auto *label = new LiveLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    return label;
}

} // namespace

SupervisorPanel::SupervisorPanel(Supervision &supervision, QWidget *parent)
    : QWidget(parent), m_supervision(supervision)
{
    setObjectName(QStringLiteral("supervisorPanel"));
    auto *layout = new QVBoxLayout(this);
    m_summary = liveLabel("boardSummary", this);
    layout->addWidget(m_summary);

    m_model = new BoardModel(m_supervision, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(BoardModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("board"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BoardModel::Needs, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    // The table's corner button (select all) means nothing here: one row at a time.
    m_table->setCornerButtonEnabled(false);
    if (auto *corner = m_table->findChild<QAbstractButton *>())
        corner->setObjectName(QStringLiteral("boardCorner"));
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    m_join = actionButton("joinChat", this);
    m_monitor = actionButton("monitorChat", this);
    m_takeOver = actionButton("takeOverChat", this);
    m_takeOverRelease = actionButton("takeOverReleaseChat", this);
    m_handBack = actionButton("handBackChat", this);
    m_whisper = actionButton("whisperChat", this);
    m_block = actionButton("blockSource", this);
    for (QPushButton *button : {m_join, m_monitor, m_takeOver, m_takeOverRelease, m_handBack, m_whisper, m_block})
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_queues = liveLabel("boardQueues", this);
    m_staff = liveLabel("boardStaff", this);
    layout->addWidget(m_queues);
    layout->addWidget(m_staff);

    auto *service = new QHBoxLayout;
    m_noticeText = liveLabel("boardNotice", this);
    m_notice = actionButton("setServiceNotice", this);
    m_blocks = new QComboBox(this);
    m_blocks->setObjectName(QStringLiteral("blockList"));
    m_unblock = actionButton("unblockSource", this);
    m_statistics = actionButton("statisticsButton", this);
    service->addWidget(m_noticeText, 1);
    service->addWidget(m_notice);
    service->addWidget(m_blocks);
    service->addWidget(m_unblock);
    service->addWidget(m_statistics);
    layout->addLayout(service);

    auto *alerts = new QHBoxLayout;
    m_alertText = liveLabel("boardAlert", this);
    m_acknowledge = actionButton("acknowledgeAlert", this);
    alerts->addWidget(m_alertText, 1);
    alerts->addWidget(m_acknowledge);
    layout->addLayout(alerts);

    const auto onSelected = [this](const auto &act) {
        return [this, act] {
            if (const QString conversation = selectedConversation(); !conversation.isEmpty())
                act(conversation);
        };
    };
    connect(m_join, &QPushButton::clicked, this, onSelected([this](const QString &c) { m_supervision.join(c); }));
    connect(m_monitor, &QPushButton::clicked, this, onSelected([this](const QString &c) { m_supervision.monitor(c); }));
    connect(m_takeOver, &QPushButton::clicked, this,
            onSelected([this](const QString &c) { m_supervision.takeOver(c, frame::AfterTakeOver::Observe); }));
    connect(m_takeOverRelease, &QPushButton::clicked, this,
            onSelected([this](const QString &c) { m_supervision.takeOver(c, frame::AfterTakeOver::Release); }));
    connect(m_handBack, &QPushButton::clicked, this,
            onSelected([this](const QString &c) { m_supervision.handBack(c); }));
    connect(m_whisper, &QPushButton::clicked, this, &SupervisorPanel::whisper);
    connect(m_block, &QPushButton::clicked, this, &SupervisorPanel::block);
    connect(m_unblock, &QPushButton::clicked, this, [this] {
        if (const QString id = m_blocks->currentData().toString(); !id.isEmpty())
            m_supervision.unblock(id);
    });
    connect(m_notice, &QPushButton::clicked, this, &SupervisorPanel::setNotice);
    connect(m_statistics, &QPushButton::clicked, this, &SupervisorPanel::statisticsRequested);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (!m_supervision.alerts().isEmpty())
            m_supervision.acknowledge(m_supervision.alerts().first().alert);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SupervisorPanel::updateActions);
    connect(m_sorted, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keptConversation = selectedConversation(); });
    connect(m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndexList found = m_sorted->match(m_sorted->index(0, 0), BoardModel::ConversationRole,
                                                      m_keptConversation, 1, Qt::MatchExactly);
        if (!m_keptConversation.isEmpty() && !found.isEmpty()) {
            m_table->selectionModel()->setCurrentIndex(found.first(),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        m_keptConversation.clear();
    });
    connect(&m_supervision, &Supervision::boardChanged, this, &SupervisorPanel::refresh);
    connect(&m_supervision, &Supervision::alertsChanged, this, &SupervisorPanel::refreshAlerts);
    connect(&m_supervision, &Supervision::alertsChanged, this, [this] {
        if (!m_supervision.alerts().isEmpty())
            Q_EMIT shiftEndReasonArrived();
    });
    connect(&m_supervision, &Supervision::handRaised, this, [this] {
        Q_EMIT supervisorNeeded();
        m_handAlert.start();
    });
    m_handAlert.setInterval(std::chrono::seconds(30));
    connect(&m_handAlert, &QTimer::timeout, this, [this] {
        if (m_supervision.anyHandRaised())
            Q_EMIT supervisorNeeded();
        else
            m_handAlert.stop();
    });
    m_tick.setInterval(std::chrono::seconds(15));
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_model->tick();
        refresh();
    });
    m_tick.start();
    retranslate();
}

QString SupervisorPanel::selectedConversation() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(BoardModel::ConversationRole).toString();
}

bool SupervisorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && m_join->isEnabled()) {
            m_join->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SupervisorPanel::refresh()
{
    const QList<Supervision::Row> rows = m_supervision.rows();
    int raised = 0;
    for (const Supervision::Row &row : rows) {
        if (row.row.flags.contains(frame::BoardFlag::HandRaised))
            ++raised;
    }
    QString summary = tr("%n conversation(s) open.", nullptr, static_cast<int>(rows.size()));
    if (raised > 0)
        summary += QLatin1Char(' ') + tr("%n colleague(s) ask for a supervisor.", nullptr, raised);
    m_summary->setText(summary);

    QStringList queues;
    for (const frame::QueueWait &queue : m_supervision.queues())
        queues.append(queue.waiting == 0 ? tr("%1: nobody waiting").arg(queue.language)
                                         : tr("%1: %n waiting, longest %2", nullptr, queue.waiting)
                                               .arg(queue.language, BoardModel::duration(queue.longestWaitSeconds)));
    m_queues->setText(queues.isEmpty() ? tr("Queue — nobody waiting")
                                       : tr("Queue — %1").arg(queues.join(QStringLiteral("; "))));

    QStringList staff;
    for (const frame::StaffState &member : m_supervision.staff()) {
        const QString status = member.status == frame::StaffStatus::Available ? tr("available")
                               : member.status == frame::StaffStatus::Away    ? tr("away")
                                                                              : tr("disconnected");
        staff.append(tr("%1 (%2, %3 of %4 chats)").arg(member.user, status).arg(member.load).arg(m_supervision.cap()));
    }
    m_staff->setText(staff.isEmpty() ? tr("Nobody else is on shift.")
                                     : tr("On shift — %1").arg(staff.join(QStringLiteral("; "))));

    const frame::NoticeState &notice = m_supervision.notice();
    m_noticeText->setText(
        notice.kind == frame::NoticeKind::None
            ? tr("No service notice: survivors can start chats.")
            : tr("Service notice (%1): %2").arg(frame::noticeKindName(notice.kind), notice.text.value_or(QString())));
    const QString chosen = m_blocks->currentData().toString();
    m_blocks->clear();
    for (const frame::BlockEntry &entry : m_supervision.blocks())
        m_blocks->addItem(tr("Blocked by %1, %2 left").arg(entry.by, BoardModel::duration(entry.expiresInSeconds)),
                          entry.block);
    if (const int again = m_blocks->findData(chosen); again >= 0)
        m_blocks->setCurrentIndex(again);
    m_blocks->setEnabled(m_blocks->count() > 0);
    m_unblock->setEnabled(m_blocks->count() > 0);
    updateActions();
}

void SupervisorPanel::refreshAlerts()
{
    const QList<Supervision::HeldAlert> &alerts = m_supervision.alerts();
    m_acknowledge->setEnabled(!alerts.isEmpty());
    if (alerts.isEmpty()) {
        m_alertText->clear();
        return;
    }
    const Supervision::HeldAlert &first = alerts.first();
    QString text = tr("%1 ended their shift with chats open: “%2”").arg(first.user, first.reason);
    if (alerts.size() > 1)
        text += QLatin1Char(' ') + tr("(%n more)", nullptr, static_cast<int>(alerts.size() - 1));
    m_alertText->setText(text);
}

void SupervisorPanel::updateActions()
{
    const QString conversation = selectedConversation();
    const std::optional<Supervision::Row> row = m_supervision.row(conversation);
    const bool active = row && !row->row.waiting;
    for (QPushButton *button : {m_join, m_monitor, m_takeOver, m_takeOverRelease, m_whisper, m_block})
        button->setEnabled(active);
    bool observed = false;
    if (row) {
        for (const frame::Presence &presence : row->row.present)
            observed = observed || presence.participation == Participation::Observing;
    }
    m_handBack->setEnabled(active && observed);
}

void SupervisorPanel::whisper()
{
    const QString conversation = selectedConversation();
    if (conversation.isEmpty())
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Whisper"), tr("A note only the staff in this chat see. The survivor never sees it."), QString(), &ok);
    if (ok)
        m_supervision.whisper(conversation, text);
}

void SupervisorPanel::block()
{
    const QString conversation = selectedConversation();
    if (conversation.isEmpty())
        return;
    bool ok = false;
    const int hours = QInputDialog::getInt(
        this, tr("Block this contact"),
        tr("The chat ends, and whoever wrote from the same network gets “The chat is not available” with the "
           "hotline for this many hours. The relay keeps no address, only a keyed code that expires."),
        frame::defaultBlockHours, 1, frame::maxBlockHours, 1, &ok);
    if (ok)
        m_supervision.block(conversation, hours);
}

void SupervisorPanel::setNotice()
{
    const QStringList kinds{tr("No notice (chats open as usual)"), tr("Degraded: slower than usual"),
                            tr("Outage: no new chats"), tr("Forward: send survivors to another program")};
    bool ok = false;
    const QString kind =
        QInputDialog::getItem(this, tr("Service notice"), tr("What survivors see on the chat page within seconds:"),
                              kinds, static_cast<int>(m_supervision.notice().kind), false, &ok);
    if (!ok)
        return;
    const auto chosen = static_cast<frame::NoticeKind>(kinds.indexOf(kind));
    if (chosen == frame::NoticeKind::None) {
        m_supervision.setNotice(chosen, QString());
        return;
    }
    const QString text = QInputDialog::getMultiLineText(this, tr("Service notice"),
                                                        tr("The words survivors read (at most 500 characters):"),
                                                        m_supervision.notice().text.value_or(QString()), &ok);
    if (ok && !text.trimmed().isEmpty())
        m_supervision.setNotice(chosen, text);
}

void SupervisorPanel::retranslate()
{
    m_summary->setAccessibleName(tr("Board summary"));
    m_table->setAccessibleName(tr("Board of every conversation"));
    if (auto *corner = m_table->findChild<QAbstractButton *>(QStringLiteral("boardCorner")))
        corner->setAccessibleName(tr("Board corner"));
    m_table->setAccessibleDescription(
        tr("No message content. Enter joins the selected chat; the buttons below act on it."));
    m_join->setText(tr("Join"));
    m_join->setAccessibleName(tr("Join the selected chat visibly"));
    m_monitor->setText(tr("Read along"));
    m_monitor->setAccessibleName(tr("Read the selected chat silently, where the program allows it"));
    m_takeOver->setText(tr("Take over"));
    m_takeOver->setAccessibleName(tr("Take the selected chat over; the advocate reads along"));
    m_takeOverRelease->setText(tr("Take over and release"));
    m_takeOverRelease->setAccessibleName(tr("Take the selected chat over and free the advocate"));
    m_handBack->setText(tr("Hand back"));
    m_handBack->setAccessibleName(tr("Give the selected chat back to its advocate"));
    m_whisper->setText(tr("Whisper…"));
    m_whisper->setAccessibleName(tr("Whisper to the staff in the selected chat"));
    m_block->setText(tr("Block…"));
    m_block->setAccessibleName(tr("Block the contact of the selected chat"));
    m_queues->setAccessibleName(tr("Queue per language"));
    m_staff->setAccessibleName(tr("Colleagues on shift"));
    m_noticeText->setAccessibleName(tr("Service notice"));
    m_notice->setText(tr("Service notice…"));
    m_notice->setAccessibleName(tr("Set or clear the service notice survivors see"));
    m_blocks->setAccessibleName(tr("Blocked contacts"));
    m_unblock->setText(tr("Unblock"));
    m_unblock->setAccessibleName(tr("Lift the chosen block"));
    m_statistics->setText(tr("Statistics…"));
    m_statistics->setAccessibleName(tr("Open the statistics: today's counts and the 30 days before"));
    m_alertText->setAccessibleName(tr("Alert from a colleague"));
    m_acknowledge->setText(tr("Acknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the alert"));
    refresh();
    refreshAlerts();
}

void SupervisorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
