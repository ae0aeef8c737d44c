// SPDX-License-Identifier: GPL-3.0-only
#include "handoff/IdentifyingDetailRules.h"

namespace advocate::identifying {

QRegularExpression pattern(const QString &source, bool caseInsensitive)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(source, options);
}

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

} // namespace advocate::identifying
