// SPDX-License-Identifier: GPL-3.0-only
// The codec of docs/protocol.md: every frame type survives encode → decode, and every way a frame can be bad
// gives its own error code without echoing the frame's content.
#include "protocol/FrameCodec.h"

#include <gtest/gtest.h>

using namespace advocate;

namespace {

// As the relay decodes what clients send.
DecodeResult<ClientFrame> decode(const char *json, ProtocolLimits limits = {})
{
    return FrameCodec(limits).decodeClientFrame(QByteArrayView(json, qstrlen(json)));
}

DecodeResult<ClientFrame> decode(const QByteArray &json, ProtocolLimits limits = {})
{
    return FrameCodec(limits).decodeClientFrame(json);
}

// Encodes, then decodes as the receiver of T does.
template <typename T>
auto decodeAsReceiver(const QByteArray &wire)
{
    if constexpr (FrameTraits<T>::direction == Direction::ToRelay)
        return FrameCodec().decodeClientFrame(wire);
    else
        return FrameCodec().decodeRelayFrame(wire);
}

template <typename T>
T roundTrip(const T &original)
{
    const QByteArray wire = FrameCodec::encode(original);
    const DecodeResult result = decodeAsReceiver<T>(wire);
    EXPECT_TRUE(result.ok()) << qPrintable(result.error.message) << " " << wire.constData();
    EXPECT_TRUE(result.ok() && std::holds_alternative<T>(*result.frame)) << wire.constData();
    return result.ok() && std::holds_alternative<T>(*result.frame) ? std::get<T>(*result.frame) : T{};
}

QByteArray sendWithBody(const QString &body)
{
    return FrameCodec::encode(frame::Send{QStringLiteral("c1"), QStringLiteral("m1"), body});
}

} // namespace

TEST(FrameCodec, DecodesASendFrameIntoTypedFields)
{
    const DecodeResult result = decode(R"({"type":"send","conversation":"c1","clientId":"m-7","body":"hi"})");
    ASSERT_TRUE(result.ok()) << qPrintable(result.error.message);
    const auto &send = std::get<frame::Send>(*result.frame);
    EXPECT_EQ(send.conversation, QStringLiteral("c1"));
    EXPECT_EQ(send.clientId, QStringLiteral("m-7"));
    EXPECT_EQ(send.body, QStringLiteral("hi"));
    EXPECT_EQ(result.type, QStringLiteral("send"));
}

TEST(FrameCodec, IgnoresFieldsItDoesNotKnow)
{
    const DecodeResult result = decode(R"({"type":"ping","future":{"x":1}})");
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(std::holds_alternative<frame::Ping>(*result.frame));
}

TEST(FrameCodec, ClientFramesSurviveARoundTrip)
{
    EXPECT_EQ(roundTrip(frame::Start{1, 3, QStringLiteral("R."), QStringLiteral("es")}).alias, QStringLiteral("R."));
    EXPECT_FALSE(roundTrip(frame::Start{1, 3, std::nullopt, std::nullopt}).language.has_value());
    EXPECT_EQ(roundTrip(frame::Resume{1, QStringLiteral("tok"), 12}).lastSeq, 12);
    EXPECT_EQ(roundTrip(frame::SignIn{1, QStringLiteral("ana"), QStringLiteral("pw")}).password, QStringLiteral("pw"));
    EXPECT_EQ(roundTrip(frame::StaffResume{1, QStringLiteral("tok"), {}}).sessionToken, QStringLiteral("tok"));
    const frame::StaffResume claiming =
        roundTrip(frame::StaffResume{1, QStringLiteral("tok"), {{QStringLiteral("c1"), 7}}});
    ASSERT_EQ(claiming.claims.size(), 1);
    EXPECT_EQ(claiming.claims.first().conversation, QStringLiteral("c1"));
    EXPECT_EQ(claiming.claims.first().lastSeq, 7);
    roundTrip(frame::SignOut{});
    EXPECT_EQ(roundTrip(frame::SetAvailable{true, QStringList{QStringLiteral("en"), QStringLiteral("es")}}).languages,
              (QStringList{QStringLiteral("en"), QStringLiteral("es")}));
    EXPECT_EQ(roundTrip(frame::TakeNext{QStringLiteral("en")}).language, QStringLiteral("en"));
    EXPECT_EQ(roundTrip(frame::Send{QStringLiteral("c"), QStringLiteral("m"), QStringLiteral("¿hola? 👋")}).body,
              QStringLiteral("¿hola? 👋"));
    EXPECT_EQ(roundTrip(frame::Ack{QStringLiteral("c"), 4}).seq, 4);
    EXPECT_TRUE(roundTrip(frame::Typing{QStringLiteral("c"), true}).active);
    EXPECT_EQ(roundTrip(frame::Fetch{QStringLiteral("c"), 9}).afterSeq, 9);
    EXPECT_TRUE(roundTrip(frame::End{QStringLiteral("c"), true}).idle);
    EXPECT_FALSE(roundTrip(frame::End{QStringLiteral("c"), false}).idle);
    roundTrip(frame::QuickExit{});
    roundTrip(frame::Ping{});
}

