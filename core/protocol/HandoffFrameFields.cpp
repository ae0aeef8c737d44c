// SPDX-License-Identifier: GPL-3.0-only
#include "protocol/HandoffFrameFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace advocate::wire {

frame::Transfer decodeFields(FieldReader &r, Tag<frame::Transfer>)
{
    frame::Transfer f;
    f.conversation = r.identifier("conversation");
    f.to = r.named("to", &frame::transferTargetFromName);
    f.user = r.optionalLimitedString("user", maxUserChars);
    if (r.ok() && f.to == frame::TransferTarget::Advocate && !f.user)
        r.fail(ErrorCode::BadField, "user",
               QCoreApplication::translate("FrameCodec", "A transfer to an advocate must name the user."));
    f.note = r.optionalBody("note");
    return f;
}

frame::TransferWithdraw decodeFields(FieldReader &r, Tag<frame::TransferWithdraw>)
{
    return frame::TransferWithdraw{r.identifier("conversation")};
}

frame::TransferAccept decodeFields(FieldReader &r, Tag<frame::TransferAccept>)
{
    return frame::TransferAccept{r.identifier("offer")};
}

frame::TransferDecline decodeFields(FieldReader &r, Tag<frame::TransferDecline>)
{
    return frame::TransferDecline{r.identifier("offer")};
}

frame::GetRoster decodeFields(FieldReader &, Tag<frame::GetRoster>)
{
    return frame::GetRoster{};
}

frame::PostShiftLog decodeFields(FieldReader &r, Tag<frame::PostShiftLog>)
{
    return frame::PostShiftLog{r.body("body")};
}

frame::AckShiftLog decodeFields(FieldReader &r, Tag<frame::AckShiftLog>)
{
    return frame::AckShiftLog{r.identifier("entry")};
}

frame::AdvocateChanged decodeFields(FieldReader &r, Tag<frame::AdvocateChanged>)
{
    frame::AdvocateChanged f;
    f.conversation = r.identifier("conversation");
    f.reason = r.named("reason", &handoffReasonFromName);
    return f;
}

frame::TransferStatus decodeFields(FieldReader &r, Tag<frame::TransferStatus>)
{
    frame::TransferStatus f;
    f.conversation = r.identifier("conversation");
    f.offer = r.identifier("offer");
    f.state = r.named("state", &frame::transferStateFromName);
    f.by = r.optionalLimitedString("by", maxUserChars);
    if (r.ok() && r.has("expiresInSeconds"))
        f.expiresInSeconds = r.smallInteger("expiresInSeconds");
    return f;
}

frame::TransferOffer decodeFields(FieldReader &r, Tag<frame::TransferOffer>)
{
    frame::TransferOffer f;
    f.offer = r.identifier("offer");
    f.conversation = r.identifier("conversation");
    f.from = r.limitedString("from", maxUserChars);
    f.language = r.language("language");
    f.alias = r.optionalAlias("alias");
    f.note = r.optionalBody("note");
    f.toSupervisors = r.boolean("toSupervisors");
    f.expiresInSeconds = r.smallInteger("expiresInSeconds");
    return f;
}

frame::TransferOfferClosed decodeFields(FieldReader &r, Tag<frame::TransferOfferClosed>)
{
    frame::TransferOfferClosed f;
    f.offer = r.identifier("offer");
    f.reason = r.named("reason", &frame::offerClosedReasonFromName);
    return f;
}

frame::Roster decodeFields(FieldReader &r, Tag<frame::Roster>)
{
    frame::Roster f;
    const QJsonValue list = r.field("staff");
    const QString problem = QCoreApplication::translate("FrameCodec", "Field \"staff\" must be a list of colleagues.");
    if (r.ok() && !list.isArray())
        r.fail(ErrorCode::BadField, "staff", problem);
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; r.ok() && i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        ProtocolLimits limits;
        FieldReader inner(object, limits);
        frame::RosterEntry entry;
        entry.user = inner.limitedString("user", maxUserChars);
        entry.role = inner.named("role", &roleFromName);
        entry.available = inner.boolean("available");
        entry.load = inner.smallInteger("load", 0, 1000);
        if (!inner.ok() || !entries.at(i).isObject())
            r.fail(ErrorCode::BadField, "staff", problem);
        else
            f.staff.append(entry);
    }
    return f;
}

