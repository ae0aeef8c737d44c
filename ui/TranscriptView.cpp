// SPDX-License-Identifier: GPL-3.0-only
#include "TranscriptView.h"

#include "MessageDelegate.h"

#include <QItemSelectionModel>
#include <QKeyEvent>

namespace advocate {

TranscriptView::TranscriptView(QWidget *parent) : QListView(parent)
{
    setObjectName(QStringLiteral("transcriptView"));
    setAccessibleName(tr("Transcript"));
    setItemDelegate(new MessageDelegate(this));
    setWordWrap(true);
    setUniformItemSizes(false);
    setLayoutMode(QListView::Batched);
    setBatchSize(200);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragEnabled(false);
    setContextMenuPolicy(Qt::NoContextMenu); // no copy-all, print or export (WS17)
    setResizeMode(QListView::Adjust);
}

void TranscriptView::showTranscript(QAbstractItemModel *model)
{
    QItemSelectionModel *old = selectionModel();
    setModel(model);
    delete old;
    scrollToBottom();
}

void TranscriptView::keyPressEvent(QKeyEvent *event)
{
    // QAbstractItemView copies the current entry on Ctrl+C; survivor text must not reach the OS clipboard,
    // where clipboard managers keep it on disk (WS17, principle 1).
    if (event->matches(QKeySequence::Copy) || event->matches(QKeySequence::Cut) ||
        event->matches(QKeySequence::SelectAll) || event->matches(QKeySequence::Print) ||
        event->matches(QKeySequence::Save)) {
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace advocate
