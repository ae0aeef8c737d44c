// SPDX-License-Identifier: GPL-3.0-only
// What the advocate's messages were, beside Chat.cpp's sending of them: the counts the practice report (issue 18) is
// made of. The draft checks' warnings are counted per kind while a draft is written; at the send, those still showing
// were ignored and those that went away were fixed (with the fix button or by an edit). A word warned about while it is
// still being typed at the end of the draft is not counted until something follows it. Canned texts inserted into the
// draft were sent unchanged when the message is the text as inserted, edited when it still carries most of its words.
// Counts only: nothing here keeps or passes on what was written.
#include "client/Chat.h"

namespace advocate {

void Chat::noteDraftWarnings(const QList<DraftChecks::Warning> &warnings)
{
    m_draftWarnings.clear();
    QHash<int, int> settled;
    for (const DraftChecks::Warning &warning : warnings) {
        ++m_draftWarnings[int(warning.kind)];
        // A word still being typed at the end of the draft ("yo" on the way to "you", "HE" to "HELLO") may warn for a
        // moment; it counts as seen (and so as fixed when it goes) only once something was written after it.
        const bool wordBeingTyped =
            (warning.kind == DraftChecks::Kind::Slang || warning.kind == DraftChecks::Kind::Shouting) &&
            warning.start + warning.length >= m_draft.size();
        if (!wordBeingTyped)
            ++settled[int(warning.kind)];
    }
    for (auto it = settled.cbegin(); it != settled.cend(); ++it)
        m_draftWarningsPeak[it.key()] = qMax(m_draftWarningsPeak.value(it.key()), it.value());
}

void Chat::noteHandoffNote(int identifyingDetailsLeft)
{
    Q_EMIT handoffNoteOffered(qMax(0, identifyingDetailsLeft));
}

Chat::SentFacts Chat::takeDraftFacts(const QString &text)
{
    SentFacts facts;
    const QString sent = text.simplified();
    for (const CannedInsertion &insertion : std::as_const(m_insertions)) {
        if (insertion.text.simplified() == sent)
            ++facts.cannedUnchanged;
        else if (DraftChecks::keptFrom(insertion.text, text))
            ++facts.cannedEdited;
    }
    for (auto it = m_draftWarningsPeak.cbegin(); it != m_draftWarningsPeak.cend(); ++it) {
        const int showing = m_draftWarnings.value(it.key());
        facts.warningsIgnored += showing;
        facts.warningsFixed += qMax(0, it.value() - showing);
    }
    m_draftWarnings.clear();
    m_draftWarningsPeak.clear();
    return facts;
}

} // namespace advocate
