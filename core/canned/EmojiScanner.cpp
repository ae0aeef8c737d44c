// SPDX-License-Identifier: GPL-3.0-only
#include "EmojiScanner.h"

#include <algorithm>
#include <array>

namespace advocate {

namespace {

struct Range
{
    char32_t first;
    char32_t last;
};

// Emoji shown as emoji without a selector: the pictograph blocks, plus the BMP code points with
// Emoji_Presentation=Yes (Unicode 15 emoji-data.txt) and the few text-default faces and hearts that everyone
// reads as emoji (☺ ☹ ❣ ❤).
constexpr std::array<Range, 48> presentation{{
    {0x231A, 0x231B},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},
    {0x2614, 0x2615},   {0x2639, 0x263A},   {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},
    {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},   {0x26FA, 0x26FA},
    {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},
    {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2763, 0x2764},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1E6, 0x1F1FF},
    {0x1F201, 0x1F202}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F250, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1FAFF},
}};

// Emoji=Yes but text by default: emoji only when followed by U+FE0F (or, for keycap bases, U+20E3).
constexpr std::array<Range, 24> textDefault{{
    {0x0023, 0x0023}, {0x002A, 0x002A}, {0x0030, 0x0039}, {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C},
    {0x2049, 0x2049}, {0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x2328, 0x2328},
    {0x23CF, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB}, {0x25B6, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x27BF},
    {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
}};

template <std::size_t N>
bool inRanges(const std::array<Range, N> &ranges, char32_t c)
{
    const auto it = std::upper_bound(ranges.cbegin(), ranges.cend(), c,
                                     [](char32_t value, const Range &r) { return value < r.first; });
    return it != ranges.cbegin() && c <= std::prev(it)->last;
}

constexpr char32_t zwj = 0x200D;
constexpr char32_t vs16 = 0xFE0F;
constexpr char32_t vs15 = 0xFE0E;
constexpr char32_t keycap = 0x20E3;

bool isModifier(char32_t c)
{
    return c >= 0x1F3FB && c <= 0x1F3FF;
}
bool isTag(char32_t c)
{
    return c >= 0xE0020 && c <= 0xE007F;
}
bool isRegionalIndicator(char32_t c)
{
    return c >= 0x1F1E6 && c <= 0x1F1FF;
}

// Reads one code point at i (a lone surrogate reads as itself) and returns its length in code units.
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *units = 1;
    return c.unicode();
}

} // namespace

bool EmojiScanner::isEmojiPresentation(char32_t codePoint)
{
    return inRanges(presentation, codePoint);
}

bool EmojiScanner::isTextDefaultEmoji(char32_t codePoint)
{
    return inRanges(textDefault, codePoint);
}

QList<EmojiScanner::Span> EmojiScanner::find(QStringView text)
{
    QList<Span> spans;
    qsizetype i = 0;
    const qsizetype size = text.size();
    auto peek = [&](qsizetype at, qsizetype *units) -> char32_t {
        if (at >= size) {
            *units = 0;
            return 0;
        }
        return codePointAt(text, at, units);
    };
    while (i < size) {
        qsizetype units = 0;
        const char32_t c = codePointAt(text, i, &units);
        // Quick path for the usual text: nothing below U+00A9 starts an emoji except keycap bases.
        if (c < 0xA9 && !(c == u'#' || c == u'*' || (c >= u'0' && c <= u'9'))) {
            i += units;
            continue;
        }
        qsizetype nextUnits = 0;
        const char32_t next = peek(i + units, &nextUnits);
        bool emoji = false;
        qsizetype end = i + units;
        if (isRegionalIndicator(c)) {
            emoji = true;
            if (isRegionalIndicator(next))
                end += nextUnits;
        } else if (isEmojiPresentation(c)) {
            emoji = next != vs15;
        } else if (isTextDefaultEmoji(c)) {
            if (next == vs16) {
                emoji = true;
                qsizetype afterUnits = 0;
                if (peek(end + nextUnits, &afterUnits) == keycap)
                    end += afterUnits;
                end += nextUnits;
            } else if (next == keycap && c < 0x80) {
                emoji = true;
                end += nextUnits;
            }
        }
        if (!emoji) {
            i += units;
            continue;
        }
        // Extend over modifiers, selectors, keycaps, tags and ZWJ-joined elements.
        for (;;) {
            qsizetype u = 0;
            const char32_t more = peek(end, &u);
            if (u == 0)
                break;
            if (isModifier(more) || more == vs16 || more == keycap || isTag(more)) {
                end += u;
                continue;
            }
            if (more == zwj) {
                qsizetype joinedUnits = 0;
                const char32_t joined = peek(end + u, &joinedUnits);
                if (joinedUnits > 0 && (isEmojiPresentation(joined) || isTextDefaultEmoji(joined))) {
                    end += u + joinedUnits;
                    continue;
                }
            }
            break;
        }
        spans.append({i, end - i});
        i = end;
    }
    return spans;
}

} // namespace advocate
