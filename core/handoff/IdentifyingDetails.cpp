// SPDX-License-Identifier: GPL-3.0-only
#include "IdentifyingDetails.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace advocate {

namespace {

using Kind = DraftChecks::Kind;

constexpr int minimumPhoneDigits = 7;
constexpr int earliestBirthYear = 1900;
constexpr int birthYearMargin = 5;

// One detail found by one rule, before overlaps are resolved. `rank` orders the rules, most specific first.
struct Candidate
{
    Kind kind = Kind::PersonalName;
    qsizetype start = 0;
    qsizetype end = 0;
    bool knownName = false;

    qsizetype length() const { return end - start; }
};

int rank(Kind kind)
{
    switch (kind) {
    case Kind::EmailAddress:
        return 0;
    case Kind::PhoneNumber:
        return 1;
    case Kind::BirthDate:
        return 2;
    case Kind::StreetAddress:
        return 3;
    case Kind::PersonalName:
        return 4;
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return 5;
}

QRegularExpression pattern(const QString &source, bool caseInsensitive = true)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(source, options);
}

// ---- text folding (case and accents), with a way back to the original offsets ----

QString foldCodePoint(char32_t codePoint)
{
    if (codePoint < 0x80)
        return QString(QChar(char16_t(codePoint))).toLower();
    const QString decomposed = QString::fromUcs4(&codePoint, 1).normalized(QString::NormalizationForm_KD);
    QString folded;
    for (const QChar c : decomposed) {
        if (!c.isMark())
            folded.append(c);
    }
    return folded.toCaseFolded();
}

struct FoldedText
{
    QString text;
    QList<qsizetype> originStart; // for each folded UTF-16 unit, the original code point's first unit
    QList<qsizetype> originEnd;   // and the index after its last
};

// The code point that starts at text[i] and how many UTF-16 units it takes; a lone surrogate stands for itself.
char32_t codePointAt(const QString &text, qsizetype i, qsizetype *units)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *units = 1;
    return c.unicode();
}

FoldedText fold(const QString &text)
{
    FoldedText folded;
    folded.text.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype units = 1;
        const char32_t codePoint = codePointAt(text, i, &units);
        const QString piece = foldCodePoint(codePoint);
        for (qsizetype k = 0; k < piece.size(); ++k) {
            folded.originStart.append(i);
            folded.originEnd.append(i + units);
        }
        folded.text.append(piece);
        i += units;
    }
    return folded;
}

QString foldWord(const QString &word)
{
    return fold(word).text;
}

// ---- libphonenumber ----

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

// ---- e-mail ----

void findEmailAddresses(const QString &text, QList<Candidate> *found)
{
    static const QRegularExpression email =
        pattern(QStringLiteral(R"((?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}(?![\w-]))"));
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        found->append({Kind::EmailAddress, match.capturedStart(), match.capturedEnd(), false});
    }
}

// ---- birth dates ----

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

// ---- street addresses ----

// What may follow an address: floor, door, apartment ("3º B", "piso 2", "apt 4B").
const QString &unitPart()
{
    static const QString unit = QStringLiteral(
        R"((?:,?\s*(?:\d{1,2}\s*\.?\s*[º°ª](?:\s?[A-Za-z](?![\p{L}\d]))?)"
        R"(|(?i:piso|planta|puerta|pta\.?|apto\.?|apartamento|depto\.?|departamento|dpto\.?|interior|int\.|)"
        R"(apartment|apt\.?|unit|suite|ste\.?)\s*(?:#|n[º°o]\.?)?\s*\d{1,5}(?:\s?[A-Za-z](?![\p{L}\d]))?)"
        R"(|\#\s*\d{1,5}(?:\s?[A-Za-z](?![\p{L}\d]))?))*)");
    return unit;
}

