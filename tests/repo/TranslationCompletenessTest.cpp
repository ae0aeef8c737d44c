// SPDX-License-Identifier: GPL-3.0-only
// The shipped catalogues are complete (requirement WS18): an unfinished or empty translation shows the English
// source text to a Spanish-speaking advocate, and "%n chat(s)" to an English-speaking one. Refresh the catalogues
// with `cmake --build --preset dev --target update_translations`, then translate what it added.
#include "TsCatalogue.h"

#include <QBuffer>
#include <QDir>

#include <gtest/gtest.h>

using namespace advocate::test;

namespace {

QStringList shippedCatalogues()
{
    const QDir translations(QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).filePath(QStringLiteral("translations")));
    QStringList paths;
    const QStringList names = translations.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        paths.append(translations.filePath(name));
    return paths;
}

TsCatalogue catalogueFromText(const QByteArray &text)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return TsCatalogue::read(&buffer);
}

// A catalogue with one message of each kind the check has to tell apart.
const QByteArray plantedCatalogue = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>advocate::MainWindow</name>
    <message>
        <source>Not signed in.</source>
        <translation>Sin sesión iniciada.</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished">&amp;Bloquear</translation>
    </message>
    <message>
        <source>Nobody is waiting right now.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>You are at your limit of %n chat(s).</source>
        <translation>
            <numerusform>Llegaste a tu límite de %n chat.</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>Nobody is waiting.</source>
        <comment>queue</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A string the code no longer has.</source>
        <translation type="obsolete">Una cadena que el código ya no tiene.</translation>
    </message>
    <message>
        <source>Another string the code no longer has.</source>
        <translation type="vanished"></translation>
    </message>
</context>
</TS>
)";

} // namespace

TEST(TranslationCompleteness, EveryShippedCatalogueIsFinished)
{
    const QStringList paths = shippedCatalogues();
    ASSERT_GE(paths.size(), 2) << "expected advocate-desk_en.ts and advocate-desk_es.ts";
    for (const QString &path : paths) {
        const TsCatalogue catalogue = TsCatalogue::readFile(path);
        ASSERT_TRUE(catalogue.ok()) << qPrintable(catalogue.error());
        EXPECT_FALSE(catalogue.messages().isEmpty()) << qPrintable(path);
        const QList<TsMessage> unfinished = catalogue.unfinished();
        EXPECT_TRUE(unfinished.isEmpty())
            << qPrintable(QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).relativeFilePath(path))
            << " has unfinished or empty translations, " << qPrintable(describeMessages(unfinished));
    }
}

TEST(TranslationCompleteness, EnglishCatalogueHoldsOnlyPluralMessages)
{
    // English is the source language: a non-plural message there would only repeat its source text.
    const TsCatalogue english = TsCatalogue::readFile(
        QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).filePath(QStringLiteral("translations/advocate-desk_en.ts")));
    ASSERT_TRUE(english.ok()) << qPrintable(english.error());
    QList<TsMessage> singular;
    for (const TsMessage &message : english.messages()) {
        if (message.isCurrent() && !message.numerus)
            singular.append(message);
    }
    EXPECT_FALSE(english.messages().isEmpty());
    EXPECT_TRUE(singular.isEmpty())
        << "advocate-desk_en.ts holds non-plural messages (update_translations runs lupdate "
           "-pluralonly for it), "
        << qPrintable(describeMessages(singular));
}

TEST(TranslationCompleteness, APlantedUnfinishedEntryIsReported)
{
    const TsCatalogue catalogue = catalogueFromText(plantedCatalogue);
    ASSERT_TRUE(catalogue.ok()) << qPrintable(catalogue.error());
    EXPECT_EQ(catalogue.language(), QStringLiteral("es"));
    ASSERT_EQ(catalogue.messages().size(), 8);

    const QList<TsMessage> unfinished = catalogue.unfinished();
    QStringList found;
    for (const TsMessage &message : unfinished)
        found.append(message.context + u'|' + message.source);
    // Marked unfinished (even with a text), empty, one empty plural form, unfinished with a disambiguation;
    // the finished ones and the obsolete and vanished ones are not reported.
    EXPECT_EQ(found, QStringList({QStringLiteral("advocate::MainWindow|&Lock"),
                                  QStringLiteral("advocate::MainWindow|Nobody is waiting right now."),
                                  QStringLiteral("advocate::MainWindow|You are at your limit of %n chat(s)."),
                                  QStringLiteral("Router|Nobody is waiting.")}));
    EXPECT_EQ(unfinished.last().comment, QStringLiteral("queue"));

    const QString report = describeMessages(unfinished, 2);
    EXPECT_TRUE(report.startsWith(QStringLiteral("4 message(s):\n"))) << qPrintable(report);
    EXPECT_TRUE(report.contains(QStringLiteral("advocate::MainWindow: &Lock"))) << qPrintable(report);
    EXPECT_TRUE(report.contains(QStringLiteral("and 2 more"))) << qPrintable(report);
}

TEST(TranslationCompleteness, ACatalogueThatIsNotWellFormedIsAnError)
{
    const TsCatalogue catalogue = catalogueFromText(plantedCatalogue.left(plantedCatalogue.indexOf("</context>")));
    EXPECT_FALSE(catalogue.ok());
    EXPECT_FALSE(catalogueFromText("<html></html>").ok());
}
