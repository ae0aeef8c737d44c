// SPDX-License-Identifier: GPL-3.0-only
// The persona runner (issue 18 item 2, docs/practice.md "Personas") against the real relay on loopback, in practice
// mode, with a scripted advocate (ana; ben after a handoff; sue, a supervisor, for the block): every shipped persona
// in English and Spanish, and every branch of every persona taken at least once (asserted from the runner's trace).
// Persona time runs at a pace of 0.005 (two minutes of silence last 600 ms): a silence branch waits long enough for
// the scripted advocate's reply to arrive first on a loaded machine.
#include "practice/PersonaRunner.h"

#include "LoopbackRelayTest.h"
#include "canned/CannedLibrary.h"
#include "practice/PersonaLibrary.h"
#include "relay/Router.h"

#include <QMap>
#include <QSet>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace advocate;
using namespace advocate::test;

namespace {

constexpr double pace = 0.005;

// At the await of step `step` (its n-th time, counted by the order of the list), the advocate writes `text`, or stays
// silent when it is empty (the step's silence branch). With `handoff`, ana first passes the chat on through the queue
// and ben takes it and writes from then on.
struct Reply
{
    QString step;
    QString text;
    bool handoff = false;
};

// How the chat ends when the persona waits for the staff side.
enum class Close { ByPersona, AdvocateEnds, SupervisorBlocks };

struct Played
{
    QStringList trace;
    QList<frame::Message> heardByAna;
    QList<frame::Accepted> acceptedForAna;
    QMap<QString, QString> sentByAdvocate; // client id → text
    QList<frame::Message> heardByBen;
    QList<frame::PeerStatus> peerStatus;
    QList<frame::PeerTyping> typingForAna;
    std::optional<EndReason> endedForAna;
    int openConversationsAfter = -1;
    int blocksAfter = -1;
    bool restartRefused = false;
};

class PersonaRunnerTest : public LoopbackRelayTest, public ::testing::WithParamInterface<QString>
{
protected:
    void SetUp() override
    {
        LoopbackRelayTest::SetUp();
        config.practice = true;
    }

    QString language() const { return GetParam(); }
    QString say(const char *english, const char *spanish) const
    {
        return QString::fromUtf8(language() == QLatin1String("es") ? spanish : english);
    }
    // A text of the default canned library, as the composer inserts it.
    QString canned(const char *id) const
    {
        const CannedLibrary library = CannedLibrary::shippedDefault();
        return library.variant(*library.find(QString::fromUtf8(id)), language()).text;
    }

    std::unique_ptr<WireClient> staff(const RelayServer &server, const QString &user)
    {
        auto connection = client(server);
        connection->send(frame::SignIn{1, user, QStringLiteral("correct horse")});
        EXPECT_TRUE(connection->next<frame::SignedIn>());
        return connection;
    }

    Persona persona(const QString &name) const
    {
        const auto found = PersonaLibrary::shipped().persona(name, language());
        EXPECT_TRUE(found) << qPrintable(name);
        return found.value_or(Persona());
    }