void findStreetAddresses(const QString &text, QList<Candidate> *found)
{
    const auto addAll = [&](const QRegularExpression &expression) {
        for (auto it = expression.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            found->append({Kind::StreetAddress, match.capturedStart(), match.capturedEnd(), false});
        }
    };

    // 123 Main Street, 45 Oak Ave, 12 Cherry Court, 123 5th Avenue, apt 4B. Types that are also everyday words
    // ("drive", "court", "way") count only when capitalised.
    static const QRegularExpression numbered = pattern(
        QStringLiteral(
            R"(\b\d{1,6}[A-Za-z]?\s+)"
            R"((?:(?!(?i:the|a|an|on|in|at|of|to|for|from|by|with|and|or|but|down|up|across|near|off|around|this|)"
            R"(that|these|those|my|her|his|their|our|your|its|other|more|another|same|next|last|blocks?|miles?|)"
            R"(kilometers?|km|hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|times?|ways?|lanes?|)"
            R"(feet|foot|ft|meters?|kids?|children|people|cars?)\b))"
            R"((?:\p{L}[\p{L}\p{M}'’-]*|\d{1,3}(?i:st|nd|rd|th))\s+){1,3})"
            R"((?:(?i:street|st|avenue|ave|boulevard|blvd|road|rd|highway|hwy|parkway|pkwy)|)"
            R"(Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Circle|Cir|Trail|Trl|Square|Sq|Plaza|Alley)\b\.?)"
            R"((?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?)") +
            unitPart(),
        false);
    addAll(numbered);

    // Main Street, Elm Avenue (no number): name and type both capitalised.
    static const QRegularExpression named =
        pattern(QStringLiteral(
                    R"((?<![\p{L}\d])(?:(?!(?:The|A|An|On|In|At|To|From|Of|Near|By)\b)\p{Lu}[\p{L}\p{M}'’-]*\s+){1,3})"
                    R"((?:Street|Avenue|Boulevard|Road|Lane|Drive|Highway|Parkway|St|Ave|Blvd|Rd)\b\.?)") +
                    unitPart(),
                false);
    addAll(named);

    // Calle Mayor 5, Av. de la Paz 12, 3º B, C/ Luna 3, Calle 45 #12-34, la Avenida Reforma.
    static const QRegularExpression spanish = pattern(
        QStringLiteral(
            R"((?<![\p{L}\d])((?i:calle|c/|cl\.|avenida|avda\.?|av\.?|paseo|p[º°]|plaza|pza\.?|camino|carretera|)"
            R"(ctra\.?|ronda|traves[íi]a|callej[óo]n|glorieta|calzada|bulevar|privada|cerrada|andador))\s*)"
            R"((?:(?i:de|del|la|las|los|el|san|santa)\s+)*(?:\p{Lu}[\p{L}\p{M}'’-]*|\d{1,3})(?![\p{L}\d]))"
            R"((?:\s+(?:(?i:de|del|la|las|los|el|y)\s+)*\p{Lu}[\p{L}\p{M}'’-]*){0,3})"
            R"((,?\s*(?:n[º°o]\.?\s*|#\s*|(?i:número|numero)\s+)?\d{1,5}[A-Za-z]?(?![\p{L}\d])(?:\s*[#-]\s*\d{1,4}(?:-\d{1,4})?)?)?)") +
            unitPart(),
        false);
    for (auto it = spanish.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const bool hasNumber = match.capturedLength(2) > 0;
        // "en la plaza 2 horas", "el camino Rosa": without a house number only a capitalised type is a street.
        if (!hasNumber && !match.captured(1).at(0).isUpper())
            continue;
        found->append({Kind::StreetAddress, match.capturedStart(), match.capturedEnd(), false});
    }

    // apartment 4B, apt. 4, suite 200, apto. 4, depto 3B
    static const QRegularExpression apartment =
        pattern(QStringLiteral(R"((?<![\p{L}\d])(?:apartment|apt\.?|suite|ste\.|apartamento|apto\.?|depto\.?|)"
                               R"(departamento|dpto\.?)\s*(?:#|n[º°o]\.?)?\s*\d{1,5}(?:\s?[A-Za-z](?![\p{L}\d]))?)"
                               R"((?![\p{L}\d]))"));
    addAll(apartment);
}

