// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <span>

namespace advocate {

// One step of the cache's schema. Steps are numbered from 1 without gaps; after step N has run,
// `PRAGMA user_version` is N. A step runs in its own transaction together with the user_version update.
struct CacheMigration
{
    int version;
    const char *sql;
};

// The shift cache's schema: the shift, conversations, messages, notes, personal canned-response entries and the
// practice reports of a practice shift.
class CacheSchema
{
public:
    static std::span<const CacheMigration> migrations();
    static int latestVersion();
};

} // namespace advocate