    Played play(const QString &name, const QList<Reply> &replies, Close close)
    {
        Played played;
        auto server = relay();
        auto ana = staff(*server, QStringLiteral("ana"));
        PersonaRunner runner(persona(name));
        QString lastLine;
        QObject::connect(&runner, &PersonaRunner::lineSent, &runner, [&](const QString &step, int line) {
            lastLine = runner.persona().step(step)->lines.at(line).text;
        });
        runner.start(url(*server), {pace, std::chrono::milliseconds(50)});
        EXPECT_TRUE(QTest::qWaitFor([&] { return runner.client().state() == SurvivorClient::State::Waiting; }, 10000));
        ana->send(frame::TakeNext{});
        const auto started = ana->next<frame::ConversationStarted>();
        EXPECT_TRUE(started);
        if (!started)
            return played;
        const QString id = started->conversation;
        WireClient *writer = ana.get();
        std::unique_ptr<WireClient> ben;
        qsizetype cursor = 0;
        int sent = 0;
        for (const Reply &reply : replies) {
            const QString awaited = QStringLiteral("await %1").arg(reply.step);
            const bool reached = QTest::qWaitFor(
                [&] {
                    const qsizetype at = runner.trace().indexOf(awaited, cursor);
                    if (at < 0)
                        return false;
                    cursor = at + 1;
                    return true;
                },
                20000);
            EXPECT_TRUE(reached) << qPrintable(awaited) << " in " << qPrintable(runner.trace().join(u','));
            if (!reached)
                break;
            if (reply.handoff) {
                ana->send(frame::Transfer{id, frame::TransferTarget::Queue, std::nullopt,
                                          QStringLiteral("Housing, lease in both names.")});
                EXPECT_TRUE(QTest::qWaitFor([&] { return server->router().waitingCount() == 1; }, 10000));
                ben = staff(*server, QStringLiteral("ben"));
                ben->send(frame::TakeNext{});
                EXPECT_TRUE(ben->next<frame::ConversationStarted>());
                writer = ben.get();
            }
            if (!reply.text.isEmpty()) {
                const QString clientId = QStringLiteral("a%1").arg(++sent);
                played.sentByAdvocate.insert(clientId, reply.text);
                writer->send(frame::Send{id, clientId, reply.text});
            }
        }
        if (close != Close::ByPersona) {
            EXPECT_TRUE(QTest::qWaitFor(
                [&] { return !runner.trace().isEmpty() && runner.trace().last().endsWith(QLatin1String(" wait")); },
                20000))
                << qPrintable(runner.trace().join(u','));
            // The persona's last line has reached whoever answers now, before they close.
            EXPECT_TRUE(QTest::qWaitFor(
                [&] {
                    const QList<frame::Message> heard = writer->all<frame::Message>();
                    return std::any_of(heard.cbegin(), heard.cend(),
                                       [&](const frame::Message &message) { return message.body == lastLine; });
                },
                10000));
            if (close == Close::AdvocateEnds) {
                writer->send(frame::End{id, false});
            } else {
                auto sue = staff(*server, QStringLiteral("sue"));
                sue->send(frame::Block{id, 1});
                EXPECT_TRUE(QTest::qWaitFor([&] { return runner.isFinished(); }, 10000));
                played.blocksAfter = server->router().blockCount();
                // The same source cannot start again while the block stands.
                auto again = client(*server);
                frame::Start start{1, 2, std::nullopt, language()};
                start.practice = true;
                again->send(start);
                played.restartRefused = again->next<frame::Busy>().has_value();
            }
        }
        EXPECT_TRUE(QTest::qWaitFor([&] { return runner.isFinished(); }, 20000))
            << qPrintable(runner.trace().join(u','));
        if (const auto ended = ana->next<frame::Ended>(ben ? 200 : 5000))
            played.endedForAna = ended->reason;
        EXPECT_TRUE(QTest::qWaitFor([&] { return server->router().openConversationCount() == 0; }, 10000));
        played.openConversationsAfter = server->router().openConversationCount();
        played.trace = runner.trace();
        played.heardByAna = ana->all<frame::Message>();
        played.acceptedForAna = ana->all<frame::Accepted>();
        played.peerStatus = ana->all<frame::PeerStatus>();
        played.typingForAna = ana->all<frame::PeerTyping>();
        if (ben)
            played.heardByBen = ben->all<frame::Message>();
        return played;
    }

    // Every branch of the persona appears in one of the traces.
    static ::testing::AssertionResult everyBranchTaken(const Persona &persona, const QList<Played> &runs)
    {
        QSet<QString> taken;
        for (const Played &run : runs) {
            for (const QString &entry : run.trace) {
                if (entry.startsWith(QLatin1String("branch ")))
                    taken.insert(entry.mid(7));
            }
        }
        QStringList missing;
        for (const QString &key : persona.branchKeys()) {
            if (!taken.contains(key))
                missing.append(key);
        }
        if (missing.isEmpty())
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure()
               << "branches never taken: " << qPrintable(missing.join(QStringLiteral(", ")));
    }

    static bool took(const Played &run, const QString &entry) { return run.trace.contains(entry); }
};

} // namespace