// ---- personal names ----

// Capitalised words that are not names, per primary language, compared folded (case and accents ignored).
// Kept short on purpose: a name missing a warning is worse than an extra warning the advocate dismisses.
const QSet<QString> &nonNames(const QString &language)
{
    static const QString common = QStringLiteral(
        // the program and its people
        "advocate advocates hotline helpline desk program programme shift supervisor supervisors survivor "
        "survivors caller chat plan safety ok okay crisis line text national domestic violence center centre "
        "doctor el la los las de del san santa "
        // apps and devices that come up in tech-safety talk
        "facebook instagram whatsapp messenger snapchat tiktok google gmail android apple icloud signal "
        "telegram zoom uber lyft venmo paypal cashapp airtag life360 bluetooth internet wifi "
        // holidays and God
        "god dios christmas navidad thanksgiving easter pascua");
    static const QString english = QStringLiteral(
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
        "saturdays sundays mon tue tues wed thu thur thurs fri sat sun "
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "english spanish french german italian portuguese chinese mandarin cantonese vietnamese korean japanese "
        "arabic russian ukrainian polish tagalog filipino haitian creole hindi urdu bengali somali amharic "
        "swahili farsi persian navajo american mexican latina latino latinx hispanic guatemalan salvadoran "
        "honduran cuban dominican colombian venezuelan puerto rican asian african european native indigenous "
        "black white muslim christian catholic jewish "
        "america mexico canada spain guatemala honduras salvador colombia cuba venezuela rico philippines "
        "china india vietnam korea "
        "police court family protective order legal aid services department shelter emergency room hospital "
        "medicaid medicare housing authority child social security immigration victim victims compensation "
        "mom dad mum mommy daddy grandma grandpa granny aunt auntie uncle "
        "mr mrs ms miss mx dr st officer detective judge sgt");
    static const QString spanish = QStringLiteral(
        "usted ustedes ud uds vd vds "
        "lunes martes miercoles jueves viernes sabado domingo "
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
        "espanol ingles frances portugues chino mandarin vietnamita coreano arabe ruso criollo "
        "mexicano mexicana latino latina latinx hispano hispana guatemalteco guatemalteca salvadoreno "
        "salvadorena hondureno hondurena cubano cubana dominicano dominicana colombiano colombiana venezolano "
        "venezolana puertorriqueno puertorriquena estadounidense americano americana indigena "
        "mexico estados unidos espana guatemala honduras salvador colombia cuba venezuela puerto rico "
        "republica peru ecuador nicaragua "
        "linea ayuda defensora defensor defensoras defensores programa turno supervisora sobreviviente "
        "seguridad policia corte tribunal juzgado orden proteccion refugio albergue emergencias hospital "
        "nacional violencia domestica centro crisis "
        "servicios sociales migracion inmigracion ciudad "
        "senor senora senorita sr sra srta don dona dna dra doctora lic licenciada licenciado ing maestra maestro "
        "mama papa abuela abuelo tia tio");
    const auto build = [](std::initializer_list<const QString *> lists) {
        QSet<QString> words;
        for (const QString *list : lists) {
            const QStringList split = list->split(u' ', Qt::SkipEmptyParts);
            for (const QString &word : split)
                words.insert(foldWord(word));
        }
        return words;
    };
    static const QSet<QString> englishWords = build({&common, &english});
    static const QSet<QString> spanishWords = build({&common, &spanish});
    static const QSet<QString> allWords = build({&common, &english, &spanish});
    const QString primary = language.section(u'-', 0, 0).toLower();
    if (primary == QLatin1String("en"))
        return englishWords;
    if (primary == QLatin1String("es"))
        return spanishWords;
    return allWords;
}

