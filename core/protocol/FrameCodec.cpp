// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/FrameCodec.h"

#include "protocol/ConversationFrameFields.h"
#include "protocol/FieldReader.h"
#include "protocol/HandoffFrameFields.h"
#include "protocol/SessionFrameFields.h"
#include "protocol/StatisticsFrameFields.h"
#include "protocol/SupervisionFrameFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <utility>

namespace advocate {

namespace {

using namespace wire;
// The frames' field overloads (sign-in and session, conversation, handoff, supervision, statistics), in one overload
// set with the reserved frames' one below.
using wire::decodeFields;
using wire::encodeFields;

// Each frame type of the lists in Frames.h has one decodeFields() overload (tagged with its type) and one
// encodeFields() overload: in SessionFrameFields for the sign-in, queue and session frames, in ConversationFrameFields
// for the frames of an open conversation, in HandoffFrameFields for the handoff and shift-log frames, in
// SupervisionFrameFields for supervision, in StatisticsFrameFields for the statistics frames. The decoder tables and
// encode() are generated from the lists, so a listed frame without both does not compile.

bool isReservedType(const QString &type)
{
    return std::any_of(reservedFrameNames.cbegin(), reservedFrameNames.cend(),
                       [&](const char *name) { return type == QLatin1String(name); });
}

template <typename Variant>
DecodeResult<Variant> failure(ErrorCode code, const QString &message, const QString &type = QString(),
                              const QString &field = QString())
{
    DecodeResult<Variant> result;
    result.error = ProtocolError{code, message, field};
    result.type = type;
    return result;
}

// The decoders of one direction, one per listed frame type, in the list's order.
template <typename Variant>
struct Decoder
{
    const char *name;
    Variant (*decode)(FieldReader &);
};

template <typename Variant, typename T>
Variant decodeAs(FieldReader &reader)
{
    return decodeFields(reader, Tag<T>{});
}

#define ADVOCATE_CLIENT_DECODER(Type, wireName, who)                                                                   \
    Decoder<ClientFrame>{wireName, &decodeAs<ClientFrame, frame::Type>},
#define ADVOCATE_RELAY_DECODER(Type, wireName) Decoder<RelayFrame>{wireName, &decodeAs<RelayFrame, frame::Type>},
constexpr std::array clientDecoders{ADVOCATE_CLIENT_FRAMES(ADVOCATE_CLIENT_DECODER)};
constexpr std::array relayDecoders{ADVOCATE_RELAY_FRAMES(ADVOCATE_RELAY_DECODER)};
#undef ADVOCATE_CLIENT_DECODER
#undef ADVOCATE_RELAY_DECODER

template <typename Variant>
constexpr const auto &decodersFor()
{
    if constexpr (std::is_same_v<Variant, ClientFrame>)
        return clientDecoders;
    else
        return relayDecoders;
}

// Decodes the fields of a frame of `type` with the decoders of `Variant`'s direction; nullopt when the type is
// not one of that direction.
template <typename Variant>
std::optional<DecodeResult<Variant>> decodeTyped(const QJsonObject &object, const QString &type,
                                                 const ProtocolLimits &limits)
{
    for (const Decoder<Variant> &decoder : decodersFor<Variant>()) {
        if (type != QLatin1String(decoder.name))
            continue;
        FieldReader reader(object, limits);
        Variant decoded = decoder.decode(reader);
        if (!reader.ok()) {
            const ProtocolError error = reader.error();
            return failure<Variant>(error.code, error.message, type, error.field);
        }
        DecodeResult<Variant> result;
        result.frame = std::move(decoded);
        result.type = type;
        return result;
    }
    return std::nullopt;
}

// A reserved type has no fields yet: only its name goes out.
void encodeFields(JsonObjectWriter &, const frame::Reserved &) {}

// RFC 8259 section 7: a control character (U+0000 to U+001F) inside a string must be escaped. QJsonDocument
// accepts it raw (a NUL included), so the frame is checked first; outside strings only JSON's blanks may appear,
// and QJsonDocument refuses anything else there itself.
bool hasRawControlCharacterInString(QByteArrayView utf8)
{
    bool inString = false;
    bool escaped = false;
    for (const char c : utf8) {
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return true;
        if (escaped)
            escaped = false;
        else if (c == '\\')
            escaped = true;
        else if (c == '"')
            inString = false;
    }
    return false;
}

// What the codec's entry points share: the checks of section 1, then the frame's own fields. A valid frame of the
// other direction is reported as such (its fields checked all the same) for the receiver to refuse or ignore.
template <typename Own, typename Other>
DecodeResult<Own> decodeFrame(QByteArrayView utf8, const ProtocolLimits &limits)
{
    if (utf8.size() > limits.maxFrameBytes)
        return failure<Own>(
            ErrorCode::FrameTooLarge,
            QCoreApplication::translate("FrameCodec", "The frame is larger than %1 bytes.").arg(limits.maxFrameBytes));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || hasRawControlCharacterInString(utf8))
        return failure<Own>(ErrorCode::MalformedJson,
                            QCoreApplication::translate("FrameCodec", "The frame is not valid JSON."));
    if (!document.isObject())
        return failure<Own>(ErrorCode::NotAnObject,
                            QCoreApplication::translate("FrameCodec", "The frame must be a JSON object."));

