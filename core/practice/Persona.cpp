// SPDX-License-Identifier: GPL-3.0-only
#include "Persona.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <utility>

namespace advocate {

namespace {

constexpr double maxSeconds = 3600;
constexpr int maxLineChars = 2000;

const QList<std::pair<QString, Persona::When>> whenNames{
    {QStringLiteral("safety_check"), Persona::When::SafetyCheck},
    {QStringLiteral("notice"), Persona::When::Notice},
    {QStringLiteral("keywords"), Persona::When::Keywords},
    {QStringLiteral("any_reply"), Persona::When::AnyReply},
    {QStringLiteral("silence"), Persona::When::Silence},
};

const QList<std::pair<QString, Persona::Event>> eventNames{
    {QStringLiteral("disconnect"), Persona::Event::Disconnect},
    {QStringLiteral("quick_exit"), Persona::Event::QuickExit},
    {QStringLiteral("end"), Persona::Event::End},
    {QStringLiteral("wait"), Persona::Event::Wait},
};

// Reads one JSON object, collecting errors about its keys and fields for one step of one file.
class Reader
{
public:
    Reader(const QJsonObject &object, QString file, QString step, QList<Persona::Error> &errors)
        : m_object(object), m_file(std::move(file)), m_step(std::move(step)), m_errors(errors)
    {
    }

    void error(const QString &message) { m_errors.append({m_file, m_step, message}); }

    void onlyKeys(const QStringList &allowed, const QString &where)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!allowed.contains(it.key()))
                error(Persona::tr("%1: unknown key “%2”.").arg(where, it.key()));
        }
    }

    QString requiredString(const QString &key, const QString &where)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            error(Persona::tr("%1: “%2” is missing.").arg(where, key));
            return {};
        }
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            error(Persona::tr("%1: “%2” must be a text that is not empty.").arg(where, key));
            return {};
        }
        return value.toString();
    }

    std::optional<QString> optionalString(const QString &key, const QString &where)
    {
        if (!m_object.contains(key))
            return std::nullopt;
        return requiredString(key, where);
    }

    bool optionalBool(const QString &key, const QString &where)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool()) {
            error(Persona::tr("%1: “%2” must be true or false.").arg(where, key));
            return false;
        }
        return value.toBool();
    }

    double seconds(const QString &key, const QString &where, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                error(Persona::tr("%1: “%2” is missing.").arg(where, key));
            return 0;
        }
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > maxSeconds ||
            (required && value.toDouble() <= 0)) {
            error(Persona::tr("%1: “%2” must be a number of seconds from 0 to 3600%3.")
                      .arg(where, key, required ? Persona::tr(", more than 0") : QString()));
            return 0;
        }
        return value.toDouble();
    }

    QJsonArray array(const QString &key, const QString &where, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                error(Persona::tr("%1: “%2” is missing.").arg(where, key));
            return {};
        }
        if (!value.isArray()) {
            error(Persona::tr("%1: “%2” must be a list.").arg(where, key));
            return {};
        }
        return value.toArray();
    }

private:
    QJsonObject m_object;
    QString m_file;
    QString m_step;
    QList<Persona::Error> &m_errors;
};

std::optional<Persona::Line> readLine(const QJsonValue &value, int index, const QString &file, const QString &step,
                                      QList<Persona::Error> &errors)
{
    const QString where = Persona::tr("line %1").arg(index + 1);
    if (!value.isObject()) {
        errors.append({file, step, Persona::tr("%1: must be an object with a “text”.").arg(where)});
        return std::nullopt;
    }
    Reader reader(value.toObject(), file, step, errors);
    reader.onlyKeys({QStringLiteral("text"), QStringLiteral("typing"), QStringLiteral("silence"),
                     QStringLiteral("disclosure"), QStringLiteral("abusive")},
                    where);
    Persona::Line line;
    line.text = reader.requiredString(QStringLiteral("text"), where);
    if (line.text.size() > maxLineChars)
        reader.error(Persona::tr("%1: “text” is longer than %2 characters.").arg(where).arg(maxLineChars));
    line.typingSeconds = reader.seconds(QStringLiteral("typing"), where, false);
    line.silenceSeconds = reader.seconds(QStringLiteral("silence"), where, false);
    line.disclosure = reader.optionalBool(QStringLiteral("disclosure"), where);
    line.abusive = reader.optionalBool(QStringLiteral("abusive"), where);
    return line;
}

