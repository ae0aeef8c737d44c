<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>KeychainStore</name>
    <message>
        <source>The key was not found in the keychain.</source>
        <translation>The key was not found in the keychain.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (on Linux: the Secret Service, such as GNOME Keyring or KWallet, is not running or is locked).</source>
        <translation>No keychain is available on this computer (on Linux: the Secret Service, such as GNOME Keyring or KWallet, is not running or is locked).</translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation>The keychain refused access.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>The keychain reported an error.</translation>
    </message>
</context>
<context>
    <name>RelayConnection</name>
    <message>
        <source>The relay address must start with wss:// or ws://.</source>
        <translation>The relay address must start with wss:// or ws://.</translation>
    </message>
    <message>
        <source>Cannot reach the relay: %1</source>
        <translation>Cannot reach the relay: %1</translation>
    </message>
</context>
<context>
    <name>RelayServer</name>
    <message>
        <source>Refusing to listen on %1: addresses other than loopback need TLS (wss) with a configured certificate and key.</source>
        <translation>Refusing to listen on %1: addresses other than loopback need TLS (wss) with a configured certificate and key.</translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2.</source>
        <translation>Could not listen on %1 port %2.</translation>
    </message>
</context>
<context>
    <name>advocate::MainWindow</name>
    <message>
        <source>Advocate Desk</source>
        <translation>Advocate Desk</translation>
    </message>
    <message>
        <source>Relay connection status</source>
        <translation>Relay connection status</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Not connected to the relay.</translation>
    </message>
    <message>
        <source>Connecting to the relay…</source>
        <translation>Connecting to the relay…</translation>
    </message>
    <message>
        <source>Connected to %1 (protocol %2).</source>
        <translation>Connected to %1 (protocol %2).</translation>
    </message>
</context>
</TS>
