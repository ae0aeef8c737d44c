// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/SupervisionFrameFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace advocate::wire {

namespace {

constexpr int maxListEntries = 4096;

// Reads a list of objects, each through its own FieldReader; the first bad entry fails the whole field, with what
// was wrong in it.
template <typename T, typename ReadOne>
QList<T> objectList(FieldReader &r, const char *name, const QString &problem, ReadOne readOne)
{
    QList<T> items;
    const QJsonValue list = r.field(name);
    if (!r.ok())
        return items;
    if (!list.isArray() || list.toArray().size() > maxListEntries) {
        r.fail(ErrorCode::BadField, name, problem);
        return items;
    }
    const ProtocolLimits limits;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject object = entry.toObject();
        FieldReader inner(object, limits);
        T item = readOne(inner);
        if (!entry.isObject() || !inner.ok()) {
            r.fail(ErrorCode::BadField, name, inner.ok() ? problem : problem + u' ' + inner.error().message);
            return {};
        }
        items.append(std::move(item));
    }
    return items;
}

template <typename T, typename WriteOne>
QJsonArray jsonList(const QList<T> &items, WriteOne writeOne)
{
    QJsonArray list;
    for (const T &item : items)
        list.append(writeOne(item));
    return list;
}

frame::Presence readPresence(FieldReader &r)
{
    frame::Presence p;
    p.user = r.limitedString("user", maxUserChars);
    p.participation = r.named("participation", &participationFromName);
    return p;
}

QJsonObject presenceJson(const frame::Presence &p)
{
    return QJsonObject{{key("user"), p.user}, {key("participation"), participationName(p.participation)}};
}

QList<frame::Presence> presenceList(FieldReader &r, const char *name)
{
    return objectList<frame::Presence>(
        r, name,
        QCoreApplication::translate("FrameCodec", "Field \"%1\" must be a list of staff in the conversation.")
            .arg(QLatin1String(name)),
        readPresence);
}

} // namespace

frame::Join decodeFields(FieldReader &r, Tag<frame::Join>)
{
    return frame::Join{r.identifier("conversation")};
}

frame::Leave decodeFields(FieldReader &r, Tag<frame::Leave>)
{
    return frame::Leave{r.identifier("conversation")};
}

frame::Whisper decodeFields(FieldReader &r, Tag<frame::Whisper>)
{
    frame::Whisper f;
    f.conversation = r.identifier("conversation");
    f.body = r.body("body");
    return f;
}

frame::TakeOver decodeFields(FieldReader &r, Tag<frame::TakeOver>)
{
    frame::TakeOver f;
    f.conversation = r.identifier("conversation");
    f.advocate = r.named("advocate", &frame::afterTakeOverFromName);
    return f;
}

frame::HandBack decodeFields(FieldReader &r, Tag<frame::HandBack>)
{
    return frame::HandBack{r.identifier("conversation")};
}

frame::Monitor decodeFields(FieldReader &r, Tag<frame::Monitor>)
{
    return frame::Monitor{r.identifier("conversation")};
}

frame::RaiseHand decodeFields(FieldReader &r, Tag<frame::RaiseHand>)
{
    frame::RaiseHand f;
    f.conversation = r.identifier("conversation");
    f.raised = r.boolean("raised");
    return f;
}

frame::Block decodeFields(FieldReader &r, Tag<frame::Block>)
{
    frame::Block f;
    f.conversation = r.identifier("conversation");
    if (r.ok() && r.has("hours"))
        f.hours = r.smallInteger("hours", 1, frame::maxBlockHours);
    return f;
}

frame::Unblock decodeFields(FieldReader &r, Tag<frame::Unblock>)
{
    return frame::Unblock{r.identifier("block")};
}

frame::SetNotice decodeFields(FieldReader &r, Tag<frame::SetNotice>)
{
    frame::SetNotice f;
    if (!r.has("kind"))
        return f; // clears the notice
    f.kind = r.named("kind", &frame::noticeKindFromName);
    if (r.ok() && f.kind == frame::NoticeKind::None) {
        r.fail(ErrorCode::BadField, "kind",
               QCoreApplication::translate("FrameCodec", "To clear the notice, leave out \"kind\"."));
        return f;
    }
    f.text = r.limitedString("text", frame::maxNoticeChars);
    if (r.ok() && f.text.trimmed().isEmpty())
        r.fail(ErrorCode::BadField, "text", QCoreApplication::translate("FrameCodec", "The notice needs a text."));
    f.link = r.optionalLimitedString("link", 500);
    if (r.ok() && f.link && !f.link->startsWith(QLatin1String("https://")))
        r.fail(ErrorCode::BadField, "link",
               QCoreApplication::translate("FrameCodec", "The notice's link must be an https address."));
    return f;
}

frame::AckAlert decodeFields(FieldReader &r, Tag<frame::AckAlert>)
{
    return frame::AckAlert{r.identifier("alert")};
}

