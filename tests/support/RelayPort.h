// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QProcess>

namespace advocate::test {

// Waits until a started advocate-relay process prints "listening on 127.0.0.1 port N" (the line scripts/demo
// reads too) and returns N; returns 0 when the process ends or `timeoutMs` passes first. Everything read from
// the process's standard output is appended to `output`, so callers can scan it afterwards.
quint16 waitForRelayPort(QProcess &relay, QByteArray &output, int timeoutMs = 30000);

} // namespace advocate::test
