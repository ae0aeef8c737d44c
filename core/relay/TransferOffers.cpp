// SPDX-License-Identifier: GPL-3.0-only
#include "relay/TransferOffers.h"

#include "relay/SecureToken.h"

namespace advocate {

namespace {

constexpr int offerIdBytes = 16;

} // namespace

const TransferOffers::Offer &TransferOffers::add(const QString &conversation, const QString &from,
                                                 frame::TransferTarget target, const QStringList &receivers,
                                                 const std::optional<QString> &note, qint64 expiresAtMs)
{
    Offer offer{makeSecureToken(offerIdBytes), conversation, from, target, receivers, note, expiresAtMs};
    const QString id = offer.id;
    return m_offers.insert_or_assign(id, std::move(offer)).first->second;
}

const TransferOffers::Offer *TransferOffers::find(const QString &offer) const
{
    const auto found = m_offers.find(offer);
    return found == m_offers.end() ? nullptr : &found->second;
}

const TransferOffers::Offer *TransferOffers::forConversation(const QString &conversation) const
{
    for (const auto &[id, offer] : m_offers) {
        if (offer.conversation == conversation)
            return &offer;
    }
    return nullptr;
}

std::optional<TransferOffers::Offer> TransferOffers::take(const QString &offer)
{
    const auto found = m_offers.find(offer);
    if (found == m_offers.end())
        return std::nullopt;
    Offer taken = std::move(found->second);
    m_offers.erase(found);
    return taken;
}

std::optional<TransferOffers::Offer> TransferOffers::takeForConversation(const QString &conversation)
{
    const Offer *offer = forConversation(conversation);
    return offer ? take(offer->id) : std::nullopt;
}

const TransferOffers::Offer *TransferOffers::removeReceiver(const QString &offer, const QString &user)
{
    const auto found = m_offers.find(offer);
    if (found == m_offers.end())
        return nullptr;
    found->second.receivers.removeAll(user);
    return &found->second;
}

QStringList TransferOffers::offersTo(const QString &user) const
{
    QStringList ids;
    for (const auto &[id, offer] : m_offers) {
        if (offer.receivers.contains(user))
            ids.append(id);
    }
    return ids;
}

QList<TransferOffers::Offer> TransferOffers::takeExpired(qint64 nowMs)
{
    QList<Offer> expired;
    for (auto it = m_offers.begin(); it != m_offers.end();) {
        if (nowMs >= it->second.expiresAtMs) {
            expired.append(std::move(it->second));
            it = m_offers.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}

} // namespace advocate
