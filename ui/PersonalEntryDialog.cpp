// SPDX-License-Identifier: GPL-3.0-only
#include "PersonalEntryDialog.h"

#include "canned/CannedResponse.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

namespace advocate {

PersonalEntryDialog::PersonalEntryDialog(const QString &language, QWidget *parent)
    : QDialog(parent), m_language(language)
{
    setObjectName(QStringLiteral("personalEntryDialog"));
    setWindowTitle(tr("New personal canned response"));
    auto *form = new QFormLayout(this);
    auto *about = new QLabel(tr("This response is yours for this shift only. It is kept in the encrypted shift cache "
                                "and erased when the shift ends. Language: %1.")
                                 .arg(QLocale(language).nativeLanguageName()),
                             this);
    about->setObjectName(QStringLiteral("personalEntryAbout"));
    about->setTextFormat(Qt::PlainText);
    about->setWordWrap(true);
    form->addRow(about);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("personalTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(80);
    m_shortcut = new QLineEdit(this);
    m_shortcut->setObjectName(QStringLiteral("personalShortcut"));
    m_shortcut->setAccessibleName(tr("Shortcut (optional), typed after / in the message"));
    m_shortcut->setMaxLength(24);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("personalCategory"));
    m_category->setAccessibleName(tr("Category"));
    for (const CannedCategory category : allCannedCategories())
        m_category->addItem(cannedCategoryLabel(category), cannedCategoryName(category));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("personalText"));
    m_text->setAccessibleName(tr("Text"));
    m_text->setTabChangesFocus(true);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("personalProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Problems with this entry"));
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Shortcut:"), m_shortcut);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("Te&xt:"), m_text);
    form->addRow(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("personalSave"));
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save the personal response"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("personalCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without saving"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PersonalEntryDialog::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject PersonalEntryDialog::entry(const QString &id) const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("category"), m_category->currentData().toString()},
                       {QStringLiteral("title"), QJsonObject{{m_language, m_title->text().trimmed()}}},
                       {QStringLiteral("text"), QJsonObject{{m_language, m_text->toPlainText().trimmed()}}}};
    const QString shortcut = m_shortcut->text().trimmed();
    if (!shortcut.isEmpty())
        object.insert(QStringLiteral("shortcut"), shortcut.startsWith(u'/') ? shortcut.mid(1) : shortcut);
    return object;
}

void PersonalEntryDialog::showProblems(const QList<CannedIssue> &issues)
{
    QStringList lines;
    for (const CannedIssue &issue : issues)
        lines.append(issue.message);
    m_problems->setText(lines.join(u'\n'));
}

} // namespace advocate
