// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/ConversationFrameFields.h"

#include <QCoreApplication>

namespace advocate::wire {

frame::Send decodeFields(FieldReader &r, Tag<frame::Send>)
{
    frame::Send f;
    f.conversation = r.identifier("conversation");
    f.clientId = r.identifier("clientId");
    f.body = r.body("body");
    return f;
}

frame::Ack decodeFields(FieldReader &r, Tag<frame::Ack>)
{
    frame::Ack f;
    f.conversation = r.identifier("conversation");
    f.seq = r.integer("seq");
    return f;
}

frame::Typing decodeFields(FieldReader &r, Tag<frame::Typing>)
{
    frame::Typing f;
    f.conversation = r.identifier("conversation");
    f.active = r.boolean("active");
    return f;
}

frame::Fetch decodeFields(FieldReader &r, Tag<frame::Fetch>)
{
    frame::Fetch f;
    f.conversation = r.identifier("conversation");
    f.afterSeq = r.integer("afterSeq");
    return f;
}

frame::End decodeFields(FieldReader &r, Tag<frame::End>)
{
    frame::End f;
    f.conversation = r.identifier("conversation");
    if (r.has("reason")) {
        const QJsonValue reason = r.field("reason");
        if (reason != QJsonValue(QStringLiteral("idle")))
            r.fail(ErrorCode::BadField, "reason",
                   QCoreApplication::translate("FrameCodec", "Field \"reason\" may only be \"idle\"."));
        f.idle = true;
    }
    return f;
}

frame::ConversationStarted decodeFields(FieldReader &r, Tag<frame::ConversationStarted>)
{
    frame::ConversationStarted f;
    f.conversation = r.identifier("conversation");
    f.language = r.language("language");
    f.alias = r.optionalAlias("alias");
    if (r.ok() && r.has("handoff"))
        f.handoff = r.named("handoff", &handoffReasonFromName);
    f.handedFrom = r.optionalLimitedString("handedFrom", maxUserChars);
    f.note = r.optionalBody("note");
    if (r.ok() && r.has("participation"))
        f.participation = r.named("participation", &participationFromName);
    return f;
}

frame::Message decodeFields(FieldReader &r, Tag<frame::Message>)
{
    frame::Message f;
    f.conversation = r.identifier("conversation");
    f.seq = r.integer("seq", 1);
    f.from = r.named("from", &sideFromName);
    f.clientId = r.identifier("clientId");
    f.body = r.body("body");
    f.at = r.integer("at");
    f.by = r.optionalLimitedString("by", maxUserChars);
    if (r.ok() && r.has("supervisor"))
        f.supervisor = r.boolean("supervisor");
    return f;
}

frame::Accepted decodeFields(FieldReader &r, Tag<frame::Accepted>)
{
    frame::Accepted f;
    f.conversation = r.identifier("conversation");
    f.clientId = r.identifier("clientId");
    f.seq = r.integer("seq", 1);
    return f;
}

frame::Delivered decodeFields(FieldReader &r, Tag<frame::Delivered>)
{
    frame::Delivered f;
    f.conversation = r.identifier("conversation");
    f.seq = r.integer("seq");
    return f;
}

frame::PeerTyping decodeFields(FieldReader &r, Tag<frame::PeerTyping>)
{
    frame::PeerTyping f;
    f.conversation = r.identifier("conversation");
    f.active = r.boolean("active");
    f.by = r.optionalLimitedString("by", maxUserChars);
    if (r.ok() && r.has("supervisor"))
        f.supervisor = r.boolean("supervisor");
    return f;
}

frame::PeerStatus decodeFields(FieldReader &r, Tag<frame::PeerStatus>)
{
    frame::PeerStatus f;
    f.conversation = r.identifier("conversation");
    f.connected = r.boolean("connected");
    return f;
}

frame::Inactivity decodeFields(FieldReader &r, Tag<frame::Inactivity>)
{
    frame::Inactivity f;
    f.conversation = r.identifier("conversation");
    f.stage = r.smallInteger("stage", 1, 2);
    f.silentSeconds = r.smallInteger("silentSeconds");
    return f;
}

frame::Ended decodeFields(FieldReader &r, Tag<frame::Ended>)
{
    frame::Ended f;
    f.conversation = r.identifier("conversation");
    f.reason = r.named("reason", &endReasonFromName);
    return f;
}

frame::Fetched decodeFields(FieldReader &r, Tag<frame::Fetched>)
{
    frame::Fetched f;
    f.conversation = r.identifier("conversation");
    f.oldestSeq = r.integer("oldestSeq");
    f.lastSeq = r.integer("lastSeq");
    f.more = r.boolean("more");
    return f;
}

frame::TokenRenewed decodeFields(FieldReader &r, Tag<frame::TokenRenewed>)
{
    frame::TokenRenewed f;
    f.token = r.limitedString("token", maxTokenChars);
    return f;
}

frame::Reclaimed decodeFields(FieldReader &r, Tag<frame::Reclaimed>)
{
    frame::Reclaimed f;
    f.conversation = r.identifier("conversation");
    f.lastSeq = r.integer("lastSeq");
    return f;
}

void encodeFields(JsonObjectWriter &o, const frame::Send &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("clientId"), f.clientId);
    o.insert(key("body"), f.body);
}

