// SPDX-License-Identifier: GPL-3.0-only
// The workstation ships in English and Spanish (requirement WS18): the .qm files are embedded and complete.
#include "Composer.h"
#include "ConversationDelegate.h"
#include "EndShiftDialog.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "Notifier.h"
#include "SignInDialog.h"
#include "StatisticsLabels.h"
#include "TranscriptView.h"
#include "TsCatalogue.h"
#include "cache/ShiftCache.h"
#include "client/ClientSession.h"
#include "client/ConversationListModel.h"
#include "client/Shift.h"
#include "client/SurvivorClient.h"
#include "client/TranscriptModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

#include <gtest/gtest.h>

#include <map>
#include <optional>

using namespace advocate;
using namespace advocate::test;

namespace {

// How the code looks a catalogued context up at run time. Either the class's own tr() (moc names the context
// after the qualified class: "advocate::MainWindow"), or QCoreApplication::translate() with a context spelled
// out in the code.
using TrFunction = QString (*)(const char *source, const char *disambiguation, int n);

struct RuntimeLookup
{
    TrFunction classTr = nullptr;
    QByteArray context; // when there is no classTr

    QString translate(const char *source, const char *disambiguation, int n) const
    {
        return classTr ? classTr(source, disambiguation, n)
                       : QCoreApplication::translate(context.constData(), source, disambiguation, n);
    }
};

template <typename T>
QString trOf(const char *source, const char *disambiguation, int n)
{
    return T::tr(source, disambiguation, n);
}

template <typename T>
RuntimeLookup viaClass()
{
    return {&trOf<T>, {}};
}

RuntimeLookup viaContext(const QByteArray &context)
{
    return {nullptr, context};
}

// Each catalogued context and the call its code makes. The explicit contexts are the literals in the sources
// (QCoreApplication::translate("Router", …) in core/relay/Router.cpp and so on).
const std::map<QString, RuntimeLookup> &runtimeLookups()
{
    static const std::map<QString, RuntimeLookup> lookups{
        {QStringLiteral("advocate::ClientSession"), viaClass<ClientSession>()},
        {QStringLiteral("advocate::Composer"), viaClass<Composer>()},
        {QStringLiteral("advocate::ConversationDelegate"), viaClass<ConversationDelegate>()},
        {QStringLiteral("advocate::ConversationListModel"), viaClass<ConversationListModel>()},
        {QStringLiteral("advocate::EndShiftDialog"), viaClass<EndShiftDialog>()},
        {QStringLiteral("advocate::MainWindow"), viaClass<MainWindow>()},
        {QStringLiteral("advocate::MessageDelegate"), viaClass<MessageDelegate>()},
        {QStringLiteral("advocate::Notifier"), viaClass<Notifier>()},
        {QStringLiteral("advocate::Shift"), viaClass<Shift>()},
        {QStringLiteral("advocate::ShiftCache"), viaClass<ShiftCache>()},
        {QStringLiteral("advocate::SignInDialog"), viaClass<SignInDialog>()},
        {QStringLiteral("advocate::StatisticsLabels"), viaClass<StatisticsLabels>()}, // Q_DECLARE_TR_FUNCTIONS
        {QStringLiteral("advocate::SurvivorClient"), viaClass<SurvivorClient>()},
        {QStringLiteral("advocate::TranscriptModel"), viaClass<TranscriptModel>()},
        {QStringLiteral("advocate::TranscriptView"), viaClass<TranscriptView>()},
        {QStringLiteral("advocate::CannedText"), viaContext("advocate::CannedText")}, // ui/CannedText.cpp
        // core/practice/Persona.cpp: Q_DECLARE_TR_FUNCTIONS(advocate::Persona), also from its file's helper functions
        {QStringLiteral("advocate::Persona"), viaContext("advocate::Persona")},
        {QStringLiteral("AdminCommands"), viaContext("AdminCommands")}, // core/relay/
        {QStringLiteral("AuditLog"), viaContext("AuditLog")},
        {QStringLiteral("CacheDatabase"), viaContext("CacheDatabase")}, // core/cache/
        {QStringLiteral("CacheFiles"), viaContext("CacheFiles")},
        {QStringLiteral("CacheFolderLock"), viaContext("CacheFolderLock")},
        {QStringLiteral("CacheManifest"), viaContext("CacheManifest")},
        {QStringLiteral("CannedLibrary"), viaContext("CannedLibrary")}, // core/canned/, DraftPolicy.cpp too
        {QStringLiteral("CannedResponse"), viaContext("CannedResponse")},
        {QStringLiteral("CannedSearchModel"), viaContext("CannedSearchModel")},
        {QStringLiteral("DraftChecks"), viaContext("DraftChecks")},
        {QStringLiteral("FrameCodec"), viaContext("FrameCodec")},                 // core/protocol/
        {QStringLiteral("IdentifyingDetails"), viaContext("IdentifyingDetails")}, // core/handoff/
        {QStringLiteral("KeychainStore"), viaContext("KeychainStore")},
        {QStringLiteral("ManagedMark"), viaContext("ManagedMark")},         // ui/ManagedMark.cpp
        {QStringLiteral("ManagedSettings"), viaContext("ManagedSettings")}, // core/client/
        {QStringLiteral("NoticeReminder"), viaContext("NoticeReminder")},
        {QStringLiteral("OpeningHours"), viaContext("OpeningHours")},
        {QStringLiteral("RelayConfigFile"), viaContext("RelayConfigFile")},
        {QStringLiteral("RelayKeyPin"), viaContext("RelayKeyPin")}, // core/client/
        {QStringLiteral("RelayServer"), viaContext("RelayServer")},
        {QStringLiteral("RestartTokens"), viaContext("RestartTokens")}, // core/relay/RestartTokens.cpp
        {QStringLiteral("Router"), viaContext("Router")},
        {QStringLiteral("ServiceNoticeFile"), viaContext("ServiceNoticeFile")}, // core/relay/ServiceNotice.cpp
        {QStringLiteral("ShiftCache"), viaContext("ShiftCache")},
        {QStringLiteral("StaffAccounts"), viaContext("StaffAccounts")},
        {QStringLiteral("StatisticsFile"), viaContext("StatisticsFile")},
        {QStringLiteral("WorkstationSettings"), viaContext("WorkstationSettings")}, // core/client/
        {QStringLiteral("main"), viaContext("main")},                               // app/workstation/main.cpp
    };
    return lookups;
}

QString sourceDir()
{
    return QStringLiteral(ADVOCATE_SOURCE_DIR);
}

// A widget or model added since the table above was written: a Q_OBJECT class in namespace advocate whose tr()
// looks up "advocate::Name", as the catalogue has it.
bool declaresQObjectClass(const QString &qualifiedName)
{
    if (!qualifiedName.startsWith(QLatin1String("advocate::")) || qualifiedName.count(QLatin1String("::")) != 1)
        return false;
    const QString name = qualifiedName.mid(qsizetype(sizeof("advocate::") - 1));
    const QRegularExpression declaration(QStringLiteral(R"(\bclass\s+%1\b[^;{]*\{\s*Q_OBJECT\b)").arg(name));
    for (const QString &folder : {QStringLiteral("ui"), QStringLiteral("core")}) {
        QDirIterator it(QDir(sourceDir()).filePath(folder), {QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile header(it.next());
            if (!header.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(header.readAll());
            if (text.contains(QLatin1String("namespace advocate")) && declaration.match(text).hasMatch())
                return true;
        }
    }
    return false;
}

std::optional<RuntimeLookup> lookupFor(const QString &context)
{
    const auto found = runtimeLookups().find(context);
    if (found != runtimeLookups().end())
        return found->second;
    if (declaresQObjectClass(context))
        return viaContext(context.toUtf8());
    return std::nullopt;
}

// The Spanish catalogue installed for the duration of a test, as the workstation installs it.
class InstalledSpanish
{
public:
    InstalledSpanish()
    {
        m_loaded = m_translator.load(QStringLiteral(":/i18n/advocate-desk_es.qm"));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
    }
    ~InstalledSpanish() { QCoreApplication::removeTranslator(&m_translator); }
    InstalledSpanish(const InstalledSpanish &) = delete;
    InstalledSpanish &operator=(const InstalledSpanish &) = delete;

    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

// Translates each message the way the code does and compares with the catalogue. Returns one line per message
// that does not come back in Spanish; adds the contexts with no known lookup to `contextsWithoutLookup`.
QStringList messagesNotFoundAtRunTime(const QList<TsMessage> &messages, QStringList *contextsWithoutLookup,
                                      int *checked)
{
    QStringList problems;
    for (const TsMessage &message : messages) {
        if (!message.isCurrent() || !message.isFinished())
            continue; // the completeness test reports these
        const std::optional<RuntimeLookup> lookup = lookupFor(message.context);
        if (!lookup) {
            if (!contextsWithoutLookup->contains(message.context))
                contextsWithoutLookup->append(message.context);
            continue;
        }
        const QByteArray source = message.source.toUtf8();
        const QByteArray disambiguation = message.comment.toUtf8();
        const char *comment = message.comment.isEmpty() ? nullptr : disambiguation.constData();
        // Spanish has two plural forms: one for n == 1, the other for the rest.
        const QList<int> counts = message.numerus ? QList<int>{1, 2} : QList<int>{-1};
        for (qsizetype form = 0; form < counts.size(); ++form) {
            const int n = counts[form];
            QString expected = message.translations.value(form);
            if (n >= 0)
                expected.replace(QLatin1String("%n"), QString::number(n));
            const QString actual = lookup->translate(source.constData(), comment, n);
            ++*checked;
            if (actual != expected)
                problems.append(
                    QStringLiteral("%1: %2 (n = %3) -> %4").arg(message.context, message.source).arg(n).arg(actual));
        }
    }
    return problems;
}

TsCatalogue spanishCatalogue()
{
    return TsCatalogue::readFile(QDir(sourceDir()).filePath(QStringLiteral("translations/advocate-desk_es.ts")));
}

} // namespace

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
    EXPECT_EQ(spanish.translate("advocate::Notifier", "New chat"), QStringLiteral("Nuevo chat"));
    EXPECT_EQ(spanish.translate("advocate::Notifier", "New message"), QStringLiteral("Nuevo mensaje"));
    EXPECT_EQ(spanish.translate("advocate::Chat", "Left via quick exit"), QStringLiteral("Salió con la salida rápida"));
}

TEST(Translation, EnglishCatalogueIsEmbeddedAndHasPluralForms)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(":/i18n/advocate-desk_en.qm")));
    EXPECT_EQ(english.translate("advocate::MainWindow", "You are at your limit of %n chat(s).", nullptr, 1),
              QStringLiteral("You are at your limit of %n chat."));
}

