// SPDX-License-Identifier: GPL-3.0-only
#include "Workstation.h"

#include "AppLock.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "client/PracticeReports.h"
#include "client/Shift.h"
#include "common/SystemClock.h"
#include "practice/PersonaLibrary.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace advocate {

namespace {

void wipe(QString &secret)
{
    secret.fill(QChar(u'\0'));
    secret.clear();
}

} // namespace

Workstation::Workstation(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (!m_options.clock)
        m_options.clock = std::make_shared<SystemClock>();
    if (!m_options.cache.clock)
        m_options.cache.clock = m_options.clock;
    const WorkstationSettings &settings = m_options.settings;
    if (settings.pin.managed())
        m_options.session.pin = settings.pin.value;
    m_cache = std::make_unique<ShiftCache>(m_options.cache);
    m_session = std::make_unique<ClientSession>(m_options.session);
    m_shift = std::make_unique<Shift>(*m_session, *m_cache, m_options.clock);
    DraftPolicy policy = m_options.cannedLibrary.policy();
    settings.applyTo(policy);
    m_options.cannedLibrary.setPolicy(policy);
    m_shift->setCannedLibrary(m_options.cannedLibrary);
    // Practice (issue 18): the report knows a disclosure by the shipped personas' lines marked as one.
    m_shift->practiceReports().setDisclosureRecognizer(
        [personas = std::make_shared<const PersonaLibrary>(PersonaLibrary::shipped())](const QString &text) {
            return personas->isDisclosure(text);
        });
    m_window = std::make_unique<MainWindow>(*m_shift);
    m_window->setUiLanguage(m_options.language);
    m_window->setAdvocateName(m_options.advocateName);
    m_window->setCap(m_options.cap);
    m_window->setSettings(settings);
    m_window->appLock().setIdleTimeout(std::chrono::minutes(settings.lockMinutes.value));

    connect(m_window.get(), &MainWindow::newShiftRequested, this, [this] { signIn(); });
    connect(m_session.get(), &ClientSession::signInFailed, this,
            [this](ClientSession::SignInError error, const QString &message) {
                if (error == ClientSession::SignInError::SessionExpired)
                    signIn();
                // A reconnect met a relay with another key: its chats are gone from this session, and the advocate
                // learns why where they sign in again. A sign-in already open shows it itself.
                else if (error == ClientSession::SignInError::PinMismatch && !m_signIn && m_shift->onShift())
                    signIn(message);
            });
}

Workstation::~Workstation()
{
    wipe(m_automaticPassword);
    // The window goes first: it refers to the shift, which refers to the session and the cache.
    m_window.reset();
    m_shift.reset();
}

void Workstation::inform(int icon, const QString &text)
{
    // Without blocking the event loop: the relay session keeps running behind it.
    auto *box = new QMessageBox(static_cast<QMessageBox::Icon>(icon), tr("Advocate Desk"), text, QMessageBox::Ok,
                                m_window.get());
    box->setObjectName(QStringLiteral("informationBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Workstation::refuseToStart(const QString &problem)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Advocate Desk"),
                                tr("Advocate Desk cannot start: %1 Ask your IT department.").arg(problem),
                                QMessageBox::Ok, m_window.get());
    box->setObjectName(QStringLiteral("cannotStartBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, &Workstation::quitRequested);
    box->open();
}

void Workstation::start(QString automaticPassword)
{
    m_automaticPassword = std::move(automaticPassword);
    m_window->show();
    // Fail closed (PK2): without knowing what IT set (the pin among it), no cache is touched and nobody signs in.
    if (!m_options.settings.managed.ok()) {
        wipe(m_automaticPassword);
        refuseToStart(m_options.settings.managed.problem());
        return;
    }
    QPointer<Workstation> self(this);
    m_shift->recover([self](RecoveryResult result) {
        if (!self)
            return;
        switch (result.outcome) {
        case RecoveryOutcome::NoCache:
            break;
        case RecoveryOutcome::Resumable:
            self->inform(QMessageBox::Information, tr("The last shift ended unexpectedly. Its chats are back; sign in "
                                                      "again to continue."));
            break;
        case RecoveryOutcome::Failed:
            self->inform(QMessageBox::Critical, tr("The shift cache cannot be checked: %1").arg(result.message));
            wipe(self->m_automaticPassword);
            Q_EMIT self->cacheCannotBeChecked(result.message);
            return;
        default:
            self->inform(QMessageBox::Information, result.message);
            break;
        }
        self->signIn();
    });
}

void Workstation::signIn(const QString &problem)
{
    const Setting<QUrl> &relay = m_options.settings.relayUrl;
    auto *dialog = new SignInDialog(*m_shift, relay.value, relay.managed(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn = dialog;
    if (!problem.isEmpty())
        dialog->showProblem(problem);
    connect(dialog, &QDialog::accepted, this, [this, dialog = QPointer(dialog)] {
        if (dialog)
            m_window->appLock().setPassword(dialog->takePassword());
        m_window->appLock().arm();
        if (m_shift->onShift()) {
            Q_EMIT shiftStarted(m_session->user(), true); // resumed after a crash
            return;
        }
        QPointer<Workstation> self(this);
        m_shift->start([self](CacheResult result) {
            if (!self)
                return;
            if (result.ok()) {
                Q_EMIT self->shiftStarted(self->m_session->user(), false);
                return;
            }
            // Fail closed: no shift without its encrypted cache.
            self->m_session->signOut();
            Q_EMIT self->shiftCannotStart(result.message);
            self->inform(QMessageBox::Critical, tr("The shift cannot start: %1").arg(result.message));
        });
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_shift->onShift())
            Q_EMIT quitRequested();
    });
    dialog->open();
    if (!m_options.userName.isEmpty()) {
        if (auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("userName")))
            user->setText(m_options.userName);
        if (auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password")))
            password->setFocus();
    }
    if (m_automaticPassword.isEmpty())
        return;
    // --password-stdin: fill the dialog and press its button, once; any later sign-in is typed by hand.
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("signInButton"));
    if (!password || !button) {
        wipe(m_automaticPassword);
        return;
    }
    auto reported = std::make_shared<QMetaObject::Connection>();
    *reported = connect(m_session.get(), &ClientSession::signInFailed, dialog, [this, dialog, reported] {
        // The dialog has shown its error by now (it connected first).
        Q_EMIT automaticSignInFailed(dialog->errorText());
        QObject::disconnect(*reported);
    });
    password->setText(m_automaticPassword);
    wipe(m_automaticPassword);
    button->click(); // the dialog clears the field as it submits
}

} // namespace advocate
