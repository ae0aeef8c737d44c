// SPDX-License-Identifier: GPL-3.0-only
// The supervisor's board of docs/protocol.md section 17 on the wire: rows keep their state, and a row in a state the
// protocol does not have makes the whole frame malformed, so the desk keeps the board it has instead of showing it.
#include "protocol/FrameCodec.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

frame::BoardRow row(const QString &conversation, bool waiting)
{
    frame::BoardRow made;
    made.conversation = conversation;
    made.waiting = waiting;
    made.language = QStringLiteral("en");
    made.sinceSeconds = 90;
    if (!waiting)
        made.advocate = QStringLiteral("ana");
    return made;
}

frame::Board boardOf(const QList<frame::BoardRow> &rows)
{
    frame::Board board;
    board.reset = true;
    board.conversations = rows;
    board.cap = 2;
    return board;
}

DecodeResult<RelayFrame> decode(const QByteArray &json)
{
    return FrameCodec().decodeRelayFrame(json);
}

// The board as the relay encodes it, with the first row's state replaced by `state` (as JSON).
QByteArray withFirstState(const QByteArray &state)
{
    QByteArray json = FrameCodec::encode(boardOf({row(QStringLiteral("c1"), false), row(QStringLiteral("c2"), true)}));
    const QByteArray active = "\"state\":\"active\"";
    EXPECT_TRUE(json.contains(active));
    return json.replace(json.indexOf(active), active.size(), "\"state\":" + state);
}

} // namespace

TEST(SupervisionFrames, BoardRowsSurviveTheWireWithTheirState)
{
    const DecodeResult decoded = decode(withFirstState("\"active\""));
    ASSERT_TRUE(decoded.ok()) << qPrintable(decoded.error.message);
    const auto &board = std::get<frame::Board>(*decoded.frame);
    ASSERT_EQ(board.conversations.size(), 2);
    EXPECT_FALSE(board.conversations.at(0).waiting);
    EXPECT_EQ(board.conversations.at(0).advocate, QStringLiteral("ana"));
    EXPECT_TRUE(board.conversations.at(1).waiting);
    EXPECT_EQ(board.cap, 2);
}

TEST(SupervisionFrames, ABoardRowInAnUnknownStateIsAMalformedFrameWithAClearError)
{
    for (const QByteArray &state : {QByteArray("\"closing\""), QByteArray("\"Active\""), QByteArray("\"\""),
                                    QByteArray("1"), QByteArray("null")}) {
        const DecodeResult decoded = decode(withFirstState(state));
        ASSERT_FALSE(decoded.ok()) << state.constData();
        EXPECT_EQ(decoded.error.code, ErrorCode::BadField) << state.constData();
        EXPECT_EQ(decoded.error.field, QStringLiteral("conversations")) << state.constData();
        EXPECT_TRUE(decoded.error.message.contains(QStringLiteral("\"state\""))) << qPrintable(decoded.error.message);
        // Refused whole: no half board whose rows a desk could take for the truth.
        EXPECT_FALSE(decoded.frame.has_value()) << state.constData();
    }
    const DecodeResult unknown = decode(withFirstState("\"closing\""));
    EXPECT_TRUE(unknown.error.message.contains(QStringLiteral("must be active or waiting")))
        << qPrintable(unknown.error.message);
}

TEST(SupervisionFrames, AFlagThisDeskDoesNotKnowYetIsLeftOutButTheRowStays)
{
    QByteArray json = FrameCodec::encode(boardOf({row(QStringLiteral("c1"), false)}));
    json.replace("\"flags\":[]", "\"flags\":[\"hand_raised\",\"a_later_flag\"]");
    const DecodeResult decoded = decode(json);
    ASSERT_TRUE(decoded.ok()) << qPrintable(decoded.error.message);
    const auto &board = std::get<frame::Board>(*decoded.frame);
    ASSERT_EQ(board.conversations.size(), 1);
    EXPECT_EQ(board.conversations.first().flags, QList<frame::BoardFlag>{frame::BoardFlag::HandRaised});
}