    const QJsonObject object = document.object();
    const QJsonValue typeValue = object.value(QLatin1String("type"));
    if (!typeValue.isString())
        return failure<Own>(ErrorCode::UnknownType,
                            QCoreApplication::translate("FrameCodec", "The frame has no \"type\" string."));
    const QString type = typeValue.toString();
    if (type.size() > maxIdentifierChars)
        return failure<Own>(
            ErrorCode::UnknownType,
            QCoreApplication::translate("FrameCodec", "The frame's type is not part of this protocol."));

    if (isReservedType(type)) {
        DecodeResult<Own> result;
        if constexpr (std::is_same_v<Own, ClientFrame>)
            result.frame = frame::Reserved{type};
        else
            result.otherDirection = true;
        result.type = type;
        return result;
    }
    if (std::optional<DecodeResult<Own>> own = decodeTyped<Own>(object, type, limits))
        return std::move(*own);
    if (const std::optional<DecodeResult<Other>> other = decodeTyped<Other>(object, type, limits)) {
        DecodeResult<Own> result = failure<Own>(other->error.code, other->error.message, type, other->error.field);
        result.otherDirection = other->ok();
        return result;
    }
    return failure<Own>(ErrorCode::UnknownType,
                        QCoreApplication::translate("FrameCodec", "The frame's type is not part of this protocol."));
}

template <typename Variant>
QByteArray encodeFrame(const Variant &frame)
{
    JsonObjectWriter object;
    object.insert(key("type"), frameTypeName(frame));
    std::visit([&](const auto &typed) { encodeFields(object, typed); }, frame);
    return std::move(object).finish();
}

} // namespace

FrameCodec::FrameCodec(ProtocolLimits limits) : m_limits(limits) {}

DecodeResult<ClientFrame> FrameCodec::decodeClientFrame(QByteArrayView utf8) const
{
    return decodeFrame<ClientFrame, RelayFrame>(utf8, m_limits);
}

DecodeResult<RelayFrame> FrameCodec::decodeRelayFrame(QByteArrayView utf8) const
{
    return decodeFrame<RelayFrame, ClientFrame>(utf8, m_limits);
}

DecodeResult<ClientFrame> FrameCodec::decodeBinary() const
{
    return failure<ClientFrame>(
        ErrorCode::BinaryRefused,
        QCoreApplication::translate("FrameCodec", "Binary frames are refused; send JSON text frames."));
}

QByteArray FrameCodec::encode(const ClientFrame &frame)
{
    return encodeFrame(frame);
}

QByteArray FrameCodec::encode(const RelayFrame &frame)
{
    return encodeFrame(frame);
}

} // namespace advocate
