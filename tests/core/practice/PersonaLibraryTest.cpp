// SPDX-License-Identifier: GPL-3.0-only
// The shipped personas (resources/practice, embedded under :/practice): all six load in English and Spanish with the
// same steps, and a folder with a persona whose languages differ offers neither.
#include "practice/PersonaLibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

const QStringList shippedNames{QStringLiteral("abusive-contact"),   QStringLiteral("child-in-danger"),
                               QStringLiteral("goes-silent"),       QStringLiteral("monitored-phone"),
                               QStringLiteral("open-at-shift-end"), QStringLiteral("quick-exit")};

QString errorsOf(const PersonaLibrary &library)
{
    QStringList lines;
    for (const Persona::Error &error : library.errors())
        lines.append(error.toString());
    return lines.join(u'\n');
}

} // namespace

TEST(PersonaLibrary, EveryShippedPersonaLoadsInEnglishAndSpanishWithoutErrors)
{
    const PersonaLibrary library = PersonaLibrary::shipped();
    EXPECT_TRUE(library.errors().isEmpty()) << qPrintable(errorsOf(library));
    EXPECT_EQ(library.names(), shippedNames);
    for (const QString &name : shippedNames) {
        EXPECT_EQ(library.languages(name), (QStringList{QStringLiteral("en"), QStringLiteral("es")}))
            << qPrintable(name);
        const auto english = library.persona(name, QStringLiteral("en"));
        const auto spanish = library.persona(name, QStringLiteral("es"));
        ASSERT_TRUE(english && spanish) << qPrintable(name);
        EXPECT_TRUE(spanish->structureDifferences(*english).isEmpty()) << qPrintable(name);
        EXPECT_EQ(english->branchKeys(), spanish->branchKeys()) << qPrintable(name);
        EXPECT_NE(english->title(), spanish->title()) << "the Spanish title is translated: " << qPrintable(name);
        for (int s = 0; s < english->steps().size(); ++s) {
            const auto &englishLines = english->steps().at(s).lines;
            const auto &spanishLines = spanish->steps().at(s).lines;
            for (int l = 0; l < englishLines.size(); ++l)
                EXPECT_NE(englishLines.at(l).text, spanishLines.at(l).text) << qPrintable(name);
        }
    }
}

TEST(PersonaLibrary, ThePersonasCoverWhatTheIssueAsksFor)
{
    const PersonaLibrary library = PersonaLibrary::shipped();
    const auto has = [&](const QString &name, auto predicate) {
        const auto persona = library.persona(name, QStringLiteral("en"));
        if (!persona)
            return false;
        for (const Persona::Step &step : persona->steps()) {
            if (predicate(step))
                return true;
        }
        return false;
    };
    const auto lineMarked = [](bool Persona::Line::*flag) {
        return [flag](const Persona::Step &step) {
            return std::any_of(step.lines.cbegin(), step.lines.cend(),
                               [&](const Persona::Line &line) { return line.*flag; });
        };
    };
    const auto event = [](Persona::Event kind) {
        return [kind](const Persona::Step &step) { return step.event == kind; };
    };
    const auto branch = [](Persona::When when) {
        return [when](const Persona::Step &step) {
            return std::any_of(step.branches.cbegin(), step.branches.cend(),
                               [&](const Persona::Branch &candidate) { return candidate.when == when; });
        };
    };
    EXPECT_TRUE(has(QStringLiteral("quick-exit"), event(Persona::Event::QuickExit)));
    EXPECT_TRUE(has(QStringLiteral("monitored-phone"), event(Persona::Event::Disconnect)));
    EXPECT_TRUE(has(QStringLiteral("monitored-phone"), branch(Persona::When::SafetyCheck)));
    EXPECT_TRUE(has(QStringLiteral("child-in-danger"), lineMarked(&Persona::Line::disclosure)));
    EXPECT_TRUE(has(QStringLiteral("child-in-danger"), branch(Persona::When::Notice)));
    EXPECT_TRUE(has(QStringLiteral("goes-silent"), branch(Persona::When::Silence)));
    EXPECT_TRUE(has(QStringLiteral("goes-silent"), event(Persona::Event::Wait)));
    EXPECT_TRUE(has(QStringLiteral("abusive-contact"), lineMarked(&Persona::Line::abusive)));
    EXPECT_TRUE(has(QStringLiteral("open-at-shift-end"), branch(Persona::When::Keywords)));
}

