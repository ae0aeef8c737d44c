// SPDX-License-Identifier: GPL-3.0-only
#include "ManagedSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSettings>

#ifdef Q_OS_MACOS
#include <CoreFoundation/CoreFoundation.h>
#endif

namespace advocate {

namespace {

// The file or folder at `path` may only be changed by `owner`: its owner, with no write bit for group or others.
// Empty when it may; otherwise which problem, with the sentence for IT.
std::pair<ManagedSettings::ProblemKind, QString> untrusted(const QFileInfo &entry, uint owner)
{
    const QString path = QDir::toNativeSeparators(entry.absoluteFilePath());
    if (entry.ownerId() != owner)
        return {ManagedSettings::ProblemKind::NotOwnedByRoot,
                QCoreApplication::translate(
                    "ManagedSettings",
                    "%1 is not owned by root, so the managed settings there cannot be trusted and are not used. "
                    "Make it root's (chown root:root) and writable by root only (chmod 644 for the file, 755 "
                    "for its folder).")
                    .arg(path)};
    if (entry.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return {ManagedSettings::ProblemKind::WritableByOthers,
                QCoreApplication::translate(
                    "ManagedSettings",
                    "%1 may be changed by users other than root, so the managed settings there cannot be "
                    "trusted and are not used. Make it writable by root only (chmod 644 for the file, 755 for "
                    "its folder).")
                    .arg(path)};
    return {ManagedSettings::ProblemKind::None, QString()};
}

QVariantMap readFile(const QString &path)
{
    QVariantMap values;
    const QSettings file(path, QSettings::IniFormat);
    for (const QString &key : file.allKeys())
        values.insert(key, file.value(key));
    return values;
}

#ifdef Q_OS_MACOS
QVariant fromPropertyList(CFPropertyListRef value)
{
    const CFTypeID type = CFGetTypeID(value);
    if (type == CFStringGetTypeID())
        return QString::fromCFString(static_cast<CFStringRef>(value));
    if (type == CFBooleanGetTypeID())
        return static_cast<bool>(CFBooleanGetValue(static_cast<CFBooleanRef>(value)));
    if (type == CFNumberGetTypeID()) {
        long long number = 0;
        if (!CFNumberGetValue(static_cast<CFNumberRef>(value), kCFNumberLongLongType, &number))
            return {};
        return number;
    }
    if (type == CFArrayGetTypeID()) {
        const auto array = static_cast<CFArrayRef>(value);
        QStringList texts;
        for (CFIndex i = 0; i < CFArrayGetCount(array); ++i) {
            const auto element = CFArrayGetValueAtIndex(array, i);
            if (CFGetTypeID(element) != CFStringGetTypeID())
                return {};
            texts.append(QString::fromCFString(static_cast<CFStringRef>(element)));
        }
        return texts;
    }
    return {}; // a type no setting has: the checks report it
}

// Only forced values count: what a configuration profile set, never what the user wrote into their own preferences.
QVariantMap readForcedPreferences(const QString &domain)
{
    QVariantMap values;
    const CFStringRef application = domain.toCFString();
    for (const QString &key : ManagedSettings::keys()) {
        const CFStringRef name = QString(key).replace(u'/', u'.').toCFString();
        if (CFPreferencesAppValueIsForced(name, application)) {
            if (const CFPropertyListRef value = CFPreferencesCopyAppValue(name, application)) {
                values.insert(key, fromPropertyList(value));
                CFRelease(value);
            }
        }
        CFRelease(name);
    }
    CFRelease(application);
    return values;
}
#endif

// The value as text; an INI value with a comma comes back from QSettings as a list and is joined again.
std::optional<QString> textOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(u',');
    if (value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray)
        return value.toString();
    return std::nullopt;
}

bool isNumber(const QVariant &value)
{
    const int type = value.typeId();
    return type == QMetaType::Int || type == QMetaType::UInt || type == QMetaType::LongLong ||
           type == QMetaType::ULongLong;
}

// A registry DWORD or a plist number comes as a number, an INI value as text.
std::optional<qlonglong> numberOf(const QVariant &value)
{
    if (isNumber(value))
        return value.toLongLong();
    const std::optional<QString> text = textOf(value);
    bool ok = false;
    const qlonglong number = text ? text->trimmed().toLongLong(&ok) : 0;
    return ok ? std::optional<qlonglong>(number) : std::nullopt;
}

std::optional<bool> switchOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (const std::optional<QString> text = textOf(value)) {
        const QString word = text->trimmed().toLower();
        if (word == u"true")
            return true;
        if (word == u"false")
            return false;
    }
    const std::optional<qlonglong> number = numberOf(value);
    if (number == 0 || number == 1)
        return number == 1;
    return std::nullopt;
}

std::optional<int> minutesOf(const QVariant &value)
{
    const std::optional<qlonglong> minutes = numberOf(value);
    if (!minutes || *minutes < 1 || *minutes > ManagedSettings::maxLockMinutes)
        return std::nullopt;
    return static_cast<int>(*minutes);
}

} // namespace

QStringList ManagedSettings::keys()
{
    return {relayUrlKey,   pinKey,        cannedLibraryKey, lockMinutesKey,
            emojiCheckKey, slangCheckKey, shoutingCheckKey, unchangedCannedCheckKey};
}