TEST(FrameCodec, RelayFramesSurviveARoundTrip)
{
    EXPECT_EQ(roundTrip(frame::Hello{1, QStringLiteral("advocate-relay 0.1.0"), 16384, 4000, 2}).noticeVersion, 2);
    const auto error = roundTrip(
        frame::Error{ErrorCode::BadField, QStringLiteral("m"), QStringLiteral("body"), QStringLiteral("send"), true});
    EXPECT_EQ(error.code, ErrorCode::BadField);
    EXPECT_EQ(error.field, QStringLiteral("body"));
    EXPECT_TRUE(error.fatal);
    EXPECT_EQ(roundTrip(frame::Session{QStringLiteral("t"), 300}).reconnectWindowSeconds, 300);
    const frame::SignedIn signedIn{QStringLiteral("ana"),
                                   Role::Supervisor,
                                   QStringLiteral("t"),
                                   {{QStringLiteral("c1"), QStringLiteral("en"), QStringLiteral("R"), 5},
                                    {QStringLiteral("c2"), QStringLiteral("es"), std::nullopt, 0}},
                                   std::nullopt,
                                   std::nullopt};
    const auto decodedSignedIn = roundTrip(signedIn);
    EXPECT_EQ(decodedSignedIn.role, Role::Supervisor);
    EXPECT_EQ(decodedSignedIn.conversations, signedIn.conversations);
    EXPECT_EQ(roundTrip(frame::Queued{2, 240}).position, 2);
    EXPECT_EQ(roundTrip(frame::LongWait{600, QStringLiteral("t"), QStringLiteral("555"), std::nullopt}).phone,
              QStringLiteral("555"));
    EXPECT_EQ(roundTrip(frame::Busy{QStringLiteral("busy"), std::nullopt, QStringLiteral("556")}).sms,
              QStringLiteral("556"));
    EXPECT_EQ(roundTrip(frame::ConversationStarted{QStringLiteral("c"), QStringLiteral("en"), QStringLiteral("R"),
                                                   std::nullopt, std::nullopt, std::nullopt, std::nullopt})
                  .alias,
              QStringLiteral("R"));
    const auto message = roundTrip(frame::Message{QStringLiteral("c"), 3, Side::Advocate, QStringLiteral("m"),
                                                  QStringLiteral("b"), 1700000000000, QStringLiteral("ana"), true});
    EXPECT_EQ(message.by, QStringLiteral("ana"));
    EXPECT_TRUE(message.supervisor);
    EXPECT_EQ(message.from, Side::Advocate);
    EXPECT_EQ(message.at, 1700000000000);
    EXPECT_EQ(roundTrip(frame::Accepted{QStringLiteral("c"), QStringLiteral("m"), 3}).seq, 3);
    EXPECT_EQ(roundTrip(frame::Delivered{QStringLiteral("c"), 3}).seq, 3);
    const auto survivorTyping = roundTrip(frame::PeerTyping{QStringLiteral("c"), true, std::nullopt, false});
    EXPECT_TRUE(survivorTyping.active);
    EXPECT_FALSE(survivorTyping.by);
    EXPECT_FALSE(survivorTyping.supervisor);
    EXPECT_EQ(roundTrip(frame::PeerTyping{QStringLiteral("c"), true, QStringLiteral("sue"), false}).by,
              QStringLiteral("sue"));
    EXPECT_TRUE(roundTrip(frame::PeerTyping{QStringLiteral("c"), false, std::nullopt, true}).supervisor);
    EXPECT_FALSE(roundTrip(frame::PeerStatus{QStringLiteral("c"), false}).connected);
    EXPECT_EQ(roundTrip(frame::Inactivity{QStringLiteral("c"), 2, 900}).stage, 2);
    EXPECT_EQ(roundTrip(frame::Ended{QStringLiteral("c"), EndReason::IdleClosed}).reason, EndReason::IdleClosed);
    EXPECT_EQ(roundTrip(frame::QueueSummary{{{QStringLiteral("en"), 3}}, {}}).waiting.value(QStringLiteral("en")), 3);
    roundTrip(frame::Pong{});
    EXPECT_EQ(roundTrip(frame::TokenRenewed{QStringLiteral("t")}).token, QStringLiteral("t"));
    const frame::Reclaimed reclaimed = roundTrip(frame::Reclaimed{QStringLiteral("c"), 9});
    EXPECT_EQ(reclaimed.conversation, QStringLiteral("c"));
    EXPECT_EQ(reclaimed.lastSeq, 9);
    const frame::Fetched fetched = roundTrip(frame::Fetched{QStringLiteral("c"), 7, 12, true});
    EXPECT_EQ(fetched.oldestSeq, 7);
    EXPECT_EQ(fetched.lastSeq, 12);
    EXPECT_TRUE(fetched.more);
}

