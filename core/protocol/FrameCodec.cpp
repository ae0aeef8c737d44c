// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/FrameCodec.h"

#include "protocol/ConversationFrameFields.h"
#include "protocol/FieldReader.h"
#include "protocol/HandoffFrameFields.h"
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
// The conversation, handoff, supervision and statistics frames' overloads, in one overload set with the ones below.
using wire::decodeFields;
using wire::encodeFields;

// Each frame type of the lists in Frames.h has one decodeFields() overload (tagged with its type) and one
// encodeFields() overload: here for the sign-in, queue and session frames, in ConversationFrameFields for the frames
// of an open conversation, in HandoffFrameFields for the handoff and shift-log frames, in SupervisionFrameFields for
// supervision, in StatisticsFrameFields for the statistics frames. The decoder tables and encode() are generated from
// the lists, so a listed frame without both does not compile.

frame::Start decodeFields(FieldReader &r, Tag<frame::Start>)
{
    frame::Start f;
    f.protocol = r.protocol("protocol");
    f.noticeVersion = r.smallInteger("noticeVersion");
    f.alias = r.optionalAlias("alias");
    f.language = r.optionalLanguage("language");
    return f;
}

frame::Resume decodeFields(FieldReader &r, Tag<frame::Resume>)
{
    frame::Resume f;
    f.protocol = r.protocol("protocol");
    f.token = r.limitedString("token", maxTokenChars);
    f.lastSeq = r.integer("lastSeq");
    return f;
}

frame::SignIn decodeFields(FieldReader &r, Tag<frame::SignIn>)
{
    frame::SignIn f;
    f.protocol = r.protocol("protocol");
    f.user = r.limitedString("user", maxUserChars);
    f.password = r.limitedString("password", maxPasswordChars);
    return f;
}

frame::StaffResume decodeFields(FieldReader &r, Tag<frame::StaffResume>)
{
    frame::StaffResume f;
    f.protocol = r.protocol("protocol");
    f.sessionToken = r.limitedString("sessionToken", maxTokenChars);
    if (!r.ok() || !r.has("claims"))
        return f;
    const QJsonValue list = r.field("claims");
    const QJsonArray entries = list.toArray();
    if (!list.isArray() || entries.size() > frame::maxReclaimClaims) {
        r.fail(ErrorCode::BadField, "claims",
               QCoreApplication::translate("FrameCodec", "Field \"claims\" must be a list of at most 16 claims."));
        return f;
    }
    for (qsizetype i = 0; r.ok() && i < entries.size(); ++i) {
        ProtocolLimits limits;
        FieldReader inner(entries.at(i).toObject(), limits);
        frame::ReclaimClaim claim{inner.identifier("conversation"), inner.integer("lastSeq")};
        if (!inner.ok() || !entries.at(i).isObject())
            r.fail(ErrorCode::BadField, "claims",
                   QCoreApplication::translate("FrameCodec", "Field \"claims\" must be a list of claims."));
        f.claims.append(claim);
    }
    return f;
}

frame::SignOut decodeFields(FieldReader &, Tag<frame::SignOut>)
{
    return frame::SignOut{};
}

frame::SetAvailable decodeFields(FieldReader &r, Tag<frame::SetAvailable>)
{
    frame::SetAvailable f;
    f.available = r.boolean("available");
    f.languages = r.optionalLanguages("languages");
    return f;
}

frame::TakeNext decodeFields(FieldReader &r, Tag<frame::TakeNext>)
{
    return frame::TakeNext{r.optionalLanguage("language")};
}

frame::ShiftEndOverride decodeFields(FieldReader &r, Tag<frame::ShiftEndOverride>)
{
    frame::ShiftEndOverride f;
    f.category = r.named("category", &frame::overrideCategoryFromName);
    f.reasonChars = r.smallInteger("reasonChars", 1, frame::maxOverrideReasonChars);
    f.open = r.smallInteger("open");
    f.reason = r.optionalBody("reason");
    return f;
}

frame::QuickExit decodeFields(FieldReader &, Tag<frame::QuickExit>)
{
    return frame::QuickExit{};
}

frame::Ping decodeFields(FieldReader &, Tag<frame::Ping>)
{
    return frame::Ping{};
}

frame::Hello decodeFields(FieldReader &r, Tag<frame::Hello>)
{
    frame::Hello f;
    f.protocol = r.smallInteger("protocol");
    f.server = r.limitedString("server", maxIdentifierChars * 2);
    f.maxFrameBytes = r.smallInteger("maxFrameBytes");
    f.maxMessageChars = r.smallInteger("maxMessageChars");
    f.noticeVersion = r.smallInteger("noticeVersion");
    return f;
}

