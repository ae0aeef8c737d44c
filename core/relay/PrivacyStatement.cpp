// SPDX-License-Identifier: GPL-3.0-only
#include "relay/PrivacyStatement.h"

#include "protocol/SupervisionFrames.h"
#include "relay/Conversation.h"
#include "relay/ProgramDescription.h"
#include "relay/SourceKeys.h"

#include <QUrl>

namespace advocate {

namespace {

QString programName(const RelayConfig &config, const QString &language)
{
    return config.textFor(QStringLiteral("program_name"), config.programName, language);
}

// The statement's language: one of PrivacyStatement::languages(), by primary tag.
QString statementLanguage(const QString &language)
{
    return ProgramDescription::isSpanish(language) ? QStringLiteral("es") : QStringLiteral("en");
}

} // namespace

PrivacyStatement::NoticeTexts PrivacyStatement::noticeTexts(const RelayConfig &config, const QString &language)
{
    const auto w = [&language](const char *english, const char *spanish) {
        return ProgramDescription::words(language, english, spanish);
    };
    NoticeTexts texts;
    texts.retention =
        w("Nothing from this chat is saved on this device. The chat service keeps the conversation in its "
          "memory only, never on disk, until the chat ends. The advocate's computer keeps an encrypted "
          "copy until the end of their shift (at most %1), then erases it.",
          "Nada de este chat se guarda en este dispositivo. El servicio de chat guarda la conversación "
          "solo en su memoria, nunca en disco, hasta que el chat termina. La computadora de la persona "
          "defensora guarda una copia cifrada hasta el final de su turno (como máximo %1) y luego la "
          "borra.")
            .arg(ProgramDescription::duration(qint64(config.maxShiftMinutes) * 60, language));
    if (config.supervisorMonitoring)
        texts.monitoring =
            w("A supervisor may read this chat silently, without writing in it, to support the advocate.",
              "Una persona supervisora puede leer este chat en silencio, sin escribir en él, para apoyar "
              "a la persona defensora.");
    return texts;
}

QString PrivacyStatement::title(const RelayConfig &config, const QString &language)
{
    return ProgramDescription::words(language, "Privacy statement: %1", "Declaración de privacidad: %1")
        .arg(programName(config, language));
}

QList<PrivacyStatement::Section> PrivacyStatement::sections(const RelayConfig &config, const QString &language)
{
    const auto w = [&language](const char *english, const char *spanish) {
        return ProgramDescription::words(language, english, spanish);
    };
    const auto duration = [&language](qint64 seconds) { return ProgramDescription::duration(seconds, language); };
    const NoticeTexts notice = noticeTexts(config, language);
    QList<Section> sections;

    sections.append({w("About this statement", "Sobre esta declaración"),
                     {w("This statement is made by the chat software from the settings it runs with now, so it says "
                        "what the software does for %1. The notice before every chat says the same.",
                        "El programa de chat redacta esta declaración a partir de la configuración con la que funciona "
                        "ahora, así que dice lo que el programa hace para %1. El aviso antes de cada chat dice lo "
                        "mismo.")
                          .arg(programName(config, language))}});
    if (config.practice)
        sections.append({w("A practice service", "Un servicio de práctica"),
                         {ProgramDescription::practiceNotice(language),
                          w("Its chats are exercises with scripted survivors: nothing written in them is about a real "
                            "person, and they are kept and erased like every chat below.",
                            "Sus chats son ejercicios con sobrevivientes ficticios: nada de lo que se escribe en ellos "
                            "trata de una persona real, y se guardan y se borran como todo chat de abajo.")}});

    sections.append(
        {w("What is kept, and for how long", "Qué se guarda y por cuánto tiempo"),
         {notice.retention,
          w("The chat page saves nothing in your browser except, while a chat is open, a short-lived code that lets "
            "you reconnect; it is deleted when the chat ends or you leave. The page sets no cookies and loads nothing "
            "from other websites.",
            "La página del chat no guarda nada en su navegador, salvo, mientras un chat está abierto, un código de "
            "corta duración que le permite volver a conectarse; se borra cuando el chat termina o usted sale. La "
            "página no usa cookies ni carga nada de otros sitios web."),
          w("If your connection drops, the chat service keeps your chat for %1 so that you can come back to it; while "
            "you wait in line, your place is kept for %2. After that, it is dropped.",
            "Si su conexión se corta, el servicio de chat guarda su chat durante %1 para que pueda volver; mientras "
            "espera en la fila, su lugar se guarda durante %2. Después se descarta.")
              .arg(duration(config.reconnectWindowSeconds), duration(config.queuedReconnectWindowSeconds)),
          (config.restartSecret.isEmpty() && config.restartSecretFile.isEmpty()
               ? w("If the chat service itself restarts, every open chat ends, because it keeps nothing on disk.",
                   "Si el propio servicio de chat se reinicia, todos los chats abiertos terminan, porque no guarda "
                   "nada en disco.")
               : w("If the chat service itself restarts, your chat can go on with the same advocate when you come "
                   "back within that time: your page and the advocate's computer still have the messages, and the "
                   "code that lets you reconnect is signed with a key the service keeps in a protected file. The "
                   "conversation itself is still never written to disk.",
                   "Si el propio servicio de chat se reinicia, su chat puede seguir con la misma persona defensora si "
                   "usted vuelve dentro de ese tiempo: su página y la computadora de la persona defensora aún tienen "
                   "los mensajes, y el código que le permite volver a conectarse está firmado con una clave que el "
                   "servicio guarda en un archivo protegido. La conversación misma nunca se escribe en disco.")),
          w("During a chat, the chat service holds at most the last %1 messages and %2 KiB of text; older messages "
            "are dropped first. If your chat is passed to another advocate, a short note for them goes with it and is "
            "kept in the same way.",
            "Durante un chat, el servicio de chat guarda como máximo los últimos %1 mensajes y %2 KiB de texto; los "
            "mensajes más antiguos se descartan primero. Si su chat pasa a otra persona defensora, una nota breve "
            "para ella va con el chat y se guarda de la misma manera.")
              .arg(Conversation::maxRetainedMessages)
              .arg(config.maxRetainedBytes / 1024)}});

    sections.append({w("What the advocate's computer keeps", "Qué guarda la computadora de la persona defensora"),
                     {w("While their shift lasts, the advocate's computer keeps your chat in an encrypted file whose "
                        "key exists only for that shift, so that nothing is lost if the computer restarts. At the end "
                        "of the shift, and at the latest after %1, the file and its key are erased. The advocate "
                        "cannot print, export or forward a chat.",
                        "Mientras dura su turno, la computadora de la persona defensora guarda su chat en un archivo "
                        "cifrado cuya clave existe solo durante ese turno, para que nada se pierda si la computadora "
                        "se reinicia. Al final del turno, y como muy tarde después de %1, se borran el archivo y su "
                        "clave. La persona defensora no puede imprimir, exportar ni reenviar un chat.")
                          .arg(duration(qint64(config.maxShiftMinutes) * 60))}});

    Section supervision{w("Supervisors", "Personas supervisoras"), {}};
    if (config.supervisorMonitoring)
        supervision.paragraphs.append(notice.monitoring + QLatin1Char(' ') +
                                      w("This program has turned this on, and the notice before every chat says so.",
                                        "Este programa lo ha activado, y el aviso antes de cada chat lo dice."));
    else
        supervision.paragraphs.append(w("No supervisor can read your chat silently: this program has not turned that "
                                        "on.",
                                        "Ninguna persona supervisora puede leer su chat en silencio: este programa no "
                                        "lo ha activado."));
    supervision.paragraphs.append(w("A supervisor who joins your chat to help, or who takes it over, is announced to "
                                    "you on the page.",
                                    "Si una persona supervisora se une a su chat para ayudar, o lo toma a su cargo, "
                                    "la página se lo dice."));
    sections.append(supervision);

    sections.append(
        {w("Statistics", "Estadísticas"),
         {w("The chat service counts chats per day: for example how many were answered, how long people waited and "
            "chatted (in ranges), in which language, and how chats ended. These are counts only: nothing in them names "
            "or describes one chat or one person.",
            "El servicio de chat cuenta los chats por día: por ejemplo cuántos se atendieron, cuánto se esperó y se "
            "conversó (en rangos), en qué idioma y cómo terminaron. Son solo recuentos: nada en ellos nombra o "
            "describe un chat o una persona."),
          (config.statisticsFile.isEmpty()
               ? w("The counts of today and the %1 days before are kept in memory only and are lost when the service "
                   "restarts.",
                   "Los recuentos de hoy y de los %1 días anteriores se guardan solo en memoria y se pierden cuando el "
                   "servicio se reinicia.")
               : w("The counts of today and the %1 days before are kept in a file on the server; older days are "
                   "deleted.",
                   "Los recuentos de hoy y de los %1 días anteriores se guardan en un archivo del servidor; los días "
                   "más antiguos se borran."))
              .arg(frame::maxStatisticsDays - 1)}});

    Section never{w("What is never kept", "Qué no se guarda nunca"),
                  {w("Your internet address, your browser's details and the page you came from are never stored or "
                     "written to any log. To limit abuse, the chat service tells connections apart by a coded value "
                     "of the address, made with a secret that exists in memory only and is replaced every %1.",
                     "Su dirección de internet, los datos de su navegador y la página de la que viene nunca se guardan "
                     "ni se escriben en ningún registro. Para limitar abusos, el servicio de chat distingue las "
                     "conexiones por un valor codificado de la dirección, hecho con un secreto que existe solo en "
                     "memoria y se cambia cada %1.")
                       .arg(duration(SourceKeys::defaultRotationMs / 1000))}};
    if (config.supervisorBlocking)
        never.paragraphs.append(w("If a supervisor blocks a contact that is abusive, that coded value is kept in "
                                  "memory for at most %1.",
                                  "Si una persona supervisora bloquea un contacto abusivo, ese valor codificado se "
                                  "guarda en memoria como máximo %1.")
                                    .arg(duration(qint64(frame::maxBlockHours) * 3600)));
    never.paragraphs.append(w("Messages are never written to the service's logs; its staff log records only who did "
                              "what and when.",
                              "Los mensajes nunca se escriben en los registros del servicio; su registro del "
                              "personal anota solo quién hizo qué y cuándo."));
    sections.append(never);

    sections.append(
        {w("Quick exit and its limits", "La salida rápida y sus límites"),
         {w("Quick exit (the button at the top of the chat page, or the Shift key pressed three times) clears the page "
            "at once and puts %1 in its place.",
            "La salida rápida (el botón arriba en la página del chat, o la tecla Mayús pulsada tres veces) borra la "
            "página enseguida y pone %1 en su lugar.")
              .arg(QUrl(config.exitUrl).host()),
          w("Quick exit cannot erase your browser history, screenshots or downloads, and it cannot hide this visit "
            "from monitoring software or from whoever runs the network you use.",
            "La salida rápida no puede borrar el historial de su navegador, capturas de pantalla ni descargas, y no "
            "puede ocultar esta visita a programas de vigilancia ni a quien administre la red que usa.")}});

    QString help = w("In an emergency, call %1. You can also call the hotline at %2",
                     "En una emergencia, llame al %1. También puede llamar a la línea de ayuda al %2")
                       .arg(config.emergencyNumber, config.hotlinePhone);
    if (!config.hotlineSms.isEmpty())
        help += w(" or text %1", " o enviar un texto al %1").arg(config.hotlineSms);
    sections.append({w("Other ways to get help", "Otras formas de pedir ayuda"), {help + QLatin1Char('.')}});
    return sections;
}

QString PrivacyStatement::plainText(const RelayConfig &config, const QString &language)
{
    const QString chosen = statementLanguage(language);
    QString text = title(config, chosen) + QLatin1Char('\n');
    for (const Section &section : sections(config, chosen)) {
        text += QLatin1Char('\n') + section.heading + QLatin1Char('\n');
        for (const QString &paragraph : section.paragraphs)
            text += paragraph + QLatin1Char('\n');
    }
    return text;
}

QByteArray PrivacyStatement::html(const RelayConfig &config, const QString &language)
{
    const QString chosen = statementLanguage(language);
    const auto w = [&chosen](const char *english, const char *spanish) {
        return ProgramDescription::words(chosen, english, spanish).toHtmlEscaped();
    };
    const QString other = chosen == QLatin1String("es") ? QStringLiteral("en") : QStringLiteral("es");
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<meta name=\"referrer\" content=\"no-referrer\">\n"
                           "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                           "<meta name=\"color-scheme\" content=\"light dark\">\n<title>%2</title>\n"
                           "<link rel=\"stylesheet\" href=\"/app.css\">\n</head>\n<body>\n")
                .arg(chosen, title(config, chosen).toHtmlEscaped());
    // No script runs here: quick exit is a plain link to the neutral site.
    page += QStringLiteral("<header class=\"bar\">\n<div class=\"bar-inner\">\n"
                           "<a id=\"privacy-exit\" class=\"exit\" href=\"%1\" rel=\"noreferrer\">%2</a>\n"
                           "</div>\n</header>\n<main id=\"main\" class=\"privacy\">\n<h1>%3</h1>\n")
                .arg(config.exitUrl.toHtmlEscaped(), w("Quick exit", "Salida rápida"),
                     title(config, chosen).toHtmlEscaped());
    int index = 0;
    for (const Section &section : sections(config, chosen)) {
        ++index;
        page += QStringLiteral("<section aria-labelledby=\"s%1\">\n<h2 id=\"s%1\">%2</h2>\n")
                    .arg(index)
                    .arg(section.heading.toHtmlEscaped());
        for (const QString &paragraph : section.paragraphs)
            page += QStringLiteral("<p>%1</p>\n").arg(paragraph.toHtmlEscaped());
        page += QStringLiteral("</section>\n");
    }
    page += QStringLiteral("<p><a id=\"privacy-back\" href=\"/\">%1</a></p>\n"
                           "<p><a id=\"privacy-language\" href=\"/privacy?lang=%2\" lang=\"%2\" hreflang=\"%2\">%3</a>"
                           "</p>\n</main>\n</body>\n</html>\n")
                .arg(w("Back to the chat page", "Volver a la página del chat"), other,
                     other == QLatin1String("es") ? QStringLiteral("Español") : QStringLiteral("English"));
    return page.toUtf8();
}

} // namespace advocate
