// SPDX-License-Identifier: GPL-3.0-only
#include "CannedResponse.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace advocate {

namespace {

constexpr std::array<std::pair<CannedCategory, const char16_t *>, 9> categoryNames{{
    {CannedCategory::Greeting, u"greeting"},
    {CannedCategory::SafetyCheck, u"safety_check"},
    {CannedCategory::MandatoryReporting, u"mandatory_reporting"},
    {CannedCategory::CheckIn, u"check_in"},
    {CannedCategory::Closing, u"closing"},
    {CannedCategory::Transfer, u"transfer"},
    {CannedCategory::Boundary, u"boundary"},
    {CannedCategory::AfterHours, u"after_hours"},
    {CannedCategory::Resources, u"resources"},
}};

constexpr std::array<std::pair<CannedFlag, const char16_t *>, 7> flagNames{{
    {CannedFlag::SafetyCheck, u"safety_check"},
    {CannedFlag::MandatoryReporting, u"mandatory_reporting"},
    {CannedFlag::Closing, u"closing"},
    {CannedFlag::CheckIn, u"check_in"},
    {CannedFlag::Transfer, u"transfer"},
    {CannedFlag::Boundary, u"boundary"},
    {CannedFlag::AfterHours, u"after_hours"},
}};

} // namespace

QString cannedCategoryName(CannedCategory category)
{
    for (const auto &[value, name] : categoryNames) {
        if (value == category)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<CannedCategory> cannedCategoryFromName(const QString &name)
{
    for (const auto &[value, text] : categoryNames) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

QList<CannedCategory> allCannedCategories()
{
    QList<CannedCategory> all;
    for (const auto &pair : categoryNames)
        all.append(pair.first);
    return all;
}

QString cannedCategoryLabel(CannedCategory category)
{
    switch (category) {
    case CannedCategory::Greeting:
        return QCoreApplication::translate("CannedResponse", "Greeting");
    case CannedCategory::SafetyCheck:
        return QCoreApplication::translate("CannedResponse", "Safety check");
    case CannedCategory::MandatoryReporting:
        return QCoreApplication::translate("CannedResponse", "Confidentiality and mandatory reporting");
    case CannedCategory::CheckIn:
        return QCoreApplication::translate("CannedResponse", "Check-in");
    case CannedCategory::Closing:
        return QCoreApplication::translate("CannedResponse", "Closing");
    case CannedCategory::Transfer:
        return QCoreApplication::translate("CannedResponse", "Transfer");
    case CannedCategory::Boundary:
        return QCoreApplication::translate("CannedResponse", "Boundary");
    case CannedCategory::AfterHours:
        return QCoreApplication::translate("CannedResponse", "After hours");
    case CannedCategory::Resources:
        return QCoreApplication::translate("CannedResponse", "Resources");
    }
    return {};
}

QString cannedFlagName(CannedFlag flag)
{
    for (const auto &[value, name] : flagNames) {
        if (value == flag)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<CannedFlag> cannedFlagFromName(const QString &name)
{
    for (const auto &[value, text] : flagNames) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

} // namespace advocate
