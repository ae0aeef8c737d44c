// SPDX-License-Identifier: GPL-3.0-only
// Rule 4 of IdentifyingDetails: street addresses and apartments, English and Spanish forms.
#include "handoff/IdentifyingDetailRules.h"

namespace advocate::identifying {

namespace {

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

} // namespace

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

} // namespace advocate::identifying
