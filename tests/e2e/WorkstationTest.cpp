// SPDX-License-Identifier: GPL-3.0-only
// The real main window, sign-in dialog and shift cache against the real relay on loopback, driven headless
// by keyboard and mouse and found by object name (issue 5, item 12).
#include "OfflineShift.h"
#include "WorkstationFixture.h"

using namespace advocate;
using namespace advocate::test;

namespace {

QString signInErrorShown(Shift &shift, const QUrl &url, const QString &password)
{
    SignInDialog dialog(shift, url, false);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("userName")), QStringLiteral("ana"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), password);
    QSignalSpy failed(&shift, &Shift::signInFailed);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    if (failed.isEmpty())
        failed.wait(10000);
    EXPECT_TRUE(dialog.findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
    return dialog.findChild<QLabel *>(QStringLiteral("signInError"))->text();
}

} // namespace

TEST_F(WorkstationTest, TheSignInDialogShowsEachFailureInItsOwnWords)
{
    const QString wrong = signInErrorShown(*shift, relay.url(), QStringLiteral("wrong"));
    EXPECT_EQ(wrong, ClientSession::describe(ClientSession::SignInError::BadCredentials));
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const QUrl nobody(QStringLiteral("ws://127.0.0.1:%1/ws").arg(closed.serverPort()));
    closed.close();
    EXPECT_EQ(signInErrorShown(*shift, nobody, LoopbackRelay::password),
              ClientSession::describe(ClientSession::SignInError::Unreachable));
    EXPECT_EQ(signInErrorShown(*shift, QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(relay.port())),
                               LoopbackRelay::password),
              ClientSession::describe(ClientSession::SignInError::TlsFailure));
    ClientSession::Options newer;
    newer.protocolVersion = 2;
    ClientSession newerSession(newer);
    Shift newerShift(newerSession, *cache, clock);
    EXPECT_EQ(signInErrorShown(newerShift, relay.url(), LoopbackRelay::password),
              ClientSession::describe(ClientSession::SignInError::UnsupportedVersion));
    for (int i = 0; i < 2; ++i)
        signInErrorShown(*shift, relay.url(), QStringLiteral("guess"));
    EXPECT_EQ(signInErrorShown(*shift, relay.url(), LoopbackRelay::password),
              ClientSession::describe(ClientSession::SignInError::LockedOut));
}

