<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdminCommands</name>
    <message>
        <source>Password: </source>
        <translation>Contraseña: </translation>
    </message>
    <message>
        <source>Password again: </source>
        <translation>Repita la contraseña: </translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Staff account file.</source>
        <translation>Archivo de cuentas del personal.</translation>
    </message>
    <message>
        <source>Program config file.</source>
        <translation>Archivo de configuración del programa.</translation>
    </message>
    <message>
        <source>advocate, supervisor or admin.</source>
        <translation>advocate, supervisor o admin.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>El comando.</translation>
    </message>
    <message>
        <source>check-config needs --config FILE.</source>
        <translation>check-config necesita --config ARCHIVO.</translation>
    </message>
    <message>
        <source>%1: no problems.</source>
        <translation>%1: sin problemas.</translation>
    </message>
    <message>
        <source>Say which account file: --accounts FILE (or --config FILE with account_file).</source>
        <translation>Indique el archivo de cuentas: --accounts ARCHIVO (o --config ARCHIVO con account_file).</translation>
    </message>
    <message>
        <source>Fix the account file first (advocate-relay check-config).</source>
        <translation>Corrija primero el archivo de cuentas (advocate-relay check-config).</translation>
    </message>
    <message>
        <source>%1 needs exactly one account name.</source>
        <translation>%1 necesita exactamente un nombre de cuenta.</translation>
    </message>
    <message>
        <source>%1 needs --role advocate, supervisor or admin.</source>
        <translation>%1 necesita --role advocate, supervisor o admin.</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>No se indicó ninguna contraseña.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Comando desconocido: %1.</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: hecho.</translation>
    </message>
    <message>
        <source>%1 needs --config FILE (with service_notice_file).</source>
        <translation>%1 necesita --config ARCHIVO (con service_notice_file).</translation>
    </message>
    <message>
        <source>The config sets no service_notice_file.</source>
        <translation>La configuración no define service_notice_file.</translation>
    </message>
    <message>
        <source>%1: done; open survivor pages show no notice within 10 s.</source>
        <translation>%1: hecho; en 10 s las páginas de sobrevivientes abiertas dejan de mostrar el aviso.</translation>
    </message>
    <message>
        <source>set-service-notice needs --kind degraded|outage|forward, --text TEXT (up to 2,000 characters) and optionally --link https://…</source>
        <translation>set-service-notice necesita --kind degraded|outage|forward, --text TEXTO (hasta 2000 caracteres) y, si hace falta, --link https://…</translation>
    </message>
    <message>
        <source>%1: done; every open survivor page shows it within 10 s.</source>
        <translation>%1: hecho; en 10 s todas las páginas de sobrevivientes abiertas lo muestran.</translation>
    </message>
    <message>
        <source>degraded, outage or forward.</source>
        <translation>degraded, outage o forward.</translation>
    </message>
    <message>
        <source>What survivors read.</source>
        <translation>Lo que leen las sobrevivientes.</translation>
    </message>
    <message>
        <source>An https link (e.g. the other program).</source>
        <translation>Un enlace https (p. ej., el del otro programa).</translation>
    </message>
    <message>
        <source>statistics needs --config FILE (with statistics_file), and --days from 1 to %1 when given.</source>
        <translation>statistics necesita --config ARCHIVO (con statistics_file) y, si se indica, --days de 1 a %1.</translation>
    </message>
    <message>
        <source>The config sets no statistics_file.</source>
        <translation>La configuración no define statistics_file.</translation>
    </message>
    <message>
        <source>(nothing counted)</source>
        <translation>(nada contado)</translation>
    </message>
    <message>
        <source>Days of statistics, today included.</source>
        <translation>Días de estadísticas, hoy incluido.</translation>
    </message>
    <message>
        <source>Statistics as CSV.</source>
        <translation>Estadísticas en CSV.</translation>
    </message>
    <message>
        <source>privacy-statement needs --config FILE.</source>
        <translation>privacy-statement necesita --config ARCHIVO.</translation>
    </message>
    <message>
        <source>--lang must be one of: %1.</source>
        <translation>--lang debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>The privacy statement&apos;s language.</source>
        <translation>El idioma de la declaración de privacidad.</translation>
    </message>
    <message>
        <source>Restart secret file (overrides restart_secret_file).</source>
        <translation>Archivo del secreto de reinicio (tiene prioridad sobre restart_secret_file).</translation>
    </message>
    <message>
        <source>%1: a practice relay (practice = on): it takes only practice survivors, never the survivor page, and staff see a practice banner. Never run it as the live relay.</source>
        <translation>%1: un relé de práctica (practice = on): solo acepta sobrevivientes de práctica, nunca la página para sobrevivientes, y el personal ve un aviso de práctica. No lo use nunca como el relé real.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Cannot rotate the audit log %1: %2</source>
        <translation>No se puede rotar el registro de auditoría %1: %2</translation>
    </message>
</context>
<context>
    <name>CacheDatabase</name>
    <message>
        <source>The shift cache key has the wrong length.</source>
        <translation>La clave de la caché del turno no tiene la longitud correcta.</translation>
    </message>
    <message>
        <source>The shift cache could not be opened.</source>
        <translation>No se pudo abrir la caché del turno.</translation>
    </message>
    <message>
        <source>The database library is not SQLCipher 4 or newer (it reports &quot;%1&quot;); the shift cache refuses to store anything with it.</source>
        <translation>La biblioteca de base de datos no es SQLCipher 4 o posterior (indica &quot;%1&quot;); la caché del turno no guarda nada con ella.</translation>
    </message>
    <message>
        <source>No protected memory could be allocated for the key.</source>
        <translation>No se pudo reservar memoria protegida para la clave.</translation>
    </message>
    <message>
        <source>The shift cache key could not be applied.</source>
        <translation>No se pudo aplicar la clave de la caché del turno.</translation>
    </message>
    <message>
        <source>The shift cache cannot be read with its key: the key is wrong or the file is damaged.</source>
        <translation>La caché del turno no se puede leer con su clave: la clave no es correcta o el archivo está dañado.</translation>
    </message>
    <message>
        <source>The shift cache could not be read.</source>
        <translation>No se pudo leer la caché del turno.</translation>
    </message>
    <message>
        <source>The database library did not accept the shift cache&apos;s security settings.</source>
        <translation>La biblioteca de base de datos no aceptó la configuración de seguridad de la caché del turno.</translation>
    </message>
    <message>
        <source>The shift cache is not open.</source>
        <translation>La caché del turno no está abierta.</translation>
    </message>
    <message>
        <source>The shift cache was used from a thread that does not own it.</source>
        <translation>La caché del turno se usó desde un hilo que no es su propietario.</translation>
    </message>
    <message>
        <source>A shift cache operation failed.</source>
        <translation>Falló una operación de la caché del turno.</translation>
    </message>
    <message>
        <source>The shift cache&apos;s schema version could not be read.</source>
        <translation>No se pudo leer la versión del esquema de la caché del turno.</translation>
    </message>
    <message>
        <source>The shift cache was written by a newer version of Advocate Desk (schema %1, this version knows up to %2).</source>
        <translation>La caché del turno la escribió una versión más reciente de Advocate Desk (esquema %1; esta versión conoce hasta el %2).</translation>
    </message>
    <message>
        <source>Updating the shift cache to schema %1 failed and was undone: %2</source>
        <translation>La actualización de la caché del turno al esquema %1 falló y se deshizo: %2</translation>
    </message>
    <message>
        <source>The shift could not be recorded.</source>
        <translation>No se pudo registrar el turno.</translation>
    </message>
    <message>
        <source>The conversation could not be stored.</source>
        <translation>No se pudo guardar la conversación.</translation>
    </message>
    <message>
        <source>The message could not be stored.</source>
        <translation>No se pudo guardar el mensaje.</translation>
    </message>
    <message>
        <source>The delivery state could not be stored.</source>
        <translation>No se pudo guardar el estado de entrega.</translation>
    </message>
    <message>
        <source>No cached message has that client message id.</source>
        <translation>Ningún mensaje de la caché tiene ese identificador de mensaje del cliente.</translation>
    </message>
    <message>
        <source>The draft could not be stored.</source>
        <translation>No se pudo guardar el borrador.</translation>
    </message>
    <message>
        <source>The note could not be stored.</source>
        <translation>No se pudo guardar la nota.</translation>
    </message>
    <message>
        <source>The conversations could not be read.</source>
        <translation>No se pudieron leer las conversaciones.</translation>
    </message>
    <message>
        <source>The messages could not be read.</source>
        <translation>No se pudieron leer los mensajes.</translation>
    </message>
    <message>
        <source>The notes could not be read.</source>
        <translation>No se pudieron leer las notas.</translation>
    </message>
    <message>
        <source>The personal canned response was not saved: it has no id.</source>
        <translation>La respuesta predefinida personal no se guardó: no tiene identificador.</translation>
    </message>
    <message>
        <source>The personal canned response was not saved: it is %1 bytes long, more than the %2 bytes one entry may have.</source>
        <translation>La respuesta predefinida personal no se guardó: ocupa %1 bytes, más de los %2 bytes que puede tener una entrada.</translation>
    </message>
    <message>
        <source>The personal canned response was not saved: it is not one entry in JSON.</source>
        <translation>La respuesta predefinida personal no se guardó: no es una sola entrada en JSON.</translation>
    </message>
    <message>
        <source>The personal canned response was not saved: its JSON names another id.</source>
        <translation>La respuesta predefinida personal no se guardó: su JSON indica otro identificador.</translation>
    </message>
    <message>
        <source>The personal canned response could not be stored.</source>
        <translation>No se pudo guardar la respuesta predefinida personal.</translation>
    </message>
    <message>
        <source>No personal canned response was removed: no id was given.</source>
        <translation>No se quitó ninguna respuesta predefinida personal: no se indicó ningún identificador.</translation>
    </message>
    <message>
        <source>The personal canned response could not be removed.</source>
        <translation>No se pudo quitar la respuesta predefinida personal.</translation>
    </message>
    <message>
        <source>The personal canned responses could not be read.</source>
        <translation>No se pudieron leer las respuestas predefinidas personales.</translation>
    </message>
    <message>
        <source>The practice report was not saved: it names no conversation.</source>
        <translation>El informe de práctica no se guardó: no indica ninguna conversación.</translation>
    </message>
    <message>
        <source>The practice report was not saved: it is %1 bytes long, more than the %2 bytes a report may have.</source>
        <translation>El informe de práctica no se guardó: ocupa %1 bytes, más de los %2 bytes que puede tener un informe.</translation>
    </message>
    <message>
        <source>The practice report was not saved: it is not one report in JSON.</source>
        <translation>El informe de práctica no se guardó: no es un solo informe en JSON.</translation>
    </message>
    <message>
        <source>The practice report could not be stored.</source>
        <translation>No se pudo guardar el informe de práctica.</translation>
    </message>
    <message>
        <source>The practice reports could not be read.</source>
        <translation>No se pudieron leer los informes de práctica.</translation>
    </message>
</context>
<context>
    <name>CacheFiles</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1: %2</source>
        <translation>No se pudo crear la carpeta %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a private folder of yours (it must be a real folder, not a link, with mode 0700); the shift cache will not use it.</source>
        <translation>%1 no es una carpeta privada suya (debe ser una carpeta real, no un enlace, con modo 0700); la caché del turno no la usará.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>No se pudo crear %1: %2</translation>
    </message>
    <message>
        <source>Could not make %1 private to you: %2</source>
        <translation>No se pudo dejar %1 como privado solo para usted: %2</translation>
    </message>
    <message>
        <source>%1 is not a private file of yours (it must have mode 0600); the shift cache will not use it.</source>
        <translation>%1 no es un archivo privado suyo (debe tener modo 0600); la caché del turno no lo usará.</translation>
    </message>
</context>
<context>
    <name>CacheFolderLock</name>
    <message>
        <source>Could not lock the folder %1: %2</source>
        <translation>No se pudo bloquear la carpeta %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a private file of yours; the shift cache will not use it.</source>
        <translation>%1 no es un archivo privado suyo; la caché del turno no lo usará.</translation>
    </message>
    <message>
        <source>The shift cache in %1 is in use by another Advocate Desk (another window or program instance); close it first. Nothing was changed.</source>
        <translation>Otro Advocate Desk (otra ventana u otra instancia del programa) está usando la caché del turno en %1; ciérrelo primero. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>CacheManifest</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>CannedLibrary</name>
    <message>
        <source>Entry %1, field “%2”: %3 The entry was left out.</source>
        <translation>Entrada %1, campo “%2”: %3 La entrada se omitió.</translation>
    </message>
    <message>
        <source>Entry %1, field “%2”: %3</source>
        <translation>Entrada %1, campo “%2”: %3</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>falta.</translation>
    </message>
    <message>
        <source>must be an object with one text per language.</source>
        <translation>debe ser un objeto con un texto por idioma.</translation>
    </message>
    <message>
        <source>is not a language tag (such as “en” or “es”).</source>
        <translation>no es una etiqueta de idioma (como “en” o “es”).</translation>
    </message>
    <message>
        <source>must be a non-empty text.</source>
        <translation>debe ser un texto no vacío.</translation>
    </message>
    <message>
        <source>is longer than a message may be (%1 characters).</source>
        <translation>es más largo de lo que puede ser un mensaje (%1 caracteres).</translation>
    </message>
    <message>
        <source>The canned-response library %1 is not valid JSON (%2 at byte %3); no program entries were loaded.</source>
        <translation>La biblioteca de respuestas predefinidas %1 no es JSON válido (%2 en el byte %3); no se cargó ninguna entrada del programa.</translation>
    </message>
    <message>
        <source>The canned-response library %1 must be a JSON object; no program entries were loaded.</source>
        <translation>La biblioteca de respuestas predefinidas %1 debe ser un objeto JSON; no se cargó ninguna entrada del programa.</translation>
    </message>
    <message>
        <source>The canned-response library %1 has format version “%2”; this workstation reads version %3. No program entries were loaded.</source>
        <translation>La biblioteca de respuestas predefinidas %1 tiene la versión de formato “%2”; este puesto lee la versión %3. No se cargó ninguna entrada del programa.</translation>
    </message>
    <message>
        <source>Field “defaultLanguage” is not a language tag; “en” is used instead.</source>
        <translation>El campo “defaultLanguage” no es una etiqueta de idioma; se usa “en” en su lugar.</translation>
    </message>
    <message>
        <source>Field “policy” must be an object; the defaults are used.</source>
        <translation>El campo “policy” debe ser un objeto; se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The canned-response library %1 has no “entries” list; no program entries were loaded.</source>
        <translation>La biblioteca de respuestas predefinidas %1 no tiene una lista “entries”; no se cargó ninguna entrada del programa.</translation>
    </message>
    <message>
        <source>The canned-response library %1 cannot be read (%2); no program entries were loaded.</source>
        <translation>No se puede leer la biblioteca de respuestas predefinidas %1 (%2); no se cargó ninguna entrada del programa.</translation>
    </message>
    <message>
        <source>is not a JSON object.</source>
        <translation>no es un objeto JSON.</translation>
    </message>
    <message>
        <source>must be lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>debe tener solo letras minúsculas, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos; (64 como máximo).</translation>
    </message>
    <message>
        <source>is already used by another entry.</source>
        <translation>ya lo usa otra entrada.</translation>
    </message>
    <message>
        <source>must be one of: %1.</source>
        <translation>debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>must be one word of lower-case letters, digits, &apos;_&apos; or &apos;-&apos; (at most 24).</source>
        <translation>debe ser una sola palabra de letras minúsculas, dígitos, &apos;_&apos; o &apos;-&apos; (24 como máximo).</translation>
    </message>
    <message>
        <source>is already used by entry “%1”.</source>
        <translation>ya lo usa la entrada “%1”.</translation>
    </message>
    <message>
        <source>must be a list of flag names.</source>
        <translation>debe ser una lista de nombres de indicadores.</translation>
    </message>
    <message>
        <source>is not a flag this workstation knows; it is ignored.</source>
        <translation>no es un indicador que este puesto conozca; se ignora.</translation>
    </message>
    <message>
        <source>uses the unknown placeholder {%1}; it will be left in the text for the advocate to replace.</source>
        <translation>usa el marcador desconocido {%1}; se dejará en el texto para que la persona defensora lo reemplace.</translation>
    </message>
    <message>
        <source>Policy field “%1”: %2 The default is used instead.</source>
        <translation>Campo de política “%1”: %2 Se usa el valor predeterminado.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>debe ser true o false.</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2.</source>
        <translation>debe ser un número entero de %1 a %2.</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>debe ser un objeto.</translation>
    </message>
    <message>
        <source>must be an object of lists.</source>
        <translation>debe ser un objeto de listas.</translation>
    </message>
    <message>
        <source>must be a list.</source>
        <translation>debe ser una lista.</translation>
    </message>
    <message>
        <source>Policy field “%1[%2]”: a slang term needs a “term” of letters or digits and an optional “expansion” text; it was skipped.</source>
        <translation>Campo de política “%1[%2]”: un término de jerga necesita un “term” de letras o dígitos y, si se quiere, un texto “expansion”; se omitió.</translation>
    </message>
    <message>
        <source>must be a list of words.</source>
        <translation>debe ser una lista de palabras.</translation>
    </message>
    <message>
        <source>Field “program” must be an object; the placeholders {program}, {hotline_phone} and {hours} stay unfilled.</source>
        <translation>El campo “program” debe ser un objeto; los marcadores {program}, {hotline_phone} y {hours} quedan sin rellenar.</translation>
    </message>
    <message>
        <source>Field “%1” must be a text or an object of one text per language; {%2} stays unfilled.</source>
        <translation>El campo “%1” debe ser un texto o un objeto con un texto por idioma; {%2} queda sin rellenar.</translation>
    </message>