TEST(Translation, RelayAndQObjectStringsComeBackInSpanishThroughTheCallTheCodeMakes)
{
    InstalledSpanish spanish;
    ASSERT_TRUE(spanish.loaded());
    // An explicit context in core/relay/ (once catalogued without the namespace, which is right: the code passes
    // "Router"), and a class's tr() (moc's "advocate::MainWindow").
    EXPECT_EQ(QCoreApplication::translate("Router", "Nobody is waiting."), QStringLiteral("No hay nadie esperando."));
    EXPECT_EQ(QCoreApplication::translate("RelayServer", "Cannot read the TLS certificate or key."),
              QStringLiteral("No se puede leer el certificado TLS o la clave."));
    EXPECT_EQ(MainWindow::tr("Not signed in."), QStringLiteral("Sin sesión iniciada."));
    EXPECT_EQ(MainWindow::tr("You are at your limit of %n chat(s).", nullptr, 3),
              QStringLiteral("Ha llegado a su límite de 3 chats."));
}

TEST(Translation, EverySpanishMessageIsFoundUnderTheContextItsCodeLooksUp)
{
    const TsCatalogue catalogue = spanishCatalogue();
    ASSERT_TRUE(catalogue.ok()) << qPrintable(catalogue.error());
    InstalledSpanish spanish;
    ASSERT_TRUE(spanish.loaded());

    const QList<TsMessage> messages = catalogue.messages();
    QStringList withoutLookup;
    int checked = 0;
    const QStringList problems = messagesNotFoundAtRunTime(messages, &withoutLookup, &checked);
    EXPECT_GT(checked, 300);
    EXPECT_TRUE(withoutLookup.isEmpty())
        << "No known run-time lookup for these catalogued contexts; check how their code translates "
           "(tr() of a Q_OBJECT class, or QCoreApplication::translate with a literal) and add them to "
           "runtimeLookups():\n  "
        << qPrintable(withoutLookup.join(QStringLiteral("\n  ")));
    EXPECT_TRUE(problems.isEmpty()) << problems.size()
                                    << " message(s) do not come back in Spanish through the call the code makes:\n  "
                                    << qPrintable(problems.mid(0, 20).join(QStringLiteral("\n  ")));
}
