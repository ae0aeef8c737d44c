// SPDX-License-Identifier: GPL-3.0-only
#include "DraftPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace advocate {

namespace {

QList<DraftPolicy::SlangTerm> terms(std::initializer_list<std::pair<const char16_t *, const char16_t *>> list)
{
    QList<DraftPolicy::SlangTerm> made;
    for (const auto &[term, expansion] : list)
        made.append({QString::fromUtf16(term), QString::fromUtf16(expansion)});
    return made;
}

CannedIssue policyIssue(const QString &field, const QString &why)
{
    return {CannedIssue::Severity::Error, QString(), field,
            QCoreApplication::translate("CannedLibrary", "Policy field “%1”: %2 The default is used instead.")
                .arg(field, why)};
}

void readBool(const QJsonObject &object, const QString &key, const QString &path, bool *target,
              QList<CannedIssue> *issues)
{
    if (!object.contains(key))
        return;
    if (!object.value(key).isBool()) {
        issues->append(policyIssue(path, QCoreApplication::translate("CannedLibrary", "must be true or false.")));
        return;
    }
    *target = object.value(key).toBool();
}

void readInt(const QJsonObject &object, const QString &key, int minimum, int maximum, int *target,
             QList<CannedIssue> *issues)
{
    if (!object.contains(key))
        return;
    const QJsonValue value = object.value(key);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != static_cast<double>(static_cast<int>(number)) || number < minimum ||
        number > maximum) {
        issues->append(policyIssue(QStringLiteral("policy.") + key,
                                   QCoreApplication::translate("CannedLibrary", "must be a whole number from %1 to %2.")
                                       .arg(minimum)
                                       .arg(maximum)));
        return;
    }
    *target = static_cast<int>(number);
}

} // namespace

QMap<QString, QList<DraftPolicy::SlangTerm>> DraftPolicy::defaultSlang()
{
    // Kept in step with resources/canned/default-library.json (a test compares them).
    QMap<QString, QList<SlangTerm>> slang;
    slang.insert(QStringLiteral("en"), terms({{u"lol", u""},
                                              {u"lmao", u""},
                                              {u"rofl", u""},
                                              {u"brb", u"I'll be right back"},
                                              {u"imo", u"in my opinion"},
                                              {u"imho", u"in my opinion"},
                                              {u"idk", u"I don't know"},
                                              {u"tbh", u"to be honest"},
                                              {u"omg", u""},
                                              {u"btw", u"by the way"},
                                              {u"smh", u""},
                                              {u"ttyl", u"talk to you later"},
                                              {u"jk", u""},
                                              {u"nvm", u"never mind"},
                                              {u"fyi", u"for your information"},
                                              {u"asap", u"as soon as possible"},
                                              {u"rn", u"right now"},
                                              {u"thx", u"thanks"},
                                              {u"ty", u"thank you"},
                                              {u"np", u"no problem"},
                                              {u"pls", u"please"},
                                              {u"plz", u"please"},
                                              {u"bc", u"because"},
                                              {u"b4", u"before"},
                                              {u"u", u"you"},
                                              {u"ur", u""},
                                              {u"r", u"are"},
                                              {u"k", u"okay"},
                                              {u"wtf", u""}}));
    slang.insert(QStringLiteral("es"), terms({{u"jaja", u""},
                                              {u"jajaja", u""},
                                              {u"xd", u""},
                                              {u"q", u"que"},
                                              {u"k", u"que"},
                                              {u"xq", u""},
                                              {u"pq", u""},
                                              {u"tb", u"también"},
                                              {u"tmb", u"también"},
                                              {u"xfa", u"por favor"},
                                              {u"porfa", u"por favor"},
                                              {u"ntp", u"no te preocupes"},
                                              {u"dnd", u"dónde"},
                                              {u"tqm", u""},
                                              {u"bss", u""},
                                              {u"lol", u""},
                                              {u"omg", u""}}));
    return slang;
}

QStringList DraftPolicy::defaultAcronyms()
{
    return {QStringLiteral("DV"),    QStringLiteral("IPV"),   QStringLiteral("ID"),   QStringLiteral("OK"),
            QStringLiteral("US"),    QStringLiteral("USA"),   QStringLiteral("EEUU"), QStringLiteral("FBI"),
            QStringLiteral("ICE"),   QStringLiteral("ER"),    QStringLiteral("TRO"),  QStringLiteral("PFA"),
            QStringLiteral("VAWA"),  QStringLiteral("NNEDV"), QStringLiteral("SMS"),  QStringLiteral("SSN"),
            QStringLiteral("CPS"),   QStringLiteral("APS"),   QStringLiteral("TTY"),  QStringLiteral("ASL"),
            QStringLiteral("LGBTQ"), QStringLiteral("HIV"),   QStringLiteral("DNA"),  QStringLiteral("GPS"),
            QStringLiteral("PIN"),   QStringLiteral("AM"),    QStringLiteral("PM"),   QStringLiteral("SAFE")};
}

