// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QString>

namespace advocate {

// Finds emoji in text, each as one span covering the whole sequence: ZWJ sequences (👩‍👧), skin-tone modifiers,
// variation selectors, flags (regional-indicator pairs, tag sequences) and keycaps (1️⃣). Characters that are
// text by default (©, ®, ™, arrows, ☎, digits, '#', '*') count only with U+FE0F or the keycap mark U+20E3.
class EmojiScanner
{
public:
    struct Span
    {
        qsizetype start = 0;  // in UTF-16 code units
        qsizetype length = 0; // in UTF-16 code units

        bool operator==(const Span &) const = default;
    };

    static QList<Span> find(QStringView text);
    static bool isEmojiPresentation(char32_t codePoint);
    static bool isTextDefaultEmoji(char32_t codePoint);
};

} // namespace advocate
