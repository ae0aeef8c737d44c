// SPDX-License-Identifier: GPL-3.0-only
// The persona format (docs/practice.md, "Personas"): a good file loads with every field, and each kind of bad file is
// refused with an error naming the file and the step, never a crash.
#include "practice/Persona.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QJsonObject line(const QString &text)
{
    return {{QStringLiteral("text"), text}};
}

// A small valid persona: every field and every kind of step.
QJsonObject goodPersona()
{
    QJsonObject disclosure = line(QStringLiteral("something happened"));
    disclosure.insert(QStringLiteral("disclosure"), true);
    disclosure.insert(QStringLiteral("typing"), 4);
    disclosure.insert(QStringLiteral("silence"), 2.5);
    QJsonObject abusive = line(QStringLiteral("rude"));
    abusive.insert(QStringLiteral("abusive"), true);
    const QJsonArray steps{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("opening")},
                    {QStringLiteral("lines"), QJsonArray{line(QStringLiteral("hi")), disclosure}},
                    {QStringLiteral("await"),
                     QJsonArray{QJsonObject{{QStringLiteral("when"), QStringLiteral("safety_check")},
                                            {QStringLiteral("next"), QStringLiteral("away")}},
                                QJsonObject{{QStringLiteral("when"), QStringLiteral("notice")},
                                            {QStringLiteral("next"), QStringLiteral("rude")}},
                                QJsonObject{{QStringLiteral("when"), QStringLiteral("keywords")},
                                            {QStringLiteral("keywords"), QJsonArray{QStringLiteral("bye")}},
                                            {QStringLiteral("next"), QStringLiteral("leave")}},
                                QJsonObject{{QStringLiteral("when"), QStringLiteral("any_reply")},
                                            {QStringLiteral("next"), QStringLiteral("finish")}},
                                QJsonObject{{QStringLiteral("when"), QStringLiteral("silence")},
                                            {QStringLiteral("seconds"), 60},
                                            {QStringLiteral("next"), QStringLiteral("quiet")}}}}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("away")},
                    {QStringLiteral("event"), QStringLiteral("disconnect")},
                    {QStringLiteral("seconds"), 30},
                    {QStringLiteral("next"), QStringLiteral("finish")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("rude")},
                    {QStringLiteral("lines"), QJsonArray{abusive}},
                    {QStringLiteral("next"), QStringLiteral("quiet")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("leave")},
                    {QStringLiteral("event"), QStringLiteral("quick_exit")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("finish")}, {QStringLiteral("event"), QStringLiteral("end")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("quiet")}, {QStringLiteral("event"), QStringLiteral("wait")}},
    };
    return {{QStringLiteral("format"), 1},
            {QStringLiteral("name"), QStringLiteral("sample")},
            {QStringLiteral("language"), QStringLiteral("en")},
            {QStringLiteral("title"), QStringLiteral("A sample")},
            {QStringLiteral("description"), QStringLiteral("For the tests.")},
            {QStringLiteral("alias"), QStringLiteral("Sam")},
            {QStringLiteral("steps"), steps}};
}

QJsonArray steps(const QJsonObject &persona)
{
    return persona.value(QStringLiteral("steps")).toArray();
}

QJsonObject withSteps(QJsonObject persona, const QJsonArray &newSteps)
{
    persona.insert(QStringLiteral("steps"), newSteps);
    return persona;
}

// Step `index` changed by `change`.
template <typename Change>
QJsonObject withStep(const QJsonObject &persona, int index, Change change)
{
    QJsonArray all = steps(persona);
    QJsonObject step = all.at(index).toObject();
    change(step);
    all.replace(index, step);
    return withSteps(persona, all);
}

struct Loaded
{
    std::optional<Persona> persona;
    QList<Persona::Error> errors;
};

Loaded load(const QJsonObject &persona, const QString &file = QStringLiteral("sample.en.json"))
{
    Loaded loaded;
    loaded.persona = Persona::fromJson(QJsonDocument(persona).toJson(), file, &loaded.errors);
    return loaded;
}

