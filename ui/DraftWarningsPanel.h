// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/DraftChecks.h"

#include <QList>
#include <QWidget>

class QVBoxLayout;

namespace advocate {

// The draft checks' warnings under the composer (WS8): one line per warning saying why, with a button for its
// fix where one exists. Advice only: sending is never blocked. Rebuilt only when the warnings change, so typing
// does not lose focus or flicker.
class DraftWarningsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DraftWarningsPanel(QWidget *parent = nullptr);

    void showWarnings(const QList<DraftChecks::Warning> &warnings);
    const QList<DraftChecks::Warning> &warnings() const { return m_warnings; }
    // One line for screen readers and the composer's description; empty without warnings.
    QString summary() const;
    // The fix buttons shown, in order (for the tab order after the composer).
    const QList<QWidget *> &fixButtons() const { return m_fixButtons; }

Q_SIGNALS:
    void fixRequested(const advocate::DraftChecks::Warning &warning);
    void rebuilt();

private:
    QVBoxLayout *m_layout = nullptr;
    QList<DraftChecks::Warning> m_warnings;
    QList<QWidget *> m_fixButtons;
};

} // namespace advocate
