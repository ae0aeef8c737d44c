// SPDX-License-Identifier: GPL-3.0-only
#include "CannedQuickSearch.h"

#include "CannedText.h"
#include "Composer.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace advocate {

CannedQuickSearch::CannedQuickSearch(Composer *composer, QWidget *listParent)
    : QObject(composer), m_composer(composer), m_panel(new QWidget(listParent))
{
    m_panel->setObjectName(QStringLiteral("cannedQuickPanel"));
    auto *layout = new QVBoxLayout(m_panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListView(m_panel);
    m_list->setObjectName(QStringLiteral("cannedQuickList"));
    m_list->setModel(&m_model);
    m_list->setFocusPolicy(Qt::NoFocus); // the composer keeps the keyboard
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(140);
    m_hint = new QLabel(m_panel);
    m_hint->setObjectName(QStringLiteral("cannedQuickHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    layout->addWidget(m_list);
    layout->addWidget(m_hint);
    m_panel->hide();
    m_panel->installEventFilter(this);
    retranslate();

    connect(composer, &Composer::slashQueryChanged, this, &CannedQuickSearch::onQuery);
    connect(composer, &Composer::slashMoveRequested, this, &CannedQuickSearch::move);
    connect(composer, &Composer::slashAcceptRequested, this, &CannedQuickSearch::accept);
    connect(composer, &Composer::slashDismissRequested, this, &CannedQuickSearch::close);
    connect(m_list, &QListView::activated, this, &CannedQuickSearch::accept);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &CannedQuickSearch::showHint);
    // The library or the chat's language changed under an open list: the first row is current again.
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model.rowCount() > 0)
            m_list->setCurrentIndex(m_model.index(0));
        showHint();
    });
}

void CannedQuickSearch::retranslate()
{
    m_list->setAccessibleName(m_model.query().isNull() ? tr("Canned responses matching the / search")
                                                       : tr("Canned responses matching “/%1”").arg(m_model.query()));
    showHint();
}

bool CannedQuickSearch::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void CannedQuickSearch::onQuery(const QString &query)
{
    if (query.isNull()) {
        close();
        return;
    }
    m_model.setQuery(query); // a reset: row 0 becomes current
    if (m_model.rowCount() > 0)
        m_list->setCurrentIndex(m_model.index(0));
    m_panel->show();
    m_composer->setSlashListShown(true);
    retranslate();
}

void CannedQuickSearch::move(int rows)
{
    const int count = m_model.rowCount();
    if (count == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0;
    m_list->setCurrentIndex(m_model.index(qBound(0, current + rows, count - 1)));
}

void CannedQuickSearch::accept()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        close();
        return;
    }
    const CannedSearchModel::Choice choice = m_model.choiceAt(current.row());
    close();
    m_composer->replaceSlashQuery(choice.text);
    m_composer->setFocus();
    Q_EMIT inserted(choice);
}

void CannedQuickSearch::close()
{
    m_panel->hide();
    m_panel->installEventFilter(this);
    retranslate();
    m_composer->setSlashListShown(false);
}

void CannedQuickSearch::showHint()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        // The row it named may be gone (a personal entry that ended with the shift).
        m_list->setAccessibleDescription(QString());
    }
    if (m_model.rowCount() == 0) {
        m_hint->setText(tr("No canned response matches. Keep typing, or press Esc to close this list."));
    } else if (current.isValid()) {
        const QString notes = cannedChoiceNotes(m_model.choiceAt(current.row()), m_model.language());
        m_hint->setText(notes.isEmpty() ? tr("Enter puts it in the message for you to edit. Esc closes.") : notes);
        // The keyboard stays in the composer: the row it would insert is said there too, for screen readers.
        const QString row = current.data(Qt::AccessibleTextRole).toString();
        m_list->setAccessibleDescription(row);
        if (m_panel->isVisible())
            m_composer->setAccessibleDescription(tr("Canned response: %1").arg(row));
    }
    m_hint->setAccessibleName(m_hint->text());
}

} // namespace advocate