std::optional<Persona::Branch> readBranch(const QJsonValue &value, int index, const QString &file, const QString &step,
                                          QList<Persona::Error> &errors)
{
    const QString where = Persona::tr("branch %1").arg(index + 1);
    if (!value.isObject()) {
        errors.append({file, step, Persona::tr("%1: must be an object with “when” and “next”.").arg(where)});
        return std::nullopt;
    }
    Reader reader(value.toObject(), file, step, errors);
    reader.onlyKeys(
        {QStringLiteral("when"), QStringLiteral("next"), QStringLiteral("keywords"), QStringLiteral("seconds")}, where);
    Persona::Branch branch;
    const QString when = reader.requiredString(QStringLiteral("when"), where);
    bool known = false;
    for (const auto &[name, kind] : whenNames) {
        if (name == when) {
            branch.when = kind;
            known = true;
        }
    }
    if (!when.isEmpty() && !known) {
        reader.error(Persona::tr("%1: “when” must be safety_check, notice, keywords, any_reply or silence, not “%2”.")
                         .arg(where, when));
    }
    branch.next = reader.requiredString(QStringLiteral("next"), where);
    const QJsonObject object = value.toObject();
    if (known && branch.when == Persona::When::Keywords) {
        const QJsonArray keywords = reader.array(QStringLiteral("keywords"), where, true);
        for (const QJsonValue &keyword : keywords) {
            if (!keyword.isString() || keyword.toString().trimmed().isEmpty())
                reader.error(Persona::tr("%1: every keyword must be a text that is not empty.").arg(where));
            else
                branch.keywords.append(keyword.toString().trimmed());
        }
        if (object.contains(QStringLiteral("keywords")) && keywords.isEmpty())
            reader.error(Persona::tr("%1: “keywords” must name at least one keyword.").arg(where));
    } else if (object.contains(QStringLiteral("keywords"))) {
        reader.error(Persona::tr("%1: “keywords” belongs only to a keywords branch.").arg(where));
    }
    if (known && branch.when == Persona::When::Silence)
        branch.seconds = reader.seconds(QStringLiteral("seconds"), where, true);
    else if (object.contains(QStringLiteral("seconds")))
        reader.error(Persona::tr("%1: “seconds” belongs only to a silence branch.").arg(where));
    return known ? std::optional<Persona::Branch>(branch) : std::nullopt;
}

std::optional<Persona::Step> readStep(const QJsonValue &value, int index, const QString &file,
                                      QList<Persona::Error> &errors)
{
    if (!value.isObject()) {
        errors.append({file, QString(), Persona::tr("Step %1 must be an object with an “id”.").arg(index + 1)});
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QString id = object.value(QStringLiteral("id")).toString();
    const QString stepName = id.isEmpty() ? QString::number(index + 1) : id;
    Reader reader(object, file, stepName, errors);
    const QString where = Persona::tr("the step");
    reader.onlyKeys({QStringLiteral("id"), QStringLiteral("lines"), QStringLiteral("next"), QStringLiteral("await"),
                     QStringLiteral("event"), QStringLiteral("seconds")},
                    where);
    Persona::Step step;
    step.id = reader.requiredString(QStringLiteral("id"), where);
    const QJsonArray lines = reader.array(QStringLiteral("lines"), where, false);
    for (int i = 0; i < lines.size(); ++i) {
        if (const auto line = readLine(lines.at(i), i, file, stepName, errors))
            step.lines.append(*line);
    }
    const bool hasNext = object.contains(QStringLiteral("next"));
    const bool hasAwait = object.contains(QStringLiteral("await"));
    const bool hasEvent = object.contains(QStringLiteral("event"));
    if (int(hasNext && !hasEvent) + int(hasAwait) + int(hasEvent) != 1) {
        reader.error(
            Persona::tr("the step must say what happens after its lines with exactly one of “next”, “await” or "
                        "“event”."));
        return std::nullopt;
    }
    if (hasAwait) {
        step.event = Persona::Event::Await;
        const QJsonArray branches = reader.array(QStringLiteral("await"), where, true);
        if (object.value(QStringLiteral("await")).isArray() && branches.isEmpty())
            reader.error(Persona::tr("“await” must list at least one branch."));
        int silences = 0;
        for (int i = 0; i < branches.size(); ++i) {
            if (const auto branch = readBranch(branches.at(i), i, file, stepName, errors)) {
                silences += branch->when == Persona::When::Silence ? 1 : 0;
                step.branches.append(*branch);
            }
        }
        if (silences > 1)
            reader.error(Persona::tr("“await” may have at most one silence branch."));
        if (object.contains(QStringLiteral("seconds")))
            reader.error(Persona::tr("“seconds” belongs only to a disconnect event."));
        return step;
    }
    if (hasNext && !hasEvent) {
        step.event = Persona::Event::Next;
        step.next = reader.requiredString(QStringLiteral("next"), where);
        if (object.contains(QStringLiteral("seconds")))
            reader.error(Persona::tr("“seconds” belongs only to a disconnect event."));
        return step;
    }
    const QString event = reader.requiredString(QStringLiteral("event"), where);
    bool known = false;
    for (const auto &[name, kind] : eventNames) {
        if (name == event) {
            step.event = kind;
            known = true;
        }
    }
    if (!known) {
        if (!event.isEmpty())
            reader.error(Persona::tr("“event” must be disconnect, quick_exit, end or wait, not “%1”.").arg(event));
        return std::nullopt;
    }
    if (step.event == Persona::Event::Disconnect) {
        step.seconds = reader.seconds(QStringLiteral("seconds"), where, true);
        step.next = reader.requiredString(QStringLiteral("next"), where);
    } else {
        if (hasNext)
            reader.error(
                Persona::tr("“next” after the event “%1” is never reached; only disconnect goes on.").arg(event));
        if (object.contains(QStringLiteral("seconds")))
            reader.error(Persona::tr("“seconds” belongs only to a disconnect event."));
    }
    return step;
}

QStringList targets(const Persona::Step &step)
{
    QStringList found;
    if (!step.next.isEmpty())
        found.append(step.next);
    for (const Persona::Branch &branch : step.branches)
        found.append(branch.next);
    return found;
}

} // namespace

