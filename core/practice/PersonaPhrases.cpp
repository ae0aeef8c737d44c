// SPDX-License-Identifier: GPL-3.0-only
#include "PersonaPhrases.h"

#include "canned/CannedLibrary.h"

namespace advocate {

namespace {

// Written folded (lowercase, no accents). "Immediate danger" is left out of the safety checks on purpose: the notice
// names it too ("someone's life is in immediate danger"), and a notice must not count as a safety check.
const QStringList englishSafety{
    QStringLiteral("your safety"),          QStringLiteral("are you safe"),
    QStringLiteral("safe right now"),       QStringLiteral("safe to talk"),
    QStringLiteral("safe to chat"),         QStringLiteral("is it safe"),
    QStringLiteral("safe where you are"),   QStringLiteral("feel safe"),
    QStringLiteral("are you in danger"),    QStringLiteral("access to your device"),
    QStringLiteral("access to your phone"), QStringLiteral("quick exit"),
    QStringLiteral("anyone reading"),       QStringLiteral("anyone see"),
    QStringLiteral("can someone see"),      QStringLiteral("monitoring your"),
    QStringLiteral("check your phone"),     QStringLiteral("alone right now"),
};
const QStringList spanishSafety{
    QStringLiteral("tu seguridad"),
    QStringLiteral("estas a salvo"),
    QStringLiteral("a salvo"),
    QStringLiteral("estas segura"),
    QStringLiteral("estas seguro"),
    QStringLiteral("te sientes segura"),
    QStringLiteral("te sientes seguro"),
    QStringLiteral("es seguro hablar"),
    QStringLiteral("puedes hablar con seguridad"),
    QStringLiteral("corres peligro ahora"),
    QStringLiteral("acceso a tu dispositivo"),
    QStringLiteral("acceso a tu telefono"),
    QStringLiteral("salida rapida"),
    QStringLiteral("revisa tu telefono"),
    QStringLiteral("revisar tu telefono"),
    QStringLiteral("estas sola"),
    QStringLiteral("estas solo"),
};
const QStringList englishNotice{
    QStringLiteral("confidential"),    QStringLiteral("how privacy works"),   QStringLiteral("mandatory report"),
    QStringLiteral("mandated report"), QStringLiteral("required to report"),  QStringLiteral("require me to report"),
    QStringLiteral("have to report"),  QStringLiteral("obligated to report"), QStringLiteral("must report"),
    QStringLiteral("need to report"),  QStringLiteral("legally required"),
};
const QStringList spanishNotice{
    QStringLiteral("confidencial"),        QStringLiteral("como funciona la privacidad"),
    QStringLiteral("obligue a informar"),  QStringLiteral("obligacion de informar"),
    QStringLiteral("obligada a informar"), QStringLiteral("obligado a informar"),
    QStringLiteral("obligada a reportar"), QStringLiteral("obligado a reportar"),
    QStringLiteral("tengo que informar"),  QStringLiteral("tengo que reportar"),
    QStringLiteral("debo informar"),       QStringLiteral("debo reportar"),
    QStringLiteral("la ley me obliga"),    QStringLiteral("la ley me exige"),
};

bool containsAny(const QString &message, const QStringList &phrases)
{
    const QString folded = CannedLibrary::fold(message);
    for (const QString &phrase : phrases) {
        if (folded.contains(phrase))
            return true;
    }
    return false;
}

bool isSpanish(const QString &language)
{
    return language == QLatin1String("es") || language.startsWith(QLatin1String("es-"));
}

} // namespace

QStringList PersonaPhrases::safetyCheckPhrases(const QString &language)
{
    return isSpanish(language) ? spanishSafety + englishSafety : englishSafety;
}

QStringList PersonaPhrases::noticePhrases(const QString &language)
{
    return isSpanish(language) ? spanishNotice + englishNotice : englishNotice;
}

bool PersonaPhrases::isSafetyCheck(const QString &message, const QString &language)
{
    return containsAny(message, safetyCheckPhrases(language));
}

bool PersonaPhrases::isNotice(const QString &message, const QString &language)
{
    return containsAny(message, noticePhrases(language));
}

bool PersonaPhrases::containsKeyword(const QString &message, const QStringList &keywords)
{
    const QString folded = CannedLibrary::fold(message);
    for (const QString &keyword : keywords) {
        const QString wanted = CannedLibrary::fold(keyword);
        for (qsizetype at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
            if (at == 0 || !folded.at(at - 1).isLetterOrNumber())
                return true;
        }
    }
    return false;
}

} // namespace advocate
