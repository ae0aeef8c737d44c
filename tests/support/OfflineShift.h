// SPDX-License-Identifier: GPL-3.0-only
// A Shift with no relay and no open cache, for tests that render or inspect chats whose entries they write
// themselves (delegates, the transcript view, benchmarks). Nothing is sent and nothing is stored.
#pragma once

#include "cache/ShiftCache.h"
#include "client/Chat.h"
#include "client/ClientSession.h"
#include "client/Shift.h"
#include "common/SystemClock.h"

#include <QTemporaryDir>
#include <QUuid>

namespace advocate::test {

class OfflineShift
{
public:
    // A chat of this shift (not in its list) holding `entries`, as a resumed shift would restore them.
    Chat *chatWith(const QList<Chat::Entry> &entries)
    {
        auto *chat = new Chat(shift, QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("en"),
                              QString(), QDateTime::currentDateTimeUtc());
        chat->restore(entries, false, QString());
        return chat;
    }

    // A chat in the shift's list, as if the relay had given it to the advocate.
    Chat *started(const QString &id)
    {
        Q_EMIT session.conversationStarted(id, QStringLiteral("en"), QString());
        return shift.chat(id);
    }

private:
    static ShiftCache::Options options(const QTemporaryDir &folder)
    {
        ShiftCache::Options made;
        made.directory = folder.filePath(QStringLiteral("cache"));
        made.keychainService = QStringLiteral("org.advocatedesk.tests.offline");
        made.keyName = QStringLiteral("never-used");
        made.clock = std::make_shared<SystemClock>();
        return made;
    }

    QTemporaryDir folder;

public:
    ClientSession session;

private:
    ShiftCache cache{options(folder)};

public:
    Shift shift{session, cache, std::make_shared<SystemClock>()};
};

} // namespace advocate::test