void encodeFields(JsonObjectWriter &o, const frame::Ack &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("seq"), f.seq);
}

void encodeFields(JsonObjectWriter &o, const frame::Typing &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("active"), f.active);
}

void encodeFields(JsonObjectWriter &o, const frame::Fetch &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("afterSeq"), f.afterSeq);
}

void encodeFields(JsonObjectWriter &o, const frame::End &f)
{
    o.insert(key("conversation"), f.conversation);
    if (f.idle)
        o.insert(key("reason"), QStringLiteral("idle"));
}

void encodeFields(JsonObjectWriter &o, const frame::ConversationStarted &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("language"), f.language);
    put(o, "alias", f.alias);
    if (f.handoff)
        o.insert(key("handoff"), handoffReasonName(*f.handoff));
    put(o, "handedFrom", f.handedFrom);
    put(o, "note", f.note);
    if (f.participation)
        o.insert(key("participation"), participationName(*f.participation));
}

void encodeFields(JsonObjectWriter &o, const frame::Message &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("seq"), f.seq);
    o.insert(key("from"), sideName(f.from));
    o.insert(key("clientId"), f.clientId);
    o.insert(key("body"), f.body);
    o.insert(key("at"), f.at);
    put(o, "by", f.by);
    if (f.supervisor)
        o.insert(key("supervisor"), true);
}

void encodeFields(JsonObjectWriter &o, const frame::Accepted &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("clientId"), f.clientId);
    o.insert(key("seq"), f.seq);
}

void encodeFields(JsonObjectWriter &o, const frame::Delivered &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("seq"), f.seq);
}

void encodeFields(JsonObjectWriter &o, const frame::PeerTyping &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("active"), f.active);
    put(o, "by", f.by);
    if (f.supervisor)
        o.insert(key("supervisor"), true);
}

void encodeFields(JsonObjectWriter &o, const frame::PeerStatus &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("connected"), f.connected);
}

void encodeFields(JsonObjectWriter &o, const frame::Inactivity &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("stage"), f.stage);
    o.insert(key("silentSeconds"), f.silentSeconds);
}

void encodeFields(JsonObjectWriter &o, const frame::Ended &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("reason"), endReasonName(f.reason));
}

void encodeFields(JsonObjectWriter &o, const frame::Fetched &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("oldestSeq"), f.oldestSeq);
    o.insert(key("lastSeq"), f.lastSeq);
    o.insert(key("more"), f.more);
}

void encodeFields(JsonObjectWriter &o, const frame::TokenRenewed &f)
{
    o.insert(key("token"), f.token);
}

void encodeFields(JsonObjectWriter &o, const frame::Reclaimed &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("lastSeq"), f.lastSeq);
}

} // namespace advocate::wire
