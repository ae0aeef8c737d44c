// SPDX-License-Identifier: GPL-3.0-only
#include "canned/CannedLibrary.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QByteArray libraryWith(const QByteArray &entries, const QByteArray &extra = {})
{
    return QByteArray(R"({"format":"advocate-desk-canned","version":1,)") + extra + R"("entries":[)" + entries + "]}";
}

const QByteArray validEntry = R"({"id":"greeting.one","category":"greeting","shortcut":"hi",
    "title":{"en":"Hello","es":"Hola"},"text":{"en":"Hello, I'm {advocate}.","es":"Hola, soy {advocate}."}})";

const CannedIssue *issueFor(const CannedLibrary &library, const QString &entry, const QString &field)
{
    for (const CannedIssue &issue : library.issues()) {
        if (issue.entry == entry && issue.field == field)
            return &issue;
    }
    return nullptr;
}

QStringList ids(const QList<const CannedResponse *> &results)
{
    QStringList out;
    for (const CannedResponse *entry : results)
        out.append(entry->id);
    return out;
}

} // namespace

TEST(CannedLibrary, ValidEntryLoadsWithEveryField)
{
    const CannedLibrary library = CannedLibrary::fromJson(libraryWith(validEntry), QStringLiteral("test.json"));
    ASSERT_TRUE(library.issues().isEmpty());
    ASSERT_EQ(library.entries().size(), 1);
    const CannedResponse &entry = library.entries().first();
    EXPECT_EQ(entry.id, QStringLiteral("greeting.one"));
    EXPECT_EQ(entry.category, CannedCategory::Greeting);
    EXPECT_EQ(entry.shortcut, QStringLiteral("hi"));
    EXPECT_EQ(entry.titles.value(QStringLiteral("es")), QStringLiteral("Hola"));
    EXPECT_EQ(entry.texts.value(QStringLiteral("en")), QStringLiteral("Hello, I'm {advocate}."));
    EXPECT_EQ(entry.origin, CannedOrigin::Program);
}

TEST(CannedLibrary, FileThatIsNotJsonGivesOneClearError)
{
    const CannedLibrary library = CannedLibrary::fromJson("this is { not json", QStringLiteral("/etc/canned.json"));
    ASSERT_EQ(library.issues().size(), 1);
    EXPECT_TRUE(library.issues().first().isError());
    EXPECT_TRUE(library.issues().first().message.contains(QStringLiteral("/etc/canned.json")));
    EXPECT_TRUE(library.issues().first().message.contains(QStringLiteral("not valid JSON")));
    EXPECT_TRUE(library.entries().isEmpty());
}

TEST(CannedLibrary, MissingFileGivesOneErrorNamingThePath)
{
    const CannedLibrary library = CannedLibrary::fromFile(QStringLiteral("/nonexistent/canned.json"));
    ASSERT_EQ(library.issues().size(), 1);
    EXPECT_TRUE(library.issues().first().message.contains(QStringLiteral("/nonexistent/canned.json")));
}

TEST(CannedLibrary, NewerFormatVersionIsRefusedWithAClearError)
{
    const CannedLibrary library =
        CannedLibrary::fromJson(R"({"version":2,"entries":[)" + validEntry + "]}", QStringLiteral("test.json"));
    ASSERT_EQ(library.issues().size(), 1);
    EXPECT_EQ(library.issues().first().field, QStringLiteral("version"));
    EXPECT_TRUE(library.entries().isEmpty());
}

TEST(CannedLibrary, BadCategoryNamesEntryAndFieldAndKeepsTheValidEntries)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry + R"(,{"id":"bad.one","category":"smalltalk","title":"T","text":{"en":"x"}},
            {"id":"closing.ok","category":"closing","title":"Bye","text":{"en":"Take care."}})"),
        QStringLiteral("test.json"));
    const CannedIssue *issue = issueFor(library, QStringLiteral("“bad.one”"), QStringLiteral("category"));
    ASSERT_NE(issue, nullptr);
    EXPECT_TRUE(issue->isError());
    EXPECT_TRUE(issue->message.contains(QStringLiteral("bad.one")));
    EXPECT_TRUE(issue->message.contains(QStringLiteral("category")));
    ASSERT_EQ(library.entries().size(), 2);
    EXPECT_EQ(library.entries().at(1).id, QStringLiteral("closing.ok"));
}

TEST(CannedLibrary, EntryWithoutIdIsNamedByItsPosition)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry + R"(,{"category":"greeting","title":"T","text":{"en":"x"}})"), QStringLiteral("t"));
    const CannedIssue *issue = issueFor(library, QStringLiteral("#2"), QStringLiteral("id"));
    ASSERT_NE(issue, nullptr);
    EXPECT_TRUE(issue->message.contains(QStringLiteral("#2")));
    EXPECT_EQ(library.entries().size(), 1);
}

