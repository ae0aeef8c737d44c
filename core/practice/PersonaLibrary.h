// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "practice/Persona.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

// A set of personas by name and language: the shipped ones (resources/practice, embedded under :/practice) or the
// `<name>.<language>.json` files of a folder. Every file is validated, and each name must have the same steps in
// every language it has; a bad file is left out and its errors kept.
class PersonaLibrary
{
public:
    static PersonaLibrary shipped();
    static PersonaLibrary fromFolder(const QString &folder);
    static QString shippedFolder() { return QStringLiteral(":/practice"); }

    // Names in alphabetical order.
    QStringList names() const;
    QStringList languages(const QString &name) const;
    std::optional<Persona> persona(const QString &name, const QString &language) const;
    const QList<Persona> &personas() const { return m_personas; }
    const QList<Persona::Error> &errors() const { return m_errors; }

    // Whether a survivor message is a persona line marked as a disclosure, compared exactly (the practice report
    // tells "notice before or after the disclosure" by it).
    bool isDisclosure(const QString &survivorText) const;
    bool isAbusive(const QString &survivorText) const;

private:
    QList<Persona> m_personas;
    QList<Persona::Error> m_errors;
};

} // namespace advocate