</context>
<context>
    <name>CannedResponse</name>
    <message>
        <source>Greeting</source>
        <translation>Saludo</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Confidentiality and mandatory reporting</source>
        <translation>Confidencialidad y obligación de informar</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Despedida</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traspaso</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>After hours</source>
        <translation>Fuera de horario</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
</context>
<context>
    <name>CannedSearchModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>DraftChecks</name>
    <message>
        <source>Emoji can be read in ways you did not mean, and can seem to make light of what someone is going through.</source>
        <translation>Los emojis se pueden leer de formas que usted no pretendía y pueden dar la impresión de restar importancia a lo que alguien está viviendo.</translation>
    </message>
    <message>
        <source>Remove the emoji</source>
        <translation>Quitar el emoji</translation>
    </message>
    <message>
        <source>“%1” is chat slang. It can read as casual or unclear to someone reaching out for help; say it in plain words.</source>
        <translation>“%1” es jerga de chat. A alguien que busca ayuda le puede sonar informal o poco claro; dígalo con palabras sencillas.</translation>
    </message>
    <message>
        <source>“%1” is chat shorthand that not everyone knows; “%2” is clearer.</source>
        <translation>“%1” es una abreviatura de chat que no todo el mundo conoce; “%2” es más claro.</translation>
    </message>
    <message>
        <source>Write “%1”</source>
        <translation>Escribir “%1”</translation>
    </message>
    <message>
        <source>Text in capitals reads as shouting and can feel frightening or angry.</source>
        <translation>El texto en mayúsculas se lee como un grito y puede sonar amenazante o enojado.</translation>
    </message>
    <message>
        <source>Use normal capitals</source>
        <translation>Usar mayúsculas normales</translation>
    </message>
    <message>
        <source>This long prepared message is about to go out word for word. A line in your own words makes it feel less like a form letter.</source>
        <translation>Este mensaje preparado y largo va a salir palabra por palabra. Una línea con sus propias palabras hace que se sienta menos como una carta modelo.</translation>
    </message>
</context>
<context>
    <name>FrameCodec</name>
    <message>
        <source>an identifier</source>
        <translation>un identificador</translation>
    </message>
    <message>
        <source>a language tag</source>
        <translation>una etiqueta de idioma</translation>
    </message>
    <message>
        <source>a name of 1 to 64 characters</source>
        <translation>un nombre de 1 a 64 caracteres</translation>
    </message>
    <message>
        <source>a non-empty string of limited length</source>
        <translation>una cadena no vacía de longitud limitada</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>una cadena no vacía</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters.</source>
        <translation>El mensaje tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be a whole number from %2 to %3.</source>
        <translation>El campo &quot;%1&quot; debe ser un número entero de %2 a %3.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be true or false.</source>
        <translation>El campo &quot;%1&quot; debe ser true o false.</translation>
    </message>
    <message>
        <source>This relay speaks protocol version %1 only.</source>
        <translation>Este relé solo usa la versión %1 del protocolo.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be a list of language tags.</source>
        <translation>El campo &quot;%1&quot; debe ser una lista de etiquetas de idioma.</translation>
    </message>
    <message>
        <source>a known name</source>
        <translation>un nombre conocido</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; is missing.</source>
        <translation>Falta el campo &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be %2.</source>
        <translation>El campo &quot;%1&quot; debe ser %2.</translation>
    </message>
    <message>
        <source>Field &quot;reason&quot; may only be &quot;idle&quot;.</source>
        <translation>El campo &quot;reason&quot; solo puede ser &quot;idle&quot;.</translation>
    </message>
    <message>
        <source>Field &quot;conversations&quot; must be a list.</source>
        <translation>El campo &quot;conversations&quot; debe ser una lista.</translation>
    </message>
    <message>
        <source>Field &quot;conversations&quot; must be a list of conversation summaries.</source>
        <translation>El campo &quot;conversations&quot; debe ser una lista de resúmenes de conversación.</translation>
    </message>
    <message>
        <source>Field &quot;waiting&quot; must be an object.</source>
        <translation>El campo &quot;waiting&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>Field &quot;waiting&quot; must map languages to counts.</source>
        <translation>El campo &quot;waiting&quot; debe asociar idiomas con cantidades.</translation>
    </message>
    <message>
        <source>Field &quot;waits&quot; must map languages to lists of seconds.</source>
        <translation>El campo &quot;waits&quot; debe asociar idiomas con listas de segundos.</translation>
    </message>
    <message>
        <source>The frame is larger than %1 bytes.</source>
        <translation>La trama ocupa más de %1 bytes.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON.</source>
        <translation>La trama no es JSON válido.</translation>
    </message>
    <message>
        <source>The frame must be a JSON object.</source>
        <translation>La trama debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>The frame has no &quot;type&quot; string.</source>
        <translation>La trama no tiene la cadena &quot;type&quot;.</translation>
    </message>
    <message>
        <source>The frame&apos;s type is not part of this protocol.</source>
        <translation>El tipo de la trama no forma parte de este protocolo.</translation>
    </message>
    <message>
        <source>Binary frames are refused; send JSON text frames.</source>
        <translation>Se rechazan las tramas binarias; hay que enviar tramas de texto JSON.</translation>
    </message>
    <message>
        <source>A transfer to an advocate must name the user.</source>
        <translation>Un traspaso a una persona defensora debe nombrar al usuario.</translation>
    </message>
    <message>
        <source>Field &quot;staff&quot; must be a list of colleagues.</source>
        <translation>El campo &quot;staff&quot; debe ser una lista de colegas.</translation>
    </message>
    <message>
        <source>Field &quot;days&quot; must be a list of at most %1 days of counts.</source>
        <translation>El campo &quot;days&quot; debe ser una lista de como máximo %1 días de recuentos.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be a list of staff in the conversation.</source>
        <translation>El campo &quot;%1&quot; debe ser una lista del personal que está en la conversación.</translation>
    </message>
    <message>
        <source>To clear the notice, leave out &quot;kind&quot;.</source>
        <translation>Para quitar el aviso, omita &quot;kind&quot;.</translation>
    </message>
    <message>
        <source>The notice needs a text.</source>
        <translation>El aviso necesita un texto.</translation>
    </message>
    <message>
        <source>The notice&apos;s link must be an https address.</source>
        <translation>El enlace del aviso debe ser una dirección https.</translation>
    </message>
    <message>
        <source>Field &quot;conversations&quot; must be a list of board rows.</source>
        <translation>El campo &quot;conversations&quot; debe ser una lista de filas del tablero.</translation>
    </message>
    <message>
        <source>Field &quot;removed&quot; must be a list of conversation ids.</source>
        <translation>El campo &quot;removed&quot; debe ser una lista de identificadores de conversación.</translation>
    </message>
    <message>
        <source>Field &quot;queues&quot; must be a list of queue waits.</source>
        <translation>El campo &quot;queues&quot; debe ser una lista de esperas en cola.</translation>
    </message>
    <message>
        <source>Field &quot;staff&quot; must be a list of staff states.</source>
        <translation>El campo &quot;staff&quot; debe ser una lista de estados del personal.</translation>
    </message>
    <message>
        <source>Field &quot;blocks&quot; must be a list of blocks.</source>
        <translation>El campo &quot;blocks&quot; debe ser una lista de bloqueos.</translation>
    </message>
    <message>
        <source>Field &quot;notice&quot; must be a service notice.</source>
        <translation>El campo &quot;notice&quot; debe ser un aviso de servicio.</translation>
    </message>
    <message>
        <source>Field &quot;state&quot; must be active or waiting.</source>
        <translation>El campo &quot;state&quot; debe ser active o waiting.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must be the program&apos;s facts.</source>
        <translation>El campo &quot;%1&quot; debe contener los datos del programa.</translation>
    </message>
    <message>
        <source>Field &quot;claims&quot; must be a list of at most 16 claims.</source>
        <translation>El campo &quot;claims&quot; debe ser una lista de como máximo 16 reclamaciones.</translation>
    </message>
    <message>
        <source>Field &quot;claims&quot; must be a list of claims.</source>
        <translation>El campo &quot;claims&quot; debe ser una lista de reclamaciones.</translation>
    </message>
</context>
<context>
    <name>IdentifyingDetails</name>
    <message>
        <source>A phone number leads straight to a person; leave it out of a note that others will read.</source>
        <translation>Un número de teléfono lleva directamente a una persona; no lo ponga en una nota que otras personas leerán.</translation>
    </message>
    <message>
        <source>An e-mail address leads straight to a person; leave it out of a note that others will read.</source>
        <translation>Una dirección de correo electrónico lleva directamente a una persona; no la ponga en una nota que otras personas leerán.</translation>
    </message>
    <message>
        <source>An address can show where someone lives or can be found; leave it out of a note that others will read.</source>
        <translation>Una dirección puede mostrar dónde vive o dónde se puede encontrar a alguien; no la ponga en una nota que otras personas leerán.</translation>
    </message>
    <message>
        <source>A date of birth, with a few other details, is enough to identify someone; leave it out of a note that others will read.</source>
        <translation>Una fecha de nacimiento, junto con algunos otros datos, basta para identificar a alguien; no la ponga en una nota que otras personas leerán.</translation>
    </message>
    <message>
        <source>“%1” is a name from this conversation; a note that others will read does not need it.</source>
        <translation>“%1” es un nombre de esta conversación; una nota que otras personas leerán no lo necesita.</translation>
    </message>
    <message>
        <source>“%1” looks like a person&apos;s name; a note that others will read does not need it.</source>
        <translation>“%1” parece el nombre de una persona; una nota que otras personas leerán no lo necesita.</translation>
    </message>
    <message>
        <source>[phone number]</source>
        <translation>[número de teléfono]</translation>
    </message>
    <message>
        <source>[e-mail]</source>
        <translation>[correo electrónico]</translation>
    </message>
    <message>
        <source>[address]</source>
        <translation>[dirección]</translation>
    </message>
    <message>
        <source>[date]</source>
        <translation>[fecha]</translation>
    </message>
    <message>
        <source>[name]</source>
        <translation>[nombre]</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Sustituir por “%1”</translation>
    </message>
</context>
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
    <message>
        <source>No protected memory could be allocated for the key read from the keychain.</source>
        <translation>No se pudo reservar memoria protegida para la clave leída del llavero.</translation>
    </message>
</context>
<context>
    <name>ManagedMark</name>
    <message>
        <source>Set by your IT department.</source>
        <translation>Lo fijó su departamento de informática.</translation>
    </message>
</context>
<context>
    <name>ManagedSettings</name>
    <message>
        <source>%1 is not owned by root, so the managed settings there cannot be trusted and are not used. Make it root&apos;s (chown root:root) and writable by root only (chmod 644 for the file, 755 for its folder).</source>
        <translation>%1 no pertenece a root, así que no se puede confiar en la configuración administrada que contiene y no se usa. Haga que pertenezca a root (chown root:root) y que solo root pueda modificarlo (chmod 644 para el archivo, 755 para su carpeta).</translation>
    </message>
    <message>
        <source>%1 may be changed by users other than root, so the managed settings there cannot be trusted and are not used. Make it writable by root only (chmod 644 for the file, 755 for its folder).</source>
        <translation>Otros usuarios además de root pueden modificar %1, así que no se puede confiar en la configuración administrada que contiene y no se usa. Haga que solo root pueda modificarlo (chmod 644 para el archivo, 755 para su carpeta).</translation>
    </message>
    <message>
        <source>The managed settings file %1 cannot be read, so the workstation does not know what IT set. Make it a file that every user may read (chmod 644).</source>
        <translation>No se puede leer el archivo de configuración administrada %1, así que el puesto no sabe qué fijó informática. Conviértalo en un archivo que todos los usuarios puedan leer (chmod 644).</translation>
    </message>
    <message>
        <source>the managed preferences of %1</source>
        <translation>las preferencias administradas de %1</translation>
    </message>
    <message>
        <source>The managed setting %1 in %2 cannot be used: %3 Nothing of the managed settings is used until it is corrected.</source>
        <translation>No se puede usar la opción administrada %1 de %2: %3 No se usa nada de la configuración administrada hasta que se corrija.</translation>
    </message>
    <message>
        <source>it must be a relay address starting with wss://.</source>
        <translation>debe ser una dirección de relé que empiece por wss://.</translation>
    </message>
    <message>
        <source>it must be one or more SHA-256 values in base64.</source>
        <translation>debe ser uno o varios valores SHA-256 en base64.</translation>
    </message>
    <message>
        <source>it must be the full path of the library file.</source>
        <translation>debe ser la ruta completa del archivo de la biblioteca.</translation>
    </message>
    <message>
        <source>it must be a whole number of minutes from 1 to %1.</source>
        <translation>debe ser un número entero de minutos entre 1 y %1.</translation>
    </message>
    <message>
        <source>it must be true or false.</source>
        <translation>debe ser true o false.</translation>
    </message>
    <message>
        <source>this workstation does not know this setting (is it misspelt?).</source>
        <translation>este puesto no conoce esa opción (¿está mal escrita?).</translation>
    </message>
</context>
<context>
    <name>NoticeReminder</name>
    <message>
        <source>The confidentiality and mandatory-reporting notice has not been shared in this conversation yet. When it feels right, let them know what stays private and what you might have to report.</source>
        <translation>Todavía no se compartió en esta conversación el aviso de confidencialidad y obligación de informar. Cuando le parezca oportuno, cuéntele qué queda en privado y qué podría tener que informar.</translation>
    </message>
</context>
<context>
    <name>OpeningHours</name>
    <message>
        <source>&quot;%1&quot; is not like &quot;mon-fri 09:00-17:00&quot;.</source>
        <translation>&quot;%1&quot; no tiene la forma &quot;mon-fri 09:00-17:00&quot;.</translation>
    </message>
    <message>
        <source>Days are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>Los días son mon, tue, wed, thu, fri, sat y sun.</translation>
    </message>
    <message>
        <source>Times are 00:00 to 24:00.</source>
        <translation>Las horas van de 00:00 a 24:00.</translation>
    </message>
    <message>
        <source>A range cannot be a whole day long unless it is 00:00-24:00.</source>
        <translation>Un intervalo no puede durar un día entero, salvo que sea 00:00-24:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-12-25.</source>
        <translation>&quot;%1&quot; no es una fecha como 2026-12-25.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone such as America/Chicago.</source>
        <translation>&quot;%1&quot; no es una zona horaria como America/Chicago.</translation>
    </message>
