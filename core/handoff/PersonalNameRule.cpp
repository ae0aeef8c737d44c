// SPDX-License-Identifier: GPL-3.0-only
// Rule 5 of IdentifyingDetails: the names known from the conversation, and capitalised words that start no
// sentence and are on no list of capitalised non-names.
#include "handoff/IdentifyingDetailRules.h"

#include <QSet>

#include <algorithm>
#include <initializer_list>

namespace advocate::identifying {

namespace {

// Text folded for comparison (case and accents), with a way back to the original offsets.

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

} // namespace

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

} // namespace advocate::identifying