DraftPolicy DraftPolicy::fromJson(const QJsonObject &policy, QList<CannedIssue> *issues)
{
    DraftPolicy made;
    if (policy.contains(QStringLiteral("checks"))) {
        const QJsonValue checksValue = policy.value(QStringLiteral("checks"));
        if (!checksValue.isObject()) {
            issues->append(policyIssue(QStringLiteral("policy.checks"),
                                       QCoreApplication::translate("CannedLibrary", "must be an object.")));
        } else {
            const QJsonObject checks = checksValue.toObject();
            readBool(checks, QStringLiteral("emoji"), QStringLiteral("policy.checks.emoji"), &made.emojiCheck, issues);
            readBool(checks, QStringLiteral("slang"), QStringLiteral("policy.checks.slang"), &made.slangCheck, issues);
            readBool(checks, QStringLiteral("shouting"), QStringLiteral("policy.checks.shouting"), &made.shoutingCheck,
                     issues);
            readBool(checks, QStringLiteral("unchangedCanned"), QStringLiteral("policy.checks.unchangedCanned"),
                     &made.unchangedCannedCheck, issues);
        }
    }
    readInt(policy, QStringLiteral("shoutingMinLetters"), 2, 1000, &made.shoutingMinLetters, issues);
    readInt(policy, QStringLiteral("shoutingUpperPercent"), 50, 100, &made.shoutingUpperPercent, issues);
    readInt(policy, QStringLiteral("longCannedMinChars"), 1, 100000, &made.longCannedMinChars, issues);
    readInt(policy, QStringLiteral("noticeReminderMinutes"), 1, 24 * 60, &made.noticeReminderMinutes, issues);

    if (policy.contains(QStringLiteral("slang"))) {
        const QJsonValue slangValue = policy.value(QStringLiteral("slang"));
        if (!slangValue.isObject()) {
            issues->append(policyIssue(QStringLiteral("policy.slang"),
                                       QCoreApplication::translate("CannedLibrary", "must be an object of lists.")));
        } else {
            static const QRegularExpression wordPattern(QStringLiteral(R"(^[\p{L}\p{N}]+$)"));
            const QJsonObject slang = slangValue.toObject();
            for (auto it = slang.constBegin(); it != slang.constEnd(); ++it) {
                const QString path = QStringLiteral("policy.slang.") + it.key();
                if (!it.value().isArray()) {
                    issues->append(policyIssue(path, QCoreApplication::translate("CannedLibrary", "must be a list.")));
                    continue;
                }
                // A list given for a language replaces the default list for that language; its valid terms count.
                QList<SlangTerm> list;
                const QJsonArray array = it.value().toArray();
                for (qsizetype i = 0; i < array.size(); ++i) {
                    const QJsonObject term = array.at(i).toObject();
                    const QString word = term.value(QStringLiteral("term")).toString().trimmed();
                    const QJsonValue expansion = term.value(QStringLiteral("expansion"));
                    if (!array.at(i).isObject() || !wordPattern.match(word).hasMatch() ||
                        !(expansion.isUndefined() || expansion.isString())) {
                        issues->append(
                            {CannedIssue::Severity::Error, QString(), QStringLiteral("%1[%2]").arg(path).arg(i),
                             QCoreApplication::translate("CannedLibrary",
                                                         "Policy field “%1[%2]”: a slang term needs a “term” of "
                                                         "letters or digits and an optional “expansion” text; it "
                                                         "was skipped.")
                                 .arg(path)
                                 .arg(i)});
                        continue;
                    }
                    list.append({word.toLower(), expansion.toString()});
                }
                made.slang.insert(it.key().toLower(), list);
            }
        }
    }

    if (policy.contains(QStringLiteral("acronyms"))) {
        const QJsonValue value = policy.value(QStringLiteral("acronyms"));
        if (!value.isArray()) {
            issues->append(policyIssue(QStringLiteral("policy.acronyms"),
                                       QCoreApplication::translate("CannedLibrary", "must be a list of words.")));
        } else {
            made.acronyms.clear();
            const QJsonArray array = value.toArray();
            for (const QJsonValue &word : array) {
                if (word.isString() && !word.toString().trimmed().isEmpty())
                    made.acronyms.append(word.toString().trimmed().toUpper());
            }
        }
    }
    return made;
}

} // namespace advocate