TEST_P(PersonaRunnerTest, MonitoredPhoneTakesEveryBranchAndReallyComesBackAfterItsDisconnect)
{
    const QString name = QStringLiteral("monitored-phone");
    QList<Played> runs;
    // Safety check at once; clearing the browser history; a kind answer.
    runs << play(name,
                 {{QStringLiteral("opening"), canned("safety.device")},
                  {QStringLiteral("device"), say("You may want to clear your browser history before you go back.",
                                                 "Quizás quieras borrar el historial del navegador antes de volver.")},
                  {QStringLiteral("plan"), say("Of course. We're here.", "Claro. Aquí estamos.")}},
                 Close::ByPersona);
    EXPECT_TRUE(took(runs.last(), QStringLiteral("step history")));
    EXPECT_TRUE(took(runs.last(), QStringLiteral("event goodbye end")));
    EXPECT_EQ(runs.last().endedForAna, EndReason::SurvivorEnded);
    // ana saw the survivor typing before each line, and stop.
    const QList<frame::PeerTyping> typing = runs.last().typingForAna;
    EXPECT_TRUE(std::any_of(typing.cbegin(), typing.cend(), [](const frame::PeerTyping &t) { return t.active; }));
    EXPECT_TRUE(std::any_of(typing.cbegin(), typing.cend(), [](const frame::PeerTyping &t) { return !t.active; }));
    // No answer: someone comes, the survivor closes the window and comes back; then the safety check.
    runs << play(name,
                 {{QStringLiteral("opening"), QString()},
                  {QStringLiteral("worried"), canned("safety.now")},
                  {QStringLiteral("device"), say("That sounds exhausting.", "Eso suena agotador.")},
                  {QStringLiteral("plan"), QString()}},
                 Close::ByPersona);
    const Played &away = runs.last();
    EXPECT_TRUE(took(away, QStringLiteral("event someone-coming disconnect")));
    EXPECT_TRUE(took(away, QStringLiteral("back someone-coming")));
    EXPECT_TRUE(took(away, QStringLiteral("step break-over")));
    // The relay saw the survivor go and come back to the same chat, and the line after it reached ana.
    ASSERT_GE(away.peerStatus.size(), 2);
    EXPECT_FALSE(away.peerStatus.at(0).connected);
    EXPECT_TRUE(away.peerStatus.at(1).connected);
    const Persona played = persona(name);
    const QString backLine = played.step(QStringLiteral("back"))->lines.first().text;
    EXPECT_TRUE(std::any_of(away.heardByAna.cbegin(), away.heardByAna.cend(),
                            [&](const frame::Message &message) { return message.body == backLine; }));
    // An answer without a safety check, then nothing: the break is over.
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, thanks for writing.", "Hola, gracias por escribir.")},
                  {QStringLiteral("worried"), QString()}},
                 Close::ByPersona);
    runs << play(name, {{QStringLiteral("opening"), canned("safety.device")}, {QStringLiteral("device"), QString()}},
                 Close::ByPersona);
    EXPECT_TRUE(everyBranchTaken(played, runs));
}

TEST_P(PersonaRunnerTest, QuickExitReallyEndsTheSessionAtTheRelay)
{
    const QString name = QStringLiteral("quick-exit");
    QList<Played> runs;
    runs << play(name,
                 {{QStringLiteral("opening"), canned("safety.now")}, {QStringLiteral("for-now"), QStringLiteral("ok")}},
                 Close::ByPersona);
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, I'm here.", "Hola, aquí estoy.")},
                  {QStringLiteral("explaining"), canned("safety.device")},
                  {QStringLiteral("for-now"), QString()}},
                 Close::ByPersona);
    runs << play(name, {{QStringLiteral("opening"), QString()}}, Close::ByPersona);
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, I'm here.", "Hola, aquí estoy.")},
                  {QStringLiteral("explaining"), say("That sounds frightening.", "Eso suena muy feo.")}},
                 Close::ByPersona);
    for (const Played &run : std::as_const(runs)) {
        EXPECT_EQ(run.endedForAna, EndReason::QuickExit) << qPrintable(run.trace.join(u','));
        EXPECT_EQ(run.trace.last(), QStringLiteral("ended quick_exit"));
        EXPECT_EQ(run.openConversationsAfter, 0);
    }
    EXPECT_TRUE(took(runs.at(2), QStringLiteral("event gone quick_exit")));
    EXPECT_TRUE(took(runs.at(0), QStringLiteral("event door quick_exit")));
    EXPECT_TRUE(everyBranchTaken(persona(name), runs));
}