TEST(PersonaLibrary, ADisclosureLineIsToldExactly)
{
    const PersonaLibrary library = PersonaLibrary::shipped();
    const auto english = library.persona(QStringLiteral("child-in-danger"), QStringLiteral("en"));
    const auto spanish = library.persona(QStringLiteral("child-in-danger"), QStringLiteral("es"));
    ASSERT_TRUE(english && spanish);
    const QString disclosure = english->step(QStringLiteral("disclosed"))->lines.first().text;
    EXPECT_TRUE(library.isDisclosure(disclosure));
    EXPECT_TRUE(library.isDisclosure(spanish->step(QStringLiteral("disclosed"))->lines.first().text));
    EXPECT_FALSE(library.isDisclosure(english->steps().first().lines.first().text));
    EXPECT_FALSE(library.isDisclosure(disclosure + QStringLiteral(" ")));
    EXPECT_FALSE(library.isDisclosure(disclosure.toUpper()));
    const auto abusive = library.persona(QStringLiteral("abusive-contact"), QStringLiteral("en"));
    ASSERT_TRUE(abusive);
    EXPECT_TRUE(library.isAbusive(abusive->step(QStringLiteral("insult"))->lines.first().text));
    EXPECT_FALSE(library.isAbusive(disclosure));
}

TEST(PersonaLibrary, APersonaWhoseLanguagesDifferIsLeftOutWithTheStepNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const PersonaLibrary shipped = PersonaLibrary::shipped();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        const QString name = QStringLiteral("quick-exit.%1.json").arg(language);
        ASSERT_TRUE(QFile::copy(QDir(PersonaLibrary::shippedFolder()).filePath(name), dir.filePath(name)));
        QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    EXPECT_EQ(PersonaLibrary::fromFolder(dir.path()).names(), QStringList{QStringLiteral("quick-exit")});

    // The Spanish file's "door" step goes somewhere else than the English one's.
    QFile spanish(dir.filePath(QStringLiteral("quick-exit.es.json")));
    ASSERT_TRUE(spanish.open(QIODevice::ReadOnly));
    QByteArray json = spanish.readAll();
    spanish.close();
    json.replace("\"id\": \"gone\",\n      \"event\": \"quick_exit\"", "\"id\": \"gone\",\n      \"event\": \"end\"");
    ASSERT_TRUE(spanish.open(QIODevice::WriteOnly | QIODevice::Truncate));
    spanish.write(json);
    spanish.close();

    const PersonaLibrary library = PersonaLibrary::fromFolder(dir.path());
    EXPECT_TRUE(library.names().isEmpty());
    ASSERT_EQ(library.errors().size(), 1);
    EXPECT_EQ(library.errors().first().file, QStringLiteral("quick-exit.es.json"));
    EXPECT_EQ(library.errors().first().step, QStringLiteral("gone"));
}

TEST(PersonaLibrary, ABadFileIsLeftOutAndTheOthersStay)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString name = QStringLiteral("goes-silent.en.json");
    ASSERT_TRUE(QFile::copy(QDir(PersonaLibrary::shippedFolder()).filePath(name), dir.filePath(name)));
    QFile bad(dir.filePath(QStringLiteral("broken.en.json")));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": 1, \"name\": \"broken\"");
    bad.close();
    const PersonaLibrary library = PersonaLibrary::fromFolder(dir.path());
    EXPECT_EQ(library.names(), QStringList{QStringLiteral("goes-silent")});
    ASSERT_EQ(library.errors().size(), 1);
    EXPECT_EQ(library.errors().first().file, QStringLiteral("broken.en.json"));
}