// Refused, with an error about `step` whose text contains `words`.
::testing::AssertionResult refusedFor(const Loaded &loaded, const QString &step, const QString &words)
{
    if (loaded.persona)
        return ::testing::AssertionFailure() << "the persona loaded";
    QStringList seen;
    for (const Persona::Error &error : loaded.errors) {
        seen.append(error.toString());
        if (error.step == step && error.message.contains(words) && error.file == QStringLiteral("sample.en.json") &&
            error.toString().contains(QStringLiteral("sample.en.json")))
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "no error for step '" << qPrintable(step) << "' with '" << qPrintable(words)
                                         << "'; got: " << qPrintable(seen.join(QStringLiteral(" | ")));
}

} // namespace

TEST(PersonaFormat, AGoodFileLoadsWithEveryField)
{
    const Loaded loaded = load(goodPersona());
    ASSERT_TRUE(loaded.persona) << qPrintable(loaded.errors.isEmpty() ? QString() : loaded.errors.first().toString());
    const Persona &persona = *loaded.persona;
    EXPECT_EQ(persona.name(), QStringLiteral("sample"));
    EXPECT_EQ(persona.language(), QStringLiteral("en"));
    EXPECT_EQ(persona.title(), QStringLiteral("A sample"));
    EXPECT_EQ(persona.description(), QStringLiteral("For the tests."));
    EXPECT_EQ(persona.alias(), QStringLiteral("Sam"));
    ASSERT_EQ(persona.steps().size(), 6);
    const Persona::Step &opening = persona.steps().first();
    EXPECT_EQ(opening.event, Persona::Event::Await);
    ASSERT_EQ(opening.lines.size(), 2);
    EXPECT_TRUE(opening.lines.at(1).disclosure);
    EXPECT_DOUBLE_EQ(opening.lines.at(1).typingSeconds, 4);
    EXPECT_DOUBLE_EQ(opening.lines.at(1).silenceSeconds, 2.5);
    ASSERT_EQ(opening.branches.size(), 5);
    EXPECT_EQ(opening.branches.at(2).keywords, QStringList{QStringLiteral("bye")});
    EXPECT_DOUBLE_EQ(opening.branches.at(4).seconds, 60);
    EXPECT_EQ(persona.step(QStringLiteral("away"))->event, Persona::Event::Disconnect);
    EXPECT_DOUBLE_EQ(persona.step(QStringLiteral("away"))->seconds, 30);
    EXPECT_TRUE(persona.step(QStringLiteral("rude"))->lines.first().abusive);
    EXPECT_EQ(persona.step(QStringLiteral("leave"))->event, Persona::Event::QuickExit);
    EXPECT_EQ(persona.step(QStringLiteral("finish"))->event, Persona::Event::End);
    EXPECT_EQ(persona.step(QStringLiteral("quiet"))->event, Persona::Event::Wait);
    EXPECT_EQ(persona.branchKeys().size(), 5);
}

TEST(PersonaFormat, NotJsonOrNotAnObjectIsRefused)
{
    QList<Persona::Error> errors;
    EXPECT_FALSE(Persona::fromJson("{ not json", QStringLiteral("sample.en.json"), &errors));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().toString().startsWith(QStringLiteral("sample.en.json: is not valid JSON")));
    errors.clear();
    EXPECT_FALSE(Persona::fromJson("[1, 2]", QStringLiteral("sample.en.json"), &errors));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().message.contains(QStringLiteral("one JSON object")));
}

TEST(PersonaFormat, AMissingOrUnknownFormatIsRefused)
{
    QJsonObject persona = goodPersona();
    persona.remove(QStringLiteral("format"));
    EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("“format” is missing")));
    persona.insert(QStringLiteral("format"), 2);
    EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("format 2 is not supported")));
}

