// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

// The categories of docs/canned-responses.md; the JSON names are stable, the order is the picker's order.
enum class CannedCategory {
    Greeting,
    SafetyCheck,
    MandatoryReporting,
    CheckIn,
    Closing,
    Transfer,
    Boundary,
    AfterHours,
    Resources,
};

// What an entry does in a conversation, so the workstation can mark "safety check given" or "notice given".
enum class CannedFlag {
    SafetyCheck,
    MandatoryReporting,
    Closing,
    CheckIn,
    Transfer,
    Boundary,
    AfterHours,
};

enum class CannedOrigin {
    Program,  // the managed file deployed by IT, read-only to advocates
    Personal, // the advocate's own, kept in the shift cache and gone at shift end
};

// One canned response with its variants per language (BCP 47 tag, e.g. "en", "es", "es-MX").
struct CannedResponse
{
    QString id;
    CannedCategory category = CannedCategory::Greeting;
    QString shortcut;
    QMap<QString, QString> titles; // per language
    QMap<QString, QString> texts;  // per language
    QList<CannedFlag> flags;
    CannedOrigin origin = CannedOrigin::Program;

    bool hasFlag(CannedFlag flag) const { return flags.contains(flag); }
};

QString cannedCategoryName(CannedCategory category);
std::optional<CannedCategory> cannedCategoryFromName(const QString &name);
QList<CannedCategory> allCannedCategories();
// A human label for the picker, through QCoreApplication::translate.
QString cannedCategoryLabel(CannedCategory category);

QString cannedFlagName(CannedFlag flag);
std::optional<CannedFlag> cannedFlagFromName(const QString &name);

} // namespace advocate
