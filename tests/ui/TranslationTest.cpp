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
    EXPECT_EQ(spanish.translate("advocate::MainWindow", "Not signed in."), QStringLiteral("Sin sesión iniciada."));
}

TEST(Translation, SpanishCatalogueTranslatesTheSignInErrorsAndNotifications)
{
    QTranslator spanish;
    ASSERT_TRUE(spanish.load(QStringLiteral(":/i18n/advocate-desk_es.qm")));
    EXPECT_EQ(spanish.translate("advocate::ClientSession", "The user name or password is wrong."),
              QStringLiteral("El nombre de usuario o la contraseña no son correctos."));
    EXPECT_EQ(spanish.translate("advocate::Notifier", "New chat waiting"), QStringLiteral("Nuevo chat en espera"));
    EXPECT_EQ(spanish.translate("advocate::Notifier", "New message"), QStringLiteral("Nuevo mensaje"));
    EXPECT_EQ(spanish.translate("advocate::ConversationListModel", "Left via quick exit"),
              QStringLiteral("Salió con la salida rápida"));
}

TEST(Translation, EnglishCatalogueIsEmbeddedAndHasPluralForms)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(":/i18n/advocate-desk_en.qm")));
    EXPECT_EQ(english.translate("advocate::MainWindow", "You are at your limit of %n chat(s).", nullptr, 1),
              QStringLiteral("You are at your limit of %n chat."));
}
