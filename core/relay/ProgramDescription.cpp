// SPDX-License-Identifier: GPL-3.0-only
#include "relay/ProgramDescription.h"

#include <QStringList>

namespace advocate {

namespace {

QString dayName(int day, const QString &language)
{
    static const char *const english[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static const char *const spanish[] = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
    const int index = qBound(1, day, 7) - 1;
    return ProgramDescription::words(language, english[index], spanish[index]);
}

} // namespace

QString ProgramDescription::clockTime(int minutes)
{
    minutes %= 24 * 60 + 1; // 24:00 stays 24:00
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

bool ProgramDescription::isSpanish(const QString &language)
{
    return language.section(u'-', 0, 0).compare(QLatin1String("es"), Qt::CaseInsensitive) == 0;
}

QString ProgramDescription::words(const QString &language, const char *english, const char *spanish)
{
    return QString::fromUtf8(isSpanish(language) ? spanish : english);
}

QString ProgramDescription::duration(qint64 seconds, const QString &language)
{
    const auto count = [&language](qint64 n, const char *one, const char *many, const char *una, const char *muchas) {
        return words(language, n == 1 ? one : many, n == 1 ? una : muchas).arg(n);
    };
    if (seconds > 0 && seconds % 3600 == 0)
        return count(seconds / 3600, "%1 hour", "%1 hours", "%1 hora", "%1 horas");
    if (seconds > 0 && seconds % 60 == 0)
        return count(seconds / 60, "%1 minute", "%1 minutes", "%1 minuto", "%1 minutos");
    return count(seconds, "%1 second", "%1 seconds", "%1 segundo", "%1 segundos");
}

QString ProgramDescription::hoursPhrase(const OpeningHours &hours, const QString &language)
{
    if (hours.alwaysOpen())
        return words(language, "every day, day and night", "todos los días, de día y de noche");
    // Days in a row with the same times make one part: "Monday to Friday, 09:00 to 17:00".
    QStringList parts;
    const QList<OpeningHours::Range> &ranges = hours.ranges();
    for (qsizetype i = 0; i < ranges.size();) {
        qsizetype last = i;
        while (last + 1 < ranges.size() && ranges.at(last + 1).day == ranges.at(last).day + 1 &&
               ranges.at(last + 1).startMinute == ranges.at(i).startMinute &&
               ranges.at(last + 1).endMinute == ranges.at(i).endMinute)
            ++last;
        const OpeningHours::Range &range = ranges.at(i);
        const QString days = last == i ? dayName(range.day, language)
                                       : words(language, "%1 to %2", "de %1 a %2")
                                             .arg(dayName(range.day, language), dayName(ranges.at(last).day, language));
        parts.append(words(language, "%1, %2 to %3", "%1, de %2 a %3")
                         .arg(days, clockTime(range.startMinute),
                              clockTime(range.endMinute > 24 * 60 ? range.endMinute - 24 * 60 : range.endMinute)));
        i = last + 1;
    }
    return words(language, "%1 (%2 time)", "%1 (hora de %2)")
        .arg(parts.join(QStringLiteral("; ")), QString::fromUtf8(hours.timeZone().id()));
}

QString ProgramDescription::practiceNotice(const QString &language)
{
    return words(language,
                 "This is a practice service for training advocates. Chats cannot be started here, and nobody would "
                 "answer you. If you need help, please use one of the ways below.",
                 "Este es un servicio de práctica para formar a personas de apoyo. Aquí no se pueden empezar chats y "
                 "nadie le respondería. Si necesita ayuda, use una de las formas de abajo.");
}

frame::ProgramFacts ProgramDescription::facts(const RelayConfig &config)
{
    frame::ProgramFacts facts;
    facts.hotlinePhone = config.hotlinePhone;
    facts.hotlineSms = config.hotlineSms;
    facts.emergencyNumber = config.emergencyNumber;
    facts.practice = config.practice;
    for (const QString &language : config.languages) {
        facts.names.insert(language, config.textFor(QStringLiteral("program_name"), config.programName, language));
        facts.hours.insert(language, hoursPhrase(config.openingHours, language));
    }
    return facts;
}

} // namespace advocate
