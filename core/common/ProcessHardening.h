// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>

namespace advocate {

// What disableCoreDumps() could not do. `message` names the system call and the system's reason, for stderr or a log.
struct CoreDumpsResult
{
    enum class Error { None, CoreLimitNotSet, StillDumpable };

    Error error = Error::None;
    QString message;

    bool ok() const { return error == Error::None; }
};

// Message text, passwords, the session token and the shift cache key live in the memory of the relay and the
// workstation: a core file would write them to disk, and a debugger running as the same user could read them.
// This sets the core file size to 0 (soft and hard, so the process cannot raise it again) and, on Linux, marks the
// process not dumpable, which also keeps same-user ptrace and /proc/<pid>/mem out and hands /proc/<pid> to root.
// Call it first thing in main(), before any secret exists. On other Unix systems only the limit is set; on Windows
// nothing is done (no core files there unless Windows Error Reporting is configured to keep dumps).
[[nodiscard]] CoreDumpsResult disableCoreDumps();

} // namespace advocate
