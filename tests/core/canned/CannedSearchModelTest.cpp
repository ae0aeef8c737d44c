// SPDX-License-Identifier: GPL-3.0-only
// The rows the picker and the composer's `/` search show (WS9): filled placeholders, the conversation's language,
// unfilled placeholders named, and a model that passes QAbstractItemModelTester.
#include "canned/CannedSearchModel.h"
#include "canned/CannedLibrary.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

CannedLibrary testLibrary()
{
    return CannedLibrary::fromJson(R"({"version":1,"defaultLanguage":"en","entries":[
        {"id":"close.a","category":"closing","shortcut":"bye","title":{"en":"Closing","es":"Despedida"},
         "text":{"en":"Reach {program} at {hotline_phone}, {hours}.","es":"Llama a {program} al {hotline_phone}."},
         "flags":["closing"]},
        {"id":"greet.a","category":"greeting","shortcut":"hi","title":{"en":"Hello"},
         "text":{"en":"Hi, I'm {advocate} from {program}. {room}"}},
        {"id":"notice.a","category":"mandatory_reporting","shortcut":"notice","title":{"en":"Notice","es":"Aviso"},
         "text":{"en":"Confidential, with limits.","es":"Confidencial, con límites."},
         "flags":["mandatory_reporting"]}]})",
                                   QStringLiteral("test.json"));
}

QHash<QString, QString> values()
{
    return {{QStringLiteral("advocate"), QStringLiteral("Ana")},
            {QStringLiteral("program"), QStringLiteral("Safe Harbor")},
            {QStringLiteral("hotline_phone"), QStringLiteral("555-0100")}};
}

} // namespace

TEST(CannedSearchModel, PassesTheModelTesterThroughQueriesAndLanguageChanges)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setLibrary(&library);
    model.setQuery(QStringLiteral("/no"));
    model.setLanguage(QStringLiteral("es"));
    model.setQuery(QString());
    model.setPlaceholderValues(values());
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_GT(model.roleNames().value(CannedSearchModel::IdRole).size(), 0);
    EXPECT_GT(CannedSearchModel::IdRole, Qt::UserRole);
}

TEST(CannedSearchModel, AnEmptyQueryListsEveryEntryInCategoryOrder)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.choiceAt(0).id, QStringLiteral("greet.a"));
    EXPECT_EQ(model.choiceAt(1).id, QStringLiteral("notice.a"));
    EXPECT_EQ(model.choiceAt(2).id, QStringLiteral("close.a"));
}

TEST(CannedSearchModel, ASlashQueryFindsTheShortcutFirst)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    model.setQuery(QStringLiteral("/bye"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.choiceAt(0).id, QStringLiteral("close.a"));
    EXPECT_EQ(model.choiceAt(0).flags, QList<CannedFlag>{CannedFlag::Closing});
    model.setQuery(QStringLiteral("/zzz"));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(CannedSearchModel, PlaceholdersAreFilledAndUnfilledOnesAreNamed)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    model.setPlaceholderValues(values());
    model.setQuery(QStringLiteral("bye"));
    ASSERT_EQ(model.rowCount(), 1);
    const CannedSearchModel::Choice closing = model.choiceAt(0);
    EXPECT_EQ(closing.text, QStringLiteral("Reach Safe Harbor at 555-0100, {hours}."));
    EXPECT_EQ(closing.missing, QStringList{QStringLiteral("hours")});
    EXPECT_TRUE(closing.unknown.isEmpty());
    EXPECT_EQ(model.index(0).data(CannedSearchModel::UnfilledRole).toStringList(),
              QStringList{QStringLiteral("hours")});

    model.setQuery(QStringLiteral("hi"));
    const CannedSearchModel::Choice greeting = model.choiceAt(0);
    EXPECT_EQ(greeting.text, QStringLiteral("Hi, I'm Ana from Safe Harbor. {room}"));
    EXPECT_EQ(greeting.unknown, QStringList{QStringLiteral("room")});
}

TEST(CannedSearchModel, RowsUseTheConversationLanguageAndSayWhenTheyFallBack)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    model.setPlaceholderValues(values());
    model.setLanguage(QStringLiteral("es-MX"));
    model.setQuery(QStringLiteral("/notice"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.choiceAt(0).text, QStringLiteral("Confidencial, con límites."));
    EXPECT_EQ(model.index(0).data(CannedSearchModel::TitleRole).toString(), QStringLiteral("Aviso"));
    EXPECT_FALSE(model.choiceAt(0).fallback);

    model.setQuery(QStringLiteral("/hi"));
    EXPECT_TRUE(model.choiceAt(0).fallback);
    EXPECT_EQ(model.choiceAt(0).language, QStringLiteral("en"));
    EXPECT_TRUE(model.index(0).data(CannedSearchModel::FallbackRole).toBool());
}

TEST(CannedSearchModel, RowsStayValidAfterTheLibraryGrowsUntilRefreshed)
{
    CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    for (int i = 0; i < 40; ++i) {
        ASSERT_TRUE(library
                        .addPersonal(QJsonObject{{QStringLiteral("id"), QStringLiteral("mine.%1").arg(i)},
                                                 {QStringLiteral("category"), QStringLiteral("resources")},
                                                 {QStringLiteral("title"), QStringLiteral("Mine %1").arg(i)},
                                                 {QStringLiteral("text"), QStringLiteral("My text %1").arg(i)}})
                        .isEmpty());
    }
    // Rows copied before the library grew still read correctly.
    EXPECT_EQ(model.index(0).data(CannedSearchModel::ShortcutRole).toString(), QStringLiteral("hi"));
    model.refresh();
    EXPECT_EQ(model.rowCount(), 43);
    EXPECT_TRUE(model.index(42).data(CannedSearchModel::PersonalRole).toBool());
}

TEST(CannedSearchModel, ACategoryFilterKeepsOnlyThatCategory)
{
    const CannedLibrary library = testLibrary();
    CannedSearchModel model;
    model.setLibrary(&library);
    model.setCategory(CannedCategory::MandatoryReporting);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.choiceAt(0).id, QStringLiteral("notice.a"));
    model.setQuery(QStringLiteral("hello"));
    EXPECT_EQ(model.rowCount(), 0);
    model.setCategory(std::nullopt);
    EXPECT_EQ(model.rowCount(), 1);
}