bool isTitleAbbreviation(const QString &folded)
{
    static const QSet<QString> titles{
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("mx"),
        QStringLiteral("dr"),   QStringLiteral("dra"),  QStringLiteral("sr"),   QStringLiteral("sra"),
        QStringLiteral("srta"), QStringLiteral("sres"), QStringLiteral("prof"), QStringLiteral("st"),
        QStringLiteral("jr"),   QStringLiteral("sgt"),  QStringLiteral("lt"),   QStringLiteral("det"),
        QStringLiteral("ofc"),  QStringLiteral("av"),   QStringLiteral("avda"), QStringLiteral("apt"),
        QStringLiteral("no"),   QStringLiteral("dna"),  QStringLiteral("lic"),  QStringLiteral("ing")};
    return titles.contains(folded);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

bool isOpeningQuote(QChar c)
{
    return c == u'"' || c == u'“' || c == u'‘' || c == u'«' || c == u'\'';
}

// "Summary: Safe tonight", "Next step: Call back": the colon at `colon` ends a field label of at most three words
// that starts a line or a sentence. After "She told him: Marcus …" the sentence goes on: a label does not start
// with a pronoun.
bool endsLabel(const QString &text, qsizetype colon)
{
    static const QSet<QString> pronouns{
        QStringLiteral("i"),     QStringLiteral("she"),   QStringLiteral("he"),    QStringLiteral("they"),
        QStringLiteral("we"),    QStringLiteral("you"),   QStringLiteral("her"),   QStringLiteral("his"),
        QStringLiteral("their"), QStringLiteral("yo"),    QStringLiteral("ella"),  QStringLiteral("el"),
        QStringLiteral("ellos"), QStringLiteral("ellas"), QStringLiteral("usted"), QStringLiteral("su"),
        QStringLiteral("sus"),   QStringLiteral("le"),    QStringLiteral("me"),    QStringLiteral("nosotros")};
    qsizetype start = colon;
    while (start > 0) {
        const QChar c = text.at(start - 1);
        if (c == u'\n' || c == u'.' || c == u'!' || c == u'?' || c == u'…')
            break;
        --start;
    }
    const QStringList words =
        text.mid(start, colon - start).split(QRegularExpression(QStringLiteral(R"(\s+)")), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    if (words.size() > 3 || pronouns.contains(foldWord(words.first())))
        return false;
    return std::all_of(words.cbegin(), words.cend(), [](const QString &word) {
        return std::all_of(word.cbegin(), word.cend(),
                           [](QChar c) { return isWordChar(c) || c == u'\'' || c == u'’' || c == u'-'; });
    });
}

bool startsSentence(const QString &text, qsizetype position)
{
    // Back over white space and whatever is neither a letter nor punctuation that decides: emoji (with their
    // variation selectors, which are marks), dashes, brackets.
    qsizetype i = position - 1;
    while (i >= 0) {
        const QChar c = text.at(i);
        if (c == u'\n')
            return true;
        if (c.isLetterOrNumber() || isOpeningQuote(c) || c == u'.' || c == u'!' || c == u'?' || c == u'…' ||
            c == u',' || c == u';' || c == u':' || c == u'”' || c == u'’' || c == u'»')
            break;
        --i;
    }
    if (i < 0)
        return true;
    const QChar c = text.at(i);
    // A quotation starts a sentence of its own: she said "Help me". An apostrophe inside a word ("O'Brien")
    // does not.
    if (isOpeningQuote(c) && (i == 0 || !isWordChar(text.at(i - 1))))
        return true;
    if (c == u'!' || c == u'?' || c == u'…')
        return true;
    if (c == u':')
        return endsLabel(text, i);
    if (c != u'.')
        return false;
    // "Mr. Smith", "Dra. López", "Juan M. López": the full stop of a title or an initial ends no sentence.
    qsizetype wordStart = i;
    while (wordStart > 0 && isWordChar(text.at(wordStart - 1)))
        --wordStart;
    const QString word = text.mid(wordStart, i - wordStart);
    if (word.size() == 1 && word.at(0).isUpper())
        return false;
    return !isTitleAbbreviation(foldWord(word));
}

bool isCapitalised(QStringView word)
{
    if (word.size() < 2 || !(word.at(0).isUpper() || word.at(0).isTitleCase()))
        return false;
    bool lower = false;
    for (const QChar c : word.mid(1)) {
        if (c.isDigit())
            return false;
        lower = lower || c.isLower();
    }
    return lower;
}

void findCapitalisedNames(const QString &text, const QString &language, QList<Candidate> *found)
{
    const QSet<QString> &skip = nonNames(language);
    for (const DraftChecks::Word &span : DraftChecks::words(text)) {
        const QStringView word = QStringView(text).mid(span.start, span.length);
        if (!isCapitalised(word) || startsSentence(text, span.start) || skip.contains(foldWord(word.toString())))
            continue;
        found->append({Kind::PersonalName, span.start, span.start + span.length, false});
    }
}

void findKnownNames(const QString &text, const QStringList &knownNames, QList<Candidate> *found)
{
    static const QSet<QString> particles{
        QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"), QStringLiteral("las"), QStringLiteral("los"),
        QStringLiteral("el"), QStringLiteral("y"),   QStringLiteral("e"),  QStringLiteral("van"), QStringLiteral("von"),
        QStringLiteral("da"), QStringLiteral("di"),  QStringLiteral("du"), QStringLiteral("le")};
    QStringList sought; // folded, regular-expression ready
    for (const QString &name : knownNames) {
        const QStringList parts =
            foldWord(name).split(QRegularExpression(QStringLiteral(R"([\s,]+)")), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        QStringList escaped;
        for (const QString &part : parts) {
            escaped.append(QRegularExpression::escape(part));
            if (parts.size() > 1 && part.size() >= 2 && !particles.contains(part))
                sought.append(QRegularExpression::escape(part));
        }
        sought.append(escaped.join(QStringLiteral(R"(\s+)")));
    }
    if (sought.isEmpty())
        return;
    // Longest first, so that the alternation prefers the whole name to one of its words.
    std::sort(sought.begin(), sought.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    sought.removeDuplicates();
    const QRegularExpression expression =
        pattern(QStringLiteral(R"((?<![\p{L}\p{N}\p{M}])(?:%1)(?![\p{L}\p{N}\p{M}]))").arg(sought.join(u'|')));
    const FoldedText folded = fold(text);
    for (auto it = expression.globalMatch(folded.text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() == 0)
            continue;
        const qsizetype start = folded.originStart.at(match.capturedStart());
        qsizetype end = folded.originEnd.at(match.capturedEnd() - 1);
        while (end < text.size() && text.at(end).isMark()) // a decomposed accent belongs to the name
            ++end;
        found->append({Kind::PersonalName, start, end, true});
    }
}

// "Rosa Martínez", "Juan de la Cruz", "Mary-Jane", "Juan M. López": one name, one warning.
QList<Candidate> joinNeighbouringNames(const QString &text, QList<Candidate> names)
{
    static const QRegularExpression joinable = pattern(
        QStringLiteral(R"(^(?:[ \-‐]|\s(?:(?:de|del|la|las|los|van|von|da|di|du|le|y|e|bin|ibn)\s)+|\s\p{Lu}\.\s)$)"));
    std::sort(names.begin(), names.end(), [](const Candidate &a, const Candidate &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    QList<Candidate> joined;
    for (const Candidate &name : std::as_const(names)) {
        if (!joined.isEmpty()) {
            Candidate &last = joined.last();
            const bool overlaps = name.start <= last.end;
            if (overlaps || joinable.match(text.mid(last.end, name.start - last.end)).hasMatch()) {
                last.end = std::max(last.end, name.end);
                last.knownName = last.knownName || name.knownName;
                continue;
            }
        }
        joined.append(name);
    }
    return joined;
}

QString why(const Candidate &candidate, const QString &text)
{
    switch (candidate.kind) {
    case Kind::PhoneNumber:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "A phone number leads straight to a person; leave it out of a note "
                                           "that others will read.");
    case Kind::EmailAddress:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "An e-mail address leads straight to a person; leave it out of a note "
                                           "that others will read.");
    case Kind::StreetAddress:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "An address can show where someone lives or can be found; leave it out "
                                           "of a note that others will read.");
    case Kind::BirthDate:
        return QCoreApplication::translate("IdentifyingDetails",
                                           "A date of birth, with a few other details, is enough to identify "
                                           "someone; leave it out of a note that others will read.");
    case Kind::PersonalName:
        if (candidate.knownName) {
            return QCoreApplication::translate("IdentifyingDetails",
                                               "“%1” is a name from this conversation; a note that others will "
                                               "read does not need it.")
                .arg(text.mid(candidate.start, candidate.length()));
        }
        return QCoreApplication::translate("IdentifyingDetails",
                                           "“%1” looks like a person's name; a note that others will read does "
                                           "not need it.")
            .arg(text.mid(candidate.start, candidate.length()));
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return {};
}

} // namespace

IdentifyingDetails::IdentifyingDetails(QString defaultRegion, int currentYear)
    : m_defaultRegion(std::move(defaultRegion)), m_currentYear(currentYear)
{
}

QString IdentifyingDetails::placeholder(DraftChecks::Kind kind)
{
    switch (kind) {
    case Kind::PhoneNumber:
        return QCoreApplication::translate("IdentifyingDetails", "[phone number]");
    case Kind::EmailAddress:
        return QCoreApplication::translate("IdentifyingDetails", "[e-mail]");
    case Kind::StreetAddress:
        return QCoreApplication::translate("IdentifyingDetails", "[address]");
    case Kind::BirthDate:
        return QCoreApplication::translate("IdentifyingDetails", "[date]");
    case Kind::PersonalName:
        return QCoreApplication::translate("IdentifyingDetails", "[name]");
    case Kind::Emoji:
    case Kind::Slang:
    case Kind::Shouting:
    case Kind::UnchangedCanned:
        break;
    }
    return {};
}

QList<DraftChecks::Warning> IdentifyingDetails::check(const QString &text, const QString &language,
                                                      const QStringList &knownNames) const
{
    // Most specific rule first, then the longest span; a candidate over characters already taken is dropped.
    const auto keepFree = [](QList<Candidate> candidates, QList<Candidate> *kept) {
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
            if (rank(a.kind) != rank(b.kind))
                return rank(a.kind) < rank(b.kind);
            if (a.length() != b.length())
                return a.length() > b.length();
            return a.start < b.start;
        });
        for (const Candidate &candidate : std::as_const(candidates)) {
            const bool overlaps = std::any_of(kept->cbegin(), kept->cend(), [&](const Candidate &other) {
                return candidate.start < other.end && other.start < candidate.end;
            });
            if (candidate.length() > 0 && !overlaps)
                kept->append(candidate);
        }
    };

    QList<Candidate> found;
    findEmailAddresses(text, &found);
    findPhoneNumbers(text, m_defaultRegion, &found);
    findBirthDates(text, m_currentYear, &found);
    findStreetAddresses(text, &found);
    QList<Candidate> kept;
    keepFree(found, &kept);

    // Names last, and joined only after the words inside an address or an e-mail address are dropped, so that
    // "12 Elm Street Rosa" still warns about "Rosa".
    QList<Candidate> names;
    findKnownNames(text, knownNames, &names);
    findCapitalisedNames(text, language, &names);
    names.removeIf([&](const Candidate &name) {
        return std::any_of(kept.cbegin(), kept.cend(),
                           [&](const Candidate &other) { return name.start < other.end && other.start < name.end; });
    });
    keepFree(joinNeighbouringNames(text, names), &kept);
    std::sort(kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) { return a.start < b.start; });

    QList<DraftChecks::Warning> warnings;
    warnings.reserve(kept.size());
    for (const Candidate &candidate : std::as_const(kept)) {
        const QString replacement = placeholder(candidate.kind);
        warnings.append(
            {candidate.kind,
             candidate.start,
             candidate.length(),
             why(candidate, text),
             {QCoreApplication::translate("IdentifyingDetails", "Replace with “%1”").arg(replacement), replacement}});
    }
    return warnings;
}

} // namespace advocate
