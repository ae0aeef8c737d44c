// SPDX-License-Identifier: GPL-3.0-only
// The optional members added to protocol version 1 for the queue panel, the cap and the end-shift override.
#include "protocol/FrameCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

template <typename T>
T roundTrip(const T &original)
{
    const QByteArray wire = FrameCodec::encode(original);
    const auto decoded = [&] {
        if constexpr (FrameTraits<T>::direction == Direction::ToRelay)
            return FrameCodec().decodeClientFrame(wire);
        else
            return FrameCodec().decodeRelayFrame(wire);
    }();
    EXPECT_TRUE(decoded.ok()) << qPrintable(decoded.error.message);
    const T *typed = decoded.ok() ? std::get_if<T>(&*decoded.frame) : nullptr;
    EXPECT_NE(typed, nullptr);
    return typed ? *typed : T{};
}

// As a client decodes what the relay sends.
DecodeResult<RelayFrame> decode(const char *json)
{
    return FrameCodec().decodeRelayFrame(QByteArray(json));
}

// As the relay decodes what a client sends.
DecodeResult<ClientFrame> decodeFromClient(const char *json)
{
    return FrameCodec().decodeClientFrame(QByteArray(json));
}

} // namespace

TEST(QueueAndOverrideFrames, QueueSummaryWaitsRoundTrip)
{
    frame::QueueSummary summary{{{QStringLiteral("es"), 2}}, {{QStringLiteral("es"), {240, 15}}}};
    const frame::QueueSummary back = roundTrip(summary);
    EXPECT_EQ(back.waiting.value(QStringLiteral("es")), 2);
    EXPECT_EQ(back.waits.value(QStringLiteral("es")), (QList<int>{240, 15}));
}

TEST(QueueAndOverrideFrames, QueueSummaryWithoutWaitsFromAnOlderRelayStillDecodes)
{
    const DecodeResult decoded = decode(R"({"type":"queue_summary","waiting":{"en":1}})");
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(std::get<frame::QueueSummary>(*decoded.frame).waits.isEmpty());
}

TEST(QueueAndOverrideFrames, QueueSummaryWithBadWaitsIsRefused)
{
    for (const char *json : {R"({"type":"queue_summary","waiting":{},"waits":[]})",
                             R"({"type":"queue_summary","waiting":{},"waits":{"en":[-1]}})",
                             R"({"type":"queue_summary","waiting":{},"waits":{"en":[1.5]}})",
                             R"({"type":"queue_summary","waiting":{},"waits":{"en":["a"]}})",
                             R"({"type":"queue_summary","waiting":{},"waits":{"!!":[1]}})"}) {
        const DecodeResult decoded = decode(json);
        EXPECT_FALSE(decoded.ok()) << json;
        EXPECT_EQ(decoded.error.field, QStringLiteral("waits")) << json;
    }
}

TEST(QueueAndOverrideFrames, SignedInCapRoundTripsAndIsOptional)
{
    frame::SignedIn signedIn{QStringLiteral("ana"), Role::Advocate, QStringLiteral("t"), {}, 3, std::nullopt};
    EXPECT_EQ(roundTrip(signedIn).cap, 3);
    signedIn.cap.reset();
    EXPECT_FALSE(roundTrip(signedIn).cap.has_value());
    const DecodeResult outOfRange =
        decode(R"({"type":"signed_in","user":"a","role":"advocate","sessionToken":"t","conversations":[],"cap":5})");
    EXPECT_FALSE(outOfRange.ok());
}

TEST(QueueAndOverrideFrames, SignedInMaxShiftLengthRoundTripsIsOptionalAndBounded)
{
    frame::SignedIn signedIn{QStringLiteral("ana"), Role::Advocate, QStringLiteral("t"), {}, 1, 720};
    EXPECT_EQ(roundTrip(signedIn).maxShiftMinutes, 720);
    signedIn.maxShiftMinutes.reset();
    EXPECT_FALSE(roundTrip(signedIn).maxShiftMinutes.has_value());
    for (
        const char *json :
        {R"({"type":"signed_in","user":"a","role":"advocate","sessionToken":"t","conversations":[],"maxShiftMinutes":9})",
         R"({"type":"signed_in","user":"a","role":"advocate","sessionToken":"t","conversations":[],"maxShiftMinutes":1441})"}) {
        const DecodeResult outOfRange = decode(json);
        EXPECT_FALSE(outOfRange.ok()) << json;
        EXPECT_EQ(outOfRange.error.field, QStringLiteral("maxShiftMinutes")) << json;
    }
}