frame::Error decodeFields(FieldReader &r, Tag<frame::Error>)
{
    frame::Error f;
    f.code = r.named("code", &errorCodeFromName);
    f.message = r.limitedString("message", maxTextChars);
    f.field = r.optionalLimitedString("field", maxIdentifierChars);
    f.inReplyTo = r.optionalLimitedString("inReplyTo", maxIdentifierChars);
    f.fatal = r.boolean("fatal");
    return f;
}

frame::Session decodeFields(FieldReader &r, Tag<frame::Session>)
{
    frame::Session f;
    f.resumeToken = r.limitedString("resumeToken", maxTokenChars);
    f.reconnectWindowSeconds = r.smallInteger("reconnectWindowSeconds");
    return f;
}

// An object of language tag -> text (at most 32 languages), as the program facts carry the name and the hours.
std::optional<QMap<QString, QString>> textsByLanguage(const QJsonValue &value)
{
    if (!value.isObject() || value.toObject().size() > 32)
        return std::nullopt;
    QMap<QString, QString> texts;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString text = it.value().toString();
        if (!isLanguageTag(it.key()) || !it.value().isString() || codePoints(text) > maxTextChars ||
            hasControlCharacters(text))
            return std::nullopt;
        texts.insert(it.key(), text);
    }
    return texts;
}

frame::ProgramFacts decodeProgramFacts(FieldReader &r, const char *name)
{
    const QJsonValue value = r.field(name);
    const auto bad = [&r, name] {
        r.fail(ErrorCode::BadField, name,
               QCoreApplication::translate("FrameCodec", "Field \"%1\" must be the program's facts.")
                   .arg(QLatin1String(name)));
        return frame::ProgramFacts{};
    };
    if (!r.ok() || !value.isObject())
        return bad();
    const QJsonObject object = value.toObject();
    ProtocolLimits limits;
    FieldReader inner(object, limits);
    frame::ProgramFacts facts;
    // A config may leave any of them empty (a relay run without a config file has no hotline): absent then.
    facts.hotlinePhone = inner.optionalLimitedString("hotlinePhone", maxTextChars).value_or(QString());
    facts.hotlineSms = inner.optionalLimitedString("hotlineSms", maxTextChars).value_or(QString());
    facts.emergencyNumber = inner.optionalLimitedString("emergencyNumber", maxTextChars).value_or(QString());
    const std::optional<QMap<QString, QString>> names = textsByLanguage(object.value(QLatin1String("names")));
    const std::optional<QMap<QString, QString>> hours = textsByLanguage(object.value(QLatin1String("hours")));
    if (!inner.ok() || !names || !hours)
        return bad();
    facts.names = *names;
    facts.hours = *hours;
    return facts;
}

frame::SignedIn decodeFields(FieldReader &r, Tag<frame::SignedIn>)
{
    frame::SignedIn f;
    f.user = r.limitedString("user", maxUserChars);
    f.role = r.named("role", &roleFromName);
    f.sessionToken = r.limitedString("sessionToken", maxTokenChars);
    const QJsonValue list = r.field("conversations");
    if (r.ok() && !list.isArray())
        r.fail(ErrorCode::BadField, "conversations",
               QCoreApplication::translate("FrameCodec", "Field \"conversations\" must be a list."));
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; r.ok() && i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        ProtocolLimits limits;
        FieldReader inner(entry, limits);
        frame::ConversationSummary summary;
        summary.conversation = inner.identifier("conversation");
        summary.language = inner.language("language");
        summary.alias = inner.optionalAlias("alias");
        summary.lastSeq = inner.integer("lastSeq");
        if (!inner.ok() || !entries.at(i).isObject())
            r.fail(ErrorCode::BadField, "conversations",
                   QCoreApplication::translate("FrameCodec",
                                               "Field \"conversations\" must be a list of conversation summaries."));
        f.conversations.append(summary);
    }
    if (r.ok() && r.has("cap"))
        f.cap = r.smallInteger("cap", 1, 4);
    if (r.ok() && r.has("maxShiftMinutes"))
        f.maxShiftMinutes = r.smallInteger("maxShiftMinutes", 10, 24 * 60);
    if (r.ok() && r.has("program"))
        f.program = decodeProgramFacts(r, "program");
    return f;
}

