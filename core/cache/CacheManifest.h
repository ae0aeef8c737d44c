// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheResults.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace advocate {

// A small record next to the database that holds no secret and no content: when the shift started (so that
// start-up can tell a stale cache without the key) and whether a wipe began (so that an interrupted wipe is
// finished at the next start). Written atomically (temporary file, flush, rename) with mode 0600.
class CacheManifest
{
public:
    enum class State {
        Open,
        Wiping,
    };

    CacheManifest() = default;
    CacheManifest(State state, QDateTime shiftStartedAt);

    State state() const { return m_state; }
    const QDateTime &shiftStartedAt() const { return m_shiftStartedAt; }
    void setState(State state) { m_state = state; }

    // std::nullopt when the file is missing or cannot be understood; `exists` says which.
    static std::optional<CacheManifest> read(const QString &path, bool *exists = nullptr);
    CacheResult write(const QString &path) const;

private:
    State m_state = State::Open;
    QDateTime m_shiftStartedAt;
};

} // namespace advocate
