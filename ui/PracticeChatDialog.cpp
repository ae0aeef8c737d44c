// SPDX-License-Identifier: GPL-3.0-only
#include "PracticeChatDialog.h"

#include "LiveLabel.h"
#include "UiLanguage.h"
#include "client/Shift.h"
#include "practice/PracticeSurvivors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

PracticeChatDialog::PracticeChatDialog(Shift &shift, PracticeSurvivors &survivors, PersonaLibrary library,
                                       QWidget *parent)
    : QDialog(parent), m_shift(shift), m_survivors(survivors), m_library(std::move(library))
{
    setObjectName(QStringLiteral("practiceChatDialog"));
    setWindowTitle(tr("Start a practice chat"));
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with wrapped text rather than squeezing it
    auto *explanation =
        new QLabel(tr("A scripted survivor joins the queue of this practice relay, like any survivor. Take the next "
                      "chat yourself, or let the trainee take it; a supervisor can watch, whisper and take over as in "
                      "a live chat."),
                   this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    auto *form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("practiceLanguage"));
    m_language->setAccessibleName(tr("The survivor's language"));
    QStringList languages;
    for (const QString &name : m_library.names()) {
        for (const QString &language : m_library.languages(name)) {
            if (!languages.contains(language))
                languages.append(language);
        }
    }
    for (const QString &language : std::as_const(languages))
        m_language->addItem(UiLanguage::nativeName(language), language);
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    layout->addLayout(form);

    auto *personasLabel = new QLabel(tr("Scripted s&urvivors:"), this);
    layout->addWidget(personasLabel);
    m_personas = new QListWidget(this);
    m_personas->setObjectName(QStringLiteral("practicePersonas"));
    m_personas->setAccessibleName(tr("Scripted survivors"));
    personasLabel->setBuddy(m_personas);
    m_personas->setMinimumWidth(fontMetrics().averageCharWidth() * 80); // the dialog's width: descriptions read well
    layout->addWidget(m_personas);
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("practicePersonaDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    m_description->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    layout->addWidget(m_description);

    m_status = new LiveLabel(this);
    m_status->setObjectName(QStringLiteral("practiceStatus"));
    m_status->setAccessibleName(tr("Practice chats started here"));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(fontMetrics().lineSpacing() * 2); // room for its longest sentence, never overlapped
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("startPracticeChat"));
    m_start->setAccessibleName(tr("Start the selected scripted survivor"));
    auto *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closePracticeChat"));
    close->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PracticeChatDialog::fillPersonas);
    connect(m_personas, &QListWidget::currentRowChanged, this, &PracticeChatDialog::showSelected);
    connect(m_personas, &QListWidget::itemActivated, this, &PracticeChatDialog::startSelected);
    connect(m_start, &QPushButton::clicked, this, &PracticeChatDialog::startSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(&m_survivors, &PracticeSurvivors::changed, this, &PracticeChatDialog::showRunning);
    connect(&m_survivors, &PracticeSurvivors::problem, this, [this](const QString &title, const QString &message) {
        m_status->setText(tr("%1: %2").arg(title, message));
    });
    const int english = m_language->findData(QStringLiteral("en"));
    m_language->setCurrentIndex(english >= 0 ? english : 0);
    fillPersonas();
    showRunning();
    m_personas->setFocus();
}

void PracticeChatDialog::fillPersonas()
{
    const QString language = m_language->currentData().toString();
    m_personas->clear();
    for (const QString &name : m_library.names()) {
        if (const auto persona = m_library.persona(name, language)) {
            auto *item = new QListWidgetItem(persona->title(), m_personas);
            item->setData(Qt::UserRole, name);
        }
    }
    if (m_personas->count() > 0)
        m_personas->setCurrentRow(0);
    showSelected();
}

void PracticeChatDialog::showSelected()
{
    const QListWidgetItem *item = m_personas->currentItem();
    const auto persona =
        item ? m_library.persona(item->data(Qt::UserRole).toString(), m_language->currentData().toString())
             : std::nullopt;
    m_description->setText(persona ? persona->description() : QString());
    m_start->setEnabled(persona.has_value() && m_shift.practice());
}

void PracticeChatDialog::startSelected()
{
    const QListWidgetItem *item = m_personas->currentItem();
    if (!item)
        return;
    const auto persona = m_library.persona(item->data(Qt::UserRole).toString(), m_language->currentData().toString());
    if (!persona)
        return;
    if (!m_survivors.start(*persona, m_shift.relayUrl(), m_shift.practice())) {
        m_status->setText(tr("Practice chats start only on a practice relay."));
        return;
    }
    m_status->setText(tr("%1 (%2) is waiting in the queue. Practice chats started here and still running: %3.")
                          .arg(persona->alias(), persona->title())
                          .arg(m_survivors.running()));
}

void PracticeChatDialog::showRunning()
{
    if (m_survivors.running() == 0)
        m_status->setText(tr("No practice chat started here is running."));
}

} // namespace advocate