frame::Queued decodeFields(FieldReader &r, Tag<frame::Queued>)
{
    frame::Queued f;
    f.position = r.smallInteger("position", 1);
    f.estimatedWaitSeconds = r.smallInteger("estimatedWaitSeconds");
    return f;
}

frame::LongWait decodeFields(FieldReader &r, Tag<frame::LongWait>)
{
    frame::LongWait f;
    f.waitedSeconds = r.smallInteger("waitedSeconds");
    f.text = r.limitedString("text", maxTextChars);
    f.phone = r.optionalLimitedString("phone", maxIdentifierChars);
    f.sms = r.optionalLimitedString("sms", maxIdentifierChars);
    return f;
}

frame::Busy decodeFields(FieldReader &r, Tag<frame::Busy>)
{
    frame::Busy f;
    f.text = r.limitedString("text", maxTextChars);
    f.phone = r.optionalLimitedString("phone", maxIdentifierChars);
    f.sms = r.optionalLimitedString("sms", maxIdentifierChars);
    return f;
}

frame::QueueSummary decodeFields(FieldReader &r, Tag<frame::QueueSummary>)
{
    frame::QueueSummary f;
    const QJsonValue waiting = r.field("waiting");
    if (r.ok() && !waiting.isObject())
        r.fail(ErrorCode::BadField, "waiting",
               QCoreApplication::translate("FrameCodec", "Field \"waiting\" must be an object."));
    const QJsonObject counts = waiting.toObject();
    for (auto it = counts.constBegin(); r.ok() && it != counts.constEnd(); ++it) {
        const double count = it.value().toDouble(-1);
        if (!isLanguageTag(it.key()) || !it.value().isDouble() || std::trunc(count) != count || count < 0 ||
            count > double(1 << 30))
            r.fail(ErrorCode::BadField, "waiting",
                   QCoreApplication::translate("FrameCodec", "Field \"waiting\" must map languages to counts."));
        else
            f.waiting.insert(it.key(), static_cast<int>(count));
    }
    if (r.ok() && r.has("waits")) {
        const QJsonValue waits = r.field("waits");
        const QString problem =
            QCoreApplication::translate("FrameCodec", "Field \"waits\" must map languages to lists of seconds.");
        if (!waits.isObject())
            r.fail(ErrorCode::BadField, "waits", problem);
        const QJsonObject lists = waits.toObject();
        for (auto it = lists.constBegin(); r.ok() && it != lists.constEnd(); ++it) {
            if (!isLanguageTag(it.key()) || !it.value().isArray()) {
                r.fail(ErrorCode::BadField, "waits", problem);
                break;
            }
            QList<int> seconds;
            for (const QJsonValue &entry : it.value().toArray()) {
                const double value = entry.toDouble(-1);
                if (!entry.isDouble() || std::trunc(value) != value || value < 0 || value > double(1 << 30)) {
                    r.fail(ErrorCode::BadField, "waits", problem);
                    break;
                }
                seconds.append(static_cast<int>(value));
            }
            f.waits.insert(it.key(), seconds);
        }
    }
    return f;
}

frame::Pong decodeFields(FieldReader &, Tag<frame::Pong>)
{
    return frame::Pong{};
}

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

void encodeFields(JsonObjectWriter &o, const frame::Start &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("noticeVersion"), f.noticeVersion);
    put(o, "alias", f.alias);
    put(o, "language", f.language);
}

void encodeFields(JsonObjectWriter &o, const frame::Resume &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("token"), f.token);
    o.insert(key("lastSeq"), f.lastSeq);
}

void encodeFields(JsonObjectWriter &o, const frame::SignIn &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("user"), f.user);
    o.insert(key("password"), f.password);
}

void encodeFields(JsonObjectWriter &o, const frame::StaffResume &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("sessionToken"), f.sessionToken);
    if (f.claims.isEmpty())
        return;
    QJsonArray list;
    for (const frame::ReclaimClaim &claim : f.claims)
        list.append(QJsonObject{{key("conversation"), claim.conversation}, {key("lastSeq"), claim.lastSeq}});
    o.insert(key("claims"), list);
}

void encodeFields(JsonObjectWriter &o, const frame::SetAvailable &f)
{
    o.insert(key("available"), f.available);
    if (f.languages)
        o.insert(key("languages"), QJsonArray::fromStringList(*f.languages));
}

void encodeFields(JsonObjectWriter &o, const frame::TakeNext &f)
{
    put(o, "language", f.language);
}

