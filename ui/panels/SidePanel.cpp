// SPDX-License-Identifier: GPL-3.0-only
#include "SidePanel.h"

#include "ConversationDelegate.h"
#include "LiveLabel.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"

#include <QCheckBox>
#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace advocate {

SidePanel::SidePanel(Shift &shift, ConversationListModel *conversations, QWidget *parent)
    : QWidget(parent), m_shift(shift)
{
    setObjectName(QStringLiteral("sidePanel"));
    auto *layout = new QVBoxLayout(this);
    m_status = new LiveLabel(this);
    m_status->setObjectName(QStringLiteral("shiftStatus"));
    m_available = new QCheckBox(this);
    m_available->setObjectName(QStringLiteral("availableToggle"));
    connect(m_available, &QCheckBox::toggled, this, [this](bool on) {
        m_shift.setAvailable(on);
        showStatus(on ? tr("On shift: available.") : tr("On shift: away."));
    });
    m_queue = new LiveLabel(this);
    m_queue->setObjectName(QStringLiteral("queueSummary"));
    m_takeNext = new QPushButton(this);
    m_takeNext->setObjectName(QStringLiteral("takeNextButton"));
    connect(m_takeNext, &QPushButton::clicked, this, [this] { m_shift.takeNext(); });
    m_capLabel = new LiveLabel(this);
    m_capLabel->setObjectName(QStringLiteral("capLabel"));
    m_listTitle = new QLabel(this);
    m_conversations = new QListView(this);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    m_conversations->setModel(conversations);
    m_conversations->setItemDelegate(new ConversationDelegate(m_conversations));
    m_conversations->setWordWrap(true);
    m_conversations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listTitle->setBuddy(m_conversations);
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT conversationChosen(current.row());
            });
    for (QWidget *widget : std::initializer_list<QWidget *>{m_status, m_available, m_queue, m_takeNext, m_capLabel,
                                                            m_listTitle, m_conversations})
        layout->addWidget(widget);
    retranslate();
}

void SidePanel::showStatus(const QString &text)
{
    m_status->setText(text);
}

void SidePanel::setCap(int cap)
{
    m_cap = cap;
    showCap();
}

void SidePanel::showCap()
{
    m_capLabel->setText(tr("Chats open: %1 of %2").arg(m_shift.openCount()).arg(m_cap));
}

void SidePanel::showQueue(const QMap<QString, int> &waiting)
{
    // Language and wait only (WS5): the relay sends no alias or content for people still in the queue. The waits
    // are as old as the last queue_summary, which the relay refreshes at least every 30 s.
    m_lastWaiting = waiting;
    const QMap<QString, QList<int>> waits = m_shift.queueWaits();
    QStringList lines;
    int total = 0;
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        const QString language = languageName(it.key());
        const QList<int> seconds = waits.value(it.key());
        const QString count = tr("%n waiting", nullptr, it.value());
        if (seconds.isEmpty()) {
            lines.append(tr("%1 — %2").arg(language, count));
        } else {
            const int longest = *std::max_element(seconds.cbegin(), seconds.cend());
            const QString longestText =
                longest < 60 ? tr("longest under 1 min") : tr("longest %n min", nullptr, longest / 60);
            lines.append(tr("%1 — %2, %3").arg(language, count, longestText));
        }
        total += it.value();
    }
    m_queue->setText(lines.isEmpty() ? tr("Nobody is waiting.") : lines.join(QLatin1Char('\n')));
    if (total > m_waiting)
        Q_EMIT survivorJoinedQueue();
    m_waiting = total;
    showSessionState();
}

void SidePanel::showSessionState()
{
    m_takeNext->setEnabled(m_waiting > 0 && m_shift.connection() == ClientSession::State::SignedIn);
}

void SidePanel::forgetShift()
{
    const QSignalBlocker blocker(m_available);
    m_available->setChecked(false);
    m_lastWaiting.clear();
    m_waiting = 0;
    showQueue({});
    showCap();
}

QString SidePanel::languageName(const QString &tag)
{
    // The shipped languages through tr(), so they follow the interface language; others by Qt's English name.
    const QString primary = tag.section(u'-', 0, 0).toLower();
    if (primary == u"en")
        return tr("English");
    if (primary == u"es")
        return tr("Spanish");
    const QLocale locale(tag);
    return locale.language() == QLocale::C ? tag : QLocale::languageToString(locale.language());
}

void SidePanel::retranslate()
{
    m_status->setAccessibleName(tr("Shift status"));
    m_available->setText(tr("&Available for new chats"));
    m_available->setAccessibleName(tr("Available for new chats"));
    m_queue->setAccessibleName(tr("Waiting survivors"));
    m_takeNext->setText(tr("&Take next chat"));
    m_takeNext->setAccessibleName(tr("Take next chat"));
    m_capLabel->setAccessibleName(tr("Chats open and your limit"));
    m_listTitle->setText(tr("&My conversations"));
    m_conversations->setAccessibleName(tr("My conversations"));
    showQueue(m_lastWaiting);
    showCap();
}

void SidePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
