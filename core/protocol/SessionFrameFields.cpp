// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/SessionFrameFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace advocate::wire {

namespace {

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
    if (inner.ok() && inner.has("practice"))
        facts.practice = inner.boolean("practice");
    if (!inner.ok() || !names || !hours)
        return bad();
    facts.names = *names;
    facts.hours = *hours;
    return facts;
}

} // namespace

frame::Start decodeFields(FieldReader &r, Tag<frame::Start>)
{
    frame::Start f;
    f.protocol = r.protocol("protocol");
    f.noticeVersion = r.smallInteger("noticeVersion");
    f.alias = r.optionalAlias("alias");
    f.language = r.optionalLanguage("language");
    if (r.ok() && r.has("practice"))
        f.practice = r.boolean("practice");
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

void encodeFields(JsonObjectWriter &o, const frame::Start &f)
{
    o.insert(key("protocol"), f.protocol);
    o.insert(key("noticeVersion"), f.noticeVersion);
    put(o, "alias", f.alias);
    put(o, "language", f.language);
    if (f.practice)
        o.insert(key("practice"), true);
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
        if (f.program->practice)
            program.insert(key("practice"), true);
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

} // namespace advocate::wire