ManagedSettings::Location ManagedSettings::systemLocation()
{
#if defined(Q_OS_WIN)
    return {Location::Kind::WindowsPolicy, QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\AdvocateDesk"), 0};
#elif defined(Q_OS_MACOS)
    return {Location::Kind::MacManagedPreferences, QStringLiteral("org.advocatedesk.AdvocateDesk"), 0};
#else
    return {Location::Kind::File, QStringLiteral("/etc/advocate-desk/managed.conf"), 0};
#endif
}

ManagedSettings ManagedSettings::read(const Location &location)
{
    switch (location.kind) {
    case Location::Kind::File: {
        const QFileInfo file(location.path);
        if (!file.exists() && !file.isSymLink())
            return fromValues({}, location.path);
        // Whoever can change the file or the folder it is in (or, through a link, the file it names) can change
        // the policy: all of them must be root's alone.
        const QFileInfo target(file.canonicalFilePath());
        for (const QFileInfo &entry : {QFileInfo(file.absolutePath()), target, QFileInfo(target.absolutePath())}) {
            if (!entry.exists())
                break;
            if (const auto [kind, message] = untrusted(entry, location.owner); kind != ProblemKind::None)
                return refused(kind, location.path, message);
        }
        QFile readable(location.path);
        if (!target.isFile() || !readable.open(QIODevice::ReadOnly))
            return refused(ProblemKind::Unreadable, location.path,
                           QCoreApplication::translate(
                               "ManagedSettings",
                               "The managed settings file %1 cannot be read, so the workstation does not know "
                               "what IT set. Make it a file that every user may read (chmod 644).")
                               .arg(location.path));
        return fromValues(readFile(location.path), location.path);
    }
    case Location::Kind::WindowsPolicy: {
#ifdef Q_OS_WIN
        QVariantMap values;
        const QSettings policy(location.path, QSettings::Registry64Format);
        for (const QString &key : policy.allKeys())
            values.insert(key, policy.value(key));
        return fromValues(values, location.path);
#else
        return fromValues({}, location.path);
#endif
    }
    case Location::Kind::MacManagedPreferences: {
        const QString where =
            QCoreApplication::translate("ManagedSettings", "the managed preferences of %1").arg(location.path);
#ifdef Q_OS_MACOS
        return fromValues(readForcedPreferences(location.path), where);
#else
        return fromValues({}, where);
#endif
    }
    }
    return fromValues({}, location.path);
}

ManagedSettings ManagedSettings::fromValues(const QVariantMap &values, const QString &where)
{
    ManagedSettings settings;
    settings.m_where = where;
    const auto invalid = [&](const QString &key, const QString &why) {
        return refused(ProblemKind::Invalid, where,
                       QCoreApplication::translate(
                           "ManagedSettings",
                           "The managed setting %1 in %2 cannot be used: %3 Nothing of the managed settings is "
                           "used until it is corrected.")
                           .arg(key, where, why));
    };
    Values &out = settings.m_values;
    static const QHash<QString, std::optional<bool> Values::*> switches{
        {emojiCheckKey, &Values::emojiCheck},
        {slangCheckKey, &Values::slangCheck},
        {shoutingCheckKey, &Values::shoutingCheck},
        {unchangedCannedCheckKey, &Values::unchangedCannedCheck},
    };
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == relayUrlKey) {
            const std::optional<QString> text = textOf(value);
            const QUrl url(text ? text->trimmed() : QString(), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws")))
                return invalid(key, QCoreApplication::translate("ManagedSettings",
                                                                "it must be a relay address starting with wss://."));
            out.relayUrl = url;
        } else if (key == pinKey) {
            const std::optional<QString> text = textOf(value);
            static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
            const QStringList pins = text ? text->split(separators, Qt::SkipEmptyParts) : QStringList();
            QString why;
            std::optional<RelayKeyPin> pin = pins.isEmpty() ? std::nullopt : RelayKeyPin::parse(pins, &why);
            if (!pin)
                return invalid(key, why.isEmpty()
                                        ? QCoreApplication::translate(
                                              "ManagedSettings", "it must be one or more SHA-256 values in base64.")
                                        : why);
            out.pin = std::move(pin);
        } else if (key == cannedLibraryKey) {
            const std::optional<QString> text = textOf(value);
            if (!text || !QDir::isAbsolutePath(text->trimmed()))
                return invalid(key, QCoreApplication::translate("ManagedSettings",
                                                                "it must be the full path of the library file."));
            out.cannedLibrary = QDir::cleanPath(text->trimmed());
        } else if (key == lockMinutesKey) {
            out.lockMinutes = minutesOf(value);
            if (!out.lockMinutes)
                return invalid(key, QCoreApplication::translate("ManagedSettings",
                                                                "it must be a whole number of minutes from 1 to %1.")
                                        .arg(maxLockMinutes));
        } else if (const auto draftSwitch = switches.find(key); draftSwitch != switches.cend()) {
            const std::optional<bool> on = switchOf(value);
            if (!on)
                return invalid(key, QCoreApplication::translate("ManagedSettings", "it must be true or false."));
            out.*(draftSwitch.value()) = on;
        } else {
            // A misspelt key must not quietly leave a setting (the pin, say) unset.
            return invalid(
                key, QCoreApplication::translate("ManagedSettings",
                                                 "this workstation does not know this setting (is it misspelt?)."));
        }
    }
    return settings;
}

bool ManagedSettings::isEmpty() const
{
    const Values &v = m_values;
    return !v.relayUrl && !v.pin && !v.cannedLibrary && !v.lockMinutes && !v.emojiCheck && !v.slangCheck &&
           !v.shoutingCheck && !v.unchangedCannedCheck;
}

ManagedSettings ManagedSettings::refused(ProblemKind kind, const QString &where, const QString &message)
{
    ManagedSettings settings;
    settings.m_problem = kind;
    settings.m_message = message;
    settings.m_where = where;
    return settings;
}

} // namespace advocate
