// SPDX-License-Identifier: GPL-3.0-only
// Reading a client frame's header from raw bytes (RFC 6455 section 5.2): the mask bit as soon as it arrives, the
// three length encodings, and the payload limit.
#include "relay/WebSocketFrameHeader.h"

#include <QByteArray>

#include <gtest/gtest.h>

using namespace advocate;
using Verdict = WebSocketFrameHeader::Verdict;

TEST(WebSocketFrameHeader, AnUnmaskedFrameIsKnownFromItsSecondByte)
{
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81"), 1000).verdict, Verdict::NeedMore);
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\x05", 2), 1000).verdict, Verdict::Unmasked);
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x89\x7e", 2), 1000).verdict, Verdict::Unmasked);
}

TEST(WebSocketFrameHeader, AShortMaskedFrameHasASixByteHeader)
{
    const WebSocketFrameHeader header = WebSocketFrameHeader::read(QByteArray("\x81\x85\x01\x02\x03\x04", 6), 1000);
    EXPECT_EQ(header.verdict, Verdict::Complete);
    EXPECT_EQ(header.headerBytes, 6);
    EXPECT_EQ(header.payloadBytes, 5u);
    // Where the frame ends is known before its masking key is there.
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\x85", 2), 1000).verdict, Verdict::Complete);
}

TEST(WebSocketFrameHeader, SixteenAndSixtyFourBitLengthsAreRead)
{
    const WebSocketFrameHeader medium =
        WebSocketFrameHeader::read(QByteArray("\x81\xfe\x01\x00\x01\x02\x03\x04", 8), 1000);
    EXPECT_EQ(medium.verdict, Verdict::Complete);
    EXPECT_EQ(medium.headerBytes, 8);
    EXPECT_EQ(medium.payloadBytes, 256u);
    const WebSocketFrameHeader large =
        WebSocketFrameHeader::read(QByteArray("\x82\xff\x00\x00\x00\x00\x00\x01\x00\x00\x01\x02\x03\x04", 14), 70000);
    EXPECT_EQ(large.verdict, Verdict::Complete);
    EXPECT_EQ(large.headerBytes, 14);
    EXPECT_EQ(large.payloadBytes, 65536u);
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\xfe\x01", 3), 1000).verdict, Verdict::NeedMore);
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\xff\x00\x00\x00\x00\x00\x00\x01", 9), 1000).verdict,
              Verdict::NeedMore);
}

TEST(WebSocketFrameHeader, APayloadAtTheLimitIsFineAndOneBytePastIsTooLong)
{
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\xfe\x01\x00\x01\x02\x03\x04", 8), 256).verdict,
              Verdict::Complete);
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\xfe\x01\x01", 4), 256).verdict, Verdict::TooLong);
    // Known as soon as the length is there, before the masking key.
    EXPECT_EQ(WebSocketFrameHeader::read(QByteArray("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x00", 10), 256).verdict,
              Verdict::TooLong);
}
