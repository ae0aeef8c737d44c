// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/ShiftCache.h"
#include "canned/CannedLibrary.h"
#include "client/ClientSession.h"
#include "client/WorkstationSettings.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace advocate {

class Clock;
class MainWindow;
class Shift;
class SignInDialog;
class UiLanguage;

// The workstation's one composition root: builds the object graph (shift cache, relay session, shift, main window)
// from one set of options, for advocate-desk's main() and for the tests alike, and runs the start-up: recover or
// wipe what an earlier shift left, say so, and sign in to start (or resume) a shift; again after the shift ended
// ("start a new shift") or when a reconnect found the session gone.
class Workstation : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        ShiftCache::Options cache = ShiftCache::defaultOptions();
        ClientSession::Options session;
        // The shift's clock (maximum shift length, notice reminders, list times); null: the system clock.
        std::shared_ptr<const Clock> clock;
        // The relay address the sign-in starts with, the pinned key the session checks, the lock time, the draft
        // switches, each from IT (PK2: locked in the sign-in and in Settings), the command line, the user or the
        // default. Managed settings with a problem: the workstation says why and does not start.
        WorkstationSettings settings;
        // Filled into the sign-in.
        QString userName;
        CannedLibrary cannedLibrary = CannedLibrary::shippedDefault();
        // The name canned responses use for {advocate} (Settings).
        QString advocateName;
        // The cap to show until the relay's signed_in brings its own.
        int cap = 1;
        // The live interface language (Settings); may be null.
        UiLanguage *language = nullptr;
    };

    explicit Workstation(Options options, QObject *parent = nullptr);
    ~Workstation() override;

    ShiftCache &cache() { return *m_cache; }
    ClientSession &session() { return *m_session; }
    Shift &shift() { return *m_shift; }
    MainWindow &window() { return *m_window; }

    // Shows the window, recovers or wipes what an earlier shift left (and says so), then opens the sign-in. With
    // `automaticPassword` (--password-stdin) the sign-in is filled and submitted once; the string is wiped here.
    void start(QString automaticPassword = QString());
    // Opens the sign-in, showing `problem` when there is one; accepted, it starts a shift, or resumes the one the
    // cache brought back.
    void signIn(const QString &problem = QString());

Q_SIGNALS:
    // For scripts (--password-stdin): each names no conversation and carries no secret.
    void shiftStarted(const QString &user, bool resumed);
    void shiftCannotStart(const QString &message);
    void automaticSignInFailed(const QString &message);
    void cacheCannotBeChecked(const QString &message);
    // The sign-in was closed without a shift to go back to: the program ends.
    void quitRequested();

private:
    void inform(int icon, const QString &text);
    void refuseToStart(const QString &problem);

    Options m_options;
    std::unique_ptr<ShiftCache> m_cache;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<Shift> m_shift;
    std::unique_ptr<MainWindow> m_window;
    QString m_automaticPassword; // until the first sign-in uses it
    QPointer<SignInDialog> m_signIn;
};

} // namespace advocate