frame::ShiftLogEntry decodeFields(FieldReader &r, Tag<frame::ShiftLogEntry>)
{
    frame::ShiftLogEntry f;
    f.entry = r.identifier("entry");
    f.author = r.limitedString("author", maxUserChars);
    f.body = r.body("body");
    f.at = r.integer("at");
    return f;
}

frame::ShiftLogPosted decodeFields(FieldReader &r, Tag<frame::ShiftLogPosted>)
{
    frame::ShiftLogPosted f;
    f.entry = r.identifier("entry");
    f.expiresInSeconds = r.smallInteger("expiresInSeconds");
    return f;
}

void encodeFields(JsonObjectWriter &o, const frame::Transfer &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("to"), frame::transferTargetName(f.to));
    put(o, "user", f.user);
    put(o, "note", f.note);
}

void encodeFields(JsonObjectWriter &o, const frame::TransferWithdraw &f)
{
    o.insert(key("conversation"), f.conversation);
}

void encodeFields(JsonObjectWriter &o, const frame::TransferAccept &f)
{
    o.insert(key("offer"), f.offer);
}

void encodeFields(JsonObjectWriter &o, const frame::TransferDecline &f)
{
    o.insert(key("offer"), f.offer);
}

void encodeFields(JsonObjectWriter &, const frame::GetRoster &) {}

void encodeFields(JsonObjectWriter &o, const frame::PostShiftLog &f)
{
    o.insert(key("body"), f.body);
}

void encodeFields(JsonObjectWriter &o, const frame::AckShiftLog &f)
{
    o.insert(key("entry"), f.entry);
}

void encodeFields(JsonObjectWriter &o, const frame::AdvocateChanged &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("reason"), handoffReasonName(f.reason));
}

void encodeFields(JsonObjectWriter &o, const frame::TransferStatus &f)
{
    o.insert(key("conversation"), f.conversation);
    o.insert(key("offer"), f.offer);
    o.insert(key("state"), frame::transferStateName(f.state));
    put(o, "by", f.by);
    put(o, "expiresInSeconds", f.expiresInSeconds);
}

void encodeFields(JsonObjectWriter &o, const frame::TransferOffer &f)
{
    o.insert(key("offer"), f.offer);
    o.insert(key("conversation"), f.conversation);
    o.insert(key("from"), f.from);
    o.insert(key("language"), f.language);
    put(o, "alias", f.alias);
    put(o, "note", f.note);
    o.insert(key("toSupervisors"), f.toSupervisors);
    o.insert(key("expiresInSeconds"), f.expiresInSeconds);
}

void encodeFields(JsonObjectWriter &o, const frame::TransferOfferClosed &f)
{
    o.insert(key("offer"), f.offer);
    o.insert(key("reason"), frame::offerClosedReasonName(f.reason));
}

void encodeFields(JsonObjectWriter &o, const frame::Roster &f)
{
    QJsonArray list;
    for (const frame::RosterEntry &entry : f.staff)
        list.append(QJsonObject{{key("user"), entry.user},
                                {key("role"), roleName(entry.role)},
                                {key("available"), entry.available},
                                {key("load"), entry.load}});
    o.insert(key("staff"), list);
}

void encodeFields(JsonObjectWriter &o, const frame::ShiftLogEntry &f)
{
    o.insert(key("entry"), f.entry);
    o.insert(key("author"), f.author);
    o.insert(key("body"), f.body);
    o.insert(key("at"), f.at);
}

void encodeFields(JsonObjectWriter &o, const frame::ShiftLogPosted &f)
{
    o.insert(key("entry"), f.entry);
    o.insert(key("expiresInSeconds"), f.expiresInSeconds);
}

} // namespace advocate::wire
