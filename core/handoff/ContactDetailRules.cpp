// SPDX-License-Identifier: GPL-3.0-only
// Rules 1 and 2 of IdentifyingDetails: e-mail addresses, and phone numbers through libphonenumber.
#include "handoff/IdentifyingDetailRules.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace advocate::identifying {

namespace {

constexpr int minimumPhoneDigits = 7;

// libphonenumber works on UTF-8 and reports byte offsets; the warnings need UTF-16 offsets.
struct Utf8Text
{
    std::string bytes;
    std::vector<qsizetype> utf16At; // for each byte offset (and the end), the UTF-16 offset it belongs to
};

Utf8Text toUtf8(const QString &text)
{
    Utf8Text out;
    out.bytes.reserve(std::size_t(text.size()) * 3);
    out.utf16At.reserve(std::size_t(text.size()) * 3 + 1);
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype units = 1;
        char32_t codePoint = codePointAt(text, i, &units);
        if (QChar::isSurrogate(codePoint))
            codePoint = 0xFFFD; // a lone surrogate is not UTF-8; libphonenumber would give up on the whole text
        char encoded[4];
        int size = 0;
        if (codePoint < 0x80) {
            encoded[size++] = char(codePoint);
        } else if (codePoint < 0x800) {
            encoded[size++] = char(0xC0 | (codePoint >> 6));
            encoded[size++] = char(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            encoded[size++] = char(0xE0 | (codePoint >> 12));
            encoded[size++] = char(0x80 | ((codePoint >> 6) & 0x3F));
            encoded[size++] = char(0x80 | (codePoint & 0x3F));
        } else {
            encoded[size++] = char(0xF0 | (codePoint >> 18));
            encoded[size++] = char(0x80 | ((codePoint >> 12) & 0x3F));
            encoded[size++] = char(0x80 | ((codePoint >> 6) & 0x3F));
            encoded[size++] = char(0x80 | (codePoint & 0x3F));
        }
        for (int k = 0; k < size; ++k) {
            out.bytes.push_back(encoded[k]);
            out.utf16At.push_back(i);
        }
        i += units;
    }
    out.utf16At.push_back(text.size());
    return out;
}

const i18n::phonenumbers::PhoneNumberUtil &phoneNumberUtil()
{
    // The library may log what it parses; a note's phone numbers must not reach any output, so its logger is
    // replaced once with one that drops everything. SetLogger() takes ownership.
    static const i18n::phonenumbers::PhoneNumberUtil *const util = [] {
        i18n::phonenumbers::PhoneNumberUtil *instance = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
        instance->SetLogger(new i18n::phonenumbers::NullLogger());
        return instance;
    }();
    return *util;
}

} // namespace

void findPhoneNumbers(const QString &text, const QString &region, QList<Candidate> *found)
{
    using i18n::phonenumbers::PhoneNumberMatch;
    using i18n::phonenumbers::PhoneNumberMatcher;
    using i18n::phonenumbers::PhoneNumberUtil;

    // Quick exit: the matcher is the costliest rule and a note without enough digits cannot hold a number.
    if (std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); }) < minimumPhoneDigits)
        return;
    const PhoneNumberUtil &util = phoneNumberUtil();
    const Utf8Text utf8 = toUtf8(text);
    PhoneNumberMatcher matcher(util, utf8.bytes, region.toUpper().toStdString(), PhoneNumberMatcher::POSSIBLE,
                               std::numeric_limits<int>::max());
    while (matcher.HasNext()) {
        PhoneNumberMatch match;
        if (!matcher.Next(&match))
            break;
        const std::string &raw = match.raw_string();
        const auto digits = std::count_if(raw.cbegin(), raw.cend(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits < minimumPhoneDigits)
            continue;
        if (util.GetNumberType(match.number()) == PhoneNumberUtil::TOLL_FREE)
            continue;
        const std::size_t begin = std::size_t(match.start());
        const std::size_t end = begin + std::size_t(match.length());
        if (end >= utf8.utf16At.size())
            continue;
        found->append({Kind::PhoneNumber, utf8.utf16At[begin], utf8.utf16At[end], false});
    }
}

void findEmailAddresses(const QString &text, QList<Candidate> *found)
{
    static const QRegularExpression email =
        pattern(QStringLiteral(R"((?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}(?![\w-]))"));
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        found->append({Kind::EmailAddress, match.capturedStart(), match.capturedEnd(), false});
    }
}

} // namespace advocate::identifying
