// SPDX-License-Identifier: GPL-3.0-only
#include "UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace advocate {

UiLanguage::UiLanguage(QObject *parent) : QObject(parent) {}

UiLanguage::~UiLanguage()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList UiLanguage::shipped()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString UiLanguage::nativeName(const QString &code)
{
    // Qt names a language after its default country ("American English", "español de España"); a language choice
    // names the language only, in its own words. The shipped ones by name, any other as Qt says it.
    const QLocale::Language language = QLocale(code).language();
    if (language == QLocale::English)
        return QStringLiteral("English");
    if (language == QLocale::Spanish)
        return QStringLiteral("Español");
    const QString name = QLocale(code).nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QString UiLanguage::systemDefault()
{
    for (const QString &language : QLocale().uiLanguages()) {
        const QString primary = language.section(u'-', 0, 0).toLower();
        if (shipped().contains(primary))
            return primary;
    }
    return QStringLiteral("en");
}

bool UiLanguage::apply(const QString &code)
{
    const QString language = code.isEmpty() ? systemDefault() : code;
    if (!shipped().contains(language))
        return false;
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/advocate-desk_%1.qm").arg(language)))
        return false;
    // Qt's own strings (standard buttons); missing on a machine without Qt's translations, which is harmless.
    auto qt = std::make_unique<QTranslator>();
    const bool qtLoaded =
        qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::move(app);
    m_qt = qtLoaded ? std::move(qt) : nullptr;
    QLocale::setDefault(QLocale(language));
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    QCoreApplication::installTranslator(m_app.get());
    m_current = language;
    Q_EMIT changed(language);
    return true;
}

} // namespace advocate
