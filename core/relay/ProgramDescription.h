// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"
#include "relay/RelayConfig.h"

#include <QString>

namespace advocate {

// What the relay tells about the program in words of its own, from its config only (issue 17): the facts staff
// get at sign-in (the name, the hotline, the emergency number, the opening hours as a phrase) and the sentences the
// privacy statement is made of. The relay's own sentences for survivors are in English and Spanish, as the survivor
// page's built-in words are (resources/web/app.js): a language whose primary tag is "es" gets the Spanish ones, any
// other the English ones. The program's own texts keep the config's scheme (`program_name.es`).
class ProgramDescription
{
public:
    // The facts of the signed_in frame: names and hours for every language of the config.
    static frame::ProgramFacts facts(const RelayConfig &config);
    // The opening hours as a phrase to put in a sentence ("Monday to Friday, 09:00 to 17:00 (America/Chicago
    // time)"; "every day, day and night").
    static QString hoursPhrase(const OpeningHours &hours, const QString &language);
    // What a practice program (issue 18, config `practice = on`) says to anyone who opens its survivor page or reads
    // its privacy statement: practice only, no real person answers, and where to get help instead.
    static QString practiceNotice(const QString &language);

    // A time of day as the page and the phrase show it: "09:00", and "24:00" for midnight at a range's end.
    static QString clockTime(int minutes);

    static bool isSpanish(const QString &language);
    // `english` or `spanish` (UTF-8) by `language`.
    static QString words(const QString &language, const char *english, const char *spanish);
    // A length of time in words: "12 hours", "5 minutes", "90 seconds" ("12 horas", …).
    static QString duration(qint64 seconds, const QString &language);
};

} // namespace advocate
