// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/RelayConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace advocate {

// The privacy statement of requirement PK4, built from the running configuration and from the limits the code
// uses (Conversation::maxRetainedMessages, frame::maxStatisticsDays, SourceKeys::defaultRotationMs,
// frame::maxBlockHours), never from hand-written claims: what the relay keeps and for how long, what the
// advocate's computer keeps, whether supervisors can read along, what statistics are kept, what is never kept, and
// the limits of quick exit. `advocate-relay privacy-statement` prints it, the relay serves it at /privacy, and the
// survivor page's notice takes its retention and supervision sentences from noticeTexts(), which the statement's
// sections repeat word for word: the notice and the statement cannot disagree. English and Spanish
// (ProgramDescription::words).
class PrivacyStatement
{
public:
    struct NoticeTexts
    {
        QString retention;
        QString monitoring; // empty unless the program lets supervisors read along (supervisor_monitoring = on)
    };
    struct Section
    {
        QString heading;
        QStringList paragraphs;
    };

    // The statement's languages; any other is given the English statement.
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("es")}; }

    // What the notice before every chat says is kept and who may read along (SW1).
    static NoticeTexts noticeTexts(const RelayConfig &config, const QString &language);

    static QString title(const RelayConfig &config, const QString &language);
    static QList<Section> sections(const RelayConfig &config, const QString &language);
    // The statement as plain text (the command) and as a page of its own (/privacy, with `pageLanguage` the
    // language tag the page is in).
    static QString plainText(const RelayConfig &config, const QString &language);
    static QByteArray html(const RelayConfig &config, const QString &language);
};

} // namespace advocate