TEST(CannedLibrary, EntryThatIsNotAnObjectIsNamedByItsPosition)
{
    const CannedLibrary library =
        CannedLibrary::fromJson(libraryWith(R"("just text",)" + validEntry), QStringLiteral("t"));
    EXPECT_NE(issueFor(library, QStringLiteral("#1"), QString()), nullptr);
    EXPECT_EQ(library.entries().size(), 1);
}

TEST(CannedLibrary, EmptySpanishTextNamesTheLanguageField)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(R"({"id":"x.y","category":"resources","title":"R","text":{"en":"Fine","es":"  "}})"),
        QStringLiteral("t"));
    const CannedIssue *issue = issueFor(library, QStringLiteral("“x.y”"), QStringLiteral("text.es"));
    ASSERT_NE(issue, nullptr);
    EXPECT_TRUE(issue->message.contains(QStringLiteral("text.es")));
    EXPECT_TRUE(library.entries().isEmpty());
}

TEST(CannedLibrary, MissingTextAndBadLanguageTagAreEachReported)
{
    const CannedLibrary library = CannedLibrary::fromJson(libraryWith(R"({"id":"a","category":"greeting","title":"A"},
                       {"id":"b","category":"greeting","title":"B","text":{"English":"Hi"}})"),
                                                          QStringLiteral("t"));
    EXPECT_NE(issueFor(library, QStringLiteral("“a”"), QStringLiteral("text")), nullptr);
    EXPECT_NE(issueFor(library, QStringLiteral("“b”"), QStringLiteral("text.English")), nullptr);
    EXPECT_TRUE(library.entries().isEmpty());
}

TEST(CannedLibrary, DuplicateIdAndDuplicateShortcutLeaveOutTheLaterEntry)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry + "," + validEntry +
                    R"(,{"id":"other","category":"greeting","shortcut":"hi","title":"O","text":{"en":"O"}})"),
        QStringLiteral("t"));
    EXPECT_NE(issueFor(library, QStringLiteral("“greeting.one”"), QStringLiteral("id")), nullptr);
    EXPECT_NE(issueFor(library, QStringLiteral("“other”"), QStringLiteral("shortcut")), nullptr);
    EXPECT_EQ(library.entries().size(), 1);
}

TEST(CannedLibrary, ShortcutWithSpacesIsRejected)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(R"({"id":"s","category":"greeting","shortcut":"two words","title":"S","text":{"en":"S"}})"),
        QStringLiteral("t"));
    EXPECT_NE(issueFor(library, QStringLiteral("“s”"), QStringLiteral("shortcut")), nullptr);
}

TEST(CannedLibrary, UnknownFlagIsAWarningAndTheEntryStays)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(R"({"id":"f","category":"closing","title":"F","text":{"en":"F"},"flags":["closing","sparkly"]})"),
        QStringLiteral("t"));
    const CannedIssue *issue = issueFor(library, QStringLiteral("“f”"), QStringLiteral("flags[1]"));
    ASSERT_NE(issue, nullptr);
    EXPECT_FALSE(issue->isError());
    ASSERT_EQ(library.entries().size(), 1);
    EXPECT_EQ(library.entries().first().flags, QList<CannedFlag>{CannedFlag::Closing});
}

TEST(CannedLibrary, UnknownPlaceholderInATextIsAWarningNamingTheLanguage)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(R"({"id":"p","category":"resources","title":"P","text":{"en":"Call {shelter_phone}."}})"),
        QStringLiteral("t"));
    const CannedIssue *issue = issueFor(library, QStringLiteral("“p”"), QStringLiteral("text.en"));
    ASSERT_NE(issue, nullptr);
    EXPECT_FALSE(issue->isError());
    EXPECT_TRUE(issue->message.contains(QStringLiteral("{shelter_phone}")));
    EXPECT_EQ(library.entries().size(), 1);
}

TEST(CannedLibrary, BadPolicyValueIsReportedAndItsDefaultKept)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry, R"("policy":{"checks":{"emoji":"no","slang":false},"longCannedMinChars":-3},)"),
        QStringLiteral("t"));
    EXPECT_NE(issueFor(library, QString(), QStringLiteral("policy.checks.emoji")), nullptr);
    EXPECT_NE(issueFor(library, QString(), QStringLiteral("policy.longCannedMinChars")), nullptr);
    EXPECT_TRUE(library.policy().emojiCheck);
    EXPECT_FALSE(library.policy().slangCheck);
    EXPECT_EQ(library.policy().longCannedMinChars, 200);
    EXPECT_EQ(library.entries().size(), 1);
}

