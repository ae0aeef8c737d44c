// SPDX-License-Identifier: GPL-3.0-only
// The frames' JSON writer (issue 16): what it writes parses to the object QJsonDocument would have written, for the
// strings a client can send (quotes, backslashes, control characters, any script, emoji, a lone surrogate), for
// numbers at the protocol's limits and for nested arrays and objects; and every frame it encodes decodes again.
#include "protocol/JsonObjectWriter.h"

#include "protocol/FrameCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

QJsonObject parsed(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json.constData();
    return document.object();
}

const QList<QString> &awkwardStrings()
{
    static const QList<QString> strings{
        QString(),
        QStringLiteral("plain"),
        QStringLiteral("\"quoted\" and \\back\\slashed\\"),
        QStringLiteral("line\nbreak\ttab\rreturn\bbell\fform"),
        QString(QChar(0)) + QChar(0x1f) + QChar(0x7f) + QStringLiteral("/</script>"),
        QStringLiteral("Sí, señora — ¿dónde está? 你好 مرحبا שלום"),
        QString::fromUtf8("\xF0\x9F\x98\x80 emoji \xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88"),
        QStringLiteral("\u2028 and \u2029 separators"),
    };
    return strings;
}

} // namespace

TEST(JsonObjectWriter, StringsParseBackToWhatWasWritten)
{
    for (const QString &text : awkwardStrings()) {
        JsonObjectWriter writer;
        writer.insert(QLatin1String("body"), text);
        EXPECT_EQ(parsed(std::move(writer).finish()).value(QLatin1String("body")).toString(), text) << qPrintable(text);
    }
}

TEST(JsonObjectWriter, ALoneSurrogateBecomesTheReplacementCharacter)
{
    JsonObjectWriter writer;
    writer.insert(QLatin1String("body"), QString(QChar(0xd800)) + QStringLiteral("x") + QChar(0xdc00));
    const QByteArray json = std::move(writer).finish();
    EXPECT_EQ(json, QByteArray("{\"body\":\"\xEF\xBF\xBDx\xEF\xBF\xBD\"}"));
}

TEST(JsonObjectWriter, WritesWhatQJsonDocumentWouldForEveryKindOfValue)
{
    const QJsonArray nested{1, QStringLiteral("two"), QJsonObject{{QStringLiteral("three"), true}}};
    const QJsonObject inner{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QJsonArray{}}};
    JsonObjectWriter writer;
    writer.insert(QLatin1String("type"), QLatin1String("board"));
    writer.insert(QLatin1String("small"), 0);
    writer.insert(QLatin1String("large"), qint64(9007199254740991)); // 2^53 - 1, the protocol's largest
    writer.insert(QLatin1String("negative"), qint64(-42));
    writer.insert(QLatin1String("yes"), true);
    writer.insert(QLatin1String("no"), false);
    writer.insert(QLatin1String("list"), nested);
    writer.insert(QLatin1String("object"), inner);
    writer.insert(QLatin1String("value"), QJsonValue(QStringLiteral("v")));
    writer.insert(QLatin1String("null"), QJsonValue(QJsonValue::Null));
    const QJsonObject expected{{QStringLiteral("type"), QStringLiteral("board")},
                               {QStringLiteral("small"), 0},
                               {QStringLiteral("large"), qint64(9007199254740991)},
                               {QStringLiteral("negative"), -42},
                               {QStringLiteral("yes"), true},
                               {QStringLiteral("no"), false},
                               {QStringLiteral("list"), nested},
                               {QStringLiteral("object"), inner},
                               {QStringLiteral("value"), QStringLiteral("v")},
                               {QStringLiteral("null"), QJsonValue(QJsonValue::Null)}};
    const QByteArray json = std::move(writer).finish();
    EXPECT_EQ(parsed(json), expected) << json.constData();
    EXPECT_FALSE(json.contains(' ')); // compact
}

TEST(JsonObjectWriter, FramesWithAwkwardBodiesDecodeToThemselves)
{
    const FrameCodec codec(ProtocolLimits{1 << 20, 100000});
    for (const QString &text : awkwardStrings()) {
        if (text.isEmpty())
            continue; // a message body has at least one character
        const frame::Message message{QStringLiteral("c1"),  7,    Side::Survivor,
                                     QStringLiteral("m-1"), text, 1700000000000,
                                     QStringLiteral("ana"), true};
        const QByteArray json = FrameCodec::encode(RelayFrame(message));
        EXPECT_TRUE(json.startsWith("{\"type\":\"message\",")) << json.constData();
        const DecodeResult<RelayFrame> decoded = codec.decodeRelayFrame(json);
        ASSERT_TRUE(decoded.ok()) << json.constData();
        const auto *back = std::get_if<frame::Message>(&*decoded.frame);
        ASSERT_NE(back, nullptr);
        EXPECT_EQ(back->body, text);
        EXPECT_EQ(back->by, message.by);
        EXPECT_EQ(back->seq, 7);
        EXPECT_TRUE(back->supervisor);
    }
}
