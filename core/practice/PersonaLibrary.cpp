// SPDX-License-Identifier: GPL-3.0-only
#include "PersonaLibrary.h"

#include <QDir>
#include <QMap>

#include <algorithm>

namespace advocate {

PersonaLibrary PersonaLibrary::shipped()
{
    return fromFolder(shippedFolder());
}

PersonaLibrary PersonaLibrary::fromFolder(const QString &folder)
{
    PersonaLibrary library;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QList<Persona> loaded;
    for (const QString &file : files) {
        if (auto persona = Persona::fromFile(dir.filePath(file), &library.m_errors))
            loaded.append(*persona);
    }
    // Every language of a name against its first: the same steps, or none of that name is offered.
    QMap<QString, QList<Persona>> byName;
    for (const Persona &persona : std::as_const(loaded))
        byName[persona.name()].append(persona);
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        QList<Persona::Error> differences;
        for (qsizetype i = 1; i < it.value().size(); ++i)
            differences += it.value().at(i).structureDifferences(it.value().first());
        if (differences.isEmpty())
            library.m_personas += it.value();
        else
            library.m_errors += differences;
    }
    return library;
}

QStringList PersonaLibrary::names() const
{
    QStringList found;
    for (const Persona &persona : m_personas) {
        if (!found.contains(persona.name()))
            found.append(persona.name());
    }
    std::sort(found.begin(), found.end());
    return found;
}

QStringList PersonaLibrary::languages(const QString &name) const
{
    QStringList found;
    for (const Persona &persona : m_personas) {
        if (persona.name() == name)
            found.append(persona.language());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::optional<Persona> PersonaLibrary::persona(const QString &name, const QString &language) const
{
    for (const Persona &persona : m_personas) {
        if (persona.name() == name && persona.language() == language)
            return persona;
    }
    return std::nullopt;
}

bool PersonaLibrary::isDisclosure(const QString &survivorText) const
{
    for (const Persona &persona : m_personas) {
        for (const Persona::Step &step : persona.steps()) {
            for (const Persona::Line &line : step.lines) {
                if (line.disclosure && line.text == survivorText)
                    return true;
            }
        }
    }
    return false;
}

bool PersonaLibrary::isAbusive(const QString &survivorText) const
{
    for (const Persona &persona : m_personas) {
        for (const Persona::Step &step : persona.steps()) {
            for (const Persona::Line &line : step.lines) {
                if (line.abusive && line.text == survivorText)
                    return true;
            }
        }
    }
    return false;
}

} // namespace advocate