TEST(FrameCodec, HandoffAndShiftLogFramesSurviveARoundTrip)
{
    const frame::Transfer transfer =
        roundTrip(frame::Transfer{QStringLiteral("c"), frame::TransferTarget::Advocate, QStringLiteral("ben"),
                                  QStringLiteral("{\"summary\":\"s\"}")});
    EXPECT_EQ(transfer.to, frame::TransferTarget::Advocate);
    EXPECT_EQ(transfer.user, QStringLiteral("ben"));
    EXPECT_EQ(transfer.note, QStringLiteral("{\"summary\":\"s\"}"));
    EXPECT_FALSE(
        roundTrip(frame::Transfer{QStringLiteral("c"), frame::TransferTarget::Queue, std::nullopt, std::nullopt})
            .note.has_value());
    EXPECT_EQ(roundTrip(frame::TransferWithdraw{QStringLiteral("c")}).conversation, QStringLiteral("c"));
    EXPECT_EQ(roundTrip(frame::TransferAccept{QStringLiteral("o1")}).offer, QStringLiteral("o1"));
    EXPECT_EQ(roundTrip(frame::TransferDecline{QStringLiteral("o1")}).offer, QStringLiteral("o1"));
    roundTrip(frame::GetRoster{});
    EXPECT_EQ(roundTrip(frame::PostShiftLog{QStringLiteral("quiet night")}).body, QStringLiteral("quiet night"));
    EXPECT_EQ(roundTrip(frame::AckShiftLog{QStringLiteral("e1")}).entry, QStringLiteral("e1"));

    const auto started = roundTrip(frame::ConversationStarted{QStringLiteral("c"), QStringLiteral("es"), std::nullopt,
                                                              HandoffReason::Transfer, QStringLiteral("ana"),
                                                              QStringLiteral("n"), Participation::Joined});
    EXPECT_EQ(started.participation, Participation::Joined);
    EXPECT_EQ(started.handoff, HandoffReason::Transfer);
    EXPECT_EQ(started.handedFrom, QStringLiteral("ana"));
    EXPECT_EQ(started.note, QStringLiteral("n"));
    EXPECT_EQ(roundTrip(frame::AdvocateChanged{QStringLiteral("c"), HandoffReason::Dropped}).reason,
              HandoffReason::Dropped);
    const auto status = roundTrip(frame::TransferStatus{QStringLiteral("c"), QStringLiteral("o"),
                                                        frame::TransferState::Accepted, QStringLiteral("ben"), 30});
    EXPECT_EQ(status.state, frame::TransferState::Accepted);
    EXPECT_EQ(status.by, QStringLiteral("ben"));
    EXPECT_EQ(status.expiresInSeconds, 30);
    const auto offer =
        roundTrip(frame::TransferOffer{QStringLiteral("o"), QStringLiteral("c"), QStringLiteral("ana"),
                                       QStringLiteral("en"), QStringLiteral("Rosa"), QStringLiteral("n"), true, 120});
    EXPECT_TRUE(offer.toSupervisors);
    EXPECT_EQ(offer.alias, QStringLiteral("Rosa"));
    EXPECT_EQ(offer.expiresInSeconds, 120);
    EXPECT_EQ(roundTrip(frame::TransferOfferClosed{QStringLiteral("o"), frame::OfferClosedReason::Taken}).reason,
              frame::OfferClosedReason::Taken);
    const frame::Roster roster{
        {{QStringLiteral("ben"), Role::Advocate, true, 1}, {QStringLiteral("sam"), Role::Supervisor, false, 0}}};
    EXPECT_EQ(roundTrip(roster).staff, roster.staff);
    EXPECT_EQ(roundTrip(frame::ShiftLogEntry{QStringLiteral("e"), QStringLiteral("ana"), QStringLiteral("b"), 17}).at,
              17);
    EXPECT_EQ(roundTrip(frame::ShiftLogPosted{QStringLiteral("e"), 3600}).expiresInSeconds, 3600);
}

