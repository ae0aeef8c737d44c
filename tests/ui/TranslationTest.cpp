// SPDX-License-Identifier: GPL-3.0-only
// The workstation ships in English and Spanish (requirement WS18): the .qm files are embedded and complete.
#include <QCoreApplication>
#include <QTranslator>

#include <gtest/gtest.h>

TEST(Translation, SpanishCatalogueIsEmbeddedAndTranslatesTheMainWindow)
{
    QTranslator spanish;
    ASSERT_TRUE(spanish.load(QStringLiteral(":/i18n/advocate-desk_es.qm")));
    EXPECT_FALSE(spanish.isEmpty());
    EXPECT_EQ(spanish.translate("advocate::MainWindow", "Not connected to the relay."),
              QStringLiteral("Sin conexión con el relé."));
}

TEST(Translation, EnglishCatalogueIsEmbedded)
{
    QTranslator english;
    EXPECT_TRUE(english.load(QStringLiteral(":/i18n/advocate-desk_en.qm")));
}
