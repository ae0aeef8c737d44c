// SPDX-License-Identifier: GPL-3.0-only
#include "SendPacer.h"

#include <algorithm>
#include <cmath>

namespace advocate {

SendPacer::SendPacer(std::shared_ptr<const Clock> clock, Options options)
    : m_clock(std::move(clock)), m_options(options), m_tokens(options.burst), m_refilledAtMs(m_clock->monotonicMs())
{
}

void SendPacer::push(const frame::Send &send)
{
    const bool queued = std::any_of(m_waiting.cbegin(), m_waiting.cend(), [&](const frame::Send &waiting) {
        return waiting.clientId == send.clientId && waiting.conversation == send.conversation;
    });
    if (!queued)
        m_waiting.append(send);
}

void SendPacer::requeue(const QList<frame::Send> &inOrder)
{
    m_waiting.removeIf([&](const frame::Send &waiting) {
        return std::any_of(inOrder.cbegin(), inOrder.cend(), [&](const frame::Send &again) {
            return again.clientId == waiting.clientId && again.conversation == waiting.conversation;
        });
    });
    m_waiting.append(inOrder);
}

void SendPacer::refill()
{
    const qint64 now = m_clock->monotonicMs();
    const double earned = static_cast<double>(now - m_refilledAtMs) * m_options.perSecond / 1000.0;
    m_tokens = std::min<double>(m_options.burst, m_tokens + earned);
    m_refilledAtMs = now;
}

QList<frame::Send> SendPacer::takeDue()
{
    refill();
    QList<frame::Send> due;
    while (!m_waiting.isEmpty() && m_tokens >= 1.0) {
        due.append(m_waiting.takeFirst());
        m_tokens -= 1.0;
    }
    return due;
}

std::optional<qint64> SendPacer::msUntilNext() const
{
    if (m_waiting.isEmpty())
        return std::nullopt;
    const double earned = static_cast<double>(m_clock->monotonicMs() - m_refilledAtMs) * m_options.perSecond / 1000.0;
    const double missing = 1.0 - std::min<double>(m_options.burst, m_tokens + earned);
    if (missing <= 0)
        return 0;
    return static_cast<qint64>(std::ceil(missing * 1000.0 / m_options.perSecond));
}

} // namespace advocate
