// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedSearchModel.h"

#include <QObject>

class QLabel;
class QListView;
class QWidget;

namespace advocate {

class Composer;

// The composer's `/` quick search (WS9): typing `/` and a few letters lists matching canned responses just
// above the composer; Up/Down choose, Enter or Tab put the filled text in the composer in place of the `/word`
// (for editing: it is never sent from here), Esc closes the list. Keyboard focus stays in the composer.
class CannedQuickSearch : public QObject
{
    Q_OBJECT
public:
    // The list and its hint are created as children of `listParent`; the caller places widget() in a layout.
    CannedQuickSearch(Composer *composer, QWidget *listParent);

    QWidget *widget() const { return m_panel; }
    CannedSearchModel &model() { return m_model; }
    QListView *list() const { return m_list; }
    // Hides the list (chat switched, composer disabled, shift ended).
    void close();

Q_SIGNALS:
    // A response was put in the composer.
    void inserted(const advocate::CannedSearchModel::Choice &choice);

private:
    void onQuery(const QString &query);
    void move(int rows);
    void accept();
    void showHint();
    void retranslate();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Composer *m_composer;
    CannedSearchModel m_model;
    QWidget *m_panel = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace advocate
