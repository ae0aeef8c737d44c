// SPDX-License-Identifier: GPL-3.0-only
#include "OfferPanel.h"

#include "LiveLabel.h"
#include "client/Handoffs.h"
#include "handoff/HandoffNote.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

OfferPanel::OfferPanel(Handoffs &handoffs, QWidget *parent) : QWidget(parent), m_handoffs(handoffs)
{
    setObjectName(QStringLiteral("offerPanel"));
    auto *layout = new QVBoxLayout(this);
    m_text = new LiveLabel(this);
    m_text->setObjectName(QStringLiteral("offerText"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("offerNote"));
    m_note->setReadOnly(true);
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 8);
    layout->addWidget(m_note);
    auto *buttons = new QHBoxLayout;
    m_accept = new QPushButton(this);
    m_accept->setObjectName(QStringLiteral("acceptOffer"));
    m_decline = new QPushButton(this);
    m_decline->setObjectName(QStringLiteral("declineOffer"));
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_decline);
    layout->addLayout(buttons);
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (!m_offer.isEmpty())
            m_handoffs.accept(m_offer);
    });
    connect(m_decline, &QPushButton::clicked, this, [this] {
        if (!m_offer.isEmpty())
            m_handoffs.decline(m_offer);
    });
    connect(&m_handoffs, &Handoffs::incomingChanged, this, &OfferPanel::refresh);
    retranslate();
}

QString OfferPanel::readableNote(const QString &note)
{
    const std::optional<HandoffNote> parsed = HandoffNote::fromBody(note);
    if (!parsed)
        return note;
    QStringList parts;
    const auto add = [&parts](const QString &heading, const QString &text) {
        if (!text.trimmed().isEmpty())
            parts.append(heading + QLatin1Char('\n') + text.trimmed());
    };
    add(tr("Summary"), parsed->summary);
    add(tr("Safety concerns"), parsed->safetyConcerns);
    add(tr("What was promised"), parsed->promised);
    add(tr("Next step"), parsed->nextStep);
    if (!parsed->codeWord.isEmpty())
        parts.append(tr("A code word comes with the chat."));
    return parts.join(QStringLiteral("\n\n"));
}

void OfferPanel::refresh()
{
    const QList<Handoffs::IncomingOffer> &offers = m_handoffs.incoming();
    setVisible(!offers.isEmpty());
    if (offers.isEmpty()) {
        m_offer.clear();
        m_text->clear();
        m_note->setPlainText(QString()); // also drops the undo history
        return;
    }
    const Handoffs::IncomingOffer &offer = offers.first();
    m_offer = offer.offer;
    const QString who = offer.toSupervisors ? tr("%1 asks the supervisors to take a chat").arg(offer.from)
                                            : tr("%1 offers you a chat").arg(offer.from);
    QString text = tr("%1 (language %2).").arg(who, offer.language);
    if (!offer.alias.isEmpty())
        text += QLatin1Char(' ') + tr("The survivor asked to be called “%1”.").arg(offer.alias);
    text += QLatin1Char(' ') + tr("The chat stays with them until you accept.");
    if (offers.size() > 1)
        text += QLatin1Char(' ') + tr("%n more offer(s) waiting.", nullptr, static_cast<int>(offers.size() - 1));
    m_text->setText(text);
    const QString note = readableNote(offer.note);
    m_note->setPlainText(note.isEmpty() ? tr("No handoff note was written.") : note);
}

void OfferPanel::retranslate()
{
    m_text->setAccessibleName(tr("Chat offered to you"));
    m_note->setAccessibleName(tr("Handoff note"));
    m_accept->setText(tr("Accept and take o&ver"));
    m_accept->setAccessibleName(tr("Accept the chat offered to you"));
    m_decline->setText(tr("Don't ta&ke it"));
    m_decline->setAccessibleName(tr("Decline the chat offered to you"));
    refresh();
}

void OfferPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace advocate
