// SPDX-License-Identifier: GPL-3.0-only
#include "RelayPort.h"

#include <QRegularExpression>
#include <QTest>

namespace advocate::test {

quint16 waitForRelayPort(QProcess &relay, QByteArray &output, int timeoutMs)
{
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1 port (\\d+)"));
    quint16 port = 0;
    // The result is in `port`: 0 when the relay ended or the time ran out.
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            output += relay.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                port = static_cast<quint16>(match.captured(1).toUInt());
            return port != 0 || relay.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return port;
}

} // namespace advocate::test