TEST_F(WorkstationTest, AnAdvocateHoldsTwoChatsAndSwitchesBetweenThemByKeyboard)
{
    signInAndStart(relay.url());
    auto rosa = survivor(QStringLiteral("Rosa"));
    auto lena = survivor(QStringLiteral("Lena"));
    const QString first = takeNext(*rosa);
    const QString second = takeNext(*lena);
    ASSERT_FALSE(first.isEmpty());
    ASSERT_FALSE(second.isEmpty());
    EXPECT_EQ(find<QLabel>(QStringLiteral("capLabel"))->text(), QStringLiteral("Chats open: 2 of 4"));
    EXPECT_EQ(window->currentConversation(), first);

    typeAndSend(QStringLiteral("Hello, I'm here."));
    EXPECT_EQ(rosa->next<frame::Message>()->body, QStringLiteral("Hello, I'm here."));
    EXPECT_TRUE(find<Composer>(QStringLiteral("composer"))->toPlainText().isEmpty());

    // Shift+Enter is a new line, not a send.
    auto *composer = find<Composer>(QStringLiteral("composer"));
    QTest::keyClicks(composer, QStringLiteral("line one"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(composer, QStringLiteral("line two"));
    EXPECT_EQ(composer->toPlainText(), QStringLiteral("line one\nline two"));
    QTest::keyClick(composer, Qt::Key_Return);
    EXPECT_EQ(rosa->next<frame::Message>()->body, QStringLiteral("line one\nline two"));

    lena->send(frame::Send{second, QStringLiteral("l1"), QStringLiteral("hi, it's me")});
    auto *list = find<QListView>(QStringLiteral("conversationList"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chats().at(1)->unread() == 1; }, patience));

    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window->currentConversation(), second);
    EXPECT_EQ(shownTranscript()->chat(), shift->chat(second));
    EXPECT_EQ(list->model()->index(1, 0).data(ConversationListModel::UnreadRole).toInt(), 0);
    EXPECT_EQ(list->currentIndex().row(), 1);
    QTest::keyClick(window.get(), Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(window->currentConversation(), first);
    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(window->currentConversation(), first);

    // Esc leaves the composer for the conversation list.
    composer->setFocus();
    QTest::keyClick(composer, Qt::Key_Escape);
    EXPECT_FALSE(composer->hasFocus());

    // Screenshot of the main window with two conversations, in the test's output folder.
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    const QString path = screenshot(*window, QStringLiteral("main-window-two-conversations"));
    ASSERT_FALSE(path.isEmpty());
    EXPECT_GT(QFileInfo(path).size(), 1000);
}

TEST_F(WorkstationTest, SurvivorMarkupIsShownAsTypedAndLoadsNothing)
{
    QTcpServer trap;
    ASSERT_TRUE(trap.listen(QHostAddress::LocalHost, 0));
    const QString markup =
        QStringLiteral(
            "<b>bold</b> <img src=\"http://127.0.0.1:%1/pixel.png\"> <a href=\"http://127.0.0.1:%1/\">link</a> "
            "<!--StartFragment--><qt><html><style>x{}</style>")
            .arg(trap.serverPort());
    signInAndStart(relay.url());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    rosa->send(frame::Send{id, QStringLiteral("s1"), markup});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, markup); }, patience));

    auto *view = find<QListView>(QStringLiteral("transcriptView"));
    const QModelIndex row = view->model()->index(view->model()->rowCount() - 1, 0);
    EXPECT_EQ(row.data(Qt::DisplayRole).toString(), markup);
    // What a screen reader gets is the text as typed.
    QAccessibleInterface *viewNode = QAccessible::queryAccessibleInterface(view);
    ASSERT_NE(viewNode, nullptr);
    EXPECT_TRUE(anyContains(accessibleTexts(viewNode), QStringLiteral("<b>bold</b>")));

    // Painting, clicking and activating the row fetch nothing.
    const QImage shown = view->grab().toImage();
    const QRect rect = view->visualRect(row);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::keyClick(view, Qt::Key_Return);
    QTest::qWait(300);
    EXPECT_FALSE(trap.hasPendingConnections());

    // The test can fail: the same entry with only the words that rich text would leave looks different.
    const Chat::Entry last = shift->chat(id)->entries().constLast();
    Chat::Entry entry;
    entry.direction = MessageDirection::FromSurvivor;
    entry.author = last.author;
    entry.at = last.at;
    entry.text = QStringLiteral("bold link");
    QListView plain;
    plain.setItemDelegate(view->itemDelegate());
    plain.resize(view->size());
    test::OfflineShift offline;
    TranscriptModel rendered;
    rendered.setChat(offline.chatWith({last}));
    TranscriptModel other;
    other.setChat(offline.chatWith({entry}));
    plain.setModel(&rendered);
    const QImage asTyped = plain.grab().toImage();
    plain.setModel(&other);
    const QImage asRich = plain.grab().toImage();
    EXPECT_NE(asTyped, asRich);
    EXPECT_FALSE(shown.isNull());
}