void encodeFields(JsonObjectWriter &o, const frame::Hello &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("server"), f.server);
    o.insert(key("maxFrameBytes"), f.maxFrameBytes);
    o.insert(key("maxMessageChars"), f.maxMessageChars);
    o.insert(key("noticeVersion"), f.noticeVersion);
}

void encodeFields(JsonObjectWriter &o, const frame::Error &f)
{
    o.insert(key("code"), errorCodeName(f.code));
    o.insert(key("message"), f.message);
    put(o, "field", f.field);
    put(o, "inReplyTo", f.inReplyTo);
    o.insert(key("fatal"), f.fatal);
}

void encodeFields(JsonObjectWriter &o, const frame::Session &f)
{
    o.insert(key("resumeToken"), f.resumeToken);
    o.insert(key("reconnectWindowSeconds"), f.reconnectWindowSeconds);
}

void encodeFields(JsonObjectWriter &o, const frame::SignedIn &f)
{
    o.insert(key("user"), f.user);
    o.insert(key("role"), roleName(f.role));
    o.insert(key("sessionToken"), f.sessionToken);
    QJsonArray list;
    for (const frame::ConversationSummary &summary : f.conversations) {
        QJsonObject entry{{key("conversation"), summary.conversation},
                          {key("language"), summary.language},
                          {key("lastSeq"), summary.lastSeq}};
        put(entry, "alias", summary.alias);
        list.append(entry);
    }
    o.insert(key("conversations"), list);
    if (f.cap)
        o.insert(key("cap"), *f.cap);
    if (f.maxShiftMinutes)
        o.insert(key("maxShiftMinutes"), *f.maxShiftMinutes);
    if (f.program) {
        const auto texts = [](const QMap<QString, QString> &byLanguage) {
            QJsonObject object;
            for (auto it = byLanguage.constBegin(); it != byLanguage.constEnd(); ++it)
                object.insert(it.key(), it.value());
            return object;
        };
        QJsonObject program{{key("names"), texts(f.program->names)}, {key("hours"), texts(f.program->hours)}};
        for (const auto &[name, value] :
             {std::pair{"hotlinePhone", &f.program->hotlinePhone}, std::pair{"hotlineSms", &f.program->hotlineSms},
              std::pair{"emergencyNumber", &f.program->emergencyNumber}}) {
            if (!value->isEmpty())
                program.insert(key(name), *value);
        }
        o.insert(key("program"), program);
    }
}

void encodeFields(JsonObjectWriter &o, const frame::Queued &f)
{
    o.insert(key("position"), f.position);
    o.insert(key("estimatedWaitSeconds"), f.estimatedWaitSeconds);
}

void encodeFields(JsonObjectWriter &o, const frame::LongWait &f)
{
    o.insert(key("waitedSeconds"), f.waitedSeconds);
    o.insert(key("text"), f.text);
    put(o, "phone", f.phone);
    put(o, "sms", f.sms);
}

void encodeFields(JsonObjectWriter &o, const frame::Busy &f)
{
    o.insert(key("text"), f.text);
    put(o, "phone", f.phone);
    put(o, "sms", f.sms);
}

void encodeFields(JsonObjectWriter &o, const frame::QueueSummary &f)
{
    QJsonObject waiting;
    for (auto it = f.waiting.constBegin(); it != f.waiting.constEnd(); ++it)
        waiting.insert(it.key(), it.value());
    o.insert(key("waiting"), waiting);
    if (!f.waits.isEmpty()) {
        QJsonObject waits;
        for (auto it = f.waits.constBegin(); it != f.waits.constEnd(); ++it) {
            QJsonArray seconds;
            for (const int value : it.value())
                seconds.append(value);
            waits.insert(it.key(), seconds);
        }
        o.insert(key("waits"), waits);
    }
}

void encodeFields(JsonObjectWriter &o, const frame::ShiftEndOverride &f)
{
    o.insert(key("category"), frame::overrideCategoryName(f.category));
    o.insert(key("reasonChars"), f.reasonChars);
    o.insert(key("open"), f.open);
    put(o, "reason", f.reason);
}

void encodeFields(JsonObjectWriter &, const frame::SignOut &) {}

void encodeFields(JsonObjectWriter &, const frame::QuickExit &) {}

void encodeFields(JsonObjectWriter &, const frame::Ping &) {}

void encodeFields(JsonObjectWriter &, const frame::Pong &) {}

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