TEST(FrameCodec, ATransferIsCheckedLikeEveryOtherFrame)
{
    // To an advocate without naming one; to an unknown target; an empty note; a note over the message limit.
    const DecodeResult noUser = decode(R"({"type":"transfer","conversation":"c","to":"advocate"})");
    EXPECT_EQ(noUser.error.code, ErrorCode::BadField);
    EXPECT_EQ(noUser.error.field, QStringLiteral("user"));
    EXPECT_EQ(decode(R"({"type":"transfer","conversation":"c","to":"everyone"})").error.field, QStringLiteral("to"));
    EXPECT_EQ(decode(R"({"type":"transfer","conversation":"c","to":"queue","note":""})").error.field,
              QStringLiteral("note"));
    const QByteArray longNote =
        R"({"type":"transfer","conversation":"c","to":"queue","note":")" + QByteArray(4001, 'x') + R"("})";
    EXPECT_EQ(decode(longNote).error.code, ErrorCode::MessageTooLong);
    EXPECT_EQ(decode(R"({"type":"transfer_accept","offer":"has space"})").error.field, QStringLiteral("offer"));
    EXPECT_EQ(decode(R"({"type":"shift_log","body":7})").error.field, QStringLiteral("body"));
    EXPECT_TRUE(decode(R"({"type":"transfer","conversation":"c","to":"supervisors","note":"n"})").ok());
}

TEST(FrameCodec, RefusalsAndRateLimitsCountAsBadFramesButOrdinaryAnswersDoNot)
{
    for (const ErrorCode code : {ErrorCode::NotAuthorized, ErrorCode::BadState, ErrorCode::UnknownConversation,
                                 ErrorCode::RateLimited, ErrorCode::MalformedJson})
        EXPECT_TRUE(isBadFrameCode(code)) << qPrintable(errorCodeName(code));
    // The loser of a handoff race is not abusing anything.
    for (const ErrorCode code : {ErrorCode::QueueEmpty, ErrorCode::CapReached, ErrorCode::BadCredentials,
                                 ErrorCode::ResumeExpired, ErrorCode::TooManySessions, ErrorCode::OfferGone,
                                 ErrorCode::NotOnShift, ErrorCode::SourceShared, ErrorCode::BlockingOff})
        EXPECT_FALSE(isBadFrameCode(code)) << qPrintable(errorCodeName(code));
}