TEST_F(WorkstationTest, TheLockHidesContentAlsoFromTheAccessibilityTreeUntilThePasswordIsEntered)
{
    signInAndStart(relay.url());
    auto rosa = survivor(QStringLiteral("canary-alias"));
    const QString id = takeNext(*rosa);
    rosa->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("canary-secret-text")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("canary-secret-text")); }, patience));
    QAccessibleInterface *root = QAccessible::queryAccessibleInterface(window.get());
    ASSERT_TRUE(anyContains(accessibleTexts(root), QStringLiteral("canary-secret-text")))
        << qPrintable(accessibleTexts(root).join(QStringLiteral("|")));

    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    ASSERT_TRUE(window->appLock().isLocked());
    EXPECT_FALSE(anyContains(accessibleTexts(root), QStringLiteral("canary-secret-text")));
    EXPECT_FALSE(find<QListView>(QStringLiteral("transcriptView")));
    EXPECT_TRUE(find<QLineEdit>(QStringLiteral("unlockPassword"))->isVisible());

    // Chats stay connected; a new chat raises an alert without content.
    auto lena = survivor(QStringLiteral("canary-alias-two"));
    auto *alert = find<QLabel>(QStringLiteral("lockAlert"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !alert->text().isEmpty(); }, patience));
    EXPECT_EQ(alert->text(), QStringLiteral("New chat waiting"));
    rosa->send(frame::Send{id, QStringLiteral("s2"), QStringLiteral("canary-while-locked")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("canary-while-locked")); }, patience));
    EXPECT_EQ(window->notifier().lastText(), QStringLiteral("New message"));
    const QStringList lockedTexts = accessibleTexts(root);
    for (const QString &canary :
         {QStringLiteral("canary-secret-text"), QStringLiteral("canary-while-locked"), QStringLiteral("canary-alias")})
        EXPECT_FALSE(anyContains(lockedTexts, canary)) << qPrintable(canary);

    auto *password = find<QLineEdit>(QStringLiteral("unlockPassword"));
    QTest::keyClicks(password, QStringLiteral("not it"));
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_TRUE(window->appLock().isLocked());
    EXPECT_FALSE(find<QLabel>(QStringLiteral("unlockError"))->text().isEmpty());
    QTest::keyClicks(password, LoopbackRelay::password);
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_FALSE(window->appLock().isLocked());
    EXPECT_TRUE(find<QListView>(QStringLiteral("transcriptView"))->isVisible());
    EXPECT_EQ(session->state(), ClientSession::State::SignedIn);
}

TEST_F(WorkstationTest, TheWorkstationLocksItselfAfterIdleTime)
{
    signInAndStart(relay.url());
    window->appLock().setIdleTimeout(std::chrono::milliseconds(200));
    window->appLock().arm();
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->appLock().isLocked(); }, patience));
}

TEST_F(WorkstationTest, EndingTheShiftIsRefusedWithOpenChatsThenATypedReasonEndsItAndShowsTheWipe)
{
    signInAndStart(relay.url());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    find<QAction>(QStringLiteral("endShiftAction"))->trigger();
    EndShiftDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<EndShiftDialog *>(QStringLiteral("endShiftDialog"))) != nullptr; },
        patience));
    EXPECT_TRUE(
        dialog->findChild<QLabel *>(QStringLiteral("openChatsList"))->text().contains(QStringLiteral("Chat 1")));
    auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmEndShift"));
    EXPECT_FALSE(confirm->isEnabled());
    EXPECT_EQ(cache->state(), ShiftCache::State::Open);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("overrideReason")), QStringLiteral("fire alarm"));
    ASSERT_TRUE(confirm->isEnabled());
    EXPECT_FALSE(screenshot(*dialog, QStringLiteral("end-shift-dialog")).isEmpty()); // docs/advocate-guide.md
    QSignalSpy ended(window.get(), &MainWindow::shiftEnded);
    QTest::mouseClick(confirm, Qt::LeftButton);
    ASSERT_TRUE(ended.wait(30000));
    EXPECT_TRUE(ended.first().first().toBool());
    EXPECT_TRUE(find<QLabel>(QStringLiteral("shiftStatus"))
                    ->text()
                    .startsWith(QStringLiteral("Shift ended. The shift "
                                               "cache was wiped")));
    // The chat is not ended: it goes back to the front of the queue and the survivor is told (issue 11 item 4).
    EXPECT_EQ(rosa->next<frame::AdvocateChanged>()->reason, HandoffReason::Queue);
    EXPECT_TRUE(rosa->all<frame::Ended>().isEmpty());
    EXPECT_EQ(session->state(), ClientSession::State::SignedOut);
    EXPECT_TRUE(QDir(options.directory).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // The whole report is on screen, every line of it, above the button that follows it.
    auto *report = find<QLabel>(QStringLiteral("shiftEndedText"));
    const auto *newShift = find<QPushButton>(QStringLiteral("newShiftButton"));
    const auto shownWhole = [&] {
        return report->height() >= report->heightForWidth(report->width()) &&
               report->geometry().bottom() < newShift->geometry().top();
    };
    ASSERT_TRUE(QTest::qWaitFor(shownWhole, patience))
        << report->height() << " for " << report->heightForWidth(report->width()) << ", bottom "
        << report->geometry().bottom() << ", next " << newShift->geometry().top();
    EXPECT_FALSE(screenshot(*window, QStringLiteral("shift-ended")).isEmpty()); // the wipe report, for the guide
}