TEST(CannedLibrary, PolicySlangListReplacesTheDefaultForThatLanguage)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry, R"("policy":{"slang":{"en":[{"term":"ikr","expansion":""}, {"term":"two words"}]}},)"),
        QStringLiteral("t"));
    ASSERT_EQ(library.policy().slang.value(QStringLiteral("en")).size(), 1);
    EXPECT_EQ(library.policy().slang.value(QStringLiteral("en")).first().term, QStringLiteral("ikr"));
    EXPECT_NE(issueFor(library, QString(), QStringLiteral("policy.slang.en[1]")), nullptr);
    EXPECT_FALSE(library.policy().slang.value(QStringLiteral("es")).isEmpty());
}

TEST(CannedLibrary, SearchRanksShortcutPrefixThenTitleThenText)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(
            R"({"id":"by-text","category":"resources","title":"Shelters","text":{"en":"We can talk about a safety plan."}},
                       {"id":"by-title","category":"resources","title":"Safety planning","text":{"en":"Let's plan."}},
                       {"id":"by-shortcut","category":"safety_check","shortcut":"safe","title":"Check","text":{"en":"Are you okay?"}})"),
        QStringLiteral("t"));
    EXPECT_EQ(ids(library.search(QStringLiteral("safe"))),
              (QStringList{QStringLiteral("by-shortcut"), QStringLiteral("by-title"), QStringLiteral("by-text")}));
}

TEST(CannedLibrary, SearchIgnoresCaseAccentsAndTheLeadingSlash)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    const QStringList found = ids(library.search(QStringLiteral("/DESPEDIDA")));
    EXPECT_TRUE(found.contains(QStringLiteral("closing.reach-again")));
    EXPECT_TRUE(
        ids(library.search(QStringLiteral("linea nacional"))).contains(QStringLiteral("resources.national-hotline")));
    EXPECT_TRUE(ids(library.search(QStringLiteral("LÍNEA"))).contains(QStringLiteral("resources.national-hotline")));
}

TEST(CannedLibrary, SearchNeedsEveryWordOfTheQuery)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    EXPECT_TRUE(library.search(QStringLiteral("safety zebra")).isEmpty());
    EXPECT_FALSE(library.search(QStringLiteral("safety device")).isEmpty());
}

TEST(CannedLibrary, SearchStopsAtTheLimit)
{
    const CannedLibrary library = CannedLibrary::shippedDefault();
    EXPECT_EQ(library.search(QString(), 3).size(), 3);
}

TEST(CannedLibrary, VariantFallsBackFromRegionToLanguageToDefault)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(
            R"({"id":"v","category":"greeting","title":{"en":"Hi","es":"Hola"},"text":{"en":"Hello","es":"Hola"}},
                       {"id":"w","category":"greeting","title":"Only","text":{"en":"Only English"}})"),
        QStringLiteral("t"));
    const CannedLibrary::Variant mexican = library.variant(*library.find(QStringLiteral("v")), QStringLiteral("es-MX"));
    EXPECT_EQ(mexican.text, QStringLiteral("Hola"));
    EXPECT_EQ(mexican.title, QStringLiteral("Hola"));
    EXPECT_FALSE(mexican.fallback);
    const CannedLibrary::Variant english = library.variant(*library.find(QStringLiteral("w")), QStringLiteral("es"));
    EXPECT_EQ(english.text, QStringLiteral("Only English"));
    EXPECT_EQ(english.language, QStringLiteral("en"));
    EXPECT_TRUE(english.fallback);
}

TEST(CannedLibrary, PersonalEntryIsValidatedAndRoundTripsAsJson)
{
    CannedLibrary library = CannedLibrary::fromJson(libraryWith(validEntry), QStringLiteral("t"));
    const QList<CannedIssue> clash =
        library.addPersonal(QJsonObject{{QStringLiteral("id"), QStringLiteral("greeting.one")},
                                        {QStringLiteral("category"), QStringLiteral("greeting")},
                                        {QStringLiteral("title"), QStringLiteral("Mine")},
                                        {QStringLiteral("text"), QStringLiteral("Mine")}});
    ASSERT_EQ(clash.size(), 1);
    EXPECT_EQ(clash.first().field, QStringLiteral("id"));
    EXPECT_TRUE(library
                    .addPersonal(QJsonObject{{QStringLiteral("id"), QStringLiteral("mine.one")},
                                             {QStringLiteral("category"), QStringLiteral("check_in")},
                                             {QStringLiteral("title"), QStringLiteral("Mine")},
                                             {QStringLiteral("text"), QStringLiteral("Still with you.")}})
                    .isEmpty());
    ASSERT_NE(library.find(QStringLiteral("mine.one")), nullptr);
    EXPECT_EQ(library.find(QStringLiteral("mine.one"))->origin, CannedOrigin::Personal);

    const CannedLibrary reloaded =
        CannedLibrary::fromJson(libraryWith(library.personalEntriesJson().mid(1).chopped(1)), QStringLiteral("t"));
    ASSERT_EQ(reloaded.entries().size(), 1);
    EXPECT_EQ(reloaded.entries().first().texts.value(QStringLiteral("en")), QStringLiteral("Still with you."));

    library.removePersonal(QStringLiteral("mine.one"));
    EXPECT_EQ(library.find(QStringLiteral("mine.one")), nullptr);
    library.removePersonal(QStringLiteral("greeting.one"));
    EXPECT_NE(library.find(QStringLiteral("greeting.one")), nullptr) << "program entries cannot be removed";
}

