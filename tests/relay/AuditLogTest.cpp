// SPDX-License-Identifier: GPL-3.0-only
// The audit log's size bound and rotation (issue 15, item 4): rotated before a line would take it past the bound,
// the oldest generation beyond `keep` deleted, every new file owner-only.
#include "relay/AuditLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

// "2026-01-01T09:00:00Z " and the line end around the event.
constexpr qsizetype stampBytes = 21;

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST(AuditLog, ALineThatFillsTheFileExactlyStaysAndTheNextOneRotates)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.log"));
    const qint64 maxBytes = 100;
    AuditLog log(path, AuditLog::Rotation{maxBytes, 2});
    ASSERT_TRUE(log.isOpen()) << qPrintable(log.errorString());
    // Two lines of 50 bytes each (stamp, event, line end): exactly the bound.
    const QString event(50 - stampBytes - 1, u'e');
    log.record(event);
    log.record(event);
    EXPECT_EQ(log.size(), maxBytes);
    EXPECT_EQ(QFileInfo(path).size(), maxBytes);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".1")));
    // One byte more would pass it: the file moves to .1 and the line starts a new one.
    log.record(QStringLiteral("x"));
    EXPECT_EQ(QFileInfo(path + QStringLiteral(".1")).size(), maxBytes);
    EXPECT_TRUE(read(path).endsWith(" x\n"));
    EXPECT_EQ(log.size(), stampBytes + 2);
}

TEST(AuditLog, OnlyKeepGenerationsAreKeptAndTheLogNeverPassesItsBound)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.log"));
    const qint64 maxBytes = 256;
    const int keep = 3;
    {
        AuditLog log(path, AuditLog::Rotation{maxBytes, keep});
        for (int i = 0; i < 500; ++i)
            log.record(QStringLiteral("conversation_ended user=ana reason=survivor_ended seconds=%1").arg(i));
    }
    const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    EXPECT_EQ(files, (QStringList{QStringLiteral("audit.log"), QStringLiteral("audit.log.1"),
                                  QStringLiteral("audit.log.2"), QStringLiteral("audit.log.3")}));
    for (const QString &name : files) {
        const QFileInfo info(dir.filePath(name));
        EXPECT_LE(info.size(), maxBytes) << qPrintable(name);
        EXPECT_EQ(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                        QFileDevice::WriteOther),
                  0)
            << qPrintable(name);
    }
    // Newest in audit.log, then .1, .2, .3: the last line written is in the current file, older ones further out.
    EXPECT_TRUE(read(path).contains("seconds=499"));
    EXPECT_FALSE(read(dir.filePath(QStringLiteral("audit.log.1"))).contains("seconds=499"));
    EXPECT_FALSE(read(dir.filePath(QStringLiteral("audit.log.3"))).contains("seconds=0\n"));
}

TEST(AuditLog, AnExistingLogCountsTowardsTheBoundWhenTheRelayStartsAgain)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.log"));
    {
        AuditLog log(path, AuditLog::Rotation{100, 1});
        log.record(QString(60, u'a'));
    }
    AuditLog again(path, AuditLog::Rotation{100, 1});
    EXPECT_EQ(again.size(), stampBytes + 61);
    again.record(QString(20, u'b'));
    EXPECT_TRUE(QFile::exists(path + QStringLiteral(".1")));
}

TEST(AuditLog, WhenARotationFailsLinesAreDroppedAndCountedRatherThanPassTheBound)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.log"));
    AuditLog log(path, AuditLog::Rotation{64, 1});
    log.record(QStringLiteral("first"));
    // A folder where audit.log.1 would go: no rename can replace it (not even root's).
    ASSERT_TRUE(QDir().mkpath(path + QStringLiteral(".1/in-the-way")));
    log.record(QString(60, u'x'));
    log.record(QString(60, u'y'));
    EXPECT_EQ(log.droppedLines(), 2);
    EXPECT_LE(QFileInfo(path).size(), 64);
    EXPECT_FALSE(log.errorString().isEmpty());
    ASSERT_TRUE(QDir(path + QStringLiteral(".1")).removeRecursively());
    log.record(QStringLiteral("later"));
    EXPECT_EQ(log.droppedLines(), 0);
    EXPECT_TRUE(read(path).contains("audit_lines_dropped count=2"));
    EXPECT_TRUE(read(path).contains(" later\n"));
    EXPECT_TRUE(read(path + QStringLiteral(".1")).contains(" first\n"));
}