frame::Board decodeFields(FieldReader &r, Tag<frame::Board>)
{
    frame::Board f;
    f.reset = r.boolean("reset");
    f.conversations = objectList<frame::BoardRow>(
        r, "conversations",
        QCoreApplication::translate("FrameCodec", "Field \"conversations\" must be a list of board rows."),
        [](FieldReader &in) {
            frame::BoardRow row;
            row.conversation = in.identifier("conversation");
            // Only the two states there are: a row in a state this desk does not know could not be shown truthfully
            // (and "active" for anything else would hide a chat waiting in the queue), so the frame is malformed.
            const QString state = in.limitedString("state", 16);
            if (in.ok() && state != QLatin1String("active") && state != QLatin1String("waiting"))
                in.fail(ErrorCode::BadField, "state",
                        QCoreApplication::translate("FrameCodec", "Field \"state\" must be active or waiting."));
            row.waiting = state == QLatin1String("waiting");
            row.language = in.language("language");
            row.sinceSeconds = in.smallInteger("sinceSeconds");
            row.advocate = in.optionalLimitedString("advocate", maxUserChars);
            row.present = presenceList(in, "present");
            const QJsonValue flags = in.field("flags");
            for (const QJsonValue &flag : flags.toArray()) {
                if (const std::optional<frame::BoardFlag> known = frame::boardFlagFromName(flag.toString()))
                    row.flags.append(*known); // a flag this client does not know yet is left out
            }
            if (in.ok() && !flags.isArray())
                in.fail(ErrorCode::BadField, "flags", QString());
            return row;
        });
    const QJsonValue removed = r.field("removed");
    for (const QJsonValue &id : removed.toArray()) {
        if (!id.isString() || !isIdentifier(id.toString())) {
            r.fail(ErrorCode::BadField, "removed",
                   QCoreApplication::translate("FrameCodec", "Field \"removed\" must be a list of conversation ids."));
            break;
        }
        f.removed.append(id.toString());
    }
    f.queues = objectList<frame::QueueWait>(
        r, "queues", QCoreApplication::translate("FrameCodec", "Field \"queues\" must be a list of queue waits."),
        [](FieldReader &in) {
            frame::QueueWait q;
            q.language = in.language("language");
            q.waiting = in.smallInteger("waiting");
            q.longestWaitSeconds = in.smallInteger("longestWaitSeconds");
            return q;
        });
    f.staff = objectList<frame::StaffState>(
        r, "staff", QCoreApplication::translate("FrameCodec", "Field \"staff\" must be a list of staff states."),
        [](FieldReader &in) {
            frame::StaffState s;
            s.user = in.limitedString("user", maxUserChars);
            s.role = in.named("role", &roleFromName);
            s.status = in.named("status", &frame::staffStatusFromName);
            s.load = in.smallInteger("load", 0, 1000);
            return s;
        });
    f.cap = r.smallInteger("cap", 1, 1000);
    f.blocks = objectList<frame::BlockEntry>(
        r, "blocks", QCoreApplication::translate("FrameCodec", "Field \"blocks\" must be a list of blocks."),
        [](FieldReader &in) {
            frame::BlockEntry b;
            b.block = in.identifier("block");
            b.by = in.limitedString("by", maxUserChars);
            b.expiresInSeconds = in.smallInteger("expiresInSeconds");
            return b;
        });
    const QJsonValue notice = r.field("notice");
    if (r.ok()) {
        const QJsonObject object = notice.toObject();
        const ProtocolLimits limits;
        FieldReader in(object, limits);
        f.notice.kind = in.named("kind", &frame::noticeKindFromName);
        f.notice.text = in.optionalLimitedString("text", frame::maxNoticeChars);
        f.notice.link = in.optionalLimitedString("link", 500);
        if (!notice.isObject() || !in.ok())
            r.fail(ErrorCode::BadField, "notice",
                   QCoreApplication::translate("FrameCodec", "Field \"notice\" must be a service notice."));
    }
    return f;
}

frame::Participants decodeFields(FieldReader &r, Tag<frame::Participants>)
{
    frame::Participants f;
    f.conversation = r.identifier("conversation");
    f.staff = presenceList(r, "staff");
    return f;
}

frame::SupervisorPresent decodeFields(FieldReader &r, Tag<frame::SupervisorPresent>)
{
    frame::SupervisorPresent f;
    f.conversation = r.identifier("conversation");
    f.present = r.boolean("present");
    return f;
}

frame::WhisperNote decodeFields(FieldReader &r, Tag<frame::WhisperNote>)
{
    frame::WhisperNote f;
    f.conversation = r.identifier("conversation");
    f.from = r.limitedString("from", maxUserChars);
    f.body = r.body("body");
    f.at = r.integer("at");
    return f;
}

