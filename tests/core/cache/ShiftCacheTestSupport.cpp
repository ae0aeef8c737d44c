// SPDX-License-Identifier: GPL-3.0-only
#include "ShiftCacheTestSupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <sqlite3.h>

namespace advocate::test {

QString uniqueKeyName()
{
    return QStringLiteral("test-key-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QChar(u'0'));
}

KeychainResult keychainRead(const QString &keyName)
{
    KeychainStore store{QLatin1String(keychainService)};
    return await<KeychainResult>([&](auto done) { store.read(keyName, done); });
}

KeychainResult keychainWrite(const QString &keyName, const QByteArray &secret)
{
    KeychainStore store{QLatin1String(keychainService)};
    return await<KeychainResult>([&](auto done) { store.write(keyName, secret, done); });
}

KeychainResult keychainRemove(const QString &keyName)
{
    KeychainStore store{QLatin1String(keychainService)};
    return await<KeychainResult>([&](auto done) { store.remove(keyName, done); });
}

QByteArray contentsOfFilesIn(const QString &directory)
{
    QByteArray all;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QByteArray rawKeyText(const QByteArray &key)
{
    return "x'" + key.toHex() + "'";
}

int readMessagesWithKey(const QString &path, const QByteArray &keyText, qint64 *count)
{
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK && !keyText.isEmpty())
        rc = sqlite3_key(db, keyText.constData(), static_cast<int>(keyText.size()));
    if (rc == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM messages;", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(statement);
            if (rc == SQLITE_ROW && count != nullptr)
                *count = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close_v2(db);
    return rc;
}

} // namespace advocate::test
