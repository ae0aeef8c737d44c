// SPDX-License-Identifier: GPL-3.0-only
// docs/protocol.md follows the frame lists of protocol/Frames.h: every frame is in the table of its direction
// with the senders the relay enforces, the reserved names are the ones listed, and nothing else is documented.
#include "protocol/Frames.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <map>

using namespace advocate;

namespace {

QString protocolDoc()
{
    QFile file(QDir(QStringLiteral(ADVOCATE_SOURCE_DIR)).filePath(QStringLiteral("docs/protocol.md")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QString();
    return QString::fromUtf8(file.readAll());
}

// The text of the section whose heading starts with "## <number>.".
QString section(const QString &doc, int number)
{
    const QRegularExpression heading(QStringLiteral("^## %1\\. .*$").arg(number), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch start = heading.match(doc);
    if (!start.hasMatch())
        return QString();
    const qsizetype from = start.capturedEnd();
    const qsizetype to = doc.indexOf(QLatin1String("\n## "), from);
    return doc.mid(from, to < 0 ? -1 : to - from);
}

// The rows of the table in `text` whose first cell is a `type`: type → second cell.
std::map<QString, QString> frameRows(const QString &text)
{
    std::map<QString, QString> rows;
    const QRegularExpression row(QStringLiteral("^\\| `([a-z_]+)` \\| ([^|]*) \\|"),
                                 QRegularExpression::MultilineOption);
    for (QRegularExpressionMatchIterator it = row.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        rows[match.captured(1)] = match.captured(2).trimmed();
    }
    return rows;
}

// The senders as section 4's "who" column writes them: "anyone", or callers separated by commas, with
// "(participants)" for a frame that names a conversation.
Senders sendersFromDoc(QString who)
{
    Senders senders;
    if (who.endsWith(QLatin1String(" (participants)"))) {
        senders.participantsOnly = true;
        who.chop(static_cast<int>(qstrlen(" (participants)")));
    }
    if (who == QLatin1String("anyone"))
        return Senders{senders::anyone.callers, senders.participantsOnly};
    for (const QString &caller : who.split(QStringLiteral(", "))) {
        if (caller == QLatin1String("anonymous"))
            senders.callers |= Senders::Anonymous;
        else if (const std::optional<Role> role = roleFromName(caller))
            senders.callers |= Senders::callerOf(role);
        else
            return Senders{}; // a caller the check does not know: it cannot match
    }
    return senders;
}

QString describe(const Senders &senders)
{
    QStringList callers;
    if (senders.includes(std::nullopt))
        callers.append(QStringLiteral("anonymous"));
    for (const Role role : {Role::Survivor, Role::Advocate, Role::Supervisor, Role::Admin}) {
        if (senders.includes(role))
            callers.append(roleName(role));
    }
    return callers.join(QStringLiteral(", ")) +
           (senders.participantsOnly ? QStringLiteral(" (participants)") : QString());
}

} // namespace

TEST(ProtocolDoc, ClientFramesTableListsEveryClientFrameWithItsSenders)
{
    const QString doc = protocolDoc();
    ASSERT_FALSE(doc.isEmpty());
    std::map<QString, QString> documented = frameRows(section(doc, 4));
    for (const FrameInfo &info : clientFrameInfos) {
        const QString name = QLatin1String(info.name);
        const auto row = documented.find(name);
        if (row == documented.end()) {
            ADD_FAILURE() << "docs/protocol.md section 4 does not list " << info.name;
            continue;
        }
        EXPECT_EQ(sendersFromDoc(row->second), info.senders)
            << info.name << ": the docs say \"" << qPrintable(row->second) << "\", the relay allows \""
            << qPrintable(describe(info.senders)) << "\"";
        documented.erase(row);
    }
    for (const auto &[name, who] : documented)
        ADD_FAILURE() << "docs/protocol.md section 4 lists " << qPrintable(name) << ", which is no client frame";
}

TEST(ProtocolDoc, RelayFramesTableListsEveryRelayFrameAndNothingElse)
{
    const QString doc = protocolDoc();
    ASSERT_FALSE(doc.isEmpty());
    std::map<QString, QString> documented = frameRows(section(doc, 5));
    for (const FrameInfo &info : relayFrameInfos) {
        if (documented.erase(QLatin1String(info.name)) == 0)
            ADD_FAILURE() << "docs/protocol.md section 5 does not list " << info.name;
    }
    for (const auto &[name, to] : documented)
        ADD_FAILURE() << "docs/protocol.md section 5 lists " << qPrintable(name) << ", which is no relay frame";
}

TEST(ProtocolDoc, ReservedTypesAreTheListedOnes)
{
    const QString text = section(protocolDoc(), 10);
    ASSERT_FALSE(text.isEmpty());
    QStringList documented;
    const QRegularExpression name(QStringLiteral("`([a-z_]+)`"));
    for (QRegularExpressionMatchIterator it = name.globalMatch(text); it.hasNext();)
        documented.append(it.next().captured(1));
    documented.removeAll(QStringLiteral("not_supported"));
    documented.removeAll(QStringLiteral("not_authorized"));
    QStringList listed;
    for (const char *reserved : reservedFrameNames)
        listed.append(QLatin1String(reserved));
    documented.sort();
    listed.sort();
    EXPECT_EQ(documented, listed);
}
