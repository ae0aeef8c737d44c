// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "AwaitResult.h"
#include "cache/KeychainStore.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <optional>

namespace advocate::test {

inline constexpr auto keychainService = "org.advocatedesk.tests.shift-cache";

// A keychain key name no earlier run can have left behind.
QString uniqueKeyName();

KeychainResult keychainRead(const QString &keyName);
KeychainResult keychainWrite(const QString &keyName, const QByteArray &secret);
KeychainResult keychainRemove(const QString &keyName);

// Every byte of every file in `directory`.
QByteArray contentsOfFilesIn(const QString &directory);

// Opens `path` with plain sqlite3 calls and `rawKeyText` (SQLCipher's x'…' form, or empty for no key) and
// counts its messages. The SQLite result code of the read (SQLITE_ROW when it could be read).
int readMessagesWithKey(const QString &path, const QByteArray &rawKeyText, qint64 *count = nullptr);
QByteArray rawKeyText(const QByteArray &key);

} // namespace advocate::test
