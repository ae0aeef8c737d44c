// SPDX-License-Identifier: GPL-3.0-only
#include "CheckedTextEdit.h"

#include "DraftWarningsPanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace advocate {

CheckedTextEdit::CheckedTextEdit(const QString &name, const QString &label, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(label, this);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(name);
    m_edit->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    m_edit->setTabChangesFocus(true);
    m_edit->setMinimumHeight(m_edit->fontMetrics().lineSpacing() * 3);
    m_edit->setMaximumHeight(m_edit->fontMetrics().lineSpacing() * 6);
    m_label->setBuddy(m_edit);
    m_warnings = new DraftWarningsPanel(this);
    m_warnings->setObjectName(name + QStringLiteral("Warnings"));
    layout->addWidget(m_label);
    layout->addWidget(m_edit);
    layout->addWidget(m_warnings);
    // A short pause after typing: the checks cost a few milliseconds on a long note.
    m_pause.setSingleShot(true);
    m_pause.setInterval(250);
    connect(&m_pause, &QTimer::timeout, this, &CheckedTextEdit::checkNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_pause.start();
        Q_EMIT textChanged();
    });
    connect(m_warnings, &DraftWarningsPanel::fixRequested, this, [this](const DraftChecks::Warning &warning) {
        setText(DraftChecks::applyFix(text(), warning));
        checkNow();
        m_edit->setFocus();
    });
    connect(m_warnings, &DraftWarningsPanel::rebuilt, this,
            [this] { m_edit->setAccessibleDescription(m_warnings->summary()); });
}

QString CheckedTextEdit::text() const
{
    return m_edit->toPlainText();
}

void CheckedTextEdit::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void CheckedTextEdit::setContext(const QStringList &knownNames, const QString &language)
{
    m_knownNames = knownNames;
    m_knownNames.removeAll(QString());
    m_language = language;
    checkNow();
}

void CheckedTextEdit::checkNow()
{
    m_pause.stop();
    m_warnings->showWarnings(m_checks.check(text(), m_language, m_knownNames));
}

} // namespace advocate
