// SPDX-License-Identifier: GPL-3.0-only
#include "cache/SqliteStatement.h"

#include "common/UtcTime.h"

#include <sqlite3.h>

namespace advocate {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
    : m_rc(sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr))
{
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::prepared() const
{
    return m_rc == SQLITE_OK && m_statement != nullptr;
}

void SqliteStatement::bind(int index, const QString &text)
{
    const QByteArray &utf8 = m_texts.emplace_back(text.toUtf8());
    sqlite3_bind_text(m_statement, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, const QByteArray &utf8)
{
    const QByteArray &kept = m_texts.emplace_back(utf8);
    sqlite3_bind_text(m_statement, index, kept.constData(), static_cast<int>(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, int value)
{
    sqlite3_bind_int(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, const std::optional<QDateTime> &value)
{
    if (value)
        bind(index, value->toMSecsSinceEpoch());
    else
        bindNull(index);
}

int SqliteStatement::step()
{
    return sqlite3_step(m_statement);
}

QString SqliteStatement::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::utf8(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(bytes, sqlite3_column_bytes(m_statement, column));
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QDateTime SqliteStatement::time(int column) const
{
    return utcFromMSecsSinceEpoch(integer(column));
}

std::optional<QDateTime> SqliteStatement::optionalTime(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<QDateTime>(time(column));
}

} // namespace advocate