TEST(PersonaFormat, EachMissingTopLevelFieldIsNamed)
{
    for (const QString &field : {QStringLiteral("name"), QStringLiteral("language"), QStringLiteral("title"),
                                 QStringLiteral("description"), QStringLiteral("alias"), QStringLiteral("steps")}) {
        QJsonObject persona = goodPersona();
        persona.remove(field);
        EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("“%1” is missing").arg(field)))
            << qPrintable(field);
    }
}

TEST(PersonaFormat, UnknownKeysAreRefusedAtEveryLevel)
{
    QJsonObject persona = goodPersona();
    persona.insert(QStringLiteral("author"), QStringLiteral("x"));
    EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("unknown key “author”")));

    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 0,
                      [](QJsonObject &step) { step.insert(QStringLiteral("mood"), QStringLiteral("sad")); })),
        QStringLiteral("opening"), QStringLiteral("unknown key “mood”")));
    EXPECT_TRUE(refusedFor(load(withStep(goodPersona(), 0,
                                         [](QJsonObject &step) {
                                             QJsonArray lines = step.value(QStringLiteral("lines")).toArray();
                                             QJsonObject first = lines.at(0).toObject();
                                             first.insert(QStringLiteral("delay"), 3);
                                             lines.replace(0, first);
                                             step.insert(QStringLiteral("lines"), lines);
                                         })),
                           QStringLiteral("opening"), QStringLiteral("line 1: unknown key “delay”")));
    EXPECT_TRUE(refusedFor(load(withStep(goodPersona(), 0,
                                         [](QJsonObject &step) {
                                             QJsonArray branches = step.value(QStringLiteral("await")).toArray();
                                             QJsonObject first = branches.at(0).toObject();
                                             first.insert(QStringLiteral("if"), 3);
                                             branches.replace(0, first);
                                             step.insert(QStringLiteral("await"), branches);
                                         })),
                           QStringLiteral("opening"), QStringLiteral("branch 1: unknown key “if”")));
}

TEST(PersonaFormat, AnUnknownStepTargetIsNamedWithItsStep)
{
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 2,
                      [](QJsonObject &step) { step.insert(QStringLiteral("next"), QStringLiteral("nowhere")); })),
        QStringLiteral("rude"), QStringLiteral("unknown step “nowhere”")));
    EXPECT_TRUE(refusedFor(load(withStep(goodPersona(), 0,
                                         [](QJsonObject &step) {
                                             QJsonArray branches = step.value(QStringLiteral("await")).toArray();
                                             QJsonObject first = branches.at(0).toObject();
                                             first.insert(QStringLiteral("next"), QStringLiteral("elsewhere"));
                                             branches.replace(0, first);
                                             step.insert(QStringLiteral("await"), branches);
                                         })),
                           QStringLiteral("opening"), QStringLiteral("unknown step “elsewhere”")));
}

TEST(PersonaFormat, AnUnreachableStepIsNamed)
{
    QJsonArray all = steps(goodPersona());
    all.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("orphan")},
                           {QStringLiteral("event"), QStringLiteral("end")}});
    EXPECT_TRUE(
        refusedFor(load(withSteps(goodPersona(), all)), QStringLiteral("orphan"), QStringLiteral("never reached")));
}

