// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace advocate {

// Times in UTC, the same on every Qt 6 the project builds with: printed as ISO 8601 they end in "Z". Qt 6.4 has only
// the Qt::TimeSpec overloads for this; Qt 6.5 adds QTimeZone::UTC and Qt 6.8's headers warn that the TimeSpec ones are
// deprecated (errors under -Werror). QTimeZone::utc() is in both, but on Qt 6.4 it is a named zone whose ISO text
// ends in "+00:00".
QDateTime utcFromMSecsSinceEpoch(qint64 msecs);
QDateTime utcDateTime(QDate date, QTime time);

} // namespace advocate
