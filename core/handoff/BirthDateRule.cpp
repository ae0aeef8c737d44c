// SPDX-License-Identifier: GPL-3.0-only
// Rule 3 of IdentifyingDetails: birth dates, numeric and with English or Spanish month names.
#include "handoff/IdentifyingDetailRules.h"

#include <QHash>

#include <algorithm>

namespace advocate::identifying {

namespace {

constexpr int earliestBirthYear = 1900;
constexpr int birthYearMargin = 5;

const QString &monthNames()
{
    // Full names before the short forms they begin with, so that "marzo" is not read as "mar" + "zo".
    static const QString names = QStringLiteral(
        "january|february|march|april|may|june|july|august|september|october|november|december|"
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
        "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic");
    return names;
}

int monthNumber(const QString &name)
{
    static const QHash<QString, int> numbers = [] {
        QHash<QString, int> table;
        const QStringList english{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                  QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                  QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                  QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
        const QStringList spanish{QStringLiteral("ene"), QStringLiteral("feb"), QStringLiteral("mar"),
                                  QStringLiteral("abr"), QStringLiteral("may"), QStringLiteral("jun"),
                                  QStringLiteral("jul"), QStringLiteral("ago"), QStringLiteral("sep"),
                                  QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dic")};
        for (int month = 1; month <= 12; ++month) {
            table.insert(english.at(month - 1), month);
            table.insert(spanish.at(month - 1), month);
        }
        table.insert(QStringLiteral("set"), 9); // "setiembre"
        return table;
    }();
    return numbers.value(name.left(3).toLower(), 0);
}

bool isDayMonth(int day, int month)
{
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// Right after "born", "DOB", "nació el", "fecha de nacimiento:" …
bool followsBirthWord(const QString &text, qsizetype start)
{
    static const QRegularExpression birthWord = pattern(QStringLiteral(
        R"((?:\b(?:born|dob|d\.o\.b|date\s+of\s+birth|birth\s*date|birthday|naci[óo]|nacid[ao]|nacimiento|)"
        R"(cumplea[ñn]os|f\.\s*nac)\b\.?)[\s:,-]*(?:(?:on|in|is|was|the|el|en|es|fue|a|d[íi]a|de)[\s:,]+)*$)"));
    constexpr qsizetype window = 48;
    const qsizetype from = std::max<qsizetype>(0, start - window);
    return birthWord.match(text.mid(from, start - from)).hasMatch();
}

} // namespace

void findBirthDates(const QString &text, int currentYear, QList<Candidate> *found)
{
    const auto fullYear = [currentYear](const QString &digits) {
        const int year = digits.toInt();
        if (digits.size() != 2)
            return year;
        return 2000 + year <= currentYear ? 2000 + year : 1900 + year;
    };
    const auto birthLikeYear = [currentYear](int year) {
        return year >= earliestBirthYear && year <= currentYear - birthYearMargin;
    };
    const auto consider = [&](const QRegularExpressionMatch &match, bool validDate, int year) {
        if (!validDate)
            return;
        const bool hasYear = year > 0;
        if ((hasYear && birthLikeYear(year)) || followsBirthWord(text, match.capturedStart()))
            found->append({Kind::BirthDate, match.capturedStart(), match.capturedEnd(), false});
    };

    // 3/14/1990, 14/03/1990, 14.03.1990, 3-14-90
    static const QRegularExpression numeric =
        pattern(QStringLiteral(R"((?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d))"));
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int first = match.captured(1).toInt();
        const int second = match.captured(3).toInt();
        consider(match, isDayMonth(first, second) || isDayMonth(second, first), fullYear(match.captured(4)));
    }
    // 1990-03-14
    static const QRegularExpression iso =
        pattern(QStringLiteral(R"((?<![\w/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d))"));
    for (auto it = iso.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        consider(match, isDayMonth(match.captured(4).toInt(), match.captured(3).toInt()), match.captured(1).toInt());
    }
    // 3/14 (only after a birth word: alone it is any day of the year)
    static const QRegularExpression dayMonth =
        pattern(QStringLiteral(R"((?<![\w/.-])(\d{1,2})/(\d{1,2})(?![\w/]|[.-]\d))"));
    for (auto it = dayMonth.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int first = match.captured(1).toInt();
        const int second = match.captured(2).toInt();
        consider(match, isDayMonth(first, second) || isDayMonth(second, first), 0);
    }
    // March 14, 1990 / marzo 14, 1990 / March 14
    static const QRegularExpression monthFirst =
        pattern(QStringLiteral(R"(\b(%1)\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)").arg(monthNames()));
    for (auto it = monthFirst.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int month = monthNumber(match.captured(1));
        consider(match, isDayMonth(match.captured(2).toInt(), month),
                 match.hasCaptured(3) ? match.captured(3).toInt() : 0);
    }
    // 14 March 1990 / 14th of March, 1990 / 14 de marzo de 1990 / 14 de marzo
    static const QRegularExpression dayFirst =
        pattern(QStringLiteral(R"(\b(\d{1,2})(?:st|nd|rd|th|º|°)?\s+(?:of\s+|de\s+)?(%1)\b\.?)"
                               R"((?:,?\s+(?:del?\s+)?(\d{4})\b)?)")
                    .arg(monthNames()));
    for (auto it = dayFirst.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int month = monthNumber(match.captured(2));
        consider(match, isDayMonth(match.captured(1).toInt(), month),
                 match.hasCaptured(3) ? match.captured(3).toInt() : 0);
    }
}

} // namespace advocate::identifying
