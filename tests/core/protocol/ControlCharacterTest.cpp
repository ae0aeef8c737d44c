// SPDX-License-Identifier: GPL-3.0-only
// RFC 8259 section 7 inside frames: a control character in a JSON string must be escaped. QJsonDocument takes a raw
// one (a NUL included) without complaint, so the codec refuses it before (issue 15, item 3).
#include "protocol/FrameCodec.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

DecodeResult<ClientFrame> decode(const QByteArray &json)
{
    return FrameCodec().decodeClientFrame(json);
}

// A send frame whose body is `body`, put into the JSON as it is (not escaped).
QByteArray sendWithRawBody(const QByteArray &body)
{
    return R"({"type":"send","conversation":"c1","clientId":"m1","body":")" + body + R"("})";
}

} // namespace

TEST(FrameCodecControlCharacters, EveryRawControlCharacterInsideAStringIsMalformedJson)
{
    for (int c = 0; c < 0x20; ++c) {
        const QByteArray frame = sendWithRawBody(QByteArray("a") + char(c) + "b");
        const DecodeResult<ClientFrame> result = decode(frame);
        EXPECT_FALSE(result.ok()) << "U+" << c;
        EXPECT_EQ(result.error.code, ErrorCode::MalformedJson) << "U+" << c;
    }
}

TEST(FrameCodecControlCharacters, ARawControlCharacterInAKeyIsMalformedJson)
{
    EXPECT_EQ(decode(QByteArray("{\"type\":\"ping\",\"x\x01\":1}")).error.code, ErrorCode::MalformedJson);
}

TEST(FrameCodecControlCharacters, EscapedControlCharactersAndBlanksBetweenTokensAreFine)
{
    const DecodeResult<ClientFrame> escaped = decode(sendWithRawBody(R"(line one\nline two\ttab\u0001)"));
    ASSERT_TRUE(escaped.ok()) << qPrintable(escaped.error.message);
    EXPECT_EQ(std::get<frame::Send>(*escaped.frame).body, QStringLiteral("line one\nline two\ttab\u0001"));
    EXPECT_TRUE(decode("{\r\n\t\"type\" : \"ping\"\n}").ok());
}

TEST(FrameCodecControlCharacters, AnEscapedQuoteOrBackslashDoesNotEndTheStringEarly)
{
    // The control character comes after an escaped quote and after an escaped backslash: still inside the string.
    EXPECT_EQ(decode(sendWithRawBody("say \\\" then \x02")).error.code, ErrorCode::MalformedJson);
    EXPECT_EQ(decode(sendWithRawBody("back\\\\slash\x1f")).error.code, ErrorCode::MalformedJson);
    const DecodeResult<ClientFrame> fine = decode(sendWithRawBody("say \\\"hi\\\" and \\\\"));
    ASSERT_TRUE(fine.ok()) << qPrintable(fine.error.message);
    EXPECT_EQ(std::get<frame::Send>(*fine.frame).body, QStringLiteral("say \"hi\" and \\"));
}

TEST(FrameCodecControlCharacters, DeleteAndTextBeyondAsciiAreNotControlCharactersInJson)
{
    EXPECT_TRUE(decode(sendWithRawBody("del \x7f ok")).ok());
    EXPECT_TRUE(decode(sendWithRawBody("caf\xc3\xa9 \xe2\x80\xa8")).ok());
}