frame::Alert decodeFields(FieldReader &r, Tag<frame::Alert>)
{
    frame::Alert f;
    f.alert = r.identifier("alert");
    f.kind = r.named("kind", &frame::alertKindFromName);
    f.user = r.limitedString("user", maxUserChars);
    f.body = r.body("body");
    f.at = r.integer("at");
    return f;
}

frame::AlertClosed decodeFields(FieldReader &r, Tag<frame::AlertClosed>)
{
    return frame::AlertClosed{r.identifier("alert")};
}

void encodeFields(JsonObjectWriter &o, const frame::Join &f)
{
    o.insert(key("conversation"), f.conversation);
}

void encodeFields(JsonObjectWriter &o, const frame::Leave &f)
{
    o.insert(key("conversation"), f.conversation);
}

void encodeFields(JsonObjectWriter &o, const frame::Whisper &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("body"), f.body);
}

void encodeFields(JsonObjectWriter &o, const frame::TakeOver &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("advocate"), frame::afterTakeOverName(f.advocate));
}

void encodeFields(JsonObjectWriter &o, const frame::HandBack &f)
{
    o.insert(key("conversation"), f.conversation);
}

void encodeFields(JsonObjectWriter &o, const frame::Monitor &f)
{
    o.insert(key("conversation"), f.conversation);
}

void encodeFields(JsonObjectWriter &o, const frame::RaiseHand &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("raised"), f.raised);
}

void encodeFields(JsonObjectWriter &o, const frame::Block &f)
{
    o.insert(key("conversation"), f.conversation);
    put(o, "hours", f.hours);
}

void encodeFields(JsonObjectWriter &o, const frame::Unblock &f)
{
    o.insert(key("block"), f.block);
}

void encodeFields(JsonObjectWriter &o, const frame::SetNotice &f)
{
    if (f.kind == frame::NoticeKind::None)
        return;
    o.insert(key("kind"), frame::noticeKindName(f.kind));
    o.insert(key("text"), f.text);
    put(o, "link", f.link);
}

void encodeFields(JsonObjectWriter &o, const frame::AckAlert &f)
{
    o.insert(key("alert"), f.alert);
}

void encodeFields(JsonObjectWriter &o, const frame::Board &f)
{
    o.insert(key("reset"), f.reset);
    o.insert(key("conversations"), jsonList(f.conversations, [](const frame::BoardRow &row) {
                 QJsonObject object{{key("conversation"), row.conversation},
                                    {key("state"), row.waiting ? QStringLiteral("waiting") : QStringLiteral("active")},
                                    {key("language"), row.language},
                                    {key("sinceSeconds"), row.sinceSeconds},
                                    {key("present"), jsonList(row.present, presenceJson)},
                                    {key("flags"), jsonList(row.flags, [](frame::BoardFlag flag) {
                                         return QJsonValue(frame::boardFlagName(flag));
                                     })}};
                 put(object, "advocate", row.advocate);
                 return object;
             }));
    o.insert(key("removed"), QJsonArray::fromStringList(f.removed));
    o.insert(key("queues"), jsonList(f.queues, [](const frame::QueueWait &q) {
                 return QJsonObject{{key("language"), q.language},
                                    {key("waiting"), q.waiting},
                                    {key("longestWaitSeconds"), q.longestWaitSeconds}};
             }));
    o.insert(key("staff"), jsonList(f.staff, [](const frame::StaffState &s) {
                 return QJsonObject{{key("user"), s.user},
                                    {key("role"), roleName(s.role)},
                                    {key("status"), frame::staffStatusName(s.status)},
                                    {key("load"), s.load}};
             }));
    o.insert(key("cap"), f.cap);
    o.insert(key("blocks"), jsonList(f.blocks, [](const frame::BlockEntry &b) {
                 return QJsonObject{
                     {key("block"), b.block}, {key("by"), b.by}, {key("expiresInSeconds"), b.expiresInSeconds}};
             }));
    QJsonObject notice{{key("kind"), frame::noticeKindName(f.notice.kind)}};
    put(notice, "text", f.notice.text);
    put(notice, "link", f.notice.link);
    o.insert(key("notice"), notice);
}

void encodeFields(JsonObjectWriter &o, const frame::Participants &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("staff"), jsonList(f.staff, presenceJson));
}

void encodeFields(JsonObjectWriter &o, const frame::SupervisorPresent &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("present"), f.present);
}

void encodeFields(JsonObjectWriter &o, const frame::WhisperNote &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("from"), f.from);
    o.insert(key("body"), f.body);
    o.insert(key("at"), f.at);
}

void encodeFields(JsonObjectWriter &o, const frame::Alert &f)
{
    o.insert(key("alert"), f.alert);
    o.insert(key("kind"), frame::alertKindName(f.kind));
    o.insert(key("user"), f.user);
    o.insert(key("body"), f.body);
    o.insert(key("at"), f.at);
}

void encodeFields(JsonObjectWriter &o, const frame::AlertClosed &f)
{
    o.insert(key("alert"), f.alert);
}

} // namespace advocate::wire
