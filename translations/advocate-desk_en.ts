<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ShiftCache</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::BoardModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::CannedContext</name>
    <message numerus="yes">
        <source>The canned-response library has %n problem(s). Everything valid can be used; tell your supervisor or IT so the file can be fixed.</source>
        <translation>
            <numerusform>The canned-response library has %n problem. Everything valid can be used; tell your supervisor or IT so the file can be fixed.</numerusform>
            <numerusform>The canned-response library has %n problems. Everything valid can be used; tell your supervisor or IT so the file can be fixed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::CannedPicker</name>
    <message numerus="yes">
        <source>Library problems (%n)…</source>
        <translation>
            <numerusform>Library problems (%n)…</numerusform>
            <numerusform>Library problems (%n)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Program library: %n response(s).</source>
        <translation>
            <numerusform>Program library: %n response.</numerusform>
            <numerusform>Program library: %n responses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in library (no program library is installed): %n response(s).</source>
        <translation>
            <numerusform>Built-in library (no program library is installed): %n response.</numerusform>
            <numerusform>Built-in library (no program library is installed): %n responses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The program library could not be used, so the built-in one is shown (%n response(s)). Open “Library problems” to see why.</source>
        <translation>
            <numerusform>The program library could not be used, so the built-in one is shown (%n response). Open “Library problems” to see why.</numerusform>
            <numerusform>The program library could not be used, so the built-in one is shown (%n responses). Open “Library problems” to see why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::ClientSession</name>
    <message numerus="yes">
        <source>%n earlier message(s) in this chat could not be fetched: the relay had already deleted them to stay within its memory limit.</source>
        <translation>
            <numerusform>%n earlier message in this chat could not be fetched: the relay had already deleted it to stay within its memory limit.</numerusform>
            <numerusform>%n earlier messages in this chat could not be fetched: the relay had already deleted them to stay within its memory limit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::ConversationListModel</name>
    <message numerus="yes">
        <source> · %n unread</source>
        <translation>
            <numerusform> · %n unread</numerusform>
            <numerusform> · %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::DraftWarningsPanel</name>
    <message numerus="yes">
        <source>%n more suggestion(s).</source>
        <translation>
            <numerusform>%n more suggestion.</numerusform>
            <numerusform>%n more suggestions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this message; sending is still possible.</source>
        <translation>
            <numerusform>%n suggestion for this message; sending is still possible.</numerusform>
            <numerusform>%n suggestions for this message; sending is still possible.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::HandoffDialog</name>
    <message numerus="yes">
        <source>%1 (%2, %3, %n chat(s))</source>
        <translation>
            <numerusform>%1 (%2, %3, %n chat)</numerusform>
            <numerusform>%1 (%2, %3, %n chats)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::MainWindow</name>
    <message numerus="yes">
        <source>You are at your limit of %n chat(s).</source>
        <translation>
            <numerusform>You are at your limit of %n chat.</numerusform>
            <numerusform>You are at your limit of %n chats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shift ended. The shift cache was wiped: %n file(s) overwritten and removed, key deleted.</source>
        <translation>
            <numerusform>Shift ended. The shift cache was wiped: %n file overwritten and removed, key deleted.</numerusform>
            <numerusform>Shift ended. The shift cache was wiped: %n files overwritten and removed, key deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your shift reaches the program&apos;s maximum length in %n minute(s). Then the shift ends, open chats end, and the shift cache is wiped. Finish or end your chats before then.</source>
        <translation>
            <numerusform>Your shift reaches the program&apos;s maximum length in %n minute. Then the shift ends, open chats end, and the shift cache is wiped. Finish or end your chats before then.</numerusform>
            <numerusform>Your shift reaches the program&apos;s maximum length in %n minutes. Then the shift ends, open chats end, and the shift cache is wiped. Finish or end your chats before then.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::OfferPanel</name>
    <message numerus="yes">
        <source>%n more offer(s) waiting.</source>
        <translation>
            <numerusform>%n more offer waiting.</numerusform>
            <numerusform>%n more offers waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::PracticeReportPanel</name>
    <message numerus="yes">
        <source>Check-ins sent: %n.</source>
        <translation>
            <numerusform>Check-ins sent: %n.</numerusform>
            <numerusform>Check-ins sent: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Handoff note: %n identifying detail(s) left in.</source>
        <translation>
            <numerusform>Handoff note: %n identifying detail left in.</numerusform>
            <numerusform>Handoff note: %n identifying details left in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::Shift</name>
    <message numerus="yes">
        <source>The program&apos;s maximum shift length of %n hour(s) was reached.</source>
        <translation>
            <numerusform>The program&apos;s maximum shift length of %n hour was reached.</numerusform>
            <numerusform>The program&apos;s maximum shift length of %n hours was reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The program&apos;s maximum shift length of %n minute(s) was reached.</source>
        <translation>
            <numerusform>The program&apos;s maximum shift length of %n minute was reached.</numerusform>
            <numerusform>The program&apos;s maximum shift length of %n minutes was reached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::SidePanel</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>longest %n min</source>
        <translation>
            <numerusform>longest %n min</numerusform>
            <numerusform>longest %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::StatisticsDialog</name>
    <message numerus="yes">
        <source>The relay has counts for %n of the 30 days before today; it has none for a day it was not running.</source>
        <translation>
            <numerusform>The relay has counts for %n of the 30 days before today; it has none for a day it was not running.</numerusform>
            <numerusform>The relay has counts for %n of the 30 days before today; it has none for a day it was not running.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::SupervisorPanel</name>
    <message numerus="yes">
        <source>%n conversation(s) open.</source>
        <translation>
            <numerusform>%n conversation open.</numerusform>
            <numerusform>%n conversations open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) ask for a supervisor.</source>
        <translation>
            <numerusform>%n colleague asks for a supervisor.</numerusform>
            <numerusform>%n colleagues ask for a supervisor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting, longest %2</source>
        <translation>
            <numerusform>%1: %n waiting, longest %2</numerusform>
            <numerusform>%1: %n waiting, longest %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n more)</numerusform>
            <numerusform>(%n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
