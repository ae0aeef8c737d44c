// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/KeychainStore.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <optional>

namespace advocate::test {

inline constexpr auto keychainService = "org.advocatedesk.tests.shift-cache";

// Runs an asynchronous call and spins the event loop until its callback ran.
template <typename Result>
Result await(const std::function<void(std::function<void(Result)>)> &call, int timeoutMs = 30000)
{
    std::optional<Result> result;
    call([&result](Result r) { result = std::move(r); });
    EXPECT_TRUE(QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs)) << "no answer in time";
    return std::move(result).value_or(Result{});
}

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
