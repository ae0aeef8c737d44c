// SPDX-License-Identifier: GPL-3.0-only
#include "DraftChecks.h"

#include "canned/CannedLibrary.h"
#include "canned/EmojiScanner.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace advocate {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Part of something that is not a chat word: an e-mail address, a web address, a path, a dotted abbreviation
// ("U.S."), a contraction or a hyphenated word.
bool isEmbedded(const QString &text, qsizetype start, qsizetype end)
{
    auto joins = [](QChar c) { return c == u'@' || c == u'/' || c == u'_' || c == u'\'' || c == u'’' || c == u'-'; };
    if (start > 0) {
        const QChar before = text.at(start - 1);
        if (joins(before) || (before == u'.' && start > 1 && isWordChar(text.at(start - 2))))
            return true;
    }
    if (end < text.size()) {
        const QChar after = text.at(end);
        if (joins(after) || (after == u'.' && end + 1 < text.size() && isWordChar(text.at(end + 1))))
            return true;
    }
    return false;
}

bool startsSentenceAt(const QString &text, qsizetype position)
{
    for (qsizetype i = position - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u'¿' || c == u'¡' || c == u'"' || c == u'“' || c == u'(')
            continue;
        return c == u'.' || c == u'!' || c == u'?' || c == u'\n';
    }
    return true;
}

QString capitalized(const QString &text)
{
    if (text.isEmpty())
        return text;
    return text.left(1).toUpper() + text.mid(1);
}

} // namespace

DraftChecks::DraftChecks(DraftPolicy policy) : m_policy(std::move(policy))
{
    for (auto it = m_policy.slang.constBegin(); it != m_policy.slang.constEnd(); ++it) {
        for (const DraftPolicy::SlangTerm &term : it.value()) {
            const bool seen = std::any_of(m_allSlang.cbegin(), m_allSlang.cend(),
                                          [&](const DraftPolicy::SlangTerm &t) { return t.term == term.term; });
            if (!seen)
                m_allSlang.append(term);
        }
    }
    for (auto it = m_policy.slang.constBegin(); it != m_policy.slang.constEnd(); ++it) {
        QHash<QString, DraftPolicy::SlangTerm> &byTerm = m_slangByLanguage[it.key()];
        for (const DraftPolicy::SlangTerm &term : it.value())
            byTerm.insert(term.term, term);
    }
    for (const DraftPolicy::SlangTerm &term : std::as_const(m_allSlang)) {
        m_allSlangByTerm.insert(term.term, term);
        m_upperSlang.insert(term.term.toUpper());
        m_longestSlang = std::max(m_longestSlang, term.term.size());
    }
    for (const QString &acronym : std::as_const(m_policy.acronyms))
        m_acronyms.insert(acronym.toUpper());
}

QList<DraftChecks::Word> DraftChecks::words(const QString &text)
{
    QList<Word> found;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isWordChar(text.at(i)))
            ++i;
        found.append({start, i - start});
    }
    return found;
}

bool DraftChecks::isAllUpper(QStringView word)
{
    bool anyLetter = false;
    for (const QChar c : word) {
        if (c.isLower())
            return false;
        if (c.isDigit())
            return false;
        anyLetter = anyLetter || c.isUpper();
    }
    return anyLetter;
}

const QHash<QString, DraftPolicy::SlangTerm> &DraftChecks::slangFor(const QString &language) const
{
    const QString primary = language.section(u'-', 0, 0).toLower();
    const auto it = m_slangByLanguage.constFind(primary);
    return it != m_slangByLanguage.constEnd() ? it.value() : m_allSlangByTerm;
}

QList<DraftChecks::Warning> DraftChecks::check(const QString &draft, const QString &language,
                                               const QStringList &insertedCanned) const
{
    QList<Warning> all;
    if (m_policy.unchangedCannedCheck)
        all += checkUnchangedCanned(draft, insertedCanned);
    if (m_policy.emojiCheck)
        all += checkEmoji(draft);
    if (m_policy.slangCheck)
        all += checkSlang(draft, language);
    if (m_policy.shoutingCheck)
        all += checkShouting(draft);
    return all;
}