QString Persona::Error::toString() const
{
    if (step.isEmpty())
        return Persona::tr("%1: %2").arg(file, message);
    return Persona::tr("%1, step “%2”: %3").arg(file, step, message);
}

std::optional<Persona> Persona::fromFile(const QString &path, QList<Error> *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append({path, QString(), Persona::tr("cannot be read (%1).").arg(file.errorString())});
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, errors);
}

std::optional<Persona> Persona::fromJson(const QByteArray &json, const QString &file, QList<Error> *errorsOut)
{
    QList<Error> errors;
    const QString shownFile = QFileInfo(file).fileName();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        errors.append({shownFile, QString(),
                       parseError.error != QJsonParseError::NoError ? Persona::tr("is not valid JSON (%1 at byte %2).")
                                                                          .arg(parseError.errorString())
                                                                          .arg(parseError.offset)
                                                                    : Persona::tr("must hold one JSON object.")});
        if (errorsOut)
            errorsOut->append(errors);
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Reader reader(object, shownFile, QString(), errors);
    const QString where = Persona::tr("the persona");
    reader.onlyKeys({QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("language"),
                     QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("alias"),
                     QStringLiteral("steps")},
                    where);
    const QJsonValue formatValue = object.value(QStringLiteral("format"));
    if (formatValue.isUndefined()) {
        reader.error(Persona::tr("“format” is missing (this version reads format 1)."));
    } else if (formatValue.toInt(-1) != format || !formatValue.isDouble()) {
        reader.error(Persona::tr("format %1 is not supported (this version reads format 1).")
                         .arg(formatValue.isDouble() ? QString::number(formatValue.toDouble()) : QStringLiteral("?")));
        if (errorsOut)
            errorsOut->append(errors);
        return std::nullopt;
    }
    Persona persona;
    persona.m_file = shownFile;
    persona.m_name = reader.requiredString(QStringLiteral("name"), where);
    persona.m_language = reader.requiredString(QStringLiteral("language"), where);
    persona.m_title = reader.requiredString(QStringLiteral("title"), where);
    persona.m_description = reader.requiredString(QStringLiteral("description"), where);
    persona.m_alias = reader.requiredString(QStringLiteral("alias"), where);
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!persona.m_name.isEmpty() && !namePattern.match(persona.m_name).hasMatch())
        reader.error(Persona::tr("“name” must be lowercase letters, digits and single hyphens, like monitored-phone."));
    if (!persona.m_language.isEmpty() && persona.m_language != QLatin1String("en") &&
        persona.m_language != QLatin1String("es"))
        reader.error(Persona::tr("“language” must be en or es, the languages whose advocate wordings are recognized."));
    const QString expectedFileName = QStringLiteral("%1.%2.json").arg(persona.m_name, persona.m_language);
    if (!persona.m_name.isEmpty() && !persona.m_language.isEmpty() && shownFile != expectedFileName)
        reader.error(Persona::tr("the file must be named %1 after its name and language.").arg(expectedFileName));

    const QJsonArray steps = reader.array(QStringLiteral("steps"), where, true);
    if (object.value(QStringLiteral("steps")).isArray() && steps.isEmpty())
        reader.error(Persona::tr("“steps” must list at least one step."));
    QSet<QString> ids;
    for (int i = 0; i < steps.size(); ++i) {
        const auto step = readStep(steps.at(i), i, shownFile, errors);
        if (!step || step->id.isEmpty())
            continue;
        if (ids.contains(step->id)) {
            errors.append({shownFile, step->id, Persona::tr("another step has the same id.")});
            continue;
        }
        ids.insert(step->id);
        persona.m_steps.append(*step);
    }
    // Targets, reachability from the first step, and loops that would send lines for ever without waiting.
    for (const Step &step : std::as_const(persona.m_steps)) {
        for (const QString &target : targets(step)) {
            if (!target.isEmpty() && !ids.contains(target))
                errors.append({shownFile, step.id, Persona::tr("goes on to the unknown step “%1”.").arg(target)});
        }
    }
    if (!persona.m_steps.isEmpty() && errors.isEmpty()) {
        QSet<QString> reached{persona.m_steps.first().id};
        QStringList pending{persona.m_steps.first().id};
        while (!pending.isEmpty()) {
            for (const QString &target : targets(*persona.step(pending.takeFirst()))) {
                if (!reached.contains(target)) {
                    reached.insert(target);
                    pending.append(target);
                }
            }
        }
        for (const Step &step : std::as_const(persona.m_steps)) {
            if (!reached.contains(step.id))
                errors.append({shownFile, step.id, Persona::tr("is never reached from the first step.")});
            QSet<QString> chain{step.id};
            const Step *at = &step;
            while (at->event == Event::Next) {
                at = persona.step(at->next);
                if (chain.contains(at->id)) {
                    errors.append(
                        {shownFile, step.id,
                         Persona::tr("goes round in a loop of “next” steps that never waits for the advocate.")});
                    break;
                }
                chain.insert(at->id);
            }
        }
    }
    if (errorsOut)
        errorsOut->append(errors);
    if (!errors.isEmpty())
        return std::nullopt;
    return persona;
}

