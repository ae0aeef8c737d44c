// SPDX-License-Identifier: GPL-3.0-only
// advocate-desk: the advocate's workstation.
#include "AppLock.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "cache/ShiftCache.h"
#include "client/ClientSession.h"
#include "client/Shift.h"
#include "common/CommandLine.h"
#include "common/SystemClock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <QUrl>

#include <memory>

namespace {

// Shows a message without blocking the event loop (the relay session keeps running behind it).
void inform(QWidget *parent, QMessageBox::Icon icon, const QString &text)
{
    auto *box =
        new QMessageBox(icon, QCoreApplication::translate("main", "Advocate Desk"), text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("informationBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

int main(int argc, char *argv[])
{
    advocate::setApplicationIdentity(QStringLiteral("advocate-desk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Advocate Desk: the advocate's chat workstation."));
    const QCommandLineOption relayOption(
        QStringLiteral("relay"),
        QCoreApplication::translate("main", "Relay WebSocket address, e.g. wss://relay.example.org/ws."),
        QCoreApplication::translate("main", "url"));
    const QCommandLineOption capOption(
        QStringLiteral("cap"), QCoreApplication::translate("main", "The program's per-advocate chat limit (1-4)."),
        QCoreApplication::translate("main", "chats"), QStringLiteral("1"));
    const QCommandLineOption lockOption(
        QStringLiteral("lock-minutes"),
        QCoreApplication::translate("main", "Lock the workstation after this many idle minutes (default 5)."),
        QCoreApplication::translate("main", "minutes"), QStringLiteral("5"));
    parser.addOption(relayOption);
    parser.addOption(capOption);
    parser.addOption(lockOption);
    // Help and version are answered before QApplication exists, so they work without a display.
    if (const auto exitCode = advocate::handleStandardOptions(parser, advocate::argumentsFromArgv(argc, argv)))
        return *exitCode;

    QApplication app(argc, argv);

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("advocate-desk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    // A relay address set system-wide by IT wins over the command line and cannot be edited (PK2).
    const QSettings managed(QSettings::SystemScope, QCoreApplication::organizationName(),
                            QCoreApplication::applicationName());
    const QString managedUrl = managed.value(QStringLiteral("relay/url")).toString();
    const QUrl relayUrl(managedUrl.isEmpty() ? parser.value(relayOption) : managedUrl);

    auto clock = std::make_shared<advocate::SystemClock>();
    advocate::ShiftCache cache(advocate::ShiftCache::defaultOptions());
    advocate::ClientSession session;
    advocate::Shift shift(session, cache, clock);
    advocate::MainWindow window(shift);
    window.setCap(qBound(1, parser.value(capOption).toInt(), 4));
    window.appLock().setIdleTimeout(std::chrono::minutes(qMax(1, parser.value(lockOption).toInt())));

    std::function<void()> signIn;
    signIn = [&] {
        auto *dialog = new advocate::SignInDialog(session, relayUrl, !managedUrl.isEmpty(), &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, &window, [&, dialog = QPointer(dialog)] {
            if (dialog)
                window.appLock().setPassword(dialog->takePassword());
            window.appLock().arm();
            if (shift.onShift())
                return; // resumed after a crash
            shift.start([&](advocate::CacheResult result) {
                if (result.ok())
                    return;
                // Fail closed: no shift without its encrypted cache.
                session.signOut();
                inform(&window, QMessageBox::Critical,
                       QCoreApplication::translate("main", "The shift cannot start: %1").arg(result.message));
            });
        });
        QObject::connect(dialog, &QDialog::rejected, &app, [&] {
            if (!shift.onShift())
                QApplication::quit();
        });
        dialog->open();
    };
    QObject::connect(&session, &advocate::ClientSession::signInFailed, &window,
                     [&](advocate::ClientSession::SignInError error) {
                         if (error == advocate::ClientSession::SignInError::SessionExpired)
                             signIn();
                     });

    window.show();
    shift.recover([&](advocate::RecoveryResult result) {
        switch (result.outcome) {
        case advocate::RecoveryOutcome::NoCache:
            break;
        case advocate::RecoveryOutcome::Resumable:
            inform(&window, QMessageBox::Information,
                   QCoreApplication::translate("main", "The last shift ended unexpectedly. Its chats are back; sign "
                                                       "in again to continue."));
            break;
        case advocate::RecoveryOutcome::Failed:
            inform(&window, QMessageBox::Critical,
                   QCoreApplication::translate("main", "The shift cache cannot be checked: %1").arg(result.message));
            return;
        default:
            inform(&window, QMessageBox::Information, result.message);
            break;
        }
        signIn();
    });
    return QApplication::exec();
}
