// SPDX-License-Identifier: GPL-3.0-only
// The practice marks of issue 18: a practice survivor's start, a practice program's facts in signed_in, and the
// error a relay gives when the two do not match (docs/protocol.md sections 4, 5 and 7).
#include "protocol/FrameCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QJsonObject wireOf(const auto &frame)
{
    return QJsonDocument::fromJson(FrameCodec::encode(frame)).object();
}

} // namespace

TEST(PracticeFrames, APracticeStartSaysSoAndARealOneSaysNothing)
{
    frame::Start start{1, 3, std::nullopt, std::nullopt};
    EXPECT_FALSE(wireOf(start).contains(QStringLiteral("practice"))) << "a real survivor's start is unchanged";
    start.practice = true;
    EXPECT_EQ(wireOf(start).value(QStringLiteral("practice")), QJsonValue(true));

    const auto decoded = FrameCodec().decodeClientFrame(FrameCodec::encode(start));
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(std::get<frame::Start>(*decoded.frame).practice);
    const auto real = FrameCodec().decodeClientFrame(R"({"type":"start","protocol":1,"noticeVersion":3})");
    ASSERT_TRUE(real.ok());
    EXPECT_FALSE(std::get<frame::Start>(*real.frame).practice);
}

TEST(PracticeFrames, AStartWhosePracticeIsNotABooleanIsABadField)
{
    for (const char *json : {R"({"type":"start","protocol":1,"noticeVersion":3,"practice":"yes"})",
                             R"({"type":"start","protocol":1,"noticeVersion":3,"practice":1})",
                             R"({"type":"start","protocol":1,"noticeVersion":3,"practice":null})"}) {
        const auto decoded = FrameCodec().decodeClientFrame(QByteArray(json));
        ASSERT_FALSE(decoded.ok()) << json;
        EXPECT_EQ(decoded.error.code, ErrorCode::BadField) << json;
        EXPECT_EQ(decoded.error.field, QStringLiteral("practice")) << json;
    }
}

TEST(PracticeFrames, ThePracticeProgramIsPartOfTheProgramFacts)
{
    frame::ProgramFacts facts;
    facts.names = {{QStringLiteral("en"), QStringLiteral("Practice line")}};
    facts.hours = {{QStringLiteral("en"), QStringLiteral("every day, day and night")}};
    frame::SignedIn signedIn{QStringLiteral("ana"), Role::Advocate, QStringLiteral("t"), {}, 1, 720, facts};
    EXPECT_FALSE(wireOf(signedIn).value(QStringLiteral("program")).toObject().contains(QStringLiteral("practice")));
    facts.practice = true;
    signedIn.program = facts;
    EXPECT_EQ(wireOf(signedIn).value(QStringLiteral("program")).toObject().value(QStringLiteral("practice")),
              QJsonValue(true));
    const auto decoded = FrameCodec().decodeRelayFrame(FrameCodec::encode(signedIn));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(std::get<frame::SignedIn>(*decoded.frame).program, facts);

    const auto bad = FrameCodec().decodeRelayFrame(
        R"({"type":"signed_in","user":"a","role":"advocate","sessionToken":"t","conversations":[],)"
        R"("program":{"names":{},"hours":{},"practice":"on"}})");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error.field, QStringLiteral("program"));
}

TEST(PracticeFrames, PracticeMismatchIsAnErrorCodeOfItsOwn)
{
    EXPECT_EQ(errorCodeName(ErrorCode::PracticeMismatch), QStringLiteral("practice_mismatch"));
    EXPECT_EQ(errorCodeFromName(QStringLiteral("practice_mismatch")), ErrorCode::PracticeMismatch);
    const frame::Error error{ErrorCode::PracticeMismatch, QStringLiteral("This is a practice relay."),
                             QStringLiteral("practice"), QStringLiteral("start"), true};
    const auto decoded = FrameCodec().decodeRelayFrame(FrameCodec::encode(error));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(std::get<frame::Error>(*decoded.frame).code, ErrorCode::PracticeMismatch);
}
