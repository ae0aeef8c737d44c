// SPDX-License-Identifier: GPL-3.0-only
#include "DraftWarningsPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

namespace {
constexpr int maxShown = 4; // more than this is noise; the summary still counts them all
}

DraftWarningsPanel::DraftWarningsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("draftWarnings"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    hide();
}

void DraftWarningsPanel::showWarnings(const QList<DraftChecks::Warning> &warnings)
{
    if (warnings == m_warnings)
        return;
    m_warnings = warnings;
    // deleteLater: this may run inside a fix button's own clicked().
    const auto discard = [](QWidget *widget) {
        if (widget) {
            widget->hide();
            widget->deleteLater();
        }
    };
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *child = row->takeAt(0)) {
                discard(child->widget());
                delete child;
            }
        }
        discard(item->widget());
        delete item;
    }
    m_fixButtons.clear();
    for (qsizetype i = 0; i < warnings.size() && i < maxShown; ++i) {
        const DraftChecks::Warning &warning = warnings.at(i);
        auto *row = new QHBoxLayout;
        auto *why = new QLabel(warning.why, this);
        why->setObjectName(QStringLiteral("draftWarning%1").arg(i));
        why->setTextFormat(Qt::PlainText);
        why->setWordWrap(true);
        why->setAccessibleName(warning.why);
        row->addWidget(why, 1);
        if (warning.hasFix()) {
            auto *fix = new QPushButton(warning.fix.label, this);
            fix->setObjectName(QStringLiteral("draftFix%1").arg(i));
            fix->setAccessibleName(tr("Fix: %1").arg(warning.fix.label));
            fix->setAccessibleDescription(warning.why);
            connect(fix, &QPushButton::clicked, this, [this, warning] { Q_EMIT fixRequested(warning); });
            row->addWidget(fix);
            m_fixButtons.append(fix);
        }
        m_layout->addLayout(row);
    }
    if (warnings.size() > maxShown) {
        auto *more =
            new QLabel(tr("%n more suggestion(s).", nullptr, static_cast<int>(warnings.size() - maxShown)), this);
        more->setObjectName(QStringLiteral("draftWarningsMore"));
        more->setTextFormat(Qt::PlainText);
        m_layout->addWidget(more);
    }
    setAccessibleName(summary());
    setVisible(!warnings.isEmpty());
    Q_EMIT rebuilt();
}

QString DraftWarningsPanel::summary() const
{
    if (m_warnings.isEmpty())
        return {};
    return tr("%n suggestion(s) for this message; sending is still possible.", nullptr,
              static_cast<int>(m_warnings.size()));
}

} // namespace advocate