TEST_F(WorkstationTest, MessagesTypedWhileTheNetworkIsDownReachTheSurvivorOnceWithTheRightStates)
{
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    signInAndStart(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())));
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    proxy.cut();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session->state() == ClientSession::State::Reconnecting; }, patience));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("relayStatus"))->text().startsWith(QStringLiteral("Connection lost")));
    typeAndSend(QStringLiteral("first while down"));
    typeAndSend(QStringLiteral("second while down"));
    Chat *chat = shift->chat(id);
    auto deliveryOf = [&](const QString &text) -> std::optional<DeliveryState> {
        for (const Chat::Entry &entry : chat->entries()) {
            if (entry.text == text)
                return entry.delivery;
        }
        return std::nullopt;
    };
    EXPECT_EQ(deliveryOf(QStringLiteral("first while down")), DeliveryState::Sending);
    proxy.restore();
    ASSERT_TRUE(QTest::qWaitFor([&] { return deliveryOf(QStringLiteral("second while down")) == DeliveryState::Sent; },
                                patience));
    const auto one = rosa->next<frame::Message>();
    const auto two = rosa->next<frame::Message>();
    ASSERT_TRUE(one && two);
    rosa->send(frame::Ack{id, two->seq});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return deliveryOf(QStringLiteral("second while down")) == DeliveryState::Delivered; }, patience));
    EXPECT_EQ(deliveryOf(QStringLiteral("first while down")), DeliveryState::Delivered);
    // Everything the relay sent the survivor before its pong has arrived: no third message.
    rosa->send(frame::Ping{});
    ASSERT_TRUE(rosa->next<frame::Pong>(patience));
    EXPECT_EQ(rosa->all<frame::Message>().size(), 2);
    EXPECT_EQ(one->body, QStringLiteral("first while down"));
    EXPECT_EQ(two->body, QStringLiteral("second while down"));
}

TEST_F(WorkstationTest, SilenceOffersOneCheckInAndThenTheIdleClose)
{
    signInAndStart(relay.url());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    auto *bar = find<QWidget>(QStringLiteral("inactivityBar"));
    auto *checkIn = find<QPushButton>(QStringLiteral("checkInButton"));
    EXPECT_FALSE(bar->isVisible());
    relay.clock().advance(std::chrono::minutes(10));
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->isVisible(); }, patience));
    EXPECT_EQ(shift->chat(id)->state(), Chat::State::SurvivorIdle);
    ASSERT_TRUE(checkIn->isEnabled());
    QTest::mouseClick(checkIn, Qt::LeftButton);
    EXPECT_TRUE(rosa->next<frame::Message>());
    EXPECT_FALSE(checkIn->isEnabled()); // one check-in per silence
    relay.clock().advance(std::chrono::minutes(5));
    auto *close = find<QPushButton>(QStringLiteral("idleCloseButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return close->isVisible(); }, patience));
    QTest::mouseClick(close, Qt::LeftButton);
    EXPECT_EQ(rosa->next<frame::Ended>()->reason, EndReason::IdleClosed);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shift->chat(id)->state() == Chat::State::Ended; }, patience));
}