TEST(FrameCodec, EveryEndReasonHasADistinctWireName)
{
    QStringList names;
    for (EndReason reason : {EndReason::SurvivorEnded, EndReason::AdvocateEnded, EndReason::QuickExit,
                             EndReason::IdleClosed, EndReason::Disconnected})
        names.append(endReasonName(reason));
    names.removeDuplicates();
    EXPECT_EQ(names.size(), 5);
}

TEST(FrameCodec, ReservedTypesDecodeAsReserved)
{
    for (const char *json : {R"({"type":"check_in"})", R"({"type":"check_in","conversation":"c"})"}) {
        const DecodeResult result = decode(json);
        ASSERT_TRUE(result.ok()) << json;
        EXPECT_TRUE(std::holds_alternative<frame::Reserved>(*result.frame));
    }
}

TEST(FrameCodec, EveryListedTypeHasItsOwnWireName)
{
    QStringList names;
    for (const FrameInfo &info : clientFrameInfos)
        names.append(QLatin1String(info.name));
    for (const FrameInfo &info : relayFrameInfos)
        names.append(QLatin1String(info.name));
    for (const char *name : reservedFrameNames)
        names.append(QLatin1String(name));
    const qsizetype listed = names.size();
    names.removeDuplicates();
    EXPECT_EQ(names.size(), listed);
    EXPECT_EQ(frameTypeName(ClientFrame(frame::TakeNext{})), QStringLiteral("take_next"));
    EXPECT_EQ(frameTypeName(RelayFrame(frame::QueueSummary{})), QStringLiteral("queue_summary"));
    EXPECT_EQ(frameTypeName(ClientFrame(frame::Reserved{QStringLiteral("check_in")})), QStringLiteral("check_in"));
}

TEST(FrameCodec, AValidFrameOfTheOtherDirectionIsReportedAsSuch)
{
    const DecodeResult fromClient = FrameCodec().decodeClientFrame(FrameCodec::encode(frame::Pong{}));
    EXPECT_FALSE(fromClient.ok());
    EXPECT_TRUE(fromClient.otherDirection);
    EXPECT_EQ(fromClient.type, QStringLiteral("pong"));
    const DecodeResult fromRelay = FrameCodec().decodeRelayFrame(FrameCodec::encode(frame::Ping{}));
    EXPECT_FALSE(fromRelay.ok());
    EXPECT_TRUE(fromRelay.otherDirection);
    EXPECT_TRUE(FrameCodec().decodeRelayFrame(QByteArray(R"({"type":"check_in"})")).otherDirection);
    // Its fields are checked all the same.
    const DecodeResult bad = FrameCodec().decodeClientFrame(QByteArray(R"({"type":"delivered","conversation":"c"})"));
    EXPECT_FALSE(bad.otherDirection);
    EXPECT_EQ(bad.error.code, ErrorCode::BadField);
    EXPECT_EQ(bad.error.field, QStringLiteral("seq"));
}

TEST(FrameCodec, InvalidJsonIsMalformedJson)
{
    EXPECT_EQ(decode(R"({"type":"ping")").error.code, ErrorCode::MalformedJson);
    EXPECT_EQ(decode("").error.code, ErrorCode::MalformedJson);
    EXPECT_EQ(decode(QByteArray("{\"type\":\"ping\",\"x\":\"\xff\xfe\"}")).error.code, ErrorCode::MalformedJson);
}

TEST(FrameCodec, ArrayIsNotAnObject)
{
    EXPECT_EQ(decode(R"([{"type":"ping"}])").error.code, ErrorCode::NotAnObject);
}

TEST(FrameCodec, MissingOrUnknownTypeIsUnknownType)
{
    EXPECT_EQ(decode(R"({"conversation":"c"})").error.code, ErrorCode::UnknownType);
    EXPECT_EQ(decode(R"({"type":7})").error.code, ErrorCode::UnknownType);
    EXPECT_EQ(decode(R"({"type":"upload_file"})").error.code, ErrorCode::UnknownType);
}

TEST(FrameCodec, MissingFieldIsBadFieldNamingIt)
{
    const DecodeResult result = decode(R"({"type":"send","conversation":"c1","clientId":"m1"})");
    EXPECT_EQ(result.error.code, ErrorCode::BadField);
    EXPECT_EQ(result.error.field, QStringLiteral("body"));
    EXPECT_EQ(result.type, QStringLiteral("send"));
}

