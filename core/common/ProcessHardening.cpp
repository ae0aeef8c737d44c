// SPDX-License-Identifier: GPL-3.0-only
#include "common/ProcessHardening.h"

#include <QtGlobal>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace advocate {

namespace {

#ifdef Q_OS_UNIX
CoreDumpsResult failure(CoreDumpsResult::Error error, const char *call)
{
    const int reason = errno;
    return {error, QStringLiteral("%1: %2").arg(QLatin1String(call), QString::fromLocal8Bit(std::strerror(reason)))};
}
#endif

} // namespace

CoreDumpsResult disableCoreDumps()
{
#ifdef Q_OS_UNIX
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return failure(CoreDumpsResult::Error::CoreLimitNotSet, "setrlimit(RLIMIT_CORE, 0)");
#endif
#ifdef Q_OS_LINUX
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return failure(CoreDumpsResult::Error::StillDumpable, "prctl(PR_SET_DUMPABLE, 0)");
#endif
    return {};
}

} // namespace advocate
