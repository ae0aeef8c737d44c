// SPDX-License-Identifier: GPL-3.0-only
#include "cache/CacheSchema.h"

#include <array>

namespace advocate {

namespace {
// Times are milliseconds since the epoch, UTC. Enumerations are stored as the integer values of
// MessageDirection, DeliveryState and NoteKind. Never edit a step that has shipped: add a new one.
constexpr std::array<CacheMigration, 5> steps{{
    {1, R"sql(
CREATE TABLE shift (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    started_at INTEGER NOT NULL
);
CREATE TABLE conversations (
    id TEXT PRIMARY KEY NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    language TEXT NOT NULL DEFAULT ''
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),
    author_display_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    delivery_state INTEGER NOT NULL CHECK (delivery_state IN (0, 1, 2)),
    relay_sequence INTEGER,
    client_message_id TEXT UNIQUE
);
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    conversation_id TEXT REFERENCES conversations(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
)sql"},
    // One draft per conversation, so that saving a draft replaces the previous one.
    {2, R"sql(
CREATE UNIQUE INDEX one_draft_per_conversation ON notes(conversation_id) WHERE kind = 0;
)sql"},
    // The advocate's personal canned-response entries for the shift (docs/canned-responses.md), each kept as the
    // library's own JSON for one entry. `position` is an alias of the rowid, so the order in which entries were
    // first saved is stored and stable (an implicit rowid may be renumbered by VACUUM); replacing an entry keeps
    // its position. `id` is the entry's id in the library.
    {3, R"sql(
CREATE TABLE personal_canned (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE CHECK (id <> ''),
    entry TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
)sql"},
    // Delivery state 3 ("sent": the relay accepted the message, the survivor's page has not acknowledged it yet) is
    // stored as itself, so a resumed shift shows the state the chat had rather than guessing it from the sequence.
    // The survivor's chosen name is kept with the conversation so a resumed shift shows it again.
    // SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows and index.
    {4, R"sql(
CREATE TABLE messages_v4 (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),
    author_display_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    delivery_state INTEGER NOT NULL CHECK (delivery_state IN (0, 1, 2, 3)),
    relay_sequence INTEGER,
    client_message_id TEXT UNIQUE
);
INSERT INTO messages_v4 SELECT id, conversation_id, direction, author_display_name, body, created_at, delivered_at,
    CASE WHEN delivery_state = 0 AND relay_sequence IS NOT NULL THEN 3 ELSE delivery_state END,
    relay_sequence, client_message_id FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v4 RENAME TO messages;
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
ALTER TABLE conversations ADD COLUMN alias TEXT NOT NULL DEFAULT '';
)sql"},
    // The practice report of each chat of a practice shift (issue 18, docs/practice.md): counts and times only, kept as
    // the report's own JSON (PracticeReport::toJson), one per conversation, replaced as it changes. A supervisor's
    // workstation keeps the report a trainee's workstation whispered to it the same way, marked `received`.
    {5, R"sql(
CREATE TABLE practice_reports (
    conversation_id TEXT PRIMARY KEY NOT NULL REFERENCES conversations(id),
    report TEXT NOT NULL,
    received INTEGER NOT NULL CHECK (received IN (0, 1)),
    updated_at INTEGER NOT NULL
);
)sql"},
}};
} // namespace

std::span<const CacheMigration> CacheSchema::migrations()
{
    return steps;
}

int CacheSchema::latestVersion()
{
    return steps.back().version;
}

} // namespace advocate
