<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>KeychainStore</name>
    <message>
        <source>The key was not found in the keychain.</source>
        <translation>La clave no está en el llavero.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (on Linux: the Secret Service, such as GNOME Keyring or KWallet, is not running or is locked).</source>
        <translation>No hay ningún llavero disponible en este equipo (en Linux: el servicio Secret Service, como GNOME Keyring o KWallet, no está en marcha o está bloqueado).</translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation>El llavero denegó el acceso.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>El llavero informó de un error.</translation>
    </message>
</context>
<context>
    <name>RelayConnection</name>
    <message>
        <source>The relay address must start with wss:// or ws://.</source>
        <translation>La dirección del relé debe empezar por wss:// o ws://.</translation>
    </message>
    <message>
        <source>Cannot reach the relay: %1</source>
        <translation>No se puede conectar con el relé: %1</translation>
    </message>
</context>
<context>
    <name>RelayServer</name>
    <message>
        <source>Refusing to listen on %1: addresses other than loopback need TLS (wss) with a configured certificate and key.</source>
        <translation>No se escuchará en %1: las direcciones que no son de bucle local necesitan TLS (wss) con un certificado y una clave configurados.</translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2.</source>
        <translation>No se pudo escuchar en %1, puerto %2.</translation>
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
        <translation>Estado de la conexión con el relé</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sin conexión con el relé.</translation>
    </message>
    <message>
        <source>Connecting to the relay…</source>
        <translation>Conectando con el relé…</translation>
    </message>
    <message>
        <source>Connected to %1 (protocol %2).</source>
        <translation>Conectado a %1 (protocolo %2).</translation>
    </message>
</context>
</TS>