TEST_P(PersonaRunnerTest, ChildInDangerDisclosesAfterTheNoticeOrBeforeIt)
{
    const QString name = QStringLiteral("child-in-danger");
    const PersonaLibrary library = PersonaLibrary::shipped();
    const auto disclosuresAndNotices = [&](const Played &run) {
        // In the conversation's order (seq): D for the survivor's disclosure lines, N for ana's notices.
        QMap<qint64, QChar> bySeq;
        for (const frame::Message &message : run.heardByAna) {
            if (message.from == Side::Survivor && library.isDisclosure(message.body))
                bySeq.insert(message.seq, u'D');
        }
        for (const frame::Accepted &accepted : run.acceptedForAna) {
            if (run.sentByAdvocate.value(accepted.clientId) == canned("notice.confidentiality"))
                bySeq.insert(accepted.seq, u'N');
        }
        QString order;
        for (const QChar c : std::as_const(bySeq))
            order.append(c);
        return order;
    };
    QList<Played> runs;
    runs << play(name,
                 {{QStringLiteral("opening"), canned("notice.confidentiality")},
                  {QStringLiteral("worried"), canned("safety.now")}},
                 Close::ByPersona);
    EXPECT_TRUE(took(runs.last(), QStringLiteral("step after-notice")));
    EXPECT_EQ(disclosuresAndNotices(runs.last()), QStringLiteral("NDD"));
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, take your time.", "Hola, tómate tu tiempo.")},
                  {QStringLiteral("hesitant"), canned("notice.confidentiality")},
                  {QStringLiteral("worried"), canned("notice.confidentiality")},
                  {QStringLiteral("notice-late"), say("I understand.", "Te entiendo.")}},
                 Close::ByPersona);
    runs << play(name,
                 {{QStringLiteral("opening"), QString()},
                  {QStringLiteral("hesitant"), say("You can tell me.", "Puedes contarme.")},
                  {QStringLiteral("worried"), QString()},
                  {QStringLiteral("still-there"), say("I'm here.", "Aquí estoy.")}},
                 Close::ByPersona);
    EXPECT_TRUE(took(runs.last(), QStringLiteral("step disclosed")));
    EXPECT_EQ(disclosuresAndNotices(runs.last()), QStringLiteral("DD"));
    for (const Played &run : std::as_const(runs)) {
        EXPECT_EQ(run.endedForAna, EndReason::SurvivorEnded);
        EXPECT_EQ(run.trace.last(), QStringLiteral("ended survivor_ended"));
    }
    EXPECT_TRUE(everyBranchTaken(persona(name), runs));
}

TEST_P(PersonaRunnerTest, GoesSilentWaitsAfterTheCheckInUntilTheAdvocateCloses)
{
    const QString name = QStringLiteral("goes-silent");
    QList<Played> runs;
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, I'm listening.", "Hola, te escucho.")},
                  {QStringLiteral("sharing"), canned("safety.device")},
                  {QStringLiteral("silent"), canned("checkin.silence")}},
                 Close::AdvocateEnds);
    runs << play(name,
                 {{QStringLiteral("opening"), QString()},
                  {QStringLiteral("sharing"), say("That's not okay.", "Eso no está bien.")},
                  {QStringLiteral("silent"), QString()}},
                 Close::AdvocateEnds);
    for (const Played &run : std::as_const(runs)) {
        EXPECT_TRUE(took(run, QStringLiteral("event gone wait")));
        EXPECT_EQ(run.trace.last(), QStringLiteral("ended advocate_ended"));
    }
    EXPECT_TRUE(everyBranchTaken(persona(name), runs));
}