const Persona::Step *Persona::step(const QString &id) const
{
    for (const Step &candidate : m_steps) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QStringList Persona::branchKeys() const
{
    QStringList keys;
    for (const Step &step : m_steps) {
        for (int i = 0; i < step.branches.size(); ++i)
            keys.append(QStringLiteral("%1 %2").arg(step.id).arg(i));
    }
    return keys;
}

QList<Persona::Error> Persona::structureDifferences(const Persona &other) const
{
    QList<Error> differences;
    const auto differ = [&](const QString &step, const QString &what) {
        differences.append({m_file, step, Persona::tr("differs from %1: %2").arg(other.m_file, what)});
    };
    QStringList mine;
    QStringList theirs;
    for (const Step &step : m_steps)
        mine.append(step.id);
    for (const Step &step : other.m_steps)
        theirs.append(step.id);
    if (mine != theirs) {
        differ(QString(), Persona::tr("the steps must be the same, in the same order (%1 here, %2 there).")
                              .arg(mine.join(QStringLiteral(", ")), theirs.join(QStringLiteral(", "))));
        return differences;
    }
    for (int s = 0; s < m_steps.size(); ++s) {
        const Step &a = m_steps.at(s);
        const Step &b = other.m_steps.at(s);
        if (a.lines.size() != b.lines.size()) {
            differ(a.id, Persona::tr("%1 lines here, %2 there.").arg(a.lines.size()).arg(b.lines.size()));
            continue;
        }
        for (int l = 0; l < a.lines.size(); ++l) {
            if (a.lines.at(l).disclosure != b.lines.at(l).disclosure || a.lines.at(l).abusive != b.lines.at(l).abusive)
                differ(a.id, Persona::tr("line %1 is marked differently (disclosure, abusive).").arg(l + 1));
        }
        if (a.event != b.event || a.next != b.next || !qFuzzyCompare(1 + a.seconds, 1 + b.seconds)) {
            differ(a.id, Persona::tr("what happens after the lines is not the same."));
            continue;
        }
        if (a.branches.size() != b.branches.size()) {
            differ(a.id, Persona::tr("%1 branches here, %2 there.").arg(a.branches.size()).arg(b.branches.size()));
            continue;
        }
        for (int i = 0; i < a.branches.size(); ++i) {
            const Branch &x = a.branches.at(i);
            const Branch &y = b.branches.at(i);
            if (x.when != y.when || x.next != y.next || !qFuzzyCompare(1 + x.seconds, 1 + y.seconds))
                differ(a.id, Persona::tr("branch %1 is not the same (when, next or seconds).").arg(i + 1));
        }
    }
    return differences;
}

QString Persona::whenName(When when)
{
    for (const auto &[name, kind] : whenNames) {
        if (kind == when)
            return name;
    }
    return {};
}

QString Persona::eventName(Event event)
{
    if (event == Event::Next)
        return QStringLiteral("next");
    if (event == Event::Await)
        return QStringLiteral("await");
    for (const auto &[name, kind] : eventNames) {
        if (kind == event)
            return name;
    }
    return {};
}

} // namespace advocate