TEST(CannedLibrary, SearchMatchesTextsAtTheStartOfAWord)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(R"({"id":"t","category":"resources","title":"Options","text":{"en":"We can start planning."}})"),
        QStringLiteral("t"));
    EXPECT_EQ(library.search(QStringLiteral("plan")).size(), 1);
    EXPECT_TRUE(library.search(QStringLiteral("lanning")).isEmpty());
}

TEST(CannedLibrary, ProgramValuesFillByLanguageWithFallback)
{
    const CannedLibrary library =
        CannedLibrary::fromJson(libraryWith(validEntry, R"("program":{"name":"Safe Harbor","hotline_phone":"555-0100",
            "hours":{"en":"every day, 8 am to 10 pm","es":"todos los días, de 8 a 22 h"}},)"),
                                QStringLiteral("test.json"));
    ASSERT_TRUE(library.issues().isEmpty());
    const QHash<QString, QString> spanish = library.programValues(QStringLiteral("es-MX"));
    EXPECT_EQ(spanish.value(QStringLiteral("program")), QStringLiteral("Safe Harbor"));
    EXPECT_EQ(spanish.value(QStringLiteral("hotline_phone")), QStringLiteral("555-0100"));
    EXPECT_EQ(spanish.value(QStringLiteral("hours")), QStringLiteral("todos los días, de 8 a 22 h"));
    EXPECT_EQ(library.programValues(QStringLiteral("fr")).value(QStringLiteral("hours")),
              QStringLiteral("every day, 8 am to 10 pm"));
    EXPECT_FALSE(library.programValues(QStringLiteral("en")).contains(QStringLiteral("advocate")));
}

TEST(CannedLibrary, ABadProgramValueIsNamedAndTheEntriesStillLoad)
{
    const CannedLibrary library = CannedLibrary::fromJson(
        libraryWith(validEntry, R"("program":{"name":"Safe Harbor","hours":42},)"), QStringLiteral("test.json"));
    const CannedIssue *issue = issueFor(library, QString(), QStringLiteral("program.hours"));
    ASSERT_NE(issue, nullptr);
    EXPECT_TRUE(issue->message.contains(QStringLiteral("{hours}")));
    EXPECT_EQ(library.entries().size(), 1);
    EXPECT_EQ(library.programValues(QStringLiteral("en")).value(QStringLiteral("program")),
              QStringLiteral("Safe Harbor"));
    EXPECT_FALSE(library.programValues(QStringLiteral("en")).contains(QStringLiteral("hours")));
}

TEST(CannedLibrary, WithoutAManagedFileTheWorkstationUsesTheShippedDefaultWithoutComplaint)
{
    const CannedLibrary library = CannedLibrary::loadForWorkstation(QStringLiteral("/nonexistent/canned.json"));
    EXPECT_EQ(library.source(), CannedLibrary::Source::ShippedDefault);
    EXPECT_TRUE(library.issues().isEmpty());
    EXPECT_GE(library.entries().size(), 9);
}

TEST(CannedLibrary, AManagedFileThatIsNotJsonFallsBackToTheShippedDefaultAndSaysWhy)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("canned.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{ broken");
    file.close();
    const CannedLibrary library = CannedLibrary::loadForWorkstation(path);
    EXPECT_EQ(library.source(), CannedLibrary::Source::ShippedDefaultAfterError);
    EXPECT_EQ(library.sourcePath(), path);
    ASSERT_FALSE(library.issues().isEmpty());
    EXPECT_TRUE(library.issues().first().message.contains(path));
    EXPECT_GE(library.entries().size(), 9);
}

TEST(CannedLibrary, AManagedFileWithOneBadEntryIsUsedWithTheRestAndTheProblemNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("canned.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(libraryWith(QByteArray(validEntry) + R"(,{"id":"bad.one","category":"nope","title":"T","text":"X"})"));
    file.close();
    const CannedLibrary library = CannedLibrary::loadForWorkstation(path);
    EXPECT_EQ(library.source(), CannedLibrary::Source::Managed);
    ASSERT_EQ(library.entries().size(), 1);
    EXPECT_NE(issueFor(library, QStringLiteral("“bad.one”"), QStringLiteral("category")), nullptr);
}
