// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace advocate {

// The handoff offers that stand (docs/protocol.md section 15), in memory only: which conversation, from whom, to
// whom, the note (an opaque body, dropped with the offer) and when the offer expires. At most one per conversation.
// The router decides what an accept or a withdrawal does; this table only holds and forgets offers.
class TransferOffers
{
public:
    struct Offer
    {
        QString id;
        QString conversation;
        QString from;
        frame::TransferTarget target = frame::TransferTarget::Advocate;
        QStringList receivers; // who may accept: the named colleague, or the supervisors on shift when it was made
        std::optional<QString> note;
        qint64 expiresAtMs = 0;
    };

    // A new offer with a fresh random id; the caller has checked that none stands for the conversation.
    const Offer &add(const QString &conversation, const QString &from, frame::TransferTarget target,
                     const QStringList &receivers, const std::optional<QString> &note, qint64 expiresAtMs);
    const Offer *find(const QString &offer) const;
    const Offer *forConversation(const QString &conversation) const;
    // Removes the offer and hands it back (its note goes with it).
    std::optional<Offer> take(const QString &offer);
    std::optional<Offer> takeForConversation(const QString &conversation);
    // Removes `user` from the offer's receivers; the offer with the receivers left.
    const Offer *removeReceiver(const QString &offer, const QString &user);
    QStringList offersTo(const QString &user) const;
    QList<Offer> takeExpired(qint64 nowMs);
    int size() const { return static_cast<int>(m_offers.size()); }

private:
    std::map<QString, Offer> m_offers;
};

} // namespace advocate