TEST(PersonaFormat, MissingStepAndLineAndBranchFieldsAreNamed)
{
    EXPECT_TRUE(
        refusedFor(load(withStep(goodPersona(), 0, [](QJsonObject &step) { step.remove(QStringLiteral("await")); })),
                   QStringLiteral("opening"), QStringLiteral("exactly one of “next”, “await” or “event”")));
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 0,
                      [](QJsonObject &step) {
                          step.insert(QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("typing"), 2}}});
                      })),
        QStringLiteral("opening"), QStringLiteral("line 1: “text” is missing")));
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 0,
                      [](QJsonObject &step) {
                          step.insert(QStringLiteral("await"),
                                      QJsonArray{QJsonObject{{QStringLiteral("when"), QStringLiteral("notice")}}});
                      })),
        QStringLiteral("opening"), QStringLiteral("branch 1: “next” is missing")));
    EXPECT_TRUE(
        refusedFor(load(withStep(goodPersona(), 1, [](QJsonObject &step) { step.remove(QStringLiteral("seconds")); })),
                   QStringLiteral("away"), QStringLiteral("“seconds” is missing")));
    EXPECT_TRUE(refusedFor(load(withStep(goodPersona(), 0,
                                         [](QJsonObject &step) {
                                             QJsonArray branches = step.value(QStringLiteral("await")).toArray();
                                             QJsonObject keywords = branches.at(2).toObject();
                                             keywords.remove(QStringLiteral("keywords"));
                                             branches.replace(2, keywords);
                                             step.insert(QStringLiteral("await"), branches);
                                         })),
                           QStringLiteral("opening"), QStringLiteral("branch 3: “keywords” is missing")));
    QJsonArray all = steps(goodPersona());
    all.replace(3, QJsonObject{{QStringLiteral("event"), QStringLiteral("quick_exit")}});
    EXPECT_TRUE(
        refusedFor(load(withSteps(goodPersona(), all)), QStringLiteral("4"), QStringLiteral("“id” is missing")));
}

TEST(PersonaFormat, WrongValuesAreNamed)
{
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 3,
                      [](QJsonObject &step) { step.insert(QStringLiteral("event"), QStringLiteral("explode")); })),
        QStringLiteral("leave"), QStringLiteral("not “explode”")));
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 0,
                      [](QJsonObject &step) {
                          step.insert(QStringLiteral("await"),
                                      QJsonArray{QJsonObject{{QStringLiteral("when"), QStringLiteral("mood")},
                                                             {QStringLiteral("next"), QStringLiteral("finish")}}});
                      })),
        QStringLiteral("opening"), QStringLiteral("not “mood”")));
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 1, [](QJsonObject &step) { step.insert(QStringLiteral("seconds"), -5); })),
        QStringLiteral("away"), QStringLiteral("number of seconds")));
    EXPECT_TRUE(refusedFor(
        load(withStep(goodPersona(), 2,
                      [](QJsonObject &step) {
                          step.insert(QStringLiteral("lines"),
                                      QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("x")},
                                                             {QStringLiteral("abusive"), QStringLiteral("yes")}}});
                      })),
        QStringLiteral("rude"), QStringLiteral("true or false")));
    QJsonObject persona = goodPersona();
    persona.insert(QStringLiteral("language"), QStringLiteral("fr"));
    EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("must be en or es")));
    persona = goodPersona();
    persona.insert(QStringLiteral("name"), QStringLiteral("Bad Name"));
    EXPECT_TRUE(refusedFor(load(persona), QString(), QStringLiteral("lowercase letters")));
}

TEST(PersonaFormat, AFileNamedOtherwiseThanItsNameAndLanguageIsRefused)
{
    const Loaded loaded = load(goodPersona(), QStringLiteral("/somewhere/sample.es.json"));
    ASSERT_FALSE(loaded.persona);
    ASSERT_FALSE(loaded.errors.isEmpty());
    EXPECT_EQ(loaded.errors.first().file, QStringLiteral("sample.es.json"));
    EXPECT_TRUE(loaded.errors.first().message.contains(QStringLiteral("sample.en.json")));
}