</context>
<context>
    <name>RelayConfigFile</name>
    <message>
        <source>Cannot read the config file %1: %2</source>
        <translation>No se puede leer el archivo de configuración %1: %2</translation>
    </message>
    <message>
        <source>Expected a whole number from %1 to %2.</source>
        <translation>Se esperaba un número entero de %1 a %2.</translation>
    </message>
    <message>
        <source>The exit URL must be a full https:// address.</source>
        <translation>La URL de salida debe ser una dirección https:// completa.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language tag such as en or es.</source>
        <translation>&quot;%1&quot; no es una etiqueta de idioma como en o es.</translation>
    </message>
    <message>
        <source>Routing must be pull or push.</source>
        <translation>El enrutamiento debe ser pull o push.</translation>
    </message>
    <message>
        <source>listen must be an IP address.</source>
        <translation>listen debe ser una dirección IP.</translation>
    </message>
    <message>
        <source>Expected key = value.</source>
        <translation>Se esperaba clave = valor.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;.</source>
        <translation>Clave desconocida: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set twice.</source>
        <translation>&quot;%1&quot; está definida dos veces.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>Falta &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>tls_certificate and tls_key go together.</source>
        <translation>tls_certificate y tls_key van juntos.</translation>
    </message>
    <message>
        <source>Listening on %1 needs tls_certificate and tls_key (or a reverse proxy on loopback).</source>
        <translation>Para escuchar en %1 hacen falta tls_certificate y tls_key (o un proxy inverso en el bucle local).</translation>
    </message>
    <message>
        <source>allowed_origins must be a comma-separated list of origins like https://chat.example.org.</source>
        <translation>allowed_origins debe ser una lista de orígenes separados por comas, como https://chat.example.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot have a translation.</source>
        <translation>&quot;%1&quot; no puede tener traducción.</translation>
    </message>
    <message>
        <source>Set %1_minutes or %1_seconds, not both.</source>
        <translation>Defina %1_minutes o %1_seconds, no ambos.</translation>
    </message>
    <message>
        <source>Set max_shift_hours or max_shift_minutes, not both.</source>
        <translation>Indique max_shift_hours o max_shift_minutes, no ambos.</translation>
    </message>
    <message>
        <source>public_origin must be the address survivors open, like https://chat.example.org.</source>
        <translation>public_origin debe ser la dirección que abren las personas sobrevivientes, como https://chat.example.org.</translation>
    </message>
    <message>
        <source>Listening on %1 needs public_origin, the address survivors open (like https://chat.example.org).</source>
        <translation>Para escuchar en %1 hace falta public_origin, la dirección que abren las personas sobrevivientes (como https://chat.example.org).</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 debe ser on u off.</translation>
    </message>
    <message>
        <source>behind_proxy must be auto, on or off.</source>
        <translation>behind_proxy debe ser auto, on u off.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer read: the notice&apos;s sentences on what is kept and on supervision are made from the config (see advocate-relay privacy-statement). Remove the line.</source>
        <translation>&quot;%1&quot; ya no se lee: las frases del aviso sobre lo que se guarda y sobre la supervisión se generan a partir de la configuración (vea advocate-relay privacy-statement). Quite la línea.</translation>
    </message>
</context>
<context>
    <name>RelayKeyPin</name>
    <message>
        <source>“%1” is not a SHA-256 in base64 (44 characters ending in “=”).</source>
        <translation>“%1” no es un SHA-256 en base64 (44 caracteres que terminan en “=”).</translation>
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
    <message>
        <source>Cannot write the audit log %1: %2</source>
        <translation>No se puede escribir el registro de auditoría %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate or key.</source>
        <translation>No se puede leer el certificado TLS o la clave.</translation>
    </message>
    <message>
        <source>The TLS certificate or key is not valid PEM.</source>
        <translation>El certificado TLS o la clave no están en formato PEM válido.</translation>
    </message>
    <message>
        <source>%1 Counting starts again from zero; the file will be replaced.</source>
        <translation>%1 El recuento vuelve a empezar desde cero; el archivo se reemplazará.</translation>
    </message>
    <message>
        <source>%1 Counting starts again from zero; the file was moved to %2.</source>
        <translation>%1 El recuento vuelve a empezar desde cero; el archivo se movió a %2.</translation>
    </message>
</context>
<context>
    <name>RestartTokens</name>
    <message>
        <source>The restart secret file %1 cannot be read.</source>
        <translation>No se puede leer el archivo del secreto de reinicio %1.</translation>
    </message>
    <message>
        <source>The restart secret file %1 is not a regular file.</source>
        <translation>El archivo del secreto de reinicio %1 no es un archivo normal.</translation>
    </message>
    <message>
        <source>The restart secret file %1 may be read by others: it must be mode 0600 or 0400 (install -m 0600 -o root).</source>
        <translation>Otras personas pueden leer el archivo del secreto de reinicio %1: debe tener el modo 0600 o 0400 (install -m 0600 -o root).</translation>
    </message>
    <message>
        <source>The restart secret file %1 must hold exactly 32 bytes (head -c 32 /dev/urandom).</source>
        <translation>El archivo del secreto de reinicio %1 debe contener exactamente 32 bytes (head -c 32 /dev/urandom).</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>Too many bad frames; closing the connection.</source>
        <translation>Demasiadas tramas no válidas; se cierra la conexión.</translation>
    </message>
    <message>
        <source>Clients may not send this frame.</source>
        <translation>Los clientes no pueden enviar esta trama.</translation>
    </message>
    <message>
        <source>There is no open conversation with that id.</source>
        <translation>No hay ninguna conversación abierta con ese identificador.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Su rol no permite hacer esto.</translation>
    </message>
    <message>
        <source>This relay does not support that operation yet.</source>
        <translation>Este relé todavía no admite esa operación.</translation>
    </message>
    <message>
        <source>Please read the current notice before starting.</source>
        <translation>Antes de empezar, lee el aviso actual, por favor.</translation>
    </message>
    <message>
        <source>This program does not offer that language.</source>
        <translation>Este programa no ofrece ese idioma.</translation>
    </message>
    <message>
        <source>This chat can no longer be resumed.</source>
        <translation>Este chat ya no se puede retomar.</translation>
    </message>
    <message>
        <source>A sign-in is already being checked.</source>
        <translation>Ya se está comprobando un inicio de sesión.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again later.</source>
        <translation>Demasiados inicios de sesión fallidos; inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The name or password is wrong.</source>
        <translation>El nombre o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>The session has expired; please sign in.</source>
        <translation>La sesión caducó; inicie sesión, por favor.</translation>
    </message>
    <message>
        <source>You already have as many conversations as you may.</source>
        <translation>Ya tiene el máximo de conversaciones permitido.</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>No hay nadie esperando.</translation>
    </message>
    <message>
        <source>The survivor has not been silent long enough for an idle close.</source>
        <translation>La sobreviviente no lleva en silencio el tiempo suficiente para cerrar el chat por inactividad.</translation>
    </message>
    <message>
        <source>Too many frames; slow down.</source>
        <translation>Demasiadas tramas seguidas; más despacio, por favor.</translation>
    </message>
    <message>
        <source>Too many chats are open from this network; please try again later.</source>
        <translation>Hay demasiados chats abiertos desde esta red; vuelve a intentarlo más tarde, por favor.</translation>
    </message>
    <message>
        <source>Too many sign-ins are being checked; try again shortly.</source>
        <translation>Se están comprobando demasiados inicios de sesión; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>An offer for this conversation already stands.</source>
        <translation>Ya hay una oferta pendiente para esta conversación.</translation>
    </message>
    <message>
        <source>You cannot offer a conversation to yourself.</source>
        <translation>No puede ofrecerse una conversación a sí misma.</translation>
    </message>
    <message>
        <source>That colleague is not on shift now.</source>
        <translation>Esa persona del equipo no está de turno ahora.</translation>
    </message>
    <message>
        <source>That colleague already has as many conversations as they may.</source>
        <translation>Esa persona del equipo ya tiene tantas conversaciones como puede.</translation>
    </message>
    <message>
        <source>No supervisor is on shift now.</source>
        <translation>No hay ninguna persona supervisora de turno ahora.</translation>
    </message>
    <message>
        <source>That offer no longer stands.</source>
        <translation>Esa oferta ya no está vigente.</translation>
    </message>
    <message>
        <source>You are reading along; join or take over to write.</source>
        <translation>Solo está leyendo; únase o tome el control para escribir.</translation>
    </message>
    <message>
        <source>That is not possible in this conversation now.</source>
        <translation>Eso no es posible ahora en esta conversación.</translation>
    </message>
    <message>
        <source>Hand the conversation on or end it; you answer it.</source>
        <translation>Traspase la conversación o termínela; usted es quien la responde.</translation>
    </message>
    <message>
        <source>Nobody else on the staff side is in this conversation.</source>
        <translation>No hay nadie más del personal en esta conversación.</translation>
    </message>
    <message>
        <source>An offer for this conversation stands; wait for it.</source>
        <translation>Hay una oferta pendiente para esta conversación; espere a que se resuelva.</translation>
    </message>
    <message>
        <source>This conversation was not taken over.</source>
        <translation>Nadie tomó el control de esta conversación.</translation>
    </message>
    <message>
        <source>Silent monitoring is off, or this survivor was not told of it.</source>
        <translation>La lectura en silencio está desactivada o no se informó de ella a esta persona sobreviviente.</translation>
    </message>
    <message>
        <source>This chat&apos;s source is not known, so it cannot be blocked.</source>
        <translation>No se conoce el origen de este chat, así que no se puede bloquear.</translation>
    </message>
    <message>
        <source>Blocking is switched off in this program&apos;s config.</source>
        <translation>El bloqueo está desactivado en la configuración de este programa.</translation>
    </message>
    <message>
        <source>Others reach the relay from this chat&apos;s address too (a proxy or a shared network); a block would turn them away.</source>
        <translation>Otras personas llegan al relé desde la misma dirección que este chat (un proxy o una red compartida); un bloqueo las rechazaría también.</translation>
    </message>
    <message>
        <source>The chat is not back yet after a restart of the chat service.</source>
        <translation>El chat aún no ha vuelto tras un reinicio del servicio de chat.</translation>
    </message>
    <message>
        <source>This is a practice relay: only practice survivors can start a chat here.</source>
        <translation>Este es un relé de práctica: aquí solo pueden empezar un chat sobrevivientes de práctica.</translation>
    </message>
    <message>
        <source>This relay serves real survivors: a practice survivor cannot start a chat here.</source>
        <translation>Este relé atiende a sobrevivientes reales: un sobreviviente de práctica no puede empezar un chat aquí.</translation>
    </message>
    <message>
        <source>This conversation has ended.</source>
        <translation>Esta conversación ha terminado.</translation>
    </message>
    <message>
        <source>You no longer answer this conversation.</source>
        <translation>Ya no atiende esta conversación.</translation>
    </message>
</context>
<context>
    <name>ServiceNoticeFile</name>
    <message>
        <source>The service notice file %1 is not a notice written by set-service-notice.</source>
        <translation>El archivo de aviso de servicio %1 no es un aviso escrito por set-service-notice.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>No se puede eliminar %1: %2</translation>
    </message>
</context>
<context>
    <name>ShiftCache</name>
    <message>
        <source>No shift is open in the cache.</source>
        <translation>No hay ningún turno abierto en la caché.</translation>
    </message>
    <message>
        <source>The shift cache is busy starting, resuming or wiping; try again when it is done.</source>
        <translation>La caché del turno está ocupada iniciando, reanudando o borrando; inténtelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <source>The cache key was deleted from the keychain.</source>
        <translation>La clave de la caché se eliminó del llavero.</translation>
    </message>
    <message>
        <source>The cache key was already gone.</source>
        <translation>La clave de la caché ya no estaba.</translation>
    </message>
    <message>
        <source>The cache key could not be deleted: %1</source>
        <translation>No se pudo eliminar la clave de la caché: %1</translation>
    </message>
    <message>
        <source>The wipe will be finished at the next start.</source>
        <translation>El borrado se terminará en el próximo inicio.</translation>
    </message>
    <message>
        <source>The shift cannot start: no protected memory could be allocated for the key of the encrypted shift cache.</source>
        <translation>El turno no puede empezar: no se pudo reservar memoria protegida para la clave de la caché cifrada del turno.</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>hours and minutes</comment>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>Removed without overwriting (not a private file of yours): %1.</source>
        <translation>Eliminado sin sobrescribir (no es un archivo privado suyo): %1.</translation>
    </message>
    <message>
        <source>Still in the cache folder: %1.</source>
        <translation>Sigue en la carpeta de la caché: %1.</translation>
    </message>
</context>
<context>
    <name>StaffAccounts</name>
    <message>
        <source>Cannot read the account file %1: %2</source>
        <translation>No se puede leer el archivo de cuentas %1: %2</translation>
    </message>
    <message>
        <source>An account line needs name:role:enabled|disabled:hash.</source>
        <translation>Cada línea de cuenta necesita la forma nombre:rol:enabled|disabled:hash.</translation>
    </message>
    <message>
        <source>The name may have 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>El nombre puede tener de 1 a 64 letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The role must be advocate, supervisor or admin.</source>
        <translation>El rol debe ser advocate, supervisor o admin.</translation>
    </message>
    <message>
        <source>The third field must be enabled or disabled.</source>
        <translation>El tercer campo debe ser enabled o disabled.</translation>
    </message>
    <message>
        <source>The password hash must be an argon2id hash.</source>
        <translation>El hash de la contraseña debe ser un hash argon2id.</translation>
    </message>
    <message>
        <source>The name %1 appears twice.</source>
        <translation>El nombre %1 aparece dos veces.</translation>
    </message>
    <message>
        <source>Cannot write the account file %1: %2</source>
        <translation>No se puede escribir el archivo de cuentas %1: %2</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Ya existe una cuenta llamada %1.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>La contraseña debe tener al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Could not hash the password (out of memory?).</source>
        <translation>No se pudo calcular el hash de la contraseña (¿falta memoria?).</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>No existe ninguna cuenta llamada %1.</translation>
    </message>
</context>
<context>
    <name>StatisticsFile</name>
    <message>
        <source>The statistics file %1 cannot be used: %2</source>
        <translation>No se puede usar el archivo de estadísticas %1: %2</translation>
    </message>
    <message>
        <source>it is larger than %1 bytes.</source>
        <translation>ocupa más de %1 bytes.</translation>
    </message>
    <message>
        <source>it is not a statistics file written by the relay.</source>
        <translation>no es un archivo de estadísticas escrito por el relé.</translation>
    </message>
    <message>
        <source>it has a version this relay does not read.</source>
        <translation>tiene una versión que este relé no lee.</translation>
    </message>
    <message>
        <source>it holds no list of days.</source>
        <translation>no contiene una lista de días.</translation>
    </message>
    <message>
        <source>a day in it is not a date with whole-number counts.</source>
        <translation>uno de sus días no es una fecha con recuentos enteros.</translation>
    </message>
    <message>
        <source>Cannot write the statistics file %1: %2</source>
        <translation>No se puede escribir el archivo de estadísticas %1: %2</translation>
    </message>
</context>
<context>
    <name>WorkstationSettings</name>
    <message>
        <source>%1 is ignored: your IT department set %2 for this computer (in %3).</source>
        <translation>Se ignora %1: su departamento de informática fijó %2 para este equipo (en %3).</translation>
    </message>
    <message>
        <source>--canned-library is ignored: your IT department deployed the program&apos;s library at %1.</source>
        <translation>Se ignora --canned-library: su departamento de informática instaló la biblioteca del programa en %1.</translation>
    </message>
</context>
<context>
    <name>advocate::BoardModel</name>
    <message>
        <source>under 1 min</source>
        <translation>menos de 1 min</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Hand raised</source>
        <translation>Pide ayuda</translation>
    </message>
    <message>
        <source>Offer pending</source>
        <translation>Oferta pendiente</translation>
    </message>
    <message>
        <source>Check-in due</source>
        <translation>Consulta pendiente</translation>
    </message>
    <message>
        <source>Survivor away</source>
        <translation>Sobreviviente ausente</translation>
    </message>
    <message>
        <source>Advocate disconnected</source>
        <translation>Persona defensora sin conexión</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>responde</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>se unió</translation>
    </message>
    <message>
        <source>observing</source>
        <translation>solo lee</translation>
    </message>
    <message>
        <source>monitoring</source>
        <translation>lee en silencio</translation>
    </message>
    <message>
        <source>Nothing needed</source>
        <translation>Nada pendiente</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>En espera en la cola</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>esperando %1</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesita</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Persona defensora</translation>
    </message>
    <message>
        <source>Also in the chat</source>
        <translation>También en el chat</translation>
    </message>
</context>
<context>
    <name>advocate::CannedContext</name>
    <message>
        <source>Before we go on: are you worried that anyone else might have access to your device or our conversation?</source>
        <translation>Antes de seguir: ¿te preocupa que otra persona pueda tener acceso a tu dispositivo o a nuestra conversación?</translation>
    </message>
    <message>
        <source>What you share here stays confidential, with some exceptions: if you tell me a child or a vulnerable adult is being hurt, I may have to report it. Please ask me if you have questions.</source>
        <translation>Lo que compartas aquí es confidencial, con algunas excepciones: si me cuentas que se está haciendo daño a un niño o a un adulto vulnerable, puede que tenga que informarlo. Pregúntame si tienes dudas.</translation>
    </message>
    <message>
        <source>I haven&apos;t heard from you for a while, so I&apos;m closing this chat. You can reach us again any time.</source>
        <translation>Hace un rato que no sé de ti, así que voy a cerrar este chat. Puedes volver a escribirnos cuando quieras.</translation>
    </message>
    <message>
        <source>Are you still there? Take your time, I&apos;m here when you&apos;re ready.</source>
        <translation>¿Sigues ahí? Tómate tu tiempo; aquí estoy cuando quieras seguir.</translation>
    </message>
    <message>
        <source>Canned-response library</source>
        <translation>Biblioteca de respuestas predefinidas</translation>
    </message>
    <message numerus="yes">
        <source>The canned-response library has %n problem(s). Everything valid can be used; tell your supervisor or IT so the file can be fixed.</source>
        <translation>
            <numerusform>La biblioteca de respuestas predefinidas tiene %n problema. Todo lo que es válido se puede usar; avise a su supervisora o a informática para que corrijan el archivo.</numerusform>
            <numerusform>La biblioteca de respuestas predefinidas tiene %n problemas. Todo lo que es válido se puede usar; avise a su supervisora o a informática para que corrijan el archivo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::CannedPicker</name>
    <message>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>Where the canned responses come from</source>
        <translation>De dónde vienen las respuestas predefinidas</translation>
    </message>
    <message>
        <source>Search canned responses by title, text or shortcut</source>
        <translation>Buscar respuestas predefinidas por título, texto o atajo</translation>
    </message>
    <message>
        <source>Search (title, text or /shortcut)</source>
        <translation>Buscar (título, texto o /atajo)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Res&amp;ponses</source>
        <translation>Res&amp;puestas</translation>
    </message>
    <message>
        <source>Preview of the canned response</source>
        <translation>Vista previa de la respuesta predefinida</translation>
    </message>
    <message>
        <source>Notes on the canned response</source>
        <translation>Notas sobre la respuesta predefinida</translation>
    </message>
    <message>
        <source>&amp;Insert into message</source>
        <translation>&amp;Insertar en el mensaje</translation>
    </message>
    <message>
        <source>Insert into the message for editing (does not send)</source>
        <translation>Insertar en el mensaje para editarla (no la envía)</translation>
    </message>
    <message>
        <source>New personal entr&amp;y…</source>
        <translation>&amp;Nueva entrada personal…</translation>
    </message>
    <message>
        <source>New personal canned response for this shift</source>
        <translation>Nueva respuesta predefinida personal para este turno</translation>
    </message>
    <message>
        <source>Remove personal entry</source>
        <translation>Quitar la entrada personal</translation>
    </message>
    <message>
        <source>Remove this personal canned response</source>
        <translation>Quitar esta respuesta predefinida personal</translation>
    </message>
    <message>
        <source>Show the problems found in the canned-response library</source>
        <translation>Mostrar los problemas encontrados en la biblioteca de respuestas predefinidas</translation>
    </message>
    <message numerus="yes">
        <source>Library problems (%n)…</source>
        <translation>
            <numerusform>Problemas de la biblioteca (%n)…</numerusform>
            <numerusform>Problemas de la biblioteca (%n)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Program library: %n response(s).</source>
        <translation>
            <numerusform>Biblioteca del programa: %n respuesta.</numerusform>
            <numerusform>Biblioteca del programa: %n respuestas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in library (no program library is installed): %n response(s).</source>
        <translation>
            <numerusform>Biblioteca incorporada (no hay ninguna biblioteca del programa instalada): %n respuesta.</numerusform>
            <numerusform>Biblioteca incorporada (no hay ninguna biblioteca del programa instalada): %n respuestas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The program library could not be used, so the built-in one is shown (%n response(s)). Open “Library problems” to see why.</source>
        <translation>
            <numerusform>No se pudo usar la biblioteca del programa, así que se muestra la incorporada (%n respuesta). Abra “Problemas de la biblioteca” para ver por qué.</numerusform>
            <numerusform>No se pudo usar la biblioteca del programa, así que se muestra la incorporada (%n respuestas). Abra “Problemas de la biblioteca” para ver por qué.</numerusform>
        </translation>
    </message>
    <message>
        <source>No canned response matches.</source>
        <translation>Ninguna respuesta predefinida coincide.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
</context>
<context>
    <name>advocate::CannedQuickSearch</name>
    <message>
        <source>Canned responses matching “/%1”</source>
        <translation>Respuestas predefinidas que coinciden con “/%1”</translation>
    </message>
    <message>
        <source>No canned response matches. Keep typing, or press Esc to close this list.</source>
        <translation>Ninguna respuesta predefinida coincide. Siga escribiendo o pulse Esc para cerrar esta lista.</translation>
    </message>
    <message>
        <source>Enter puts it in the message for you to edit. Esc closes.</source>
        <translation>Intro la pone en el mensaje para que usted la edite. Esc cierra.</translation>
    </message>
    <message>
        <source>Canned responses matching the / search</source>
        <translation>Respuestas predefinidas que coinciden con la búsqueda con /</translation>
    </message>
    <message>
        <source>Canned response: %1</source>
        <translation>Respuesta predefinida: %1</translation>
    </message>
</context>
<context>
    <name>advocate::CannedText</name>
    <message>
        <source>There is no version in the chat&apos;s language (%1); the %2 text is shown.</source>
        <translation>No hay versión en el idioma del chat (%1); se muestra el texto en %2.</translation>
    </message>
    <message>
        <source>No value is set for %1: replace it before sending.</source>
        <translation>No hay ningún valor definido para %1: reemplácelo antes de enviar.</translation>
    </message>
    <message>
        <source>Unknown placeholder %1: replace it before sending.</source>
        <translation>Marcador desconocido %1: reemplácelo antes de enviar.</translation>
    </message>
</context>
<context>
    <name>advocate::Chat</name>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Survivor idle</source>
        <translation>Sobreviviente inactiva</translation>
    </message>
    <message>
        <source>Survivor disconnected</source>
        <translation>Sobreviviente desconectada</translation>
    </message>
    <message>
        <source>Left via quick exit</source>
        <translation>Salió con la salida rápida</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Sobreviviente</translation>
    </message>
    <message>
        <source>The survivor is connected again.</source>
        <translation>La sobreviviente está conectada de nuevo.</translation>
    </message>
    <message>
        <source>The survivor&apos;s connection dropped; they may come back.</source>
        <translation>Se cortó la conexión de la sobreviviente; puede que vuelva.</translation>
    </message>
    <message>
        <source>The survivor ended the chat.</source>
        <translation>La sobreviviente terminó el chat.</translation>
    </message>
    <message>
        <source>You ended the chat.</source>
        <translation>Usted terminó el chat.</translation>
    </message>
    <message>
        <source>The survivor left with quick exit.</source>
        <translation>La sobreviviente salió con la salida rápida.</translation>
    </message>
    <message>
        <source>The chat was closed after the survivor&apos;s silence.</source>
        <translation>El chat se cerró tras el silencio de la sobreviviente.</translation>
    </message>
    <message>
        <source>The chat ended because a connection did not come back in time.</source>
        <translation>El chat terminó porque una conexión no volvió a tiempo.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>%1 handed this chat to you. Read their handoff note before you reply.</source>
        <translation>%1 le ha traspasado este chat. Lea su nota de traspaso antes de responder.</translation>
    </message>
    <message>
        <source>This chat came back through the queue.</source>
        <translation>Este chat ha vuelto por la cola.</translation>
    </message>
    <message>
        <source>%1 passed this chat back to the queue; you are taking it over.</source>
        <translation>%1 devolvió este chat a la cola; ahora lo atiende usted.</translation>
    </message>
    <message>
        <source>This chat came back to the queue because its advocate (%1) lost the connection and did not return. The survivor may not know what happened.</source>
        <translation>Este chat volvió a la cola porque su persona defensora (%1) perdió la conexión y no regresó. Puede que la persona sobreviviente no sepa qué pasó.</translation>
    </message>
    <message>
        <source>Earlier advocate</source>
        <translation>Persona defensora anterior</translation>
    </message>
    <message>
        <source>%1 (before the handoff)</source>
        <translation>%1 (antes del traspaso)</translation>
    </message>
    <message>
        <source>the queue</source>
        <translation>la cola</translation>
    </message>
    <message>
        <source>You passed this chat back to the queue. The next advocate gets your note.</source>
        <translation>Devolvió este chat a la cola. La próxima persona defensora recibe su nota.</translation>
    </message>
    <message>
        <source>%1 accepted the handoff and answers the survivor now.</source>
        <translation>%1 aceptó el traspaso y ahora responde a la persona sobreviviente.</translation>
    </message>
    <message>
        <source>Handed on</source>
        <translation>Traspasado</translation>
    </message>
    <message>
        <source>You took this chat over from %1. The survivor was told a supervisor is answering now.</source>
        <translation>Tomó el control de este chat, que atendía %1. Se avisó a la sobreviviente de que ahora responde una persona supervisora.</translation>
    </message>
    <message>
        <source>%1 handed this chat back to you. The survivor was told you are answering again.</source>
        <translation>%1 le devolvió este chat. Se avisó a la sobreviviente de que usted vuelve a responder.</translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <translation>%1 (supervisión)</translation>
    </message>
    <message>
        <source>%1 answers this chat now.</source>
        <translation>Ahora %1 responde este chat.</translation>
    </message>
    <message>
        <source>%1 (supervisor) joined this chat; the survivor was told.</source>
        <translation>%1 (supervisión) se unió a este chat; se avisó a la sobreviviente.</translation>
    </message>
    <message>
        <source>%1 reads along and cannot write to the survivor.</source>
        <translation>%1 lee el chat, pero no puede escribir a la sobreviviente.</translation>
    </message>
    <message>
        <source>%1 (supervisor) reads along silently.</source>
        <translation>%1 (supervisión) lee el chat en silencio.</translation>
    </message>
    <message>
        <source>You answer this chat now.</source>
        <translation>Ahora usted responde este chat.</translation>
    </message>
    <message>
        <source>You joined this chat; the survivor was told a supervisor joined. You can write.</source>
        <translation>Se unió a este chat; se avisó a la sobreviviente de que se unió una persona supervisora. Puede escribir.</translation>
    </message>
    <message>
        <source>A supervisor took this chat over. You read along and cannot write to the survivor.</source>
        <translation>Una persona supervisora tomó el control de este chat. Usted lo lee, pero no puede escribir a la sobreviviente.</translation>
    </message>
    <message>
        <source>You read along silently. The survivor is not told; you cannot write to them.</source>
        <translation>Usted lee el chat en silencio. No se avisa a la sobreviviente; usted no puede escribirle.</translation>
    </message>
    <message>
        <source>You are no longer in this chat; %1 answers the survivor now.</source>
        <translation>Ya no está en este chat; ahora %1 responde a la sobreviviente.</translation>
    </message>
    <message>
        <source>%1 left this chat.</source>
        <translation>%1 salió de este chat.</translation>
    </message>
    <message>
        <source>Whisper from %1 — staff only, the survivor does not see it</source>
        <translation>Susurro de %1 — solo para el personal; la sobreviviente no lo ve</translation>
    </message>
    <message>
        <source>You asked a supervisor for help with this chat.</source>
        <translation>Pidió ayuda a supervisión con este chat.</translation>
    </message>
    <message>
        <source>You lowered your hand.</source>
        <translation>Retiró su pedido de ayuda.</translation>
    </message>
</context>
<context>
    <name>advocate::ChatPanel</name>
    <message>
        <source>%1 · %2 · language %3</source>
        <translation>%1 · %2 · idioma %3</translation>
    </message>
    <message>
        <source> · survivor is typing…</source>
        <translation> · la sobreviviente está escribiendo…</translation>
    </message>
    <message>
        <source>No chat selected. Take the next chat from the queue.</source>
        <translation>No hay ningún chat seleccionado. Tome el siguiente chat de la cola.</translation>
    </message>
    <message>
        <source>Safety c&amp;heck (given)</source>
        <translation>Pregunta de &amp;seguridad (hecha)</translation>
    </message>
    <message>
        <source>Safety c&amp;heck</source>
        <translation>Pregunta de &amp;seguridad</translation>
    </message>
    <message>
        <source>Con&amp;fidentiality notice (given)</source>
        <translation>Aviso de con&amp;fidencialidad (dado)</translation>
    </message>
    <message>
        <source>Con&amp;fidentiality notice</source>
        <translation>Aviso de con&amp;fidencialidad</translation>
    </message>
    <message>
        <source>Notice: given</source>
        <translation>Aviso: dado</translation>
    </message>
    <message>
        <source>Notice: not given yet</source>
        <translation>Aviso: todavía no dado</translation>
    </message>
    <message>
        <source>The survivor has been silent for a while. You can send one check-in.</source>
        <translation>La sobreviviente lleva un rato en silencio. Puede enviar una consulta.</translation>
    </message>
    <message>
        <source>Still no answer. You can close the chat with the closing message.</source>
        <translation>Sigue sin respuesta. Puede cerrar el chat con el mensaje de cierre.</translation>
    </message>
    <message>
        <source>Current chat</source>
        <translation>Chat actual</translation>
    </message>
    <message>
        <source>Survivor silence</source>
        <translation>Silencio de la sobreviviente</translation>
    </message>
    <message>
        <source>Send &amp;check-in</source>
        <translation>Enviar &amp;consulta</translation>
    </message>
    <message>
        <source>Send check-in</source>
        <translation>Enviar consulta</translation>
    </message>
    <message>
        <source>C&amp;lose chat</source>
        <translation>Ce&amp;rrar chat</translation>
    </message>
    <message>
        <source>Close chat after silence</source>
        <translation>Cerrar el chat tras el silencio</translation>
    </message>
    <message>
        <source>Reminder about the confidentiality notice</source>
        <translation>Recordatorio del aviso de confidencialidad</translation>
    </message>
    <message>
        <source>Insert the &amp;notice</source>
        <translation>Insertar el &amp;aviso</translation>
    </message>
    <message>
        <source>Insert the confidentiality and mandatory-reporting notice for editing</source>
        <translation>Insertar el aviso de confidencialidad y obligación de informar para editarlo</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>Recordármelo &amp;luego</translation>
    </message>
    <message>
        <source>Remind me later about the notice</source>
        <translation>Recordarme el aviso más tarde</translation>
    </message>
    <message>
        <source>Confidentiality notice status</source>
        <translation>Estado del aviso de confidencialidad</translation>
    </message>
    <message>
        <source>Insert the safety check</source>
        <translation>Insertar la pregunta de seguridad</translation>
    </message>
    <message>
        <source>Insert the confidentiality and mandatory-reporting notice</source>
        <translation>Insertar el aviso de confidencialidad y de denuncia obligatoria</translation>
    </message>
    <message>
        <source>Code word for this chat (kept in memory only)</source>
        <translation>Palabra clave de este chat (solo en memoria)</translation>
    </message>
    <message>
        <source>Code word</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <source>You offered this chat to a colleague. It stays yours until they accept.</source>
        <translation>Ofreció este chat a otra persona del equipo. Sigue siendo suyo hasta que lo acepte.</translation>
    </message>
    <message>
        <source>Handoff note from %1:
%2</source>
        <translation>Nota de traspaso de %1:
%2</translation>
    </message>
    <message>
        <source>Hand on to a collea&amp;gue…</source>
        <translation>Traspasar a una cole&amp;ga…</translation>
    </message>
    <message>
        <source>Hand this chat on to a colleague, the supervisors or the queue</source>
        <translation>Traspasar este chat a otra persona del equipo, a supervisión o a la cola</translation>
    </message>
    <message>
        <source>&amp;Withdraw the offer</source>
        <translation>&amp;Quitar la oferta</translation>
    </message>
    <message>
        <source>Withdraw the offer of this chat</source>
        <translation>Retirar la oferta de este chat</translation>
    </message>
    <message>
        <source>Handoff offer</source>
        <translation>Oferta de traspaso</translation>
    </message>
    <message>
        <source>Handoff note</source>
        <translation>Nota de traspaso</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>Susurro</translation>
    </message>
    <message>
        <source>A note only the staff in this chat see. The survivor never sees it.</source>
        <translation>Una nota que solo ve el personal de este chat. La sobreviviente nunca la ve.</translation>
    </message>
    <message>
        <source>you joined</source>
        <translation>usted se unió</translation>
    </message>
    <message>
        <source>you read along silently</source>
        <translation>usted lee en silencio</translation>
    </message>
    <message>
        <source>you read along</source>
        <translation>usted solo lee</translation>
    </message>
    <message>
        <source>Ask a supervisor</source>
        <translation>Pedir ayuda a supervisión</translation>
    </message>
    <message>
        <source>Ask a supervisor for help with this chat (Ctrl+Shift+H)</source>
        <translation>Pedir ayuda a supervisión con este chat (Ctrl+Mayús+H)</translation>
    </message>
    <message>
        <source>Whisper…</source>
        <translation>Susurrar…</translation>
    </message>
    <message>
        <source>Whisper to the staff in this chat; the survivor never sees it</source>
        <translation>Susurrar al personal de este chat; la sobreviviente nunca lo ve</translation>
    </message>
    <message>
        <source>Leave chat</source>
        <translation>Salir del chat</translation>
    </message>
    <message>
        <source>Leave this chat; the advocate keeps it</source>
        <translation>Salir de este chat; la persona defensora lo conserva</translation>
    </message>
    <message>
        <source> · %1 is typing…</source>
        <translation> · %1 está escribiendo…</translation>
    </message>
</context>
<context>
    <name>advocate::ClientSession</name>
    <message>
        <source>The relay address must start with wss:// or ws://.</source>
        <translation>La dirección del relé debe empezar por wss:// o ws://.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again later or ask your supervisor.</source>
        <translation>Esta cuenta está bloqueada tras demasiados intentos fallidos. Inténtelo más tarde o consulte a su supervisora.</translation>
    </message>
    <message>
        <source>The relay cannot be reached. Check the network connection or ask IT.</source>
        <translation>No se puede contactar con el relé. Compruebe la conexión de red o consulte a informática.</translation>
    </message>
    <message>
        <source>The relay&apos;s security certificate could not be verified, so the connection was not made. Ask IT.</source>
        <translation>No se pudo verificar el certificado de seguridad del relé, así que no se estableció la conexión. Consulte a informática.</translation>
    </message>
    <message>
        <source>This workstation and the relay speak different protocol versions. Ask IT to update.</source>
        <translation>Este puesto y el relé usan versiones distintas del protocolo. Pida a informática que actualice.</translation>
    </message>
    <message>
        <source>Your session on the relay has ended. Please sign in again.</source>
        <translation>Su sesión en el relé ha terminado. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>The relay answered in a way this workstation does not understand. Ask IT.</source>
        <translation>El relé respondió de una forma que este puesto no entiende. Consulte a informática.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier message(s) in this chat could not be fetched: the relay had already deleted them to stay within its memory limit.</source>
        <translation>
            <numerusform>No se pudo recuperar %n mensaje anterior de este chat: el relé ya lo había eliminado para no superar su límite de memoria.</numerusform>
            <numerusform>No se pudieron recuperar %n mensajes anteriores de este chat: el relé ya los había eliminado para no superar su límite de memoria.</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay&apos;s certificate does not match the one your IT department pinned, so the connection was not made and nothing was sent. Someone may be intercepting the connection. Tell IT now.</source>
        <translation>El certificado del relé no coincide con el que fijó su departamento de informática, así que no se estableció la conexión y no se envió nada. Es posible que alguien esté interceptando la conexión. Avise a informática ahora.</translation>
    </message>
</context>
<context>
    <name>advocate::ComposePanel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Message length and limit</source>
        <translation>Longitud del mensaje y límite</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>En&amp;viar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>&amp;End chat</source>
        <translation>T&amp;erminar chat</translation>
    </message>
    <message>
        <source>End this chat</source>
        <translation>Terminar este chat</translation>
    </message>
</context>
<context>
    <name>advocate::Composer</name>
    <message>
        <source>Message to the survivor</source>
        <translation>Mensaje para la sobreviviente</translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter starts a new line, Esc leaves. Type / to search canned responses.</source>
        <translation>Escriba un mensaje. Intro envía, Mayús+Intro empieza una línea nueva, Esc sale. Escriba / para buscar respuestas predefinidas.</translation>
    </message>
</context>
<context>
    <name>advocate::ConversationDelegate</name>
    <message>
        <source>99+</source>
        <translation>99+</translation>
    </message>
</context>
<context>
    <name>advocate::ConversationListModel</name>
    <message>
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source> · %n unread</source>
        <translation>
            <numerusform> · %n sin leer</numerusform>
            <numerusform> · %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source> · survivor wrote %1 min ago</source>
        <translation> · la sobreviviente escribió hace %1 min</translation>
    </message>
    <message>
        <source>Chat %1 · %2</source>
        <translation>Chat %1 · %2</translation>
    </message>
</context>
<context>
    <name>advocate::DraftWarningsPanel</name>
    <message>
        <source>Fix: %1</source>
        <translation>Corregir: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more suggestion(s).</source>
        <translation>
            <numerusform>%n sugerencia más.</numerusform>
            <numerusform>%n sugerencias más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for this message; sending is still possible.</source>
        <translation>
            <numerusform>%n sugerencia para este mensaje; aun así puede enviarlo.</numerusform>
            <numerusform>%n sugerencias para este mensaje; aun así puede enviarlo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::EndShiftDialog</name>
    <message>
        <source>End shift</source>
        <translation>Terminar turno</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Open chats</source>
        <translation>Chats abiertos</translation>
    </message>
    <message>
        <source>Reason for ending the shift with open chats</source>
        <translation>Motivo para terminar el turno con chats abiertos</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>End shift &amp;anyway</source>
        <translation>Terminar el turno &amp;de todos modos</translation>
    </message>
    <message>
        <source>End shift anyway</source>
        <translation>Terminar el turno de todos modos</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Seguir trabajando</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Seguir trabajando</translation>
    </message>
    <message>
        <source>Why the shift ends with open chats</source>
        <translation>Por qué el turno termina con chats abiertos</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <source>The relay is down or unreachable</source>
        <translation>El relé no funciona o no se puede alcanzar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>What is recorded where: the relay&apos;s audit log records that you ended the shift with open chats, when, the category and how many chats were open, but not your typed reason. The typed reason is kept only in this shift&apos;s encrypted log on this computer, which is wiped when the shift ends.</source>
        <translation>Qué se registra y dónde: el registro de auditoría del relé anota que terminó el turno con chats abiertos, cuándo, la categoría y cuántos chats estaban abiertos, pero no el motivo que escribió. El motivo escrito se guarda solo en el registro cifrado de este turno en esta computadora, que se borra al terminar el turno.</translation>
    </message>
    <message>
        <source>What is recorded where</source>
        <translation>Qué se registra y dónde</translation>
    </message>
    <message>
        <source>&amp;Hand them on…</source>
        <translation>&amp;Pasarlos a otra persona…</translation>
    </message>
    <message>
        <source>Hand the open chats on</source>
        <translation>Traspasar los chats abiertos</translation>
    </message>
    <message>
        <source>These chats are still open: %1.
Hand each on to a colleague, the supervisors or the queue (the shift can end once every chat has been accepted elsewhere or closed), or end it with the survivor. In an emergency you can end the shift anyway: pick a category and type the reason below. The open chats then go back to the front of the queue, and their survivors are told.</source>
        <translation>Estos chats siguen abiertos: %1.
Traspase cada uno a otra persona del equipo, a supervisión o a la cola (el turno puede terminar cuando cada chat se haya aceptado en otro lugar o se haya cerrado), o termínelo con la persona sobreviviente. En una emergencia puede terminar el turno de todos modos: elija una categoría y escriba el motivo abajo. Los chats abiertos vuelven entonces al principio de la cola y se avisa a sus personas sobrevivientes.</translation>
    </message>
</context>
<context>
    <name>advocate::HandoffDialog</name>
    <message>
        <source>Hand on %1</source>
        <translation>Traspasar %1</translation>
    </message>
    <message>
        <source>The chat stays yours until a colleague accepts it. Write what the next person needs; leave out anything that identifies the survivor.</source>
        <translation>El chat sigue siendo suyo hasta que otra persona lo acepte. Escriba lo que la siguiente persona necesita; deje fuera todo lo que identifique a la persona sobreviviente.</translation>
    </message>
    <message>
        <source>To a &amp;colleague:</source>
        <translation>A una &amp;persona del equipo:</translation>
    </message>
    <message>
        <source>Colleague on shift</source>
        <translation>Persona del equipo de turno</translation>
    </message>
    <message>
        <source>To the &amp;supervisors on shift</source>
        <translation>A la &amp;supervisión de turno</translation>
    </message>
    <message>
        <source>Back to the &amp;queue (first in line for the next advocate)</source>
        <translation>De vuelta a la &amp;cola (primera en la fila para la próxima persona defensora)</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>What was &amp;promised</source>
        <translation>Lo que se pro&amp;metió</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>Pró&amp;ximo paso</translation>
    </message>
    <message>
        <source>Code word (moves with the chat, kept in memory only)</source>
        <translation>Palabra clave (va con el chat, solo en memoria)</translation>
    </message>
    <message>
        <source>Code &amp;word:</source>
        <translation>Pala&amp;bra clave:</translation>
    </message>
    <message>
        <source>Length of the note</source>
        <translation>Longitud de la nota</translation>
    </message>
    <message>
        <source>&amp;Offer the chat</source>
        <translation>&amp;Ofrecer el chat</translation>
    </message>
    <message>
        <source>Offer the chat</source>
        <translation>Ofrecer el chat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the handoff</source>
        <translation>Cancelar el traspaso</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisión</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>persona defensora</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %3, %n chat(s))</source>
        <translation>
            <numerusform>%1 (%2, %3, %n chat)</numerusform>
            <numerusform>%1 (%2, %3, %n chats)</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1 of %2 characters</source>
        <translation>Nota: %1 de %2 caracteres</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit. Shorten it.</source>
        <translation>La nota tiene %1 caracteres; caben como máximo %2. Acórtela.</translation>
    </message>
    <message>
        <source>No colleague is on shift right now. Offer the chat to the supervisors or the queue.</source>
        <translation>No hay nadie más del equipo de turno ahora. Ofrezca el chat a supervisión o a la cola.</translation>
    </message>
    <message>
        <source>Safety conce&amp;rns</source>
        <translation>Preocupaciones de se&amp;guridad</translation>
    </message>
</context>
<context>
    <name>advocate::Handoffs</name>
    <message>
        <source>Shift log from %1: %2</source>
        <translation>Registro del turno de %1: %2</translation>
    </message>
    <message>
        <source>%1 declined the handoff. The chat is still yours.</source>
        <translation>%1 rechazó el traspaso. El chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>Nobody accepted the handoff in time. The chat is still yours.</source>
        <translation>Nadie aceptó el traspaso a tiempo. El chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>You withdrew the handoff. The chat is still yours.</source>
        <translation>Retiró el traspaso. El chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>The colleague you offered the chat to went off shift. The chat is still yours.</source>
        <translation>La persona a la que ofreció el chat dejó el turno. El chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>That colleague is not on shift now. Pick someone else, the supervisors or the queue.</source>
        <translation>Esa persona no está de turno ahora. Elija a otra persona, a supervisión o la cola.</translation>
    </message>
    <message>
        <source>You already have as many chats as you may. End or hand on one first.</source>
        <translation>Ya tiene tantos chats como puede. Termine o traspase uno primero.</translation>
    </message>
    <message>
        <source>That colleague already has as many chats as they may.</source>
        <translation>Esa persona ya tiene tantos chats como puede.</translation>
    </message>
    <message>
        <source>That offer no longer stands: it was withdrawn, taken or it expired.</source>
        <translation>Esa oferta ya no está vigente: se retiró, otra persona la tomó o caducó.</translation>
    </message>
    <message>
        <source>An offer for this chat is already waiting for an answer.</source>
        <translation>Ya hay una oferta de este chat esperando respuesta.</translation>
    </message>
    <message>
        <source>The relay refused the handoff.</source>
        <translation>El relé rechazó el traspaso.</translation>
    </message>
</context>
<context>
    <name>advocate::LockScreen</name>
    <message>
        <source>That password is not right.</source>
        <translation>Esa contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Advocate Desk is locked. Chats stay connected. Enter your password to continue.</source>
        <translation>Advocate Desk está bloqueado. Los chats siguen conectados. Escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Alerts while locked</source>
        <translation>Avisos mientras está bloqueado</translation>
    </message>
    <message>
        <source>Password to unlock</source>
        <translation>Contraseña para desbloquear</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>Problema al desbloquear</translation>
    </message>
</context>
<context>
    <name>advocate::MainMenus</name>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Turno</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;End shift…</source>
        <translation>&amp;Terminar turno…</translation>
    </message>
    <message>
        <source>Shift log for the ne&amp;xt shift…</source>
        <translation>Nota para el pró&amp;ximo turno…</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Canned responses</source>
        <translation>&amp;Respuestas predefinidas</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Start a &amp;practice chat…</source>
        <translation>Iniciar un chat de &amp;práctica…</translation>
    </message>
</context>
<context>
    <name>advocate::MainWindow</name>
    <message>
        <source>Relay connection status</source>
        <translation>Estado de la conexión con el relé</translation>
    </message>
    <message numerus="yes">
        <source>You are at your limit of %n chat(s).</source>
        <translation>
            <numerusform>Ha llegado a su límite de %n chat.</numerusform>
            <numerusform>Ha llegado a su límite de %n chats.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is waiting right now.</source>
        <translation>Ahora no hay nadie esperando.</translation>
    </message>
    <message>
        <source>That message is longer than the relay allows.</source>
        <translation>Ese mensaje es más largo de lo que permite el relé.</translation>
    </message>
    <message>
        <source>The shift cache reported a problem: %1</source>
        <translation>La caché del turno informó de un problema: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Sin sesión iniciada.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Connected as %1.</source>
        <translation>Conectado como %1.</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting… Your messages are kept and will be sent.</source>
        <translation>Se perdió la conexión. Reconectando… Sus mensajes se guardan y se enviarán.</translation>
    </message>
    <message>
        <source>Ending the shift and wiping the cache…</source>
        <translation>Terminando el turno y borrando la caché…</translation>
    </message>
    <message numerus="yes">
        <source>Shift ended. The shift cache was wiped: %n file(s) overwritten and removed, key deleted.</source>
        <translation>
            <numerusform>Turno terminado. Se borró la caché del turno: %n archivo sobrescrito y eliminado, clave eliminada.</numerusform>
            <numerusform>Turno terminado. Se borró la caché del turno: %n archivos sobrescritos y eliminados, clave eliminada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift ended, but the wipe did not complete: %1 It will be finished at the next start.</source>
        <translation>El turno terminó, pero el borrado no se completó: %1 Se terminará en el próximo inicio.</translation>
    </message>
    <message>
        <source>The canned-response library has problems; what is valid can be used. See Tools → Canned responses → Library problems.</source>
        <translation>La biblioteca de respuestas predefinidas tiene problemas; se puede usar lo que es válido. Vea Herramientas → Respuestas predefinidas → Problemas de la biblioteca.</translation>
    </message>
    <message numerus="yes">
        <source>Your shift reaches the program&apos;s maximum length in %n minute(s). Then the shift ends, open chats end, and the shift cache is wiped. Finish or end your chats before then.</source>
        <translation>
            <numerusform>Su turno llega a la duración máxima del programa en %n minuto. Entonces el turno termina, los chats abiertos terminan y se borra la caché del turno. Termine sus chats antes.</numerusform>
            <numerusform>Su turno llega a la duración máxima del programa en %n minutos. Entonces el turno termina, los chats abiertos terminan y se borra la caché del turno. Termine sus chats antes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shift reached the program&apos;s maximum length. %1</source>
        <translation>El turno llegó a la duración máxima del programa. %1</translation>
    </message>
    <message>
        <source>A new shift has started.</source>
        <translation>Ha empezado un turno nuevo.</translation>
    </message>
    <message>
        <source>The relay refused that: it is not possible in this chat now, or the program does not allow it.</source>
        <translation>El relé lo rechazó: ahora no es posible en este chat o el programa no lo permite.</translation>
    </message>
    <message>
        <source>This contact cannot be blocked: other people reach the chat from the same address (through the program&apos;s proxy or a shared network), and a block would turn them away too. The chat goes on; end it if you need to.</source>
        <translation>No se puede bloquear este contacto: otras personas llegan al chat desde la misma dirección (a través del proxy del programa o de una red compartida) y un bloqueo también las dejaría fuera. El chat continúa; termínelo si lo necesita.</translation>
    </message>
    <message>
        <source>Blocking is switched off in this program&apos;s settings. The chat goes on; end it if you need to.</source>
        <translation>El bloqueo está desactivado en la configuración de este programa. El chat continúa; termínelo si lo necesita.</translation>
    </message>
</context>
<context>
    <name>advocate::MessageDelegate</name>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Failed: press Enter to retry</source>
        <translation>Falló: pulse Intro para reintentar</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
</context>
<context>
    <name>advocate::Notifier</name>
    <message>
        <source>Advocate Desk</source>
        <translation>Advocate Desk</translation>
    </message>
    <message>
        <source>New chat waiting</source>
        <translation>Nuevo chat en espera</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nuevo mensaje</translation>
    </message>
    <message>
        <source>Advocate Desk: %1</source>
        <translation>Advocate Desk: %1</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Shift ending soon</source>
        <translation>El turno termina pronto</translation>
    </message>
    <message>
        <source>A colleague asks for a supervisor</source>
        <translation>Una persona del equipo pide ayuda a supervisión</translation>
    </message>
    <message>
        <source>A colleague ended a shift with chats open</source>
        <translation>Una persona del equipo terminó su turno con chats abiertos</translation>
    </message>
</context>
<context>
    <name>advocate::OfferPanel</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Safety concerns</source>
        <translation>Preocupaciones de seguridad</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Lo que se prometió</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>A code word comes with the chat.</source>
        <translation>El chat trae una palabra clave.</translation>
    </message>
    <message>
        <source>%1 asks the supervisors to take a chat</source>
        <translation>%1 pide a supervisión que tome un chat</translation>
    </message>
    <message>
        <source>%1 offers you a chat</source>
        <translation>%1 le ofrece un chat</translation>
    </message>
    <message>
        <source>%1 (language %2).</source>
        <translation>%1 (idioma %2).</translation>
    </message>
    <message>
        <source>The survivor asked to be called “%1”.</source>
        <translation>La persona sobreviviente pidió que la llamen «%1».</translation>
    </message>
    <message>
        <source>The chat stays with them until you accept.</source>
        <translation>El chat sigue con esa persona hasta que usted lo acepte.</translation>
    </message>
    <message numerus="yes">
        <source>%n more offer(s) waiting.</source>
        <translation>
            <numerusform>%n oferta más esperando.</numerusform>
            <numerusform>%n ofertas más esperando.</numerusform>
        </translation>
    </message>
    <message>
        <source>No handoff note was written.</source>
        <translation>No se escribió ninguna nota de traspaso.</translation>
    </message>
    <message>
        <source>Chat offered to you</source>
        <translation>Chat que le ofrecen</translation>
    </message>
    <message>
        <source>Handoff note</source>
        <translation>Nota de traspaso</translation>
    </message>
    <message>
        <source>Accept and take o&amp;ver</source>
        <translation>Aceptar, lo atiendo &amp;yo</translation>
    </message>
    <message>
        <source>Accept the chat offered to you</source>
        <translation>Aceptar el chat que le ofrecen</translation>
    </message>
    <message>
        <source>Decline the chat offered to you</source>
        <translation>Rechazar el chat que le ofrecen</translation>
    </message>
    <message>
        <source>Don&apos;t ta&amp;ke it</source>
        <translation>Recha&amp;zar</translation>
    </message>
</context>
<context>
    <name>advocate::Persona</name>
    <message>
        <source>%1: unknown key “%2”.</source>
        <translation>%1: clave desconocida «%2».</translation>
    </message>
    <message>
        <source>%1: “%2” is missing.</source>
        <translation>%1: falta «%2».</translation>
    </message>
    <message>
        <source>%1: “%2” must be a text that is not empty.</source>
        <translation>%1: «%2» debe ser un texto no vacío.</translation>
    </message>
    <message>
        <source>%1: “%2” must be true or false.</source>
        <translation>%1: «%2» debe ser true o false.</translation>
    </message>
    <message>
        <source>%1: “%2” must be a number of seconds from 0 to 3600%3.</source>
        <translation>%1: «%2» debe ser un número de segundos de 0 a 3600%3.</translation>
    </message>
    <message>
        <source>, more than 0</source>
        <translation>, mayor que 0</translation>
    </message>
    <message>
        <source>%1: “%2” must be a list.</source>
        <translation>%1: «%2» debe ser una lista.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <source>%1: must be an object with a “text”.</source>
        <translation>%1: debe ser un objeto con «text».</translation>
    </message>
    <message>
        <source>%1: “text” is longer than %2 characters.</source>
        <translation>%1: «text» tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>branch %1</source>
        <translation>rama %1</translation>
    </message>
    <message>
        <source>%1: must be an object with “when” and “next”.</source>
        <translation>%1: debe ser un objeto con «when» y «next».</translation>
    </message>
    <message>
        <source>%1: “when” must be safety_check, notice, keywords, any_reply or silence, not “%2”.</source>
        <translation>%1: «when» debe ser safety_check, notice, keywords, any_reply o silence, no «%2».</translation>
    </message>
    <message>
        <source>%1: every keyword must be a text that is not empty.</source>
        <translation>%1: cada palabra clave debe ser un texto no vacío.</translation>
    </message>
    <message>
        <source>%1: “keywords” must name at least one keyword.</source>
        <translation>%1: «keywords» debe indicar al menos una palabra clave.</translation>
    </message>
    <message>
        <source>%1: “keywords” belongs only to a keywords branch.</source>
        <translation>%1: «keywords» solo corresponde a una rama keywords.</translation>
    </message>
    <message>
        <source>%1: “seconds” belongs only to a silence branch.</source>
        <translation>%1: «seconds» solo corresponde a una rama silence.</translation>
    </message>
    <message>
        <source>Step %1 must be an object with an “id”.</source>
        <translation>El paso %1 debe ser un objeto con «id».</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>el paso</translation>
    </message>
    <message>
        <source>the step must say what happens after its lines with exactly one of “next”, “await” or “event”.</source>
        <translation>el paso debe indicar qué pasa después de sus líneas con exactamente uno de «next», «await» o «event».</translation>
    </message>
    <message>
        <source>“await” must list at least one branch.</source>
        <translation>«await» debe tener al menos una rama.</translation>
    </message>
    <message>
        <source>“await” may have at most one silence branch.</source>
        <translation>«await» puede tener como máximo una rama silence.</translation>
    </message>
    <message>
        <source>“seconds” belongs only to a disconnect event.</source>
        <translation>«seconds» solo corresponde a un evento disconnect.</translation>
    </message>
    <message>
        <source>“event” must be disconnect, quick_exit, end or wait, not “%1”.</source>
        <translation>«event» debe ser disconnect, quick_exit, end o wait, no «%1».</translation>
    </message>
    <message>
        <source>“next” after the event “%1” is never reached; only disconnect goes on.</source>
        <translation>nunca se llega a «next» después del evento «%1»; solo disconnect continúa.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, step “%2”: %3</source>
        <translation>%1, paso «%2»: %3</translation>
    </message>
    <message>
        <source>cannot be read (%1).</source>
        <translation>no se puede leer (%1).</translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at byte %2).</source>
        <translation>no es JSON válido (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>must hold one JSON object.</source>
        <translation>debe contener un objeto JSON.</translation>
    </message>
    <message>
        <source>the persona</source>
        <translation>el personaje</translation>
    </message>
    <message>
        <source>“format” is missing (this version reads format 1).</source>
        <translation>falta «format» (esta versión lee el formato 1).</translation>
    </message>
    <message>
        <source>format %1 is not supported (this version reads format 1).</source>
        <translation>el formato %1 no se admite (esta versión lee el formato 1).</translation>
    </message>
    <message>
        <source>“name” must be lowercase letters, digits and single hyphens, like monitored-phone.</source>
        <translation>«name» debe tener letras minúsculas, dígitos y guiones sueltos, como monitored-phone.</translation>
    </message>
    <message>
        <source>“language” must be en or es, the languages whose advocate wordings are recognized.</source>
        <translation>«language» debe ser en o es, los idiomas en los que se reconocen las frases del personal.</translation>
    </message>
    <message>
        <source>the file must be named %1 after its name and language.</source>
        <translation>el archivo debe llamarse %1, según su nombre e idioma.</translation>
    </message>
    <message>
        <source>“steps” must list at least one step.</source>
        <translation>«steps» debe tener al menos un paso.</translation>
    </message>
    <message>
        <source>another step has the same id.</source>
        <translation>otro paso tiene el mismo id.</translation>
    </message>
    <message>
        <source>goes on to the unknown step “%1”.</source>
        <translation>sigue con el paso desconocido «%1».</translation>
    </message>
    <message>
        <source>is never reached from the first step.</source>
        <translation>nunca se llega a él desde el primer paso.</translation>
    </message>
    <message>
        <source>goes round in a loop of “next” steps that never waits for the advocate.</source>
        <translation>da vueltas en un ciclo de pasos «next» que nunca espera al personal.</translation>
    </message>
    <message>
        <source>differs from %1: %2</source>
        <translation>difiere de %1: %2</translation>
    </message>
    <message>
        <source>the steps must be the same, in the same order (%1 here, %2 there).</source>
        <translation>los pasos deben ser los mismos y en el mismo orden (aquí %1, allí %2).</translation>
    </message>
    <message>
        <source>%1 lines here, %2 there.</source>
        <translation>%1 líneas aquí, %2 allí.</translation>
    </message>
    <message>
        <source>line %1 is marked differently (disclosure, abusive).</source>
        <translation>la línea %1 está marcada de otra forma (disclosure, abusive).</translation>
    </message>
    <message>
        <source>what happens after the lines is not the same.</source>
        <translation>lo que pasa después de las líneas no es lo mismo.</translation>
    </message>
    <message>
        <source>%1 branches here, %2 there.</source>
        <translation>%1 ramas aquí, %2 allí.</translation>
    </message>
    <message>
        <source>branch %1 is not the same (when, next or seconds).</source>
        <translation>la rama %1 no es la misma (when, next o seconds).</translation>
    </message>
</context>
<context>
    <name>advocate::PersonalEntryDialog</name>
    <message>
        <source>New personal canned response</source>
        <translation>Nueva respuesta predefinida personal</translation>
    </message>
    <message>
        <source>This response is yours for this shift only. It is kept in the encrypted shift cache and erased when the shift ends. Language: %1.</source>
        <translation>Esta respuesta es solo suya y solo para este turno. Se guarda en la caché cifrada del turno y se borra al terminar el turno. Idioma: %1.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Shortcut (optional), typed after / in the message</source>
        <translation>Atajo (opcional), que se escribe después de / en el mensaje</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Problems with this entry</source>
        <translation>Problemas con esta entrada</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Shortcut:</source>
        <translation>&amp;Atajo:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xto:</translation>
    </message>
    <message>
        <source>Save the personal response</source>
        <translation>Guardar la respuesta personal</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
</context>
<context>
    <name>advocate::PracticeBanner</name>
    <message>
        <source>Practice — Advocate Desk</source>
        <translation>Práctica — Advocate Desk</translation>
    </message>
    <message>
        <source>Advocate Desk</source>
        <translation>Advocate Desk</translation>
    </message>
    <message>
        <source>Practice mode</source>
        <translation>Modo de práctica</translation>
    </message>
    <message>
        <source>Practice banner</source>
        <translation>Aviso de práctica</translation>
    </message>
    <message>
        <source>Practice — not a real survivor</source>
        <translation>Práctica — no es una persona sobreviviente real</translation>
    </message>
    <message>
        <source>This relay runs a practice program: every survivor in it is scripted, for training.</source>
        <translation>Este relé ejecuta un programa de práctica: cada sobreviviente es ficticio, para la formación.</translation>
    </message>
</context>
<context>
    <name>advocate::PracticeChatDialog</name>
    <message>
        <source>Start a practice chat</source>
        <translation>Iniciar un chat de práctica</translation>
    </message>
    <message>
        <source>A scripted survivor joins the queue of this practice relay, like any survivor. Take the next chat yourself, or let the trainee take it; a supervisor can watch, whisper and take over as in a live chat.</source>
        <translation>Una persona sobreviviente simulada entra en la cola de este relé de práctica, como cualquier sobreviviente. Atienda usted el siguiente chat o deje que lo atienda la persona en formación; una persona supervisora puede observar, susurrar y tomar el control como en un chat real.</translation>
    </message>
    <message>
        <source>The survivor&apos;s language</source>
        <translation>El idioma de la persona sobreviviente</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Scripted survivors</source>
        <translation>Personas sobrevivientes simuladas</translation>
    </message>
    <message>
        <source>Practice chats started here</source>
        <translation>Chats de práctica iniciados aquí</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>I&amp;niciar</translation>
    </message>
    <message>
        <source>Start the selected scripted survivor</source>
        <translation>Iniciar la persona sobreviviente simulada seleccionada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Practice chats start only on a practice relay.</source>
        <translation>Los chats de práctica solo se inician en un relé de práctica.</translation>
    </message>
    <message>
        <source>No practice chat started here is running.</source>
        <translation>No hay ningún chat de práctica iniciado aquí en curso.</translation>
    </message>
    <message>
        <source>Scripted s&amp;urvivors:</source>
        <translation>Personas &amp;sobrevivientes simuladas:</translation>
    </message>
    <message>
        <source>%1 (%2) is waiting in the queue. Practice chats started here and still running: %3.</source>
        <translation>%1 (%2) espera en la cola. Chats de práctica iniciados aquí y todavía en curso: %3.</translation>
    </message>
</context>
<context>
    <name>advocate::PracticeReportPanel</name>
    <message>
        <source>The trainee&apos;s chat opened at %1 is over. What happened, against what the program expects:</source>
        <translation>El chat de la persona en formación abierto a las %1 ha terminado. Lo que pasó, frente a lo que espera el programa:</translation>
    </message>
    <message>
        <source>This practice chat opened at %1 is over. What happened, against what the program expects:</source>
        <translation>Este chat de práctica abierto a las %1 ha terminado. Lo que pasó, frente a lo que espera el programa:</translation>
    </message>
    <message>
        <source>The trainee&apos;s chat opened at %1, so far (times after it opened):</source>
        <translation>El chat de la persona en formación abierto a las %1, hasta ahora (tiempos desde que se abrió):</translation>
    </message>
    <message>
        <source>This practice chat opened at %1, so far (times after it opened):</source>
        <translation>Este chat de práctica abierto a las %1, hasta ahora (tiempos desde que se abrió):</translation>
    </message>
    <message>
        <source>First reply: %1 after the survivor&apos;s first message (sent at %2).</source>
        <translation>Primera respuesta: %1 después del primer mensaje de la persona sobreviviente (enviada a los %2).</translation>
    </message>
    <message>
        <source>First reply: none yet; the survivor first wrote at %1.</source>
        <translation>Primera respuesta: todavía ninguna; la persona sobreviviente escribió por primera vez a los %1.</translation>
    </message>
    <message>
        <source>First reply: the survivor has not written yet.</source>
        <translation>Primera respuesta: la persona sobreviviente todavía no ha escrito.</translation>
    </message>
    <message>
        <source>Safety check: given at %1.</source>
        <translation>Pregunta de seguridad: hecha a los %1.</translation>
    </message>
    <message>
        <source>Safety check: not given.</source>
        <translation>Pregunta de seguridad: no se hizo.</translation>
    </message>
    <message>
        <source>Confidentiality notice: not given; the survivor disclosed nothing it is needed for.</source>
        <translation>Aviso de confidencialidad: no se dio; la persona sobreviviente no reveló nada que lo requiera.</translation>
    </message>
    <message>
        <source>Confidentiality notice: given at %1; no disclosure followed.</source>
        <translation>Aviso de confidencialidad: dado a los %1; no hubo ninguna revelación después.</translation>
    </message>
    <message>
        <source>Confidentiality notice: given at %1, before the disclosure at %2. Good.</source>
        <translation>Aviso de confidencialidad: dado a los %1, antes de la revelación a los %2. Bien.</translation>
    </message>
    <message>
        <source>Confidentiality notice: given at %1, after the disclosure at %2. Give it before.</source>
        <translation>Aviso de confidencialidad: dado a los %1, después de la revelación a los %2. Hay que darlo antes.</translation>
    </message>
    <message>
        <source>Confidentiality notice: missing. The survivor disclosed at %1 and the notice was never given.</source>
        <translation>Aviso de confidencialidad: falta. La persona sobreviviente reveló algo a los %1 y el aviso nunca se dio.</translation>
    </message>
    <message numerus="yes">
        <source>Check-ins sent: %n.</source>
        <translation>
            <numerusform>Consultas enviadas: %n.</numerusform>
            <numerusform>Consultas enviadas: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft warnings: %1 fixed before sending, %2 ignored (sent with the warning showing).</source>
        <translation>Avisos del borrador: %1 corregidos antes de enviar, %2 ignorados (enviados con el aviso a la vista).</translation>
    </message>
    <message>
        <source>Canned texts: %1 sent unchanged, %2 edited before sending.</source>
        <translation>Textos predefinidos: %1 enviados sin cambios, %2 editados antes de enviar.</translation>
    </message>
    <message>
        <source>Handoff note: no identifying details left in. Good.</source>
        <translation>Nota de traspaso: no quedó ningún dato identificativo. Bien.</translation>
    </message>
    <message numerus="yes">
        <source>Handoff note: %n identifying detail(s) left in.</source>
        <translation>
            <numerusform>Nota de traspaso: quedó %n dato identificativo.</numerusform>
            <numerusform>Nota de traspaso: quedaron %n datos identificativos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Handoff note: none written.</source>
        <translation>Nota de traspaso: no se escribió ninguna.</translation>
    </message>
    <message>
        <source>The chat is still open.</source>
        <translation>El chat sigue abierto.</translation>
    </message>
    <message>
        <source>The chat is over.</source>
        <translation>El chat ha terminado.</translation>
    </message>
    <message>
        <source>Ended at %1: the survivor ended the chat.</source>
        <translation>Terminó a los %1: la persona sobreviviente terminó el chat.</translation>
    </message>
    <message>
        <source>Ended at %1: the advocate ended the chat.</source>
        <translation>Terminó a los %1: la persona defensora terminó el chat.</translation>
    </message>
    <message>
        <source>Ended at %1: the survivor left with quick exit.</source>
        <translation>Terminó a los %1: la persona sobreviviente salió con la salida rápida.</translation>
    </message>
    <message>
        <source>Ended at %1: closed after the survivor&apos;s silence.</source>
        <translation>Terminó a los %1: se cerró tras el silencio de la persona sobreviviente.</translation>
    </message>
    <message>
        <source>Ended at %1: a connection did not come back in time.</source>
        <translation>Terminó a los %1: una conexión no volvió a tiempo.</translation>
    </message>
    <message>
        <source>Ended at %1: handed on.</source>
        <translation>Terminó a los %1: se traspasó.</translation>
    </message>
    <message>
        <source>Practice report</source>
        <translation>Informe de práctica</translation>
    </message>
    <message>
        <source>Show or hide the practice report (Ctrl+Shift+R)</source>
        <translation>Mostrar u ocultar el informe de práctica (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <source>Show or hide the practice report of this chat</source>
        <translation>Mostrar u ocultar el informe de práctica de este chat</translation>
    </message>
    <message>
        <source>Practice report: first reply</source>
        <translation>Informe de práctica: primera respuesta</translation>
    </message>
    <message>
        <source>Practice report: safety check</source>
        <translation>Informe de práctica: pregunta de seguridad</translation>
    </message>
    <message>
        <source>Practice report: confidentiality notice</source>
        <translation>Informe de práctica: aviso de confidencialidad</translation>
    </message>
    <message>
        <source>Practice report: check-ins</source>
        <translation>Informe de práctica: consultas</translation>
    </message>
    <message>
        <source>Practice report: draft warnings</source>
        <translation>Informe de práctica: avisos del borrador</translation>
    </message>
    <message>
        <source>Practice report: canned texts</source>
        <translation>Informe de práctica: textos predefinidos</translation>
    </message>
    <message>
        <source>Practice report: handoff note</source>
        <translation>Informe de práctica: nota de traspaso</translation>
    </message>
    <message>
        <source>Practice report: how the chat ended</source>
        <translation>Informe de práctica: cómo terminó el chat</translation>
    </message>
</context>
<context>
    <name>advocate::ProgramOverrideBar</name>
    <message>
        <source>The canned-response library sets %1 itself, so canned texts may not say what the survivor page says. This is meant for testing only: tell your supervisor or IT.</source>
        <translation>La biblioteca de respuestas predefinidas fija %1 por su cuenta, así que los textos predefinidos pueden no decir lo mismo que la página de sobrevivientes. Esto es solo para pruebas: avise a su supervisora o a informática.</translation>
    </message>
    <message>
        <source>Canned-response library warning</source>
        <translation>Aviso de la biblioteca de respuestas predefinidas</translation>
    </message>
</context>
<context>
    <name>advocate::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>El mismo que el sistema</translation>
    </message>
    <message>
        <source>Your name in canned responses ({advocate})</source>
        <translation>Su nombre en las respuestas predefinidas ({advocate})</translation>
    </message>
    <message>
        <source>The name survivors see, e.g. your first name</source>
        <translation>El nombre que ven las sobrevivientes, p. ej., su nombre de pila</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Your &amp;name for {advocate}:</source>
        <translation>Su &amp;nombre para {advocate}:</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Minutes without input before the workstation locks</source>
        <translation>Minutos sin actividad antes de que el puesto se bloquee</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation>&amp;Bloquear tras:</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Fijado por su departamento de informática</translation>
    </message>
    <message>
        <source>Your IT department set these for this computer. They cannot be changed here.</source>
        <translation>Su departamento de informática fijó estos valores para este equipo. No se pueden cambiar aquí.</translation>
    </message>
    <message>
        <source>Relay:</source>
        <translation>Relé:</translation>
    </message>
    <message>
        <source>Pinned relay key:</source>
        <translation>Clave fijada del relé:</translation>
    </message>
    <message>
        <source>Canned responses:</source>
        <translation>Respuestas predefinidas:</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activada</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Emoji check:</source>
        <translation>Aviso de emojis:</translation>
    </message>
    <message>
        <source>Slang check:</source>
        <translation>Aviso de jerga:</translation>
    </message>
    <message>
        <source>All-caps check:</source>
        <translation>Aviso de mayúsculas:</translation>
    </message>
    <message>
        <source>Unchanged canned text check:</source>
        <translation>Aviso de texto predefinido sin cambios:</translation>
    </message>
</context>
<context>
    <name>advocate::Shift</name>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Chat started (language: %1).</source>
        <translation>Chat iniciado (idioma: %1).</translation>
    </message>
    <message>
        <source>Personal canned responses can be added only during a shift.</source>
        <translation>Las respuestas predefinidas personales solo se pueden añadir durante un turno.</translation>
    </message>
    <message numerus="yes">
        <source>The program&apos;s maximum shift length of %n hour(s) was reached.</source>
        <translation>
            <numerusform>Se alcanzó la duración máxima de turno del programa: %n hora.</numerusform>
            <numerusform>Se alcanzó la duración máxima de turno del programa: %n horas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The program&apos;s maximum shift length of %n minute(s) was reached.</source>
        <translation>
            <numerusform>Se alcanzó la duración máxima de turno del programa: %n minuto.</numerusform>
            <numerusform>Se alcanzó la duración máxima de turno del programa: %n minutos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>advocate::ShiftCache</name>
    <message>
        <source>A shift is already open in the cache.</source>
        <translation>Ya hay un turno abierto en la caché.</translation>
    </message>
    <message>
        <source>The cache of an earlier shift is still on this computer; it has to be resumed or wiped before a new shift starts.</source>
        <translation>La caché de un turno anterior sigue en esta computadora; hay que reanudarla o borrarla antes de empezar un turno nuevo.</translation>
    </message>
    <message>
        <source>The shift cannot start: the key of the encrypted shift cache cannot be kept in the keychain, and Advocate Desk never keeps conversations unencrypted. %1</source>
        <translation>El turno no puede empezar: la clave de la caché cifrada del turno no se puede guardar en el llavero, y Advocate Desk nunca guarda conversaciones sin cifrar. %1</translation>
    </message>
    <message>
        <source>A shift is already open.</source>
        <translation>Ya hay un turno abierto.</translation>
    </message>
    <message>
        <source>The wipe of the last shift&apos;s cache had been interrupted.</source>
        <translation>El borrado de la caché del último turno se había interrumpido.</translation>
    </message>
    <message>
        <source>The last shift&apos;s cache was incomplete (its start record or its database was missing).</source>
        <translation>La caché del último turno estaba incompleta (faltaba su registro de inicio o su base de datos).</translation>
    </message>
    <message>
        <source>The last shift&apos;s cache was older than the maximum shift length of %1.</source>
        <translation>La caché del último turno era más antigua que la duración máxima de un turno (%1).</translation>
    </message>
    <message>
        <source>The key of the last shift&apos;s cache is no longer in the keychain, so the cache could not be read.</source>
        <translation>La clave de la caché del último turno ya no está en el llavero, así que no se pudo leer la caché.</translation>
    </message>
    <message>
        <source>The last shift&apos;s cache cannot be resumed because the keychain did not answer. %1</source>
        <translation>La caché del último turno no se puede reanudar porque el llavero no respondió. %1</translation>
    </message>
    <message>
        <source>The key of the last shift&apos;s cache in the keychain has the wrong length; nothing was opened or deleted.</source>
        <translation>La clave de la caché del último turno en el llavero no tiene la longitud correcta; no se abrió ni se eliminó nada.</translation>
    </message>
    <message>
        <source>The start time recorded next to the last shift&apos;s cache does not match the one inside it, so its age cannot be trusted.</source>
        <translation>La hora de inicio registrada junto a la caché del último turno no coincide con la que guarda dentro, así que no se puede confiar en su antigüedad.</translation>
    </message>
    <message>
        <source>The last shift&apos;s cache can be resumed.</source>
        <translation>La caché del último turno se puede reanudar.</translation>
    </message>
    <message>
        <source>The last shift&apos;s cache could not be opened with its key (wrong key or damaged file).</source>
        <translation>No se pudo abrir la caché del último turno con su clave (clave incorrecta o archivo dañado).</translation>
    </message>
    <message>
        <source>It was wiped.</source>
        <translation>Se borró.</translation>
    </message>
    <message>
        <source>Wiping it did not complete.</source>
        <translation>Su borrado no se completó.</translation>
    </message>
    <message>
        <source>it is still in the keychain.</source>
        <translation>sigue en el llavero.</translation>
    </message>
</context>
<context>
    <name>advocate::ShiftEndedPage</name>
    <message>
        <source>Shift ended</source>
        <translation>Turno terminado</translation>
    </message>
    <message>
        <source>Start a &amp;new shift</source>
        <translation>Empezar un t&amp;urno nuevo</translation>
    </message>
    <message>
        <source>Start a new shift (sign in again)</source>
        <translation>Empezar un turno nuevo (iniciar sesión de nuevo)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit Advocate Desk</source>
        <translation>Salir de Advocate Desk</translation>
    </message>
</context>
<context>
    <name>advocate::ShiftLogDialog</name>
    <message>
        <source>Shift log for the next shift</source>
        <translation>Nota para el próximo turno</translation>
    </message>
    <message>
        <source>What should the next shift know? Nothing that identifies a survivor: the note is shown to every advocate of the next shift.</source>
        <translation>¿Qué debe saber el próximo turno? Nada que identifique a una persona sobreviviente: la nota se muestra a todas las personas defensoras del próximo turno.</translation>
    </message>
    <message>
        <source>&amp;Note for the next shift</source>
        <translation>&amp;Nota para el próximo turno</translation>
    </message>
    <message>
        <source>&amp;Sign off and hand over</source>
        <translation>&amp;Firmar y entregar</translation>
    </message>
    <message>
        <source>Sign off and hand the note over to the next shift</source>
        <translation>Firmar y entregar la nota al próximo turno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the shift log</source>
        <translation>Cancelar la nota del turno</translation>
    </message>
</context>
<context>
    <name>advocate::ShiftLogPanel</name>
    <message>
        <source>Shift log from the previous shift</source>
        <translation>Nota del turno anterior</translation>
    </message>
    <message>
        <source>I have read it</source>
        <translation>La he leído</translation>
    </message>
    <message>
        <source>Acknowledge the shift log note</source>
        <translation>Confirmar que leyó la nota del turno</translation>
    </message>
    <message>
        <source>Shift log from %1 (%2):
%3</source>
        <translation>Nota del turno de %1 (%2):
%3</translation>
    </message>
</context>
<context>
    <name>advocate::SidePanel</name>
    <message>
        <source>On shift: available.</source>
        <translation>En turno: disponible.</translation>
    </message>
    <message>
        <source>On shift: away.</source>
        <translation>En turno: ausente.</translation>
    </message>
    <message>
        <source>Chats open: %1 of %2</source>
        <translation>Chats abiertos: %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>longest under 1 min</source>
        <translation>la más larga, menos de 1 min</translation>
    </message>
    <message numerus="yes">
        <source>longest %n min</source>
        <translation>
            <numerusform>la más larga, %n min</numerusform>
            <numerusform>la más larga, %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>No hay nadie esperando.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Shift status</source>
        <translation>Estado del turno</translation>
    </message>
    <message>
        <source>&amp;Available for new chats</source>
        <translation>&amp;Disponible para chats nuevos</translation>
    </message>
    <message>
        <source>Available for new chats</source>
        <translation>Disponible para chats nuevos</translation>
    </message>
    <message>
        <source>Waiting survivors</source>
        <translation>Sobrevivientes en espera</translation>
    </message>
    <message>
        <source>&amp;Take next chat</source>
        <translation>T&amp;omar el siguiente chat</translation>
    </message>
    <message>
        <source>Take next chat</source>
        <translation>Tomar el siguiente chat</translation>
    </message>
    <message>
        <source>Chats open and your limit</source>
        <translation>Chats abiertos y su límite</translation>
    </message>
    <message>
        <source>&amp;My conversations</source>
        <translation>&amp;Mis conversaciones</translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation>Mis conversaciones</translation>
    </message>
</context>
<context>
    <name>advocate::SignInDialog</name>
    <message>
        <source>Sign in to Advocate Desk</source>
        <translation>Iniciar sesión en Advocate Desk</translation>
    </message>
    <message>
        <source>Relay address</source>
        <translation>Dirección del relé</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Relay:</source>
        <translation>&amp;Relé:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>advocate::StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>What the relay counted per day. Counts only: no conversation, name, message or address is in them.</source>
        <translation>Lo que el relé contó por día. Solo recuentos: no contienen ninguna conversación, nombre, mensaje ni dirección.</translation>
    </message>
    <message>
        <source>Statistics status</source>
        <translation>Estado de las estadísticas</translation>
    </message>
    <message>
        <source>Counts for today and the 30 days before today</source>
        <translation>Recuentos de hoy y de los 30 días anteriores a hoy</translation>
    </message>
    <message>
        <source>What was counted</source>
        <translation>Qué se contó</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>30 days before today</source>
        <translation>30 días anteriores a hoy</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Resultado de la exportación</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Ask the relay for the counts again</source>
        <translation>Volver a pedir los recuentos al relé</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Save the counts as a CSV file</source>
        <translation>Guardar los recuentos en un archivo CSV</translation>
    </message>
    <message>
        <source>Close the statistics</source>
        <translation>Cerrar las estadísticas</translation>
    </message>
    <message>
        <source>No counts yet. Refresh asks the relay.</source>
        <translation>Todavía no hay recuentos. «Actualizar» se los pide al relé.</translation>
    </message>
    <message>
        <source>Asking the relay for the counts…</source>
        <translation>Pidiendo los recuentos al relé…</translation>
    </message>
    <message>
        <source>Today is %1 in the program&apos;s time zone (%2). Counts as of %3.</source>
        <translation>Hoy es %1 en la zona horaria del programa (%2). Recuentos a las %3.</translation>
    </message>
    <message numerus="yes">
        <source>The relay has counts for %n of the 30 days before today; it has none for a day it was not running.</source>
        <translation>
            <numerusform>El relé tiene recuentos de %n de los 30 días anteriores a hoy; no tiene ninguno de un día en que no estaba en marcha.</numerusform>
            <numerusform>El relé tiene recuentos de %n de los 30 días anteriores a hoy; no tiene ninguno de un día en que no estaba en marcha.</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay refused: only supervisors may see the statistics.</source>
        <translation>El relé lo rechazó: solo las personas supervisoras pueden ver las estadísticas.</translation>
    </message>
    <message>
        <source>The relay refused to send the counts. It may be older than this desk; tell IT.</source>
        <translation>El relé se negó a enviar los recuentos. Puede que sea una versión anterior a este escritorio; avise a informática.</translation>
    </message>
    <message>
        <source>The desk is not connected to the relay, so the counts cannot be fetched. Choose Refresh once it is connected again.</source>
        <translation>El escritorio no está conectado al relé, así que no se pueden obtener los recuentos. Elija «Actualizar» cuando vuelva a estar conectado.</translation>
    </message>
    <message>
        <source>The relay did not answer. Choose Refresh in a moment; if it keeps happening, tell IT.</source>
        <translation>El relé no respondió. Elija «Actualizar» dentro de un momento; si sigue ocurriendo, avise a informática.</translation>
    </message>
    <message>
        <source>The counts shown are as of %1.</source>
        <translation>Los recuentos que se muestran son de las %1.</translation>
    </message>
    <message>
        <source>Export the counts as CSV</source>
        <translation>Exportar los recuentos como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The counts were saved to %1.</source>
        <translation>Los recuentos se guardaron en %1.</translation>
    </message>
    <message>
        <source>The counts were not saved: %1 could not be written (%2). Choose another folder, or ask IT.</source>
        <translation>Los recuentos no se guardaron: no se pudo escribir %1 (%2). Elija otra carpeta o consulte a informática.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>advocate::StatisticsLabels</name>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Wait before the first answer</source>
        <translation>Espera hasta la primera respuesta</translation>
    </message>
    <message>
        <source>Length of the chats that ended</source>
        <translation>Duración de los chats que terminaron</translation>
    </message>
    <message>
        <source>How chats ended</source>
        <translation>Cómo terminaron los chats</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>Traspasos</translation>
    </message>
    <message>
        <source>Supervisor actions</source>
        <translation>Acciones de supervisión</translation>
    </message>
    <message>
        <source>Shifts ended with chats open</source>
        <translation>Turnos terminados con chats abiertos</translation>
    </message>
    <message>
        <source>Languages survivors chose</source>
        <translation>Idiomas que eligieron las personas sobrevivientes</translation>
    </message>
    <message>
        <source>Other counts</source>
        <translation>Otros recuentos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Survivors who asked to chat</source>
        <translation>Personas sobrevivientes que pidieron chatear</translation>
    </message>
    <message>
        <source>Chats answered</source>
        <translation>Chats atendidos</translation>
    </message>
    <message>
        <source>Left the queue before an answer (quick exit or leave)</source>
        <translation>Dejaron la cola antes de una respuesta (salida rápida o salir)</translation>
    </message>
    <message>
        <source>Lost while waiting and did not come back</source>
        <translation>Se perdieron mientras esperaban y no volvieron</translation>
    </message>
    <message>
        <source>Turned away: the queue was full</source>
        <translation>No admitidos: la cola estaba llena</translation>
    </message>
    <message>
        <source>Turned away: chat closed (outside hours or a notice)</source>
        <translation>No admitidos: chat cerrado (fuera de horario o por un aviso)</translation>
    </message>
    <message>
        <source>Under 1 minute</source>
        <translation>Menos de 1 minuto</translation>
    </message>
    <message>
        <source>1 to 5 minutes</source>
        <translation>De 1 a 5 minutos</translation>
    </message>
    <message>
        <source>5 to 15 minutes</source>
        <translation>De 5 a 15 minutos</translation>
    </message>
    <message>
        <source>15 to 30 minutes</source>
        <translation>De 15 a 30 minutos</translation>
    </message>
    <message>
        <source>30 minutes or more</source>
        <translation>30 minutos o más</translation>
    </message>
    <message>
        <source>Under 5 minutes</source>
        <translation>Menos de 5 minutos</translation>
    </message>
    <message>
        <source>30 to 60 minutes</source>
        <translation>De 30 a 60 minutos</translation>
    </message>
    <message>
        <source>60 minutes or more</source>
        <translation>60 minutos o más</translation>
    </message>
    <message>
        <source>The survivor ended the chat</source>
        <translation>La persona sobreviviente terminó el chat</translation>
    </message>
    <message>
        <source>Staff ended the chat</source>
        <translation>El personal terminó el chat</translation>
    </message>
    <message>
        <source>Quick exit</source>
        <translation>Salida rápida</translation>
    </message>
    <message>
        <source>Closed after a long silence</source>
        <translation>Cerrado tras un largo silencio</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>Se perdió la conexión</translation>
    </message>
    <message>
        <source>Offered to a colleague or the supervisors</source>
        <translation>Ofrecidos a una persona compañera o a supervisión</translation>
    </message>
    <message>
        <source>Offers accepted</source>
        <translation>Ofrecimientos aceptados</translation>
    </message>
    <message>
        <source>Offers declined</source>
        <translation>Ofrecimientos rechazados</translation>
    </message>
    <message>
        <source>Offers that expired</source>
        <translation>Ofrecimientos que caducaron</translation>
    </message>
    <message>
        <source>Offers withdrawn</source>
        <translation>Ofrecimientos retirados</translation>
    </message>
    <message>
        <source>Offers closed: the colleague went off shift</source>
        <translation>Ofrecimientos cerrados: la persona compañera dejó el turno</translation>
    </message>
    <message>
        <source>Handed to the queue</source>
        <translation>Devueltos a la cola</translation>
    </message>
    <message>
        <source>Back to the queue: the staff member did not come back</source>
        <translation>De vuelta a la cola: la persona del personal no volvió</translation>
    </message>
    <message>
        <source>Joined a chat</source>
        <translation>Se unió a un chat</translation>
    </message>
    <message>
        <source>Whispers</source>
        <translation>Susurros</translation>
    </message>
    <message>
        <source>Took a chat over</source>
        <translation>Tomó el control de un chat</translation>
    </message>
    <message>
        <source>Handed a chat back</source>
        <translation>Devolvió un chat</translation>
    </message>
    <message>
        <source>Read along silently</source>
        <translation>Leyó en silencio</translation>
    </message>
    <message>
        <source>Blocked a contact</source>
        <translation>Bloqueó un contacto</translation>
    </message>
    <message>
        <source>Lifted a block</source>
        <translation>Levantó un bloqueo</translation>
    </message>
    <message>
        <source>Set the service notice</source>
        <translation>Puso el aviso de servicio</translation>
    </message>
    <message>
        <source>Cleared the service notice</source>
        <translation>Quitó el aviso de servicio</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <source>The relay is down or unreachable</source>
        <translation>El relé no funciona o no se puede alcanzar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>advocate::SupervisorPanel</name>
    <message numerus="yes">
        <source>%n conversation(s) open.</source>
        <translation>
            <numerusform>%n conversación abierta.</numerusform>
            <numerusform>%n conversaciones abiertas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) ask for a supervisor.</source>
        <translation>
            <numerusform>%n persona del equipo pide ayuda a supervisión.</numerusform>
            <numerusform>%n personas del equipo piden ayuda a supervisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nobody waiting</source>
        <translation>%1: nadie en espera</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting, longest %2</source>
        <translation>
            <numerusform>%1: %n en espera, la más larga %2</numerusform>
            <numerusform>%1: %n en espera, la más larga %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue — %1</source>
        <translation>Cola — %1</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>%1 (%2, %3 of %4 chats)</source>
        <translation>%1 (%2, %3 de %4 chats)</translation>
    </message>
    <message>
        <source>Nobody else is on shift.</source>
        <translation>No hay nadie más de turno.</translation>
    </message>
    <message>
        <source>On shift — %1</source>
        <translation>De turno — %1</translation>
    </message>
    <message>
        <source>No service notice: survivors can start chats.</source>
        <translation>Sin aviso de servicio: las personas sobrevivientes pueden iniciar chats.</translation>
    </message>
    <message>
        <source>Service notice (%1): %2</source>
        <translation>Aviso de servicio (%1): %2</translation>
    </message>
    <message>
        <source>Blocked by %1, %2 left</source>
        <translation>Bloqueado por %1, quedan %2</translation>
    </message>
    <message>
        <source>%1 ended their shift with chats open: “%2”</source>
        <translation>%1 terminó su turno con chats abiertos: “%2”</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n más)</numerusform>
            <numerusform>(%n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>Susurro</translation>
    </message>
    <message>
        <source>A note only the staff in this chat see. The survivor never sees it.</source>
        <translation>Una nota que solo ve el personal de este chat. La sobreviviente nunca la ve.</translation>
    </message>
    <message>
        <source>Block this contact</source>
        <translation>Bloquear este contacto</translation>
    </message>
    <message>
        <source>The chat ends, and whoever wrote from the same network gets “The chat is not available” with the hotline for this many hours. The relay keeps no address, only a keyed code that expires.</source>
        <translation>El chat termina y, durante esta cantidad de horas, quien escribió desde la misma red recibe “El chat no está disponible” junto con el teléfono de la línea de ayuda. El relé no guarda ninguna dirección, solo un código con clave que caduca.</translation>
    </message>
    <message>
        <source>No notice (chats open as usual)</source>
        <translation>Sin aviso (los chats se abren como siempre)</translation>
    </message>
    <message>
        <source>Degraded: slower than usual</source>
        <translation>Servicio reducido: más lento de lo habitual</translation>
    </message>
    <message>
        <source>Outage: no new chats</source>
        <translation>Interrupción: no hay chats nuevos</translation>
    </message>
    <message>
        <source>Forward: send survivors to another program</source>
        <translation>Derivación: enviar a las personas sobrevivientes a otro programa</translation>
    </message>
    <message>
        <source>Service notice</source>
        <translation>Aviso de servicio</translation>
    </message>
    <message>
        <source>What survivors see on the chat page within seconds:</source>
        <translation>Lo que ven las personas sobrevivientes en la página del chat en pocos segundos:</translation>
    </message>
    <message>
        <source>The words survivors read (at most 500 characters):</source>
        <translation>El texto que leen las personas sobrevivientes (500 caracteres como máximo):</translation>
    </message>
    <message>
        <source>Board summary</source>
        <translation>Resumen del tablero</translation>
    </message>
    <message>
        <source>Board of every conversation</source>
        <translation>Tablero de todas las conversaciones</translation>
    </message>
    <message>
        <source>Board corner</source>
        <translation>Esquina del tablero</translation>
    </message>
    <message>
        <source>No message content. Enter joins the selected chat; the buttons below act on it.</source>
        <translation>Sin contenido de mensajes. Con Intro se une al chat seleccionado; los botones de abajo actúan sobre él.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Join the selected chat visibly</source>
        <translation>Unirse al chat seleccionado de forma visible</translation>
    </message>
    <message>
        <source>Read along</source>
        <translation>Leer en silencio</translation>
    </message>
    <message>
        <source>Read the selected chat silently, where the program allows it</source>
        <translation>Leer en silencio el chat seleccionado, si el programa lo permite</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar el control</translation>
    </message>
    <message>
        <source>Take the selected chat over; the advocate reads along</source>
        <translation>Tomar el control del chat seleccionado; la persona defensora sigue leyéndolo</translation>
    </message>
    <message>
        <source>Take over and release</source>
        <translation>Tomar el control y liberar</translation>
    </message>
    <message>
        <source>Take the selected chat over and free the advocate</source>
        <translation>Tomar el control del chat seleccionado y liberar a la persona defensora</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <source>Give the selected chat back to its advocate</source>
        <translation>Devolver el chat seleccionado a su persona defensora</translation>
    </message>
    <message>
        <source>Whisper…</source>
        <translation>Susurrar…</translation>
    </message>
    <message>
        <source>Whisper to the staff in the selected chat</source>
        <translation>Susurrar al personal del chat seleccionado</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Bloquear contacto…</translation>
    </message>
    <message>
        <source>Block the contact of the selected chat</source>
        <translation>Bloquear el contacto del chat seleccionado</translation>
    </message>
    <message>
        <source>Queue per language</source>
        <translation>Cola por idioma</translation>
    </message>
    <message>
        <source>Colleagues on shift</source>
        <translation>Personas del equipo de turno</translation>
    </message>
    <message>
        <source>Service notice…</source>
        <translation>Aviso de servicio…</translation>
    </message>
    <message>
        <source>Set or clear the service notice survivors see</source>
        <translation>Definir o quitar el aviso de servicio que ven las personas sobrevivientes</translation>
    </message>
    <message>
        <source>Blocked contacts</source>
        <translation>Contactos bloqueados</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Lift the chosen block</source>
        <translation>Quitar el bloqueo elegido</translation>
    </message>
    <message>
        <source>Alert from a colleague</source>
        <translation>Aviso de una persona del equipo</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar lectura</translation>
    </message>
    <message>
        <source>Acknowledge the alert</source>
        <translation>Confirmar que leyó el aviso</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>Estadísticas…</translation>
    </message>
    <message>
        <source>Open the statistics: today&apos;s counts and the 30 days before</source>
        <translation>Abrir las estadísticas: los recuentos de hoy y de los 30 días anteriores</translation>
    </message>
    <message>
        <source>Queue — nobody waiting</source>
        <translation>Cola — nadie espera</translation>
    </message>
</context>
<context>
    <name>advocate::SurvivorClient</name>
    <message>
        <source>You ended the chat.</source>
        <translation>Terminaste el chat.</translation>
    </message>
    <message>
        <source>The advocate ended the chat.</source>
        <translation>La persona defensora terminó el chat.</translation>
    </message>
    <message>
        <source>You left with quick exit.</source>
        <translation>Saliste con la salida rápida.</translation>
    </message>
    <message>
        <source>The chat was closed after a long silence.</source>
        <translation>El chat se cerró tras un largo silencio.</translation>
    </message>
    <message>
        <source>The chat ended because the connection was lost for too long.</source>
        <translation>El chat terminó porque la conexión se perdió durante demasiado tiempo.</translation>
    </message>
    <message>
        <source>The relay address must start with wss:// or ws://.</source>
        <translation>La dirección del relé debe empezar por wss:// o ws://.</translation>
    </message>
    <message>
        <source>The connection to the relay was lost.</source>
        <translation>Se perdió la conexión con el relé.</translation>
    </message>
    <message>
        <source>The relay cannot be reached. Check the address.</source>
        <translation>No se puede contactar con el relé. Revisa la dirección.</translation>
    </message>
    <message>
        <source>This client and the relay speak different protocol versions.</source>
        <translation>Este cliente y el relé usan versiones distintas del protocolo.</translation>
    </message>
    <message>
        <source>The program&apos;s notice has changed. Start again to read and accept the current one.</source>
        <translation>El aviso del programa cambió. Vuelve a empezar para leer y aceptar el actual.</translation>
    </message>
    <message>
        <source>That message is too long; it was not sent.</source>
        <translation>Ese mensaje es demasiado largo; no se envió.</translation>
    </message>
    <message>
        <source>The relay refused a request (%1).</source>
        <translation>El relé rechazó una solicitud (%1).</translation>
    </message>
    <message>
        <source>This relay serves real survivors: a practice survivor cannot chat here.</source>
        <translation>Este relé atiende a sobrevivientes reales: un sobreviviente de práctica no puede chatear aquí.</translation>
    </message>
    <message>
        <source>This is a practice relay: only a practice survivor can chat here.</source>
        <translation>Este es un relé de práctica: aquí solo puede chatear un sobreviviente de práctica.</translation>
    </message>
</context>
<context>
    <name>advocate::TranscriptModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>advocate::TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
</context>
<context>
    <name>advocate::Workstation</name>
    <message>
        <source>Advocate Desk</source>
        <translation>Advocate Desk</translation>
    </message>
    <message>
        <source>The last shift ended unexpectedly. Its chats are back; sign in again to continue.</source>
        <translation>El último turno terminó de forma inesperada. Sus chats se han recuperado; inicie sesión de nuevo para continuar.</translation>
    </message>
    <message>
        <source>The shift cache cannot be checked: %1</source>
        <translation>No se puede comprobar la caché del turno: %1</translation>
    </message>
    <message>
        <source>The shift cannot start: %1</source>
        <translation>El turno no puede empezar: %1</translation>
    </message>
    <message>
        <source>Advocate Desk cannot start: %1 Ask your IT department.</source>
        <translation>Advocate Desk no puede iniciarse: %1 Consulte a su departamento de informática.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Advocate Desk: the advocate&apos;s chat workstation.</source>
        <translation>Advocate Desk: el puesto de chat de la persona defensora.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>chats</source>
        <translation>chats</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Contraseña: </translation>
    </message>
    <message>
        <source>The per-advocate chat limit (1-4) to show when the relay does not send its own.</source>
        <translation>El límite de chats por persona (1-4) que se muestra cuando el relé no envía el suyo.</translation>
    </message>
    <message>
        <source>Pre-fill the sign-in with this user name.</source>
        <translation>Rellenar el inicio de sesión con este nombre de usuario.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Read the password from the first line of stdin and sign in with --user without typing (demos and scripted tests). The password is kept in memory only.</source>
        <translation>Leer la contraseña de la primera línea de stdin e iniciar sesión con --user sin escribirla (demostraciones y pruebas automatizadas). La contraseña solo se guarda en memoria.</translation>
    </message>
    <message>
        <source>--password-stdin needs --user NAME.</source>
        <translation>--password-stdin necesita --user NOMBRE.</translation>
    </message>
    <message>
        <source>--password-stdin found no password on the first line of stdin.</source>
        <translation>--password-stdin no encontró ninguna contraseña en la primera línea de stdin.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>The canned-response library (JSON) to use when IT has deployed none (neither system-wide nor at %1).</source>
        <translation>La biblioteca de respuestas predefinidas (JSON) que se usa cuando TI no ha instalado ninguna (ni en la configuración del sistema ni en %1).</translation>
    </message>
    <message>
        <source>Cannot turn off core dumps, not starting: %1</source>
        <translation>No se pueden desactivar los volcados de memoria; el programa no se inicia: %1</translation>
    </message>
    <message>
        <source>Relay WebSocket address, e.g. wss://relay.example.org/ws (an address your IT department set for this computer wins).</source>
        <translation>Dirección WebSocket del relé, p. ej. wss://relay.example.org/ws (prevalece la dirección que su departamento de informática fije para este equipo).</translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes (1-60, default 5; else as set in Settings).</source>
        <translation>Bloquear el puesto tras estos minutos de inactividad (1-60; sin esta opción, el valor de Configuración o 5).</translation>
    </message>
</context>
</TS>
