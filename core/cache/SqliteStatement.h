// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <deque>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace advocate {

// One prepared SQLite statement of CacheDatabase, finalized when it goes. Keeps the UTF-8 of its bound strings alive
// until then, so that SQLite binds them without copying (SQLITE_STATIC). Times are bound and read as milliseconds
// since the epoch, UTC.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepared() const;
    void bind(int index, const QString &text);
    // Binds bytes that are already UTF-8 as text, unchanged.
    void bindUtf8(int index, const QByteArray &utf8);
    void bind(int index, qint64 value);
    void bind(int index, int value);
    void bindNull(int index);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const std::optional<QDateTime> &value);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();

    QString text(int column) const;
    // A text column's UTF-8 bytes as stored.
    QByteArray utf8(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;
    QDateTime time(int column) const;
    std::optional<QDateTime> optionalTime(int column) const;

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_rc;
    std::deque<QByteArray> m_texts;
};

} // namespace advocate
