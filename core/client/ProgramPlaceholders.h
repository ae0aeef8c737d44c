// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedLibrary.h"
#include "protocol/Frames.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

// The values of the canned responses' {program}, {hotline_phone} and {hours} (issue 17): what the relay sent at
// sign-in, from its config, the one source of the program's facts, so a canned text says what the survivor page
// says. A value the canned library's "program" object sets still wins, for testing, and is named in `overridden`:
// the workstation then warns (its log and a bar in the window). Without facts from the relay (one older than
// them), the library's values are used as before, with no warning.
class ProgramPlaceholders
{
public:
    struct Values
    {
        QHash<QString, QString> values; // placeholder name → value, in the chat's language
        QStringList overridden;         // the names the library's values took from the relay's, sorted
    };

    static Values forLanguage(const std::optional<frame::ProgramFacts> &facts, const CannedLibrary &library,
                              const QString &language);
    // The names the library sets over the relay's facts, in any language (what the warning names).
    static QStringList overridden(const std::optional<frame::ProgramFacts> &facts, const CannedLibrary &library);
};

} // namespace advocate