TEST_F(WorkstationTest, AWholeShiftLeavesNoCanaryOnDisk)
{
    const QStringList canaries{QStringLiteral("canaryMsgSurvivor7731"), QStringLiteral("canaryMsgAdvocate7731"),
                               QStringLiteral("canaryAlias7731"), QStringLiteral("canaryCodeWord7731")};
    signInAndStart(relay.url());
    auto rosa = survivor(canaries.at(2));
    const QString id = takeNext(*rosa);
    rosa->send(frame::Send{id, QStringLiteral("s1"), canaries.at(0)});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, canaries.at(0)); }, patience));
    typeAndSend(canaries.at(1));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("codeWord")), canaries.at(3));
    EXPECT_EQ(shift->chat(id)->codeWord(), canaries.at(3));
    EXPECT_TRUE(rosa->next<frame::Message>());
    QTest::mouseClick(find<QPushButton>(QStringLiteral("endChatButton")), Qt::LeftButton);
    ASSERT_TRUE(rosa->next<frame::Ended>());
    QSignalSpy ended(window.get(), &MainWindow::shiftEnded);
    find<QAction>(QStringLiteral("endShiftAction"))->trigger();
    ASSERT_TRUE(ended.wait(30000));
    ASSERT_TRUE(ended.first().first().toBool());

    QStringList roots{folder.path()};
    for (auto location :
         {QStandardPaths::HomeLocation, QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
          QStandardPaths::AppLocalDataLocation, QStandardPaths::CacheLocation, QStandardPaths::GenericConfigLocation,
          QStandardPaths::TempLocation, QStandardPaths::RuntimeLocation})
        roots.append(QStandardPaths::writableLocation(location));
    roots.append(QDir::currentPath());
    int scanned = 0;
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            // Only files written during this test (the home folder holds much else, e.g. compiler caches).
            if (QFileInfo(path).lastModified() < testStarted || file.size() > 64 << 20 ||
                !file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QByteArray bytes = file.readAll();
            for (const QString &canary : canaries) {
                EXPECT_FALSE(bytes.contains(canary.toUtf8())) << qPrintable(path) << " holds " << qPrintable(canary);
                EXPECT_FALSE(
                    bytes.contains(QByteArray(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2)))
                    << qPrintable(path) << " holds " << qPrintable(canary) << " (UTF-16)";
            }
        }
    }
    EXPECT_GT(scanned, 0);
}

TEST_F(WorkstationTest, TheTranscriptCannotBeCopiedToTheClipboard)
{
    signInAndStart(relay.url());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    rosa->send(frame::Send{id, QStringLiteral("s1"), QStringLiteral("canary-clipboard")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return transcriptShows(id, QStringLiteral("canary-clipboard")); }, patience));
    QApplication::clipboard()->setText(QStringLiteral("before"));
    auto *view = find<QListView>(QStringLiteral("transcriptView"));
    view->setFocus();
    view->setCurrentIndex(view->model()->index(view->model()->rowCount() - 1, 0));
    ASSERT_EQ(view->currentIndex().data().toString(), QStringLiteral("canary-clipboard"));
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("before"));
}

TEST_F(WorkstationTest, TheSafetyCheckIsOfferedForEditingAndMarkedGivenWhenSent)
{
    signInAndStart(relay.url());
    auto rosa = survivor();
    const QString id = takeNext(*rosa);
    auto *safety = find<QPushButton>(QStringLiteral("safetyCheckButton"));
    QTest::mouseClick(safety, Qt::LeftButton);
    auto *composer = find<Composer>(QStringLiteral("composer"));
    EXPECT_TRUE(composer->toPlainText().contains(QStringLiteral("access to your device")));
    EXPECT_FALSE(shift->chat(id)->promptGiven(Chat::Prompt::SafetyCheck));
    QTest::keyClicks(composer, QStringLiteral(" (take your time)"));
    QTest::keyClick(composer, Qt::Key_Return);
    const auto sent = rosa->next<frame::Message>();
    ASSERT_TRUE(sent);
    EXPECT_TRUE(sent->body.endsWith(QStringLiteral("(take your time)")));
    EXPECT_TRUE(shift->chat(id)->promptGiven(Chat::Prompt::SafetyCheck));
    EXPECT_FALSE(shift->chat(id)->promptGiven(Chat::Prompt::Confidentiality));
    EXPECT_TRUE(safety->text().contains(QStringLiteral("(given)")));
}

