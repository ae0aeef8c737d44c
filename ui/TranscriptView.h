// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QListView>

namespace advocate {

// The transcript list (requirements WS6, WS17): entries drawn by MessageDelegate as plain text, laid out in
// batches so a conversation of thousands of messages opens without stalling, and no way to drag, edit, copy
// all or open a context menu for printing or export.
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    // Shows `model` (or nothing), dropping the previous selection model, and scrolls to the newest entry.
    void showTranscript(QAbstractItemModel *model);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace advocate
