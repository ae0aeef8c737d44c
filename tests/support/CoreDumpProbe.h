// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

namespace advocate::test {

// Starts one of the project's programs so that a test can prove, from outside, that the running process can neither
// write a core file nor be dumped, and reads the proof from /proc (Linux only).
//
// The program starts with core dumps allowed, as from a shell after `ulimit -c unlimited`, so a core limit of 0 can
// only come from the program itself. Whether a process is dumpable shows in who owns /proc/<pid>: the user the
// process runs as while it is dumpable, root once it is not. For a process running as root that proves nothing, so
// when the test runs as root the program runs as user nobody (65534), and from a copy in a temporary folder under
// /tmp: nobody may not be able to reach the build tree (a clone in /root, say). The programs need nothing from the
// build tree at run time (the project's libraries are static, Qt and the sanitizer runtimes are the system's, and
// resources are compiled in), so the copy runs exactly as the build's own file would.
class CoreDumpProbe
{
public:
    CoreDumpProbe();

    // Sets `process` up to run `executable` with `arguments`: program, working folder, environment (HOME and the XDG
    // folders in writableFolder(), LSAN_OPTIONS' suppressions readable by the user it runs as) and the start as that
    // user. Returns false, with error() saying why, when it cannot.
    bool prepare(QProcess &process, const QString &executable, const QStringList &arguments);

    // The user id the program runs as: nobody (65534) when the test runs as root, else the test's own user.
    uint runsAs() const { return m_runsAs; }
    // A private folder owned by runsAs(), for the program's HOME and XDG folders.
    QString writableFolder() const;
    QString error() const { return m_error; }

    // Success when the running process `pid` runs as runsAs(), its core file size is 0 (soft and hard limit) and it
    // is not dumpable (/proc/<pid> belongs to someone else than runsAs()); else a failure saying what /proc shows.
    ::testing::AssertionResult cannotDump(qint64 pid) const;

    // Soft and hard "Max core file size" from /proc/<pid>/limits, e.g. {"0", "0"}; empty when unreadable.
    static QStringList coreFileLimits(qint64 pid);
    // The real user id from the Uid: line of /proc/<pid>/status.
    static std::optional<uint> realUserId(qint64 pid);
    // The owner of /proc/<pid>/status.
    static std::optional<uint> statusOwner(qint64 pid);

private:
    bool fail(const QString &error);

    QTemporaryDir m_folder;
    uint m_runsAs;
    QString m_error;
};

} // namespace advocate::test
