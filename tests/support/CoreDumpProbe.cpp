// SPDX-License-Identifier: GPL-3.0-only
#include "CoreDumpProbe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

namespace advocate::test {

namespace {

constexpr uint nobody = 65534;

const QFile::Permissions everyoneMayRun = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;

bool runningAsRoot()
{
    return geteuid() == 0;
}

// The line of a /proc/<pid> file that starts with `label`, without the label; empty when there is none.
QString procLine(qint64 pid, const QString &file, const QByteArray &label)
{
    QFile proc(QStringLiteral("/proc/%1/%2").arg(pid).arg(file));
    if (!proc.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = proc.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(label))
            return QString::fromLatin1(line.mid(label.size()));
    }
    return {};
}

QStringList fields(const QString &text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return text.split(whitespace, Qt::SkipEmptyParts);
}

} // namespace

CoreDumpProbe::CoreDumpProbe()
    // As root the folder must be one nobody can enter; /tmp is the folder every user can reach.
    : m_folder(runningAsRoot() ? QStringLiteral("/tmp/advocate-core-dump-probe-XXXXXX") : QString()),
      m_runsAs(runningAsRoot() ? nobody : geteuid())
{
}

QString CoreDumpProbe::writableFolder() const
{
    return m_folder.filePath(QStringLiteral("home"));
}

bool CoreDumpProbe::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool CoreDumpProbe::prepare(QProcess &process, const QString &executable, const QStringList &arguments)
{
    if (!m_folder.isValid())
        return fail(QStringLiteral("no temporary folder: ") + m_folder.errorString());
    const bool asRoot = runningAsRoot();
    QString program = executable;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = writableFolder();
    if (!QDir().mkpath(home))
        return fail(QStringLiteral("cannot create ") + home);
    if (asRoot) {
        if (!QFile::setPermissions(m_folder.path(), everyoneMayRun))
            return fail(QStringLiteral("cannot open ") + m_folder.path() + QStringLiteral(" to everyone"));
        program = m_folder.filePath(QFileInfo(executable).fileName());
        if (!QFile::copy(executable, program) || !QFile::setPermissions(program, everyoneMayRun))
            return fail(QStringLiteral("cannot copy ") + executable + QStringLiteral(" to ") + program);
        if (::chown(QFile::encodeName(home).constData(), nobody, nobody) != 0)
            return fail(QStringLiteral("cannot hand ") + home + QStringLiteral(" to nobody"));
        // A leak check that cannot read its suppressions stops the program; give it a copy nobody can read.
        static const QRegularExpression suppressions(QStringLiteral("(^|:)suppressions=([^:]+)"));
        QString leakOptions = environment.value(QStringLiteral("LSAN_OPTIONS"));
        const QRegularExpressionMatch match = suppressions.match(leakOptions);
        if (match.hasMatch()) {
            const QString copy = m_folder.filePath(QStringLiteral("lsan.supp"));
            if (!QFile::copy(match.captured(2), copy) ||
                !QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther))
                return fail(QStringLiteral("cannot copy the leak suppressions ") + match.captured(2));
            leakOptions.replace(match.capturedStart(2), match.capturedLength(2), copy);
            environment.insert(QStringLiteral("LSAN_OPTIONS"), leakOptions);
        }
    }
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/state"));
    environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));

    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(m_folder.path());
    process.setProcessEnvironment(environment);
    // Runs in the child between fork and exec, after QProcess has entered the working folder.
    process.setChildProcessModifier([asRoot] {
        rlimit core{};
        getrlimit(RLIMIT_CORE, &core);
        core.rlim_cur = core.rlim_max;
        setrlimit(RLIMIT_CORE, &core);
        if (asRoot) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0)
                _exit(99);
        }
    });
    return true;
}

::testing::AssertionResult CoreDumpProbe::cannotDump(qint64 pid) const
{
    // Without the program running as runsAs(), and runsAs() not being root, the owner of /proc/<pid> proves nothing.
    const std::optional<uint> user = realUserId(pid);
    if (!user)
        return ::testing::AssertionFailure() << "process " << pid << " is gone (no /proc/" << pid << "/status)";
    if (*user != m_runsAs || m_runsAs == 0)
        return ::testing::AssertionFailure() << "process " << pid << " runs as user " << *user << ", not " << m_runsAs;
    const QStringList limits = coreFileLimits(pid);
    if (limits != QStringList{QStringLiteral("0"), QStringLiteral("0")})
        return ::testing::AssertionFailure()
               << "core file size (soft, hard) is " << limits.join(QStringLiteral(", ")).toStdString() << ", not 0, 0";
    // PR_SET_DUMPABLE 0 hands /proc/<pid> to root: it no longer belongs to the user the process runs as.
    const std::optional<uint> owner = statusOwner(pid);
    if (!owner)
        return ::testing::AssertionFailure() << "process " << pid << " is gone (no /proc/" << pid << "/status)";
    if (*owner == m_runsAs)
        return ::testing::AssertionFailure()
               << "/proc/" << pid << " belongs to user " << *owner << ", the process's own: it is still dumpable";
    return ::testing::AssertionSuccess() << "core file size 0, 0; /proc/" << pid << " belongs to user " << *owner;
}

QStringList CoreDumpProbe::coreFileLimits(qint64 pid)
{
    // "Max core file size        <soft>  <hard>  bytes"
    return fields(procLine(pid, QStringLiteral("limits"), "Max core file size")).mid(0, 2);
}

std::optional<uint> CoreDumpProbe::realUserId(qint64 pid)
{
    // "Uid:\t<real>\t<effective>\t<saved>\t<filesystem>"
    const QStringList ids = fields(procLine(pid, QStringLiteral("status"), "Uid:"));
    bool ok = false;
    const uint id = ids.isEmpty() ? 0 : ids.first().toUInt(&ok);
    return ok ? std::optional<uint>(id) : std::nullopt;
}

std::optional<uint> CoreDumpProbe::statusOwner(qint64 pid)
{
    const QFileInfo status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.exists())
        return std::nullopt;
    return status.ownerId();
}

} // namespace advocate::test