TEST_P(PersonaRunnerTest, TheAbusiveContactIsBlockedByASupervisor)
{
    const QString name = QStringLiteral("abusive-contact");
    // A relay on loopback takes its peers for a reverse proxy and refuses blocks (source_shared); here the survivor's
    // address is its own.
    config.behindProxy = BehindProxy::Off;
    QList<Played> runs;
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hello, how can I help?", "Hola, ¿en qué te puedo ayudar?")},
                  {QStringLiteral("demand"), canned("boundary.respect")}},
                 Close::SupervisorBlocks);
    runs << play(name,
                 {{QStringLiteral("opening"), QString()},
                  {QStringLiteral("demand"),
                   say("I can't share anything about anyone.", "No puedo dar información sobre nadie.")},
                  {QStringLiteral("insult"), canned("boundary.end")}},
                 Close::SupervisorBlocks);
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hello.", "Hola.")},
                  {QStringLiteral("demand"), say("Why do you ask?", "¿Por qué lo preguntas?")},
                  {QStringLiteral("insult"), QString()}},
                 Close::SupervisorBlocks);
    const PersonaLibrary library = PersonaLibrary::shipped();
    for (const Played &run : std::as_const(runs)) {
        EXPECT_EQ(run.blocksAfter, 1);
        EXPECT_TRUE(run.restartRefused) << "the blocked source gets the neutral busy answer";
        EXPECT_EQ(run.trace.last(), QStringLiteral("ended advocate_ended"));
        EXPECT_TRUE(std::any_of(run.heardByAna.cbegin(), run.heardByAna.cend(), [&](const frame::Message &message) {
            return message.from == Side::Survivor && library.isAbusive(message.body);
        }));
    }
    EXPECT_TRUE(everyBranchTaken(persona(name), runs));
}

TEST_P(PersonaRunnerTest, OpenAtShiftEndGoesOnWithTheNextAdvocateAfterTheHandoff)
{
    const QString name = QStringLiteral("open-at-shift-end");
    QList<Played> runs;
    runs << play(name,
                 {{QStringLiteral("opening"), canned("safety.now")},
                  {QStringLiteral("options"), say("There are shelters and transitional housing programs.",
                                                  "Hay refugios y programas de vivienda transitoria.")},
                  {QStringLiteral("thinking"),
                   say("Hi, I'm Ben. I read the note about the lease, let's look at that.",
                       "Hola, soy Ben. Leí la nota sobre el contrato, veamos eso."),
                   true}},
                 Close::AdvocateEnds);
    const Played &handedOn = runs.last();
    EXPECT_TRUE(took(handedOn, QStringLiteral("step picked-up")));
    const QString pickedUp = persona(name).step(QStringLiteral("picked-up"))->lines.first().text;
    EXPECT_TRUE(std::any_of(handedOn.heardByBen.cbegin(), handedOn.heardByBen.cend(),
                            [&](const frame::Message &message) { return message.body == pickedUp; }))
        << "the persona went on with ben after the handoff";
    runs << play(name,
                 {{QStringLiteral("opening"), QString()},
                  {QStringLiteral("nudge"), say("Yes, I'm here.", "Sí, aquí estoy.")},
                  {QStringLiteral("options"), say("Tell me more.", "Cuéntame más.")},
                  {QStringLiteral("thinking"), say("Hi, I'm Ben.", "Hola, soy Ben."), true}},
                 Close::AdvocateEnds);
    EXPECT_TRUE(took(runs.last(), QStringLiteral("step start-over")));
    runs << play(name,
                 {{QStringLiteral("opening"), say("Hi, thanks for reaching out.", "Hola, gracias por escribir.")},
                  {QStringLiteral("options"), say("Let's see.", "Veamos.")},
                  {QStringLiteral("thinking"), say("Sure.", "Claro.")}},
                 Close::AdvocateEnds);
    for (const Played &run : std::as_const(runs))
        EXPECT_EQ(run.trace.last(), QStringLiteral("ended advocate_ended"));
    EXPECT_TRUE(everyBranchTaken(persona(name), runs));
}

INSTANTIATE_TEST_SUITE_P(Languages, PersonaRunnerTest, ::testing::Values(QStringLiteral("en"), QStringLiteral("es")),
                         [](const ::testing::TestParamInfo<QString> &language) {
                             return language.param.toStdString();
                         });
