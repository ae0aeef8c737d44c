// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/DraftPolicy.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace advocate {

// The composer's draft checks (requirement WS8): emoji, internet slang and acronyms, shouting, and a long canned
// text about to be sent unchanged. Advice only: nothing here blocks sending. Each warning says why and, where
// a safe one exists, carries a fix the composer can apply with one key.
class DraftChecks
{
public:
    enum class Kind {
        Emoji,
        Slang,
        Shouting,
        UnchangedCanned,
        // Identifying details in a handoff note or shift log (core/handoff/IdentifyingDetails); the composer's
        // checks never produce these.
        PhoneNumber,
        EmailAddress,
        StreetAddress,
        BirthDate,
        PersonalName,
    };

    struct Fix
    {
        QString label;       // e.g. "Remove the emoji", translated; empty when there is no fix
        QString replacement; // replaces [start, start + length) of the draft

        bool operator==(const Fix &) const = default;
    };

    struct Warning
    {
        Kind kind = Kind::Emoji;
        qsizetype start = 0; // UTF-16 offsets into the draft, for highlighting and for the fix
        qsizetype length = 0;
        QString why; // one translated sentence
        Fix fix;

        bool hasFix() const { return !fix.label.isEmpty(); }
        bool operator==(const Warning &) const = default;
    };

    explicit DraftChecks(DraftPolicy policy = {});

    // `language` is the conversation's language tag (slang lists are per language). `insertedCanned` holds the
    // filled canned texts put into this draft, for the unchanged-canned check.
    QList<Warning> check(const QString &draft, const QString &language, const QStringList &insertedCanned = {}) const;

    QList<Warning> checkEmoji(const QString &draft) const;
    QList<Warning> checkSlang(const QString &draft, const QString &language) const;
    QList<Warning> checkShouting(const QString &draft) const;
    QList<Warning> checkUnchangedCanned(const QString &draft, const QStringList &insertedCanned) const;

    // Whether a draft still carries an inserted canned text, so that its flags (e.g. "notice given") go with the
    // message: at least half of the inserted text's distinct words of four letters or more (case- and
    // accent-insensitive) are still in the draft. Adding words or rewording a little keeps it; replacing it with "ok"
    // does not.
    static bool keptFrom(const QString &insertedCanned, const QString &draft);

    // The draft with the warning's fix applied (unchanged when it has none). Removing text also removes one
    // space it leaves doubled.
    static QString applyFix(const QString &draft, const Warning &warning);

    const DraftPolicy &policy() const { return m_policy; }

    // The words of a text (runs of letters, digits and combining marks), as UTF-16 spans; the identifying-detail
    // checks walk the same words.
    struct Word
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };
    static QList<Word> words(const QString &text);

private:
    static bool isAllUpper(QStringView word);
    QString sentenceCase(QStringView text, bool startsSentence) const;
    const QHash<QString, DraftPolicy::SlangTerm> &slangFor(const QString &language) const;

    DraftPolicy m_policy;
    QList<DraftPolicy::SlangTerm> m_allSlang;
    // Lower-case term → entry, per primary language, and the union for other languages.
    QHash<QString, QHash<QString, DraftPolicy::SlangTerm>> m_slangByLanguage;
    QHash<QString, DraftPolicy::SlangTerm> m_allSlangByTerm;
    QSet<QString> m_upperSlang;
    qsizetype m_longestSlang = 0;
    QSet<QString> m_acronyms;
};

} // namespace advocate