TEST_F(WorkstationTest, AMessageTheRelayDidNotAcceptInTimeShowsFailedAndIsRetriedByKeyboardExactlyOnce)
{
    // The send timeout runs on a clock only this test moves: the message fails when the test says the time is up,
    // never because a loaded machine was slow, and the retry cannot time out before the relay answers.
    auto sessionClock = std::make_shared<ManualClock>();
    ClientSession::Options stalledOptions;
    stalledOptions.clock = sessionClock;
    stalledOptions.reconnectDelay = std::chrono::milliseconds(50);
    // The stall lasts as long as the test says: it is not taken for a dead connection however slow the machine.
    stalledOptions.answerTimeout = std::chrono::hours(1);
    ClientSession impatient(stalledOptions);
    Shift stalledShift(impatient, *cache, clock);
    MainWindow stalledWindow(stalledShift);
    stalledWindow.show();
    TcpProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());
    ASSERT_TRUE(await<CacheResult>([&](auto done) { stalledShift.start(done); }).ok());
    impatient.signIn(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(proxy.port())), QStringLiteral("ana"),
                     LoopbackRelay::password);
    ASSERT_TRUE(QTest::qWaitFor([&] { return impatient.state() == ClientSession::State::SignedIn; }, patience));
    auto rosa = survivor();
    QString id;
    QObject context;
    QObject::connect(&stalledShift, &Shift::chatAdded, &context, [&](Chat *added) { id = added->id(); });
    impatient.takeNext();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !id.isEmpty(); }, patience));

    // A stalled network: nothing is lost or closed, but the relay's `accepted` cannot come back.
    proxy.pause();
    auto *composer = stalledWindow.findChild<Composer *>(QStringLiteral("composer"));
    QTest::keyClicks(composer, QStringLiteral("stuck message"));
    QTest::keyClick(composer, Qt::Key_Return);
    Chat *chat = stalledShift.chat(id);
    auto *view = stalledWindow.findChild<QListView *>(QStringLiteral("transcriptView"));
    QAbstractItemModel *model = view->model();
    const int row = static_cast<int>(chat->entries().size()) - 1;
    ASSERT_EQ(chat->entries().at(row).text, QStringLiteral("stuck message"));
    EXPECT_EQ(chat->entries().at(row).delivery, DeliveryState::Sending);
    sessionClock->advance(stalledOptions.sendTimeout + std::chrono::milliseconds(1));
    ASSERT_TRUE(QTest::qWaitFor([&] { return chat->entries().at(row).delivery == DeliveryState::Failed; }, patience));
    EXPECT_TRUE(model->index(row, 0).data(Qt::DisplayRole).isValid());

    // Enter on the failed entry retries it under the same client id.
    view->setFocus();
    view->setCurrentIndex(model->index(row, 0));
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_EQ(chat->entries().at(row).delivery, DeliveryState::Sending);
    // The network comes back: the relay gets the first attempt and the retry, and answers both with one seq.
    QSignalSpy accepted(&impatient, &ClientSession::messageAccepted);
    proxy.resume();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return chat->entries().at(row).delivery == DeliveryState::Sent && accepted.size() == 2; }, patience))
        << "accepted " << accepted.size() << " times";
    EXPECT_EQ(accepted.at(0).at(2).toLongLong(), accepted.at(1).at(2).toLongLong());
    // Everything the relay sent the survivor before its pong has arrived: exactly one delivery.
    rosa->send(frame::Ping{});
    ASSERT_TRUE(rosa->next<frame::Pong>(patience));
    QStringList bodies;
    for (const frame::Message &message : rosa->all<frame::Message>())
        bodies.append(message.body);
    EXPECT_EQ(bodies, QStringList{QStringLiteral("stuck message")});
    impatient.signOut();
}

