// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/FieldReader.h"
#include "protocol/Frames.h"
#include "protocol/JsonObjectWriter.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The fields of the statistics frames (docs/protocol.md section 17), for FrameCodec's tables, and the JSON of one
// day's counts, which the relay's statistics file writes the same way.
namespace advocate::wire {

// At most this many counters in one day (the fixed ones and one per language, with room for newer relays).
inline constexpr int maxStatisticsCounters = 256;

frame::GetStatistics decodeFields(FieldReader &r, Tag<frame::GetStatistics>);
frame::Statistics decodeFields(FieldReader &r, Tag<frame::Statistics>);

void encodeFields(JsonObjectWriter &o, const frame::GetStatistics &f);
void encodeFields(JsonObjectWriter &o, const frame::Statistics &f);

// {"date":"YYYY-MM-DD","counts":{"offered":3,…}}; counters that are 0 are left out.
QJsonObject statisticsDayToJson(const frame::StatisticsDay &day);
// nullopt unless the date is a valid ISO date and every count a well-formed counter name with a whole number
// from 0 to 2^53 − 1 (at most maxStatisticsCounters of them).
std::optional<frame::StatisticsDay> statisticsDayFromJson(const QJsonValue &value);

} // namespace advocate::wire
