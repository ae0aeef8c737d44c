// SPDX-License-Identifier: GPL-3.0-only
#include "TsCatalogue.h"

#include <QFile>
#include <QXmlStreamReader>

#include <algorithm>

namespace advocate::test {

namespace {

// The text of the current element up to its end tag. Linguist writes characters XML cannot carry as
// <byte value="x1b"/> (hexadecimal with an x, or decimal).
QString readText(QXmlStreamReader &xml)
{
    QString text;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters()) {
            text += xml.text();
        } else if (xml.isStartElement()) {
            ++depth;
            if (xml.name() == u"byte") {
                const QStringView value = xml.attributes().value(QLatin1String("value"));
                const uint code = value.startsWith(u'x') ? value.mid(1).toUInt(nullptr, 16) : value.toUInt();
                text += QChar(static_cast<char16_t>(code));
            }
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    return text;
}

TsMessage readMessage(QXmlStreamReader &xml, const QString &context)
{
    TsMessage message;
    message.context = context;
    message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source") {
            message.source = readText(xml);
        } else if (xml.name() == u"comment") {
            message.comment = readText(xml);
        } else if (xml.name() == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.translations.append(readText(xml));
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations.append(readText(xml));
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return message;
}

} // namespace

bool TsMessage::isCurrent() const
{
    return type != u"obsolete" && type != u"vanished";
}

bool TsMessage::isFinished() const
{
    return type.isEmpty() && !translations.isEmpty() &&
           std::none_of(translations.cbegin(), translations.cend(), [](const QString &text) { return text.isEmpty(); });
}

TsCatalogue TsCatalogue::read(QIODevice *device)
{
    TsCatalogue catalogue;
    QXmlStreamReader xml(device);
    bool sawRoot = false;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"TS") {
            sawRoot = true;
            catalogue.m_language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == u"context") {
            context.clear();
        } else if (xml.name() == u"name") {
            context = readText(xml);
        } else if (xml.name() == u"message") {
            catalogue.m_messages.append(readMessage(xml, context));
        }
    }
    if (xml.hasError())
        catalogue.m_error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    else if (!sawRoot)
        catalogue.m_error = QStringLiteral("no <TS> element");
    return catalogue;
}

TsCatalogue TsCatalogue::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        TsCatalogue catalogue;
        catalogue.m_error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return catalogue;
    }
    TsCatalogue catalogue = read(&file);
    if (!catalogue.ok())
        catalogue.m_error = path + QStringLiteral(": ") + catalogue.m_error;
    return catalogue;
}

QList<TsMessage> TsCatalogue::unfinished() const
{
    QList<TsMessage> found;
    for (const TsMessage &message : m_messages) {
        if (message.isCurrent() && !message.isFinished())
            found.append(message);
    }
    return found;
}

QString describeMessages(const QList<TsMessage> &messages, int limit)
{
    QString text = QStringLiteral("%1 message(s):\n").arg(messages.size());
    for (qsizetype i = 0; i < std::min<qsizetype>(limit, messages.size()); ++i)
        text += QStringLiteral("  %1: %2\n").arg(messages[i].context, messages[i].source);
    if (messages.size() > limit)
        text += QStringLiteral("  … and %1 more\n").arg(messages.size() - limit);
    return text;
}

} // namespace advocate::test