TEST_F(WorkstationTest, TheOperatingSystemLockingTheScreenLocksTheWorkstation)
{
    if (!QDBusConnection::sessionBus().isConnected())
        GTEST_SKIP() << "no D-Bus session bus (run under scripts/with-test-keyring)";
    ASSERT_TRUE(window->screenLock().isWatching());
    signInAndStart(relay.url());
    // Sent to this process only: ctest runs the other workstation tests in parallel on the same test session bus,
    // and a broadcast "screen locked" would lock their windows in the middle of their steps.
    const QString self = QDBusConnection::sessionBus().baseService();
    QDBusMessage unlocked = QDBusMessage::createTargetedSignal(self, QStringLiteral("/org/freedesktop/ScreenSaver"),
                                                               QStringLiteral("org.freedesktop.ScreenSaver"),
                                                               QStringLiteral("ActiveChanged"));
    unlocked << false;
    ASSERT_TRUE(QDBusConnection::sessionBus().send(unlocked));
    QTest::qWait(200);
    EXPECT_FALSE(window->appLock().isLocked());
    QDBusMessage locked = QDBusMessage::createTargetedSignal(self, QStringLiteral("/org/freedesktop/ScreenSaver"),
                                                             QStringLiteral("org.freedesktop.ScreenSaver"),
                                                             QStringLiteral("ActiveChanged"));
    locked << true;
    ASSERT_TRUE(QDBusConnection::sessionBus().send(locked));
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->appLock().isLocked(); }, patience));
}

TEST_F(WorkstationTest, EachEventGivesOneAlert)
{
    signInAndStart(relay.url());
    QSignalSpy notified(&window->notifier(), &Notifier::notified);
    // A survivor joins the queue: "waiting", once (the relay's later queue refreshes repeat no alert).
    auto rosa = survivor();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !notified.isEmpty(); }, patience));
    QTest::qWait(300);
    ASSERT_EQ(notified.size(), 1);
    EXPECT_EQ(notified.at(0).first().toString(), Notifier::text(Notifier::Alert::NewChatWaiting));
    // The advocate takes the chat: "new chat", once, and no second "waiting" for the same survivor.
    takeNext(*rosa);
    QTest::qWait(300);
    ASSERT_EQ(notified.size(), 2);
    EXPECT_EQ(notified.at(1).first().toString(), Notifier::text(Notifier::Alert::NewChat));
}

TEST_F(WorkstationTest, TheHeaderAndTheListCallTheSurvivorByTheNameTheyChose)
{
    signInAndStart(relay.url());
    QSignalSpy notified(&window->notifier(), &Notifier::notified);
    auto rosa = survivor(QStringLiteral("Rosa"));
    takeNext(*rosa);
    EXPECT_EQ(QApplication::focusWidget(), find<Composer>(QStringLiteral("composer")))
        << "the first chat puts the keyboard where the advocate writes";
    EXPECT_TRUE(find<QLabel>(QStringLiteral("chatHeader"))->text().startsWith(QStringLiteral("Chat 1 · Rosa · ")));
    EXPECT_TRUE(find<QListView>(QStringLiteral("conversationList"))
                    ->model()
                    ->index(0, 0)
                    .data(Qt::DisplayRole)
                    .toString()
                    .startsWith(QStringLiteral("Chat 1 · Rosa · ")));
    for (const QList<QVariant> &alert : std::as_const(notified))
        EXPECT_FALSE(alert.first().toString().contains(QStringLiteral("Rosa"))) << "never in a notification";
}