TEST(QueueAndOverrideFrames, SignedInProgramFactsRoundTripAreOptionalAndChecked)
{
    frame::SignedIn signedIn{QStringLiteral("ana"), Role::Advocate, QStringLiteral("t"), {}, 1, 720};
    EXPECT_FALSE(roundTrip(signedIn).program.has_value());
    frame::ProgramFacts facts;
    facts.names = {{QStringLiteral("en"), QStringLiteral("Safe Harbor")},
                   {QStringLiteral("es"), QStringLiteral("Puerto")}};
    facts.hours = {{QStringLiteral("en"), QStringLiteral("every day, day and night")}};
    signedIn.program = facts; // a config without a hotline or an emergency number
    EXPECT_EQ(roundTrip(signedIn).program, facts);
    facts.hotlinePhone = QStringLiteral("+1 555 0100");
    facts.emergencyNumber = QStringLiteral("911");
    signedIn.program = facts;
    EXPECT_EQ(roundTrip(signedIn).program, facts);
    facts.hotlineSms = QStringLiteral("+1 555 0101");
    signedIn.program = facts;
    EXPECT_EQ(roundTrip(signedIn).program, facts);
    const char *prefix = R"({"type":"signed_in","user":"a","role":"advocate","sessionToken":"t","conversations":[],)";
    for (const char *program :
         {R"("program":[])", R"("program":{"names":{},"hours":{},"emergencyNumber":""})",
          R"("program":{"names":{"!!":"x"},"hours":{},"hotlinePhone":"1","emergencyNumber":"911"})",
          R"("program":{"names":{"en":3},"hours":{},"hotlinePhone":"1","emergencyNumber":"911"})",
          R"("program":{"names":{},"hours":[],"hotlinePhone":"1","emergencyNumber":"911"})"}) {
        const QByteArray json = QByteArray(prefix) + program + '}';
        const DecodeResult decoded = decode(json.constData());
        EXPECT_FALSE(decoded.ok()) << json.constData();
        EXPECT_EQ(decoded.error.field, QStringLiteral("program")) << json.constData();
    }
}

TEST(QueueAndOverrideFrames, ShiftEndOverrideWithoutAReasonCarriesNoReasonText)
{
    const frame::ShiftEndOverride original{frame::OverrideCategory::RelayDown, 120, 2, std::nullopt};
    const frame::ShiftEndOverride back = roundTrip(original);
    EXPECT_EQ(back.category, frame::OverrideCategory::RelayDown);
    EXPECT_EQ(back.reasonChars, 120);
    EXPECT_EQ(back.open, 2);
    const QJsonObject wire = QJsonDocument::fromJson(FrameCodec::encode(original)).object();
    EXPECT_EQ(wire.value(QStringLiteral("type")).toString(), QStringLiteral("shift_end_override"));
    EXPECT_EQ(wire.value(QStringLiteral("category")).toString(), QStringLiteral("relay_down"));
    EXPECT_EQ(wire.keys(), (QStringList{QStringLiteral("category"), QStringLiteral("open"),
                                        QStringLiteral("reasonChars"), QStringLiteral("type")}));
}

TEST(QueueAndOverrideFrames, ShiftEndOverrideChecksCategoryAndLength)
{
    EXPECT_FALSE(decodeFromClient(R"({"type":"shift_end_override","category":"lunch","reasonChars":5,"open":1})").ok());
    EXPECT_FALSE(
        decodeFromClient(R"({"type":"shift_end_override","category":"other","reasonChars":501,"open":1})").ok());
    EXPECT_FALSE(decodeFromClient(R"({"type":"shift_end_override","category":"other","reasonChars":0,"open":1})").ok());
    EXPECT_TRUE(
        decodeFromClient(R"({"type":"shift_end_override","category":"emergency","reasonChars":500,"open":0})").ok());
}

TEST(QueueAndOverrideFrames, ShiftEndOverrideCarriesTheTypedReasonAsAnOpaqueBody)
{
    // Section 17: the reason travels for the supervisors on shift; the relay never logs it.
    const frame::ShiftEndOverride original{frame::OverrideCategory::Emergency, 11, 1, QStringLiteral("Family call")};
    const frame::ShiftEndOverride back = roundTrip(original);
    EXPECT_EQ(back.reason, QStringLiteral("Family call"));
}