QList<DraftChecks::Warning> DraftChecks::checkEmoji(const QString &draft) const
{
    QList<Warning> found;
    const QList<EmojiScanner::Span> spans = EmojiScanner::find(draft);
    for (const EmojiScanner::Span &span : spans) {
        found.append({Kind::Emoji,
                      span.start,
                      span.length,
                      QCoreApplication::translate("DraftChecks",
                                                  "Emoji can be read in ways you did not mean, and can seem to make "
                                                  "light of what someone is going through."),
                      {QCoreApplication::translate("DraftChecks", "Remove the emoji"), QString()}});
    }
    return found;
}

QList<DraftChecks::Warning> DraftChecks::checkSlang(const QString &draft, const QString &language) const
{
    const QHash<QString, DraftPolicy::SlangTerm> &terms = slangFor(language);
    QList<Warning> found;
    if (terms.isEmpty())
        return found;
    const QList<Word> all = words(draft);
    for (const Word &word : all) {
        if (word.length > m_longestSlang || isEmbedded(draft, word.start, word.start + word.length))
            continue;
        const QString shown = draft.mid(word.start, word.length);
        const auto match = terms.constFind(shown.toLower());
        if (match == terms.constEnd())
            continue;
        const DraftPolicy::SlangTerm &term = match.value();
        Warning warning{Kind::Slang, word.start, word.length, QString(), {}};
        if (term.expansion.isEmpty()) {
            warning.why =
                QCoreApplication::translate("DraftChecks", "“%1” is chat slang. It can read as casual or unclear to "
                                                           "someone reaching out for help; say it in plain words.")
                    .arg(shown);
        } else {
            warning.why =
                QCoreApplication::translate("DraftChecks", "“%1” is chat shorthand that not everyone knows; “%2” is "
                                                           "clearer.")
                    .arg(shown, term.expansion);
            const QString replacement =
                startsSentenceAt(draft, word.start) ? capitalized(term.expansion) : term.expansion;
            warning.fix = {QCoreApplication::translate("DraftChecks", "Write “%1”").arg(replacement), replacement};
        }
        found.append(warning);
    }
    return found;
}

QString DraftChecks::sentenceCase(QStringView text, bool startsSentence) const
{
    QString out = text.toString();
    bool sentenceStart = startsSentence;
    qsizetype i = 0;
    while (i < out.size()) {
        const QChar c = out.at(i);
        if (!isWordChar(c)) {
            if (c == u'.' || c == u'!' || c == u'?' || c == u'\n')
                sentenceStart = true;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < out.size() && isWordChar(out.at(i)))
            ++i;
        const QString word = out.mid(start, i - start);
        const bool keep = m_acronyms.contains(word.toUpper()) || word == QStringLiteral("I");
        if (!keep) {
            QString lowered = word.toLower();
            if (sentenceStart)
                lowered = capitalized(lowered);
            out.replace(start, i - start, lowered);
        }
        sentenceStart = false;
    }
    return out;
}