TEST(PersonaFormat, DuplicateStepsLoopsAndTwoSilencesAreRefused)
{
    QJsonArray all = steps(goodPersona());
    all.append(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("quiet")}, {QStringLiteral("event"), QStringLiteral("end")}});
    EXPECT_TRUE(refusedFor(load(withSteps(goodPersona(), all)), QStringLiteral("quiet"), QStringLiteral("same id")));

    all = steps(goodPersona());
    all.replace(5, QJsonObject{{QStringLiteral("id"), QStringLiteral("quiet")},
                               {QStringLiteral("next"), QStringLiteral("rude")}});
    EXPECT_TRUE(refusedFor(load(withSteps(goodPersona(), all)), QStringLiteral("quiet"), QStringLiteral("loop")));

    EXPECT_TRUE(refusedFor(load(withStep(goodPersona(), 0,
                                         [](QJsonObject &step) {
                                             QJsonArray branches = step.value(QStringLiteral("await")).toArray();
                                             branches.append(branches.at(4));
                                             step.insert(QStringLiteral("await"), branches);
                                         })),
                           QStringLiteral("opening"), QStringLiteral("at most one silence")));
}

TEST(PersonaFormat, WrongTypesAnywhereAreErrorsNotCrashes)
{
    // Every field replaced in turn by values of the wrong type: always refused with errors, never a crash.
    const QList<QJsonValue> wrong{QJsonValue(5),
                                  QJsonValue(QStringLiteral("x")),
                                  QJsonValue(QJsonArray{1, 2}),
                                  QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}),
                                  QJsonValue(true),
                                  QJsonValue(QJsonValue::Null)};
    const QJsonObject good = goodPersona();
    for (auto it = good.constBegin(); it != good.constEnd(); ++it) {
        for (const QJsonValue &value : wrong) {
            QJsonObject persona = good;
            persona.insert(it.key(), value);
            const Loaded loaded = load(persona);
            if (!loaded.persona) {
                EXPECT_FALSE(loaded.errors.isEmpty()) << qPrintable(it.key());
            }
        }
    }
    for (int s = 0; s < steps(good).size(); ++s) {
        const QJsonObject step = steps(good).at(s).toObject();
        for (auto it = step.constBegin(); it != step.constEnd(); ++it) {
            for (const QJsonValue &value : wrong) {
                const Loaded loaded =
                    load(withStep(good, s, [&](QJsonObject &changed) { changed.insert(it.key(), value); }));
                if (!loaded.persona) {
                    EXPECT_FALSE(loaded.errors.isEmpty()) << qPrintable(it.key());
                }
            }
        }
        for (const QJsonValue &value : wrong) {
            QJsonArray all = steps(good);
            all.replace(s, value);
            EXPECT_FALSE(load(withSteps(good, all)).persona);
        }
    }
}

TEST(PersonaFormat, AFileThatCannotBeReadIsNamed)
{
    QTemporaryDir dir;
    QList<Persona::Error> errors;
    EXPECT_FALSE(Persona::fromFile(dir.filePath(QStringLiteral("missing.en.json")), &errors));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().toString().contains(QStringLiteral("missing.en.json")));
}

TEST(PersonaFormat, TheSameStructureInAnotherLanguageHasNoDifferencesAndADifferentOneIsNamed)
{
    QJsonObject spanish = goodPersona();
    spanish.insert(QStringLiteral("language"), QStringLiteral("es"));
    const auto english = load(goodPersona()).persona;
    const auto sameInSpanish =
        Persona::fromJson(QJsonDocument(spanish).toJson(), QStringLiteral("sample.es.json"), nullptr);
    ASSERT_TRUE(english && sameInSpanish);
    EXPECT_TRUE(sameInSpanish->structureDifferences(*english).isEmpty());

    const QJsonObject otherTarget =
        withStep(spanish, 2, [](QJsonObject &step) { step.insert(QStringLiteral("next"), QStringLiteral("finish")); });
    const auto changed =
        Persona::fromJson(QJsonDocument(otherTarget).toJson(), QStringLiteral("sample.es.json"), nullptr);
    ASSERT_TRUE(changed);
    const QList<Persona::Error> differences = changed->structureDifferences(*english);
    ASSERT_EQ(differences.size(), 1);
    EXPECT_EQ(differences.first().file, QStringLiteral("sample.es.json"));
    EXPECT_EQ(differences.first().step, QStringLiteral("rude"));
}
