// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

// A scripted survivor for practice programs (issue 18, docs/practice.md "Personas"): one persona in one language,
// read from a `<name>.<language>.json` file of format 1. Loading validates the whole file and never throws: a bad
// file gives no persona and a list of errors, each naming the file and the step.
class Persona
{
    Q_DECLARE_TR_FUNCTIONS(advocate::Persona)

public:
    static constexpr int format = 1;

    // One survivor message: a silence before it, then the typing indicator for `typingSeconds`, then the text.
    struct Line
    {
        QString text;
        double silenceSeconds = 0;
        double typingSeconds = 0;
        bool disclosure = false; // a disclosure the notice should come before (the practice report reads it)
        bool abusive = false;    // a message the advocate should answer with a boundary or a block
    };

    // What the advocate did, recognized in each message they send while the persona waits (and silence).
    enum class When {
        SafetyCheck, // a safety check, in the default canned wording or a common free-text one
        Notice,      // the confidentiality / mandatory-reporting notice, likewise
        Keywords,    // any of `keywords` in the message (case- and accent-insensitive)
        AnyReply,    // any message
        Silence,     // no message for `seconds`
    };

    struct Branch
    {
        When when = When::AnyReply;
        QStringList keywords;
        double seconds = 0;
        QString next;
    };

    // What a step does after its lines.
    enum class Event {
        Next,       // goes on to `next`
        Await,      // waits for what the advocate does: the first branch that matches, in order
        Disconnect, // the connection drops; the survivor comes back after `seconds` and goes on to `next`
        QuickExit,  // leaves at once with quick exit
        End,        // ends the chat
        Wait,       // says nothing more and stays until the advocate (or a supervisor) ends the chat
    };

    struct Step
    {
        QString id;
        QList<Line> lines;
        Event event = Event::Next;
        QString next;
        double seconds = 0; // Disconnect: how long the survivor is away
        QList<Branch> branches;
    };

    // A problem in a persona file: which file, which step (empty: the file as a whole), and what.
    struct Error
    {
        QString file;
        QString step;
        QString message;
        QString toString() const;
    };

    // `file` names the source in errors; its file name must be `<name>.<language>.json` for the persona inside.
    static std::optional<Persona> fromJson(const QByteArray &json, const QString &file, QList<Error> *errors);
    static std::optional<Persona> fromFile(const QString &path, QList<Error> *errors);

    QString name() const { return m_name; }
    QString language() const { return m_language; }
    QString title() const { return m_title; }
    QString description() const { return m_description; }
    QString alias() const { return m_alias; }
    QString file() const { return m_file; }
    const QList<Step> &steps() const { return m_steps; }
    const Step *step(const QString &id) const;
    // Every branch as "<step> <index>", the names the runner's trace uses: what tests cover.
    QStringList branchKeys() const;
    // Differences in structure from the same persona in another language (same steps, lines, flags, events,
    // branches and targets; only the words differ), as errors naming this file and the step.
    QList<Error> structureDifferences(const Persona &other) const;

    static QString whenName(When when);
    static QString eventName(Event event);

private:
    QString m_name;
    QString m_language;
    QString m_title;
    QString m_description;
    QString m_alias;
    QString m_file;
    QList<Step> m_steps;
};

} // namespace advocate
