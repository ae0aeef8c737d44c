// SPDX-License-Identifier: GPL-3.0-only
#include "SettingsDialog.h"

#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace advocate {

SettingsDialog::SettingsDialog(const QString &language, const QString &advocateName, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_language->setAccessibleName(tr("Interface language"));
    m_language->addItem(tr("Same as the system"), QString());
    for (const QString &code : UiLanguage::shipped())
        m_language->addItem(UiLanguage::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
    m_name = new QLineEdit(advocateName, this);
    m_name->setObjectName(QStringLiteral("advocateNameField"));
    m_name->setAccessibleName(tr("Your name in canned responses ({advocate})"));
    m_name->setPlaceholderText(tr("The name survivors see, e.g. your first name"));
    m_name->setMaxLength(60);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Your &name for {advocate}:"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOk"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the settings"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without saving"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::advocateName() const
{
    return m_name->text().trimmed();
}

} // namespace advocate
