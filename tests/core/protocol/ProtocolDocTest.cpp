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

// The senders as section 4's "who" column writes them: "anyone", or callers separated by commas, then, for a frame
// that names a conversation, how the caller must stand to it in parentheses: "(participants)", "(participants or
// present)" (staff present without answering too), "(any conversation)" (every caller may name any open one), and
// "; supervisor: any conversation" for a role that may (section 17).
constexpr unsigned staffCallers = Senders::Advocate | Senders::Supervisor;

Senders sendersFromDoc(QString who)
{
    Senders senders;
    if (const qsizetype open = who.indexOf(QLatin1String(" (")); open > 0 && who.endsWith(u')')) {
        const QStringList parts = who.mid(open + 2, who.size() - open - 3).split(QStringLiteral("; "));
        who.truncate(open);
        senders.participantsOnly = true;
        for (const QString &part : parts) {
            if (part == QLatin1String("participants")) {
            } else if (part == QLatin1String("participants or present")) {
                senders.present = staffCallers;
            } else if (part == QLatin1String("any conversation")) {
                senders.overseers = ~0u;
            } else if (part.endsWith(QLatin1String(": any conversation"))) {
                const std::optional<Role> role = roleFromName(part.section(u':', 0, 0));
                if (!role)
                    return Senders{};
                senders.overseers |= Senders::callerOf(role);
            } else {
                return Senders{}; // a relation the check does not know: it cannot match
            }
        }
    }
    if (who == QLatin1String("anyone"))
        return Senders{senders::anyone.callers, senders.participantsOnly, senders.present, senders.overseers};
    for (const QString &caller : who.split(QStringLiteral(", "))) {
        if (caller == QLatin1String("anonymous"))
            senders.callers |= Senders::Anonymous;
        else if (const std::optional<Role> role = roleFromName(caller))
            senders.callers |= Senders::callerOf(role);
        else
            return Senders{}; // a caller the check does not know: it cannot match
    }
    senders.present &= senders.callers;
    senders.overseers &= senders.callers;
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
    QString text = callers.join(QStringLiteral(", "));
    if (!senders.participantsOnly)
        return text;
    if (senders.overseers == senders.callers)
        return text + QStringLiteral(" (any conversation)");
    QStringList relation{senders.present != 0 ? QStringLiteral("participants or present")
                                              : QStringLiteral("participants")};
    for (const Role role : {Role::Advocate, Role::Supervisor}) {
        if (senders.overseers & Senders::callerOf(role))
            relation.append(roleName(role) + QStringLiteral(": any conversation"));
    }
    return text + QStringLiteral(" (") + relation.join(QStringLiteral("; ")) + u')';
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

TEST(ProtocolDoc, ErrorCodesTableListsEveryCodeAndNothingElse)
{
    const QString doc = protocolDoc();
    ASSERT_FALSE(doc.isEmpty());
    std::map<QString, QString> documented = frameRows(section(doc, 7));
    for (int i = 0; i <= static_cast<int>(lastErrorCode); ++i) {
        const QString name = errorCodeName(static_cast<ErrorCode>(i));
        if (documented.erase(name) == 0)
            ADD_FAILURE() << "docs/protocol.md section 7 does not list " << qPrintable(name);
    }
    for (const auto &[name, when] : documented)
        ADD_FAILURE() << "docs/protocol.md section 7 lists " << qPrintable(name) << ", which is no error code";
}