QList<DraftChecks::Warning> DraftChecks::checkShouting(const QString &draft) const
{
    QList<Warning> found;
    const QList<Word> all = words(draft);

    // One pass over the words. A word counts towards tone when it has two or more letters, no digits, and is not
    // a known acronym or slang term written in capitals (only capitalised words need the look-up).
    struct Tone
    {
        bool counts = false;
        bool allUpper = false;
    };
    QList<Tone> tones;
    tones.reserve(all.size());
    qsizetype upperLetters = 0;
    qsizetype casedLetters = 0;
    qsizetype first = -1;
    qsizetype last = -1;
    for (const Word &word : all) {
        const QStringView text = QStringView(draft).mid(word.start, word.length);
        Tone tone;
        qsizetype upper = 0;
        qsizetype cased = 0;
        bool digit = false;
        for (const QChar c : text) {
            if (c.isUpper()) {
                ++upper;
                ++cased;
            } else if (c.isLower()) {
                ++cased;
            } else if (c.isDigit()) {
                digit = true;
            }
        }
        tone.allUpper = upper > 0 && upper == cased && !digit;
        tone.counts = word.length >= 2 && !digit;
        if (tone.counts && tone.allUpper) {
            const QString key = text.toString();
            tone.counts = !m_acronyms.contains(key) && !m_upperSlang.contains(key);
        }
        tones.append(tone);
        if (!tone.counts)
            continue;
        upperLetters += upper;
        casedLetters += cased;
        if (first < 0)
            first = word.start;
        last = word.start + word.length;
    }

    auto warn = [&](qsizetype start, qsizetype end) {
        const QString replacement =
            sentenceCase(QStringView(draft).mid(start, end - start), startsSentenceAt(draft, start));
        found.append({Kind::Shouting,
                      start,
                      end - start,
                      QCoreApplication::translate("DraftChecks",
                                                  "Text in capitals reads as shouting and can feel frightening or "
                                                  "angry."),
                      {QCoreApplication::translate("DraftChecks", "Use normal capitals"), replacement}});
    };

    if (casedLetters >= m_policy.shoutingMinLetters &&
        upperLetters * 100 >= casedLetters * m_policy.shoutingUpperPercent) {
        warn(first, last);
        return found;
    }

    // A shouted stretch inside otherwise normal text: consecutive capitalised words (acronyms and one-letter words
    // neither break nor count), at least two of them and shoutingMinLetters letters.
    qsizetype runStart = -1;
    qsizetype runEnd = -1;
    qsizetype runLetters = 0;
    int runWords = 0;
    auto closeRun = [&]() {
        if (runWords >= 2 && runLetters >= m_policy.shoutingMinLetters)
            warn(runStart, runEnd);
        runStart = -1;
        runLetters = 0;
        runWords = 0;
    };
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Word &word = all.at(i);
        const Tone &tone = tones.at(i);
        if (!tone.allUpper) {
            closeRun();
            continue;
        }
        if (!tone.counts)
            continue;
        if (runStart < 0)
            runStart = word.start;
        runEnd = word.start + word.length;
        runLetters += word.length;
        ++runWords;
    }
    closeRun();
    return found;
}

bool DraftChecks::keptFrom(const QString &insertedCanned, const QString &draft)
{
    // Words of four letters or more: "I", "you", "to", "the" are in almost every message and would make two
    // unrelated texts look alike.
    const auto wordSet = [](const QString &text, qsizetype minimumLength) {
        QSet<QString> set;
        const QString folded = CannedLibrary::fold(text);
        for (const Word &word : words(folded)) {
            if (word.length >= minimumLength)
                set.insert(folded.mid(word.start, word.length));
        }
        return set;
    };
    QSet<QString> inserted = wordSet(insertedCanned, 4);
    if (inserted.isEmpty())
        inserted = wordSet(insertedCanned, 1);
    if (inserted.isEmpty())
        return false;
    const QSet<QString> present = wordSet(draft, 1);
    qsizetype kept = 0;
    for (const QString &word : inserted)
        kept += present.contains(word) ? 1 : 0;
    return kept * 2 >= inserted.size();
}

QList<DraftChecks::Warning> DraftChecks::checkUnchangedCanned(const QString &draft,
                                                              const QStringList &insertedCanned) const
{
    QList<Warning> found;
    const QString simplified = draft.simplified();
    if (simplified.size() < m_policy.longCannedMinChars)
        return found;
    for (const QString &canned : insertedCanned) {
        if (canned.simplified() == simplified) {
            found.append({Kind::UnchangedCanned,
                          0,
                          draft.size(),
                          QCoreApplication::translate("DraftChecks",
                                                      "This long prepared message is about to go out word for word. "
                                                      "A line in your own words makes it feel less like a form "
                                                      "letter."),
                          {}});
            break;
        }
    }
    return found;
}

QString DraftChecks::applyFix(const QString &draft, const Warning &warning)
{
    if (!warning.hasFix() || warning.start < 0 || warning.start + warning.length > draft.size())
        return draft;
    QString fixed = draft;
    fixed.replace(warning.start, warning.length, warning.fix.replacement);
    if (warning.fix.replacement.isEmpty()) {
        const qsizetype at = warning.start;
        const bool spaceBefore = at == 0 || fixed.at(at - 1) == u' ';
        if (at < fixed.size() && fixed.at(at) == u' ' && spaceBefore)
            fixed.remove(at, 1);
        else if (at > 0 && fixed.at(at - 1) == u' ' && (at == fixed.size() || fixed.at(at).isPunct()))
            fixed.remove(at - 1, 1);
    }
    return fixed;
}

} // namespace advocate
