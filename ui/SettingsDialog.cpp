// SPDX-License-Identifier: GPL-3.0-only
#include "SettingsDialog.h"

#include "ManagedMark.h"
#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <array>
#include <tuple>

namespace advocate {

SettingsDialog::SettingsDialog(const QString &language, const QString &advocateName,
                               const WorkstationSettings &settings, QWidget *parent)
    : QDialog(parent)
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
    m_lockMinutes = new QSpinBox(this);
    m_lockMinutes->setObjectName(QStringLiteral("lockMinutesField"));
    m_lockMinutes->setAccessibleName(tr("Minutes without input before the workstation locks"));
    m_lockMinutes->setRange(1, WorkstationSettings::maxLockMinutes);
    m_lockMinutes->setValue(settings.lockMinutes.value);
    m_lockMinutes->setSuffix(tr(" min"));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Your &name for {advocate}:"), m_name);
    auto *lockLabel = new QLabel(tr("Lock &after:"), this);
    lockLabel->setBuddy(m_lockMinutes);
    if (settings.lockMinutes.managed()) {
        ManagedMark::markDisabled(m_lockMinutes);
        auto *row = new QHBoxLayout;
        row->addWidget(m_lockMinutes);
        QWidget *note = ManagedMark::lockNote(this);
        note->setObjectName(QStringLiteral("lockMinutesNote"));
        row->addWidget(note, 1);
        form->addRow(lockLabel, row);
    } else {
        form->addRow(lockLabel, m_lockMinutes);
    }
    addManagedRows(settings);
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

void SettingsDialog::addManagedRows(const WorkstationSettings &settings)
{
    const ManagedSettings::Values &managed = settings.managed.values();
    auto *group = new QGroupBox(tr("Set by your IT department"), this);
    group->setObjectName(QStringLiteral("managedSettings"));
    auto *form = new QFormLayout(group);
    auto *intro = new QLabel(tr("Your IT department set these for this computer. They cannot be changed here."), group);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    form->addRow(intro);
    if (settings.relayUrl.managed())
        addManagedRow(form, tr("Relay:"), QStringLiteral("managedRelayUrl"), settings.relayUrl.value.toString());
    if (settings.pin.managed())
        addManagedRow(form, tr("Pinned relay key:"), QStringLiteral("managedPin"),
                      settings.pin.value.toBase64().join(QStringLiteral(", ")));
    if (settings.cannedLibrary.managed())
        addManagedRow(form, tr("Canned responses:"), QStringLiteral("managedCannedLibrary"),
                      QDir::toNativeSeparators(settings.cannedLibrary.value));
    const auto onOff = [](bool on) { return on ? tr("On") : tr("Off"); };
    const std::array<std::tuple<const std::optional<bool> &, QString, QString>, 4> checks{{
        {managed.emojiCheck, tr("Emoji check:"), QStringLiteral("managedEmojiCheck")},
        {managed.slangCheck, tr("Slang check:"), QStringLiteral("managedSlangCheck")},
        {managed.shoutingCheck, tr("All-caps check:"), QStringLiteral("managedShoutingCheck")},
        {managed.unchangedCannedCheck, tr("Unchanged canned text check:"),
         QStringLiteral("managedUnchangedCannedCheck")},
    }};
    for (const auto &[value, label, name] : checks) {
        if (value)
            addManagedRow(form, label, name, onOff(*value));
    }
    // The lock time shows its own lock above; the group appears only for what it lists.
    if (form->rowCount() > 1)
        static_cast<QFormLayout *>(layout())->addRow(group);
    else
        delete group;
}

void SettingsDialog::addManagedRow(QFormLayout *form, const QString &label, const QString &name, const QString &value)
{
    auto *field = new QLineEdit(value, form->parentWidget());
    field->setObjectName(name);
    // The label without its colon names the field for screen readers.
    field->setAccessibleName(QString(label).remove(u':'));
    ManagedMark::markReadOnly(field);
    form->addRow(label, field);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::advocateName() const
{
    return m_name->text().trimmed();
}

int SettingsDialog::lockMinutes() const
{
    return m_lockMinutes->value();
}

} // namespace advocate