TEST(FrameCodec, WrongFieldTypesAreBadField)
{
    for (const char *json : {
             R"({"type":"send","conversation":"c1","clientId":"m1","body":42})",
             R"({"type":"ack","conversation":"c1","seq":"3"})",
             R"({"type":"ack","conversation":"c1","seq":1.5})",
             R"({"type":"ack","conversation":"c1","seq":-1})",
             R"({"type":"ack","conversation":"c1","seq":1e300})",
             R"({"type":"typing","conversation":"c1","active":"yes"})",
             R"({"type":"send","conversation":"../etc","clientId":"m1","body":"x"})",
             R"({"type":"start","protocol":1,"noticeVersion":1,"language":"en us"})",
             R"({"type":"start","protocol":1,"noticeVersion":1,"alias":"\u0007bell"})",
             R"({"type":"set_available","available":true,"languages":["en",3]})",
             R"({"type":"end","conversation":"c1","reason":"bored"})",
         }) {
        EXPECT_EQ(decode(json).error.code, ErrorCode::BadField) << json;
    }
}

TEST(FrameCodec, FrameOverTheLimitIsFrameTooLargeBeforeParsing)
{
    const QByteArray big = "{\"type\":\"ping\",\"pad\":\"" + QByteArray(16 * 1024, 'x') + "\"}";
    EXPECT_EQ(decode(big).error.code, ErrorCode::FrameTooLarge);
    EXPECT_EQ(decode(QByteArray(16 * 1024 + 1, '{')).error.code, ErrorCode::FrameTooLarge);
    EXPECT_TRUE(decode(R"({"type":"ping"})", ProtocolLimits{15, 4000}).ok());
    EXPECT_EQ(decode(R"({"type":"ping"})", ProtocolLimits{14, 4000}).error.code, ErrorCode::FrameTooLarge);
}

TEST(FrameCodec, BinaryFramesAreRefused)
{
    EXPECT_EQ(FrameCodec().decodeBinary().error.code, ErrorCode::BinaryRefused);
}

TEST(FrameCodec, BodyOverFourThousandCharactersIsMessageTooLong)
{
    EXPECT_TRUE(decode(sendWithBody(QString(4000, u'a'))).ok());
    const DecodeResult result = decode(sendWithBody(QString(4001, u'a')));
    EXPECT_EQ(result.error.code, ErrorCode::MessageTooLong);
    EXPECT_EQ(result.error.field, QStringLiteral("body"));
}

TEST(FrameCodec, BodyLimitCountsCharactersNotUtf16Units)
{
    QString emoji;
    for (int i = 0; i < 4000; ++i)
        emoji += QStringLiteral("👋");
    EXPECT_TRUE(decode(sendWithBody(emoji)).ok());
}

TEST(FrameCodec, OtherProtocolVersionIsUnsupportedVersion)
{
    EXPECT_EQ(decode(R"({"type":"start","protocol":2,"noticeVersion":1})").error.code, ErrorCode::UnsupportedVersion);
    EXPECT_EQ(decode(R"({"type":"sign_in","protocol":0,"user":"a","password":"b"})").error.code,
              ErrorCode::UnsupportedVersion);
}

TEST(FrameCodec, ErrorMessagesNeverEchoFrameContent)
{
    const DecodeResult result =
        decode(R"({"type":"send","conversation":"c1","clientId":"m1","body":"CANARY","extra":"CANARY2"})",
               ProtocolLimits{16384, 3});
    EXPECT_EQ(result.error.code, ErrorCode::MessageTooLong);
    EXPECT_FALSE(result.error.message.contains(QLatin1String("CANARY")));
}

TEST(FrameCodec, EveryErrorCodeHasAWireNameThatMapsBack)
{
    for (int i = 0; i <= static_cast<int>(lastErrorCode); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        ASSERT_FALSE(errorCodeName(code).isEmpty()) << i;
        EXPECT_EQ(errorCodeFromName(errorCodeName(code)), code);
    }
}
